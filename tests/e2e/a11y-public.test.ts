/** Accessibility of the public build: axe (WCAG 2.2 AA), light and dark (tests/e2e/helpers/a11y.ts). */
import { describeAccessibility } from './helpers/a11y.ts';

describeAccessibility('example-public', 6);

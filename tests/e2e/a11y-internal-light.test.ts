/** Accessibility of the internal build in the light theme: axe, every WCAG 2.2 AA rule (tests/e2e/helpers/a11y.ts). */
import { describeAccessibility } from './helpers/a11y.ts';

describeAccessibility('example-internal', 16, { themes: ['light'] });

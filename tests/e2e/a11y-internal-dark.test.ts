/** Accessibility of the internal build in the dark theme: axe's colour rules (tests/e2e/helpers/a11y.ts). */
import { describeAccessibility } from './helpers/a11y.ts';

describeAccessibility('example-internal', 16, { themes: ['dark'] });

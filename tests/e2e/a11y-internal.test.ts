/**
 * Accessibility of the internal build: axe, every WCAG 2.2 AA rule in the light theme and the colour
 * rules in the dark theme (tests/e2e/helpers/a11y.ts), on every index page and the first page of
 * each kind (pages of one kind share their template).
 */
import { describeAccessibility } from './helpers/a11y.ts';

describeAccessibility('example-internal', 16, { perKind: 1 });

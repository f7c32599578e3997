/**
 * Accessibility of the internal build in the light theme: axe, every WCAG 2.2 AA rule
 * (tests/e2e/helpers/a11y.ts), on every index page and the first page of each kind: pages of one
 * kind share their template, and CI has five minutes on two cores.
 */
import { describeAccessibility } from './helpers/a11y.ts';

describeAccessibility('example-internal', 16, { themes: ['light'], perKind: 1 });

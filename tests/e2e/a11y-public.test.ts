/** Accessibility of the public build: axe (WCAG 2.2 AA), light and dark (tests/e2e/helpers/a11y.ts). */
import { describeAccessibility } from './helpers/a11y.ts';

// The public build's pages are the internal build's templates with less on them: one page of each kind.
describeAccessibility('example-public', 6, { perKind: 1 });

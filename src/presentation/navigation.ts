/** The site navigation: which sections exist depends on the audience (SPEC §3). */
import type { Audience } from '../core/model.ts';
import { sitePath } from '../core/urls.ts';

/** The sections a page can belong to; the header marks the current one. */
export type NavSection = 'home' | 'releases' | 'changelog' | 'calendar' | 'runbooks' | 'raci' | 'people' | 'metrics';

export interface NavItem {
  section: NavSection;
  label: string;
  href: string;
}

/** Why: a public build has no runbooks, RACI, people or metrics, so it must not link to them. */
export function navigationFor(audience: Audience): NavItem[] {
  const item = (section: NavSection, label: string): NavItem => ({ section, label, href: sitePath(`/${section}/`) });
  const publicItems = [item('releases', 'Releases'), item('changelog', 'Changelog'), item('calendar', 'Calendar')];
  if (audience === 'public') return publicItems;
  return [...publicItems, item('runbooks', 'Runbooks'), item('raci', 'RACI'), item('people', 'People'), item('metrics', 'Metrics')];
}

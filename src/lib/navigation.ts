/** The site navigation: which sections exist depends on the audience (SPEC §3). */
import type { Audience } from './model';

export interface NavItem {
  label: string;
  href: string;
}

/** Why: a public build has no runbooks, RACI, people or metrics, so it must not link to them. */
export function navigationFor(audience: Audience): NavItem[] {
  const publicItems: NavItem[] = [
    { label: 'Releases', href: '/releases/' },
    { label: 'Changelog', href: '/changelog/' },
    { label: 'Calendar', href: '/calendar/' },
  ];
  if (audience === 'public') return publicItems;
  return [
    ...publicItems,
    { label: 'Runbooks', href: '/runbooks/' },
    { label: 'RACI', href: '/raci/' },
    { label: 'People', href: '/people/' },
    { label: 'Metrics', href: '/metrics/' },
  ];
}

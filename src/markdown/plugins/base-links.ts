/**
 * Links written in bodies as site paths (`/runbooks/rollback-web/`) point into the hub, wherever
 * it is deployed: under a base path (`https://acme.github.io/releases/`) they get that base.
 */
import { defineHastPlugin } from 'satteri';

/** Why: authors write hub paths; a hub under a base path must not link to the host's root. */
export function baseLinksPlugin(base: string) {
  const prefix = base.replace(/\/+$/, '');
  return defineHastPlugin({
    name: 'base-links',
    element: {
      filter: ['a', 'img'],
      visit(node, ctx) {
        const key = node.tagName === 'a' ? 'href' : 'src';
        const value = node.properties?.[key];
        // Authors write hub paths, never the base: `/releases/web/4.0.0/` under the base `/releases/` is the release section.
        if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return;
        ctx.setProperty(node, key, `${prefix}${value}`);
      },
    },
  });
}

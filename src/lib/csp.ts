/** Content-Security-Policy hashes for the few inline elements the layout writes itself. */
import { createHash } from 'node:crypto';

/** The theme of the reader, applied before first paint (src/scripts/theme.ts stores it). */
export const THEME_HEAD_SCRIPT =
  "try{var t=localStorage.getItem('release-hub-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";

/** Why: Astro's CSP hashes the scripts and styles it bundles; inline ones we write need their own. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

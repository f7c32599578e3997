// @ts-check
// The example hub in content/, built with the integration exactly as a team's repo builds its own
// (`release-hub init` writes the same file). Options: see the README, "Use it for your team".
import { defineConfig } from 'astro/config';
import releaseHub from 'release-hub';

export default defineConfig({
  integrations: [releaseHub()],
});

/**
 * The files of a new team hub repository (`release-hub init`): a project that depends on
 * `release-hub` and `astro`, an `astro.config.mjs` that uses the integration, a small content
 * root that passes the checks (two products, releases around "today", a runbook, a RACI matrix,
 * people, a freeze), the team's `public/` with its logo, a README and a GitHub Pages workflow.
 * Pure: the dates come from `today`, so the same inputs give the same files.
 */
import type { Temporal } from 'temporal-polyfill';

/** What a scaffold is made from. */
export interface ScaffoldOptions {
  /** The folder's name: the package name and the site's path on GitHub Pages. */
  slug: string;
  title: string;
  /** IANA zone of the hub. */
  timezone: string;
  /** The day the hub is made; sample releases and the freeze are placed around it. */
  today: Temporal.PlainDate;
  /** Version of release-hub to depend on. */
  releaseHubVersion: string;
  /** Range of Astro to depend on (the one release-hub is made for). */
  astroRange: string;
  /** Leave out the sample releases of this product (they come from an imported changelog instead). */
  withoutSampleReleasesOf?: string;
}

/** One file to write, relative to the new project's folder. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

/** Why: a team starts from a working hub, not from an empty folder and the README. */
export function scaffoldFiles(options: ScaffoldOptions): ScaffoldFile[] {
  const files: ScaffoldFile[] = [
    { path: 'package.json', content: packageJson(options) },
    { path: 'astro.config.mjs', content: ASTRO_CONFIG },
    { path: '.gitignore', content: GITIGNORE },
    { path: 'README.md', content: readme(options) },
    { path: '.github/workflows/deploy.yml', content: WORKFLOW },
    { path: 'public/logo.svg', content: LOGO },
    { path: 'content/hub.yaml', content: hubYaml(options) },
    { path: 'content/people.yaml', content: PEOPLE },
    { path: 'content/raci/standard-release.yaml', content: RACI },
    { path: 'content/runbooks/deploy.md', content: runbook(options) },
    { path: 'content/freezes.yaml', content: freezes(options) },
    ...sampleReleases(options),
  ];
  return files.filter((file) => !options.withoutSampleReleasesOf || !file.path.startsWith(`content/releases/${options.withoutSampleReleasesOf}/`));
}

function packageJson({ slug, releaseHubVersion, astroRange }: ScaffoldOptions): string {
  const pkg = {
    name: slug,
    private: true,
    type: 'module',
    scripts: {
      check: 'release-hub check',
      build: 'release-hub build',
      'build:public': 'release-hub build --audience public --out-dir dist-public',
      dev: 'release-hub dev',
      preview: 'release-hub preview',
      new: 'release-hub new',
    },
    engines: { node: '>=22.12' },
    dependencies: { astro: astroRange, 'release-hub': `^${releaseHubVersion}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const ASTRO_CONFIG = `// @ts-check
// The release hub: everything comes from content/ (see README.md). Options of releaseHub():
// content (the content root), audience ('internal' | 'public'), logo, customCss, components.
import { defineConfig } from 'astro/config';
import releaseHub from 'release-hub';

export default defineConfig({
  integrations: [releaseHub()],
});
`;

const GITIGNORE = `node_modules/
dist/
dist-public/
dist*.staging-*/
dist*.previous-*/
.astro/
`;

function hubYaml({ slug, title, timezone }: ScaffoldOptions): string {
  return `# Site settings of the hub. Local times anywhere in content/ are wall-clock times in
# \`timezone\` unless they carry an offset (2026-03-10T02:00+01:00).
title: ${yamlText(title)}
# Where the hub is published. A path (here /${slug}/, as on GitHub Pages) becomes the base of every link.
url: https://example.github.io/${slug}/
timezone: ${timezone}
description: What ships when, and what changed.
products:
  - { id: app, name: App }
  - { id: api, name: API }
cadence:                       # the regular release window: every Tuesday 02:00–04:00
  rrule: FREQ=WEEKLY;BYDAY=TU
  start: "02:00"
  durationMinutes: 120
logo: /logo.svg                # a file in public/
`;
}

const PEOPLE = `# People who take part in releases. \`role\` is a role of a matrix in raci/.
- { id: ada, name: Ada Lovelace, role: Release Manager, email: ada@example.com, chat: "@ada" }
- { id: grace, name: Grace Hopper, role: Engineering Lead, email: grace@example.com }
- { id: linus, name: Linus Pauling, role: QA Lead }
`;

const RACI = `# Who does what in a regular release.
title: Standard release
roles: [Release Manager, Engineering Lead, QA Lead]
activities:
  - name: Go/no-go decision
    assignments: { Release Manager: A/R, Engineering Lead: C, QA Lead: C }
  - name: Deploy to production
    assignments: { Release Manager: A, Engineering Lead: R, QA Lead: I }
  - name: Validate after the deploy
    assignments: { Release Manager: I, Engineering Lead: A, QA Lead: R }
`;

function runbook({ today }: ScaffoldOptions): string {
  return `---
title: Deploy a release
kind: deploy
owner: grace
products: [app, api]
lastReviewed: ${today.subtract({ days: 10 })}
reviewEveryDays: 90
---

How a release goes out in the Tuesday window.

## Before the window

1. The release file says \`status: scheduled\`, and the go/no-go decision is recorded.
2. No freeze is on for the product (see the calendar).

## Deploy

\`\`\`sh
./deploy.sh "$VERSION"
\`\`\`

## After the deploy

Set \`status: released\` and \`deployment.finishedAt\` in the release file.
`;
}

function freezes({ today }: ScaffoldOptions): string {
  const start = today.add({ days: 45 });
  return `# Freeze windows: a release window that overlaps one needs \`freezeException: <reason>\`.
- name: Quarter-end freeze
  start: ${start}
  end: ${start.add({ days: 4 })}            # a date-only end freezes the whole day
  reason: Quarter-end reporting; security fixes only.
`;
}

/** Releases a few weeks back and a few days ahead, on the cadence's Tuesdays. */
function sampleReleases({ today }: ScaffoldOptions): ScaffoldFile[] {
  const tuesday = (weeks: number) => {
    const day = today.add({ weeks });
    return day.subtract({ days: (day.dayOfWeek - 2 + 7) % 7 });
  };
  const window = (day: Temporal.PlainDate) => `window:\n  start: ${day}T02:00\n  end: ${day}T04:00`;
  const shipped = (day: Temporal.PlainDate, minutes: number) =>
    `deployment:\n  startedAt: ${day}T02:05\n  finishedAt: ${day}T02:${String(minutes).padStart(2, '0')}`;
  const first = tuesday(-4);
  const second = tuesday(-2);
  const next = tuesday(1);
  return [
    {
      path: 'content/releases/app/1.0.0.md',
      content: `---
version: 1.0.0
product: app
title: First release
summary: The app is available to everyone.
status: released
audience: public
risk: medium
${window(first)}
acceptedAt: ${first.subtract({ days: 6 })}
${shipped(first, 40)}
owner: ada
raci: standard-release
runbooks: [deploy]
changes:
  - { type: added, summary: Sign in with your work e-mail }
  - { type: added, summary: Projects and tasks }
---
## Highlights

Everything you need to plan work with your team.
`,
    },
    {
      path: 'content/releases/app/1.1.0.md',
      content: `---
version: 1.1.0
product: app
title: Faster search
summary: Search answers as you type.
status: scheduled
audience: public
risk: low
${window(next)}
owner: ada
raci: standard-release
runbooks: [deploy]
changes:
  - { type: changed, summary: Search answers as you type }
  - { type: fixed, summary: Dates show in your own time zone, audience: public }
  - { type: changed, summary: Search index moved to the new cluster, audience: internal }
---
`,
    },
    {
      path: 'content/releases/api/2.0.0.md',
      content: `---
version: 2.0.0
product: api
title: API 2
summary: Cursor pagination on every list endpoint.
status: released
audience: public
risk: high
${window(second)}
acceptedAt: ${second.subtract({ days: 9 })}
${shipped(second, 55)}
owner: grace
raci: standard-release
runbooks: [deploy]
changes:
  - { type: changed, summary: "List endpoints page with \`cursor\` instead of \`page\`", breaking: true }
  - { type: deprecated, summary: "The \`/v1\` endpoints answer until the end of the year" }
---
## Migration

Replace \`page=<n>\` with the \`next_cursor\` of the previous answer.
`,
    },
  ];
}

function readme({ title }: ScaffoldOptions): string {
  return `# ${title}

Our release hub: releases, changelog, release calendar, runbooks, RACI and metrics, built from
the plain files in \`content/\` by [Release Hub](https://www.npmjs.com/package/release-hub).

## Commands

\`\`\`sh
npm install            # once
npm run check          # validate content/ (the same messages as the build)
npm run dev            # preview while you edit: http://localhost:4321/
npm run build          # build the whole (internal) hub into dist/
npm run build:public   # build the customer site (public releases only) into dist-public/
npm run preview        # serve what was built
\`\`\`

## Adding a release

\`\`\`sh
npx release-hub new release 1.2.0 --product app --window 2026-05-12T02:00
\`\`\`

writes \`content/releases/app/1.2.0.mdx\` with every field explained. Import history with
\`npx release-hub import changelog CHANGELOG.md --product app\`.

## Upgrading

\`\`\`sh
npm update release-hub astro
npm run check && npm run build
\`\`\`

## Deploying

\`.github/workflows/deploy.yml\` builds the hub and publishes it on GitHub Pages on every push
to \`main\` (Settings → Pages → Source: GitHub Actions). Set \`url\` in \`content/hub.yaml\` to the
address it is published at; its path (\`/<repo>/\`) is the base of every link.
`;
}

const WORKFLOW = `# Build the hub and publish it on GitHub Pages (Settings → Pages → Source: GitHub Actions).
name: Deploy the release hub
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 24
          cache: npm
      - run: npm ci
      - run: npm run check
      # The public build is the customer site; use \`npm run build\` for the whole internal hub.
      - run: npm run build:public
      - uses: actions/upload-pages-artifact@v3
        with:
          path: dist-public
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" role="img" aria-label="Logo"><rect width="32" height="32" rx="7" fill="#0f766e"/><path d="M10 22V10h7a4 4 0 0 1 0 8h-7m7 0 5 4" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>
`;

/** A YAML scalar that stays text whatever the title holds. */
function yamlText(text: string): string {
  return JSON.stringify(text);
}

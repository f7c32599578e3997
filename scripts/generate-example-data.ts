/**
 * Writes the example hub's usage data and survey responses (content/usage/, content/feedback/),
 * once: `node_modules/.bin/tsx scripts/generate-example-data.ts`. The files are committed; the
 * script is here so they can be made again, byte for byte (a fixed seed, no clock).
 *
 * - Northwind Web is used in Europe: active users per hour, written in the hub zone's local time
 *   (Europe/Berlin, no offset), so the fall-back night's repeated 02:00 is written twice.
 * - The Northwind API is used by customers on the US west coast: requests per hour, written with
 *   the America/Los_Angeles offset. Weekday business hours, plus the customers' nightly exports at
 *   17:00–19:00 Pacific, which is Tuesday 02:00–04:00 in Berlin: the hub's cadence.
 * - Survey responses for the last releases of each product, dated in the three weeks after each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';

const contentRoot = path.resolve(import.meta.dirname, '../content');

/** mulberry32: a small seeded generator, the same numbers on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20261126);

/** Eight weeks from Monday 28 September 2026: both zones' fall-back nights are inside. */
const FIRST_DAY = Temporal.PlainDate.from('2026-09-28');
const WEEKS = 8;

/** Share of the peak per local hour on weekdays; weekends are a fraction of it. */
const WEB_WEEKDAY = [0.1, 0.06, 0.04, 0.03, 0.04, 0.08, 0.2, 0.45, 0.8, 0.95, 1, 0.98, 0.85, 0.92, 0.97, 0.95, 0.85, 0.65, 0.45, 0.35, 0.3, 0.25, 0.18, 0.13];
const API_WEEKDAY = [0.15, 0.12, 0.1, 0.1, 0.12, 0.2, 0.35, 0.55, 0.75, 0.85, 0.9, 0.9, 0.85, 0.88, 0.9, 0.88, 0.92, 1, 0.98, 0.7, 0.45, 0.32, 0.25, 0.2];

interface UsageSpec {
  product: string;
  zone: string;
  peak: number;
  weekday: number[];
  weekend: number;
  /** Write the zone's offset (else local time without one). */
  offset: boolean;
  sidecar: string;
}

const USAGE: UsageSpec[] = [
  {
    product: 'web',
    zone: 'Europe/Berlin',
    peak: 4200,
    weekday: WEB_WEEKDAY,
    weekend: 0.35,
    offset: false,
    sidecar: [
      'unit: active users',
      'description: Active users of Northwind Web per hour, from the web analytics export (local time, Europe/Berlin).',
      'busyPercentile: 80',
      '',
    ].join('\n'),
  },
  {
    product: 'api',
    zone: 'America/Los_Angeles',
    peak: 182000,
    weekday: API_WEEKDAY,
    weekend: 0.3,
    offset: true,
    sidecar: [
      'unit: requests',
      'description: >-',
      '  Requests to the Northwind API per hour, from the gateway logs. Most customers are on the US west',
      '  coast; their nightly exports start at 17:00 Pacific.',
      '',
    ].join('\n'),
  },
];

function usageCsv(spec: UsageSpec): string {
  const lines = ['time,count'];
  const start = FIRST_DAY.toZonedDateTime({ timeZone: spec.zone });
  const end = FIRST_DAY.add({ weeks: WEEKS }).toZonedDateTime({ timeZone: spec.zone });
  // Elapsed hours: a repeated hour is two rows, a skipped hour none.
  for (let time = start; Temporal.ZonedDateTime.compare(time, end) < 0; time = time.add({ hours: 1 })) {
    const weekend = time.dayOfWeek >= 6 ? spec.weekend : 1;
    const noise = 1 + 0.08 * (next() * 2 - 1);
    const count = Math.round(spec.peak * spec.weekday[time.hour]! * weekend * noise);
    const written = spec.offset
      ? time.toString({ timeZoneName: 'never', smallestUnit: 'minute' })
      : time.toPlainDateTime().toString({ smallestUnit: 'minute' });
    lines.push(`${written},${count}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The releases surveyed: the day each shipped (hub zone), how many answered, and the score they lean to. */
const SURVEYS = [
  { product: 'api', version: '2.3.0', released: '2026-07-07', responses: 48, lean: 4.5 },
  { product: 'api', version: '2.4.1', released: '2026-09-08', responses: 37, lean: 4.0 },
  { product: 'api', version: '2.5.0', released: '2026-10-06', responses: 45, lean: 4.2 },
  { product: 'api', version: '2.6.0', released: '2026-11-10', responses: 28, lean: 4.4 },
  { product: 'web', version: '4.4.0', released: '2026-07-28', responses: 62, lean: 4.3 },
  { product: 'web', version: '4.5.0', released: '2026-09-15', responses: 71, lean: 4.0 },
  { product: 'web', version: '4.7.0', released: '2026-11-03', responses: 40, lean: 4.4 },
];

/** The last day a response can be dated: the day before the example hub's "now". */
const LAST_DAY = Temporal.PlainDate.from('2026-11-25');

const SEGMENTS = ['free', 'team', 'team', 'enterprise'];

const COMMENTS: Record<string, string[]> = {
  web: [
    'The new report templates save me an hour every Monday.',
    'Sharing a read-only link with guests is exactly what we needed.',
    'Page loads feel slower since the update.',
    'I miss the old Velocity report layout.',
    'Automations are great, but the builder is hard to find.',
    'Dark mode finally looks right on the board view.',
    'Our team could not find where the fixed reports went.',
    'Filters are much faster now.',
    'Please let us pin a template to the dashboard.',
    'Export to CSV lost the column order we set.',
  ],
  api: [
    'Webhook retries fixed our missed events.',
    'The audit log endpoint is what compliance asked for.',
    'Rate limit headers would help us back off properly.',
    'Pagination change broke our nightly export for a day.',
    'The v2 error format is much easier to handle.',
    'File uploads are faster, thanks.',
    'Usage endpoint numbers do not match the billing page.',
    'Please document the new webhook signature header.',
    'Latency at 17:00 Pacific is noticeably higher.',
    'Smooth upgrade, nothing to change on our side.',
  ],
};

/** A score 1–5 near `lean`: weights fall off with the distance from it. */
function score(lean: number): number {
  const weights = [1, 2, 3, 4, 5].map((value) => Math.exp(-((value - lean) ** 2) / (2 * 0.8 ** 2)));
  let pick = next() * weights.reduce((sum, weight) => sum + weight, 0);
  for (let index = 0; index < weights.length; index++) {
    pick -= weights[index]!;
    if (pick <= 0) return index + 1;
  }
  return 5;
}

function feedbackCsv(product: string): string {
  const lines = ['product,version,date,score,comment,segment'];
  for (const survey of SURVEYS.filter((candidate) => candidate.product === product)) {
    const released = Temporal.PlainDate.from(survey.released);
    for (let index = 0; index < survey.responses; index++) {
      // Most answer in the first days after the release.
      const day = released.add({ days: Math.floor(next() ** 2 * 21) });
      const date = Temporal.PlainDate.compare(day, LAST_DAY) > 0 ? LAST_DAY : day;
      const pool = COMMENTS[product]!;
      const comment = next() < 0.3 ? pool[Math.floor(next() * pool.length)]! : '';
      const segment = SEGMENTS[Math.floor(next() * SEGMENTS.length)]!;
      lines.push([product, survey.version, date.toString(), score(survey.lean), comment && `"${comment.replace(/"/g, '""')}"`, segment].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

function write(file: string, text: string): void {
  const target = path.join(contentRoot, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote content/${file}`);
}

for (const spec of USAGE) {
  write(`usage/${spec.product}.csv`, usageCsv(spec));
  write(`usage/${spec.product}.yaml`, spec.sidecar);
}
for (const product of ['web', 'api']) write(`feedback/${product}.csv`, feedbackCsv(product));

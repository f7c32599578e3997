/**
 * Loading a content root: read every file, validate it against its schema, resolve its times
 * (SPEC §2) and cross-check references. Returns the hub model, or every problem found.
 * Pure Node: `npm run check`, the build and the tests all call this one function.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { hubSchema, type HubInput } from '../schemas/hub.ts';
import { peopleSchema } from '../schemas/person.ts';
import { raciSchema } from '../schemas/raci.ts';
import { runbookSchema } from '../schemas/runbook.ts';
import { releaseSchema } from '../schemas/release.ts';
import { freezesSchema } from '../schemas/freeze.ts';
import { metricSeriesSidecarSchema } from '../schemas/metric-series.ts';
import { trainSchema } from '../schemas/train.ts';
import { announceTemplateSchema } from '../schemas/announce-template.ts';
import { ANNOUNCEMENT_KINDS } from '../schemas/vocabulary.ts';
import type { Hub, HubConfig, MetricSeries, Person, RaciMatrix, Runbook, Freeze, Train } from '../core/model.ts';
import { parseWrittenTime } from '../core/time.ts';
import { entryIdOf, listFiles } from './files.ts';
import { readCsvRecords } from './csv.ts';
import { decodeContentText } from './text.ts';
import { bodyProblems, type BodyRules } from './body-check.ts';
import { sortProblems, type Problem } from './problems.ts';
import { parseFrontmatterSource, parseYamlSource, type YamlSource } from './source.ts';
import { validateSource } from './zod-problems.ts';
import { resolveRelease, type LoadedRelease } from './release.ts';
import { crossCheck } from './cross-check.ts';
import { checkTrains, resolveTrain } from './trains.ts';
import type { Loaded } from './loaded.ts';
import { cadenceRuleProblem } from '../calendar/cadence.ts';
import { loadUsage } from './usage.ts';
import { loadFeedback } from './feedback.ts';
import { findInternalLinks, hubRunbookPath } from './content-links.ts';

export interface LoadResult {
  /** The model, when there is no error. */
  hub?: Hub;
  /** Errors and warnings, sorted by file and line. */
  problems: Problem[];
}

/** What a load may check beyond the content root itself. */
export interface LoadOptions {
  /** The project's `public/` folder: hub.yaml's `logo` must be a file there. */
  publicDir?: string;
}

/** Why: the single entry point that turns a content root into a validated hub model. */
export async function loadContentRoot(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const problems: Problem[] = [];
  const rootProblem = await contentRootProblem(root);
  if (rootProblem) return { problems: [rootProblem] };
  const reader = new ContentReader(root, problems, options.publicDir);
  const { config, source: hubSource } = await loadHubConfig(reader, options);
  const zone = config?.timezone ?? 'UTC';
  const people = await loadPeople(reader);
  const raciFiles = await reader.list('raci', ['.yaml', '.yml'], false);
  const raci = await loadRaci(reader, raciFiles);
  const runbookFiles = await reader.list('runbooks', ['.md', '.mdx'], true);
  const runbooks = await loadRunbooks(reader, runbookFiles, config);
  const freezes = await loadFreezes(reader, zone);
  const { releases, unresolved } = await loadReleases(reader, config);
  await loadFeedback(reader, releases, config);
  const metricSeries = await loadMetricSeries(reader);
  const usage = await loadUsage(reader, config);
  const trains = await loadTrains(reader, config);
  const announceTemplates = await loadAnnounceTemplates(reader);
  // Ids come from file names, so a broken file does not also make every reference to it an error.
  const known = {
    people: people && new Set(people.map((person) => person.value.id)),
    runbooks: new Set(runbookFiles.map((file) => entryIdOf(file, 'runbooks'))),
    raci: new Set(raciFiles.map((file) => entryIdOf(file, 'raci'))),
  };
  // Every file that parsed is cross-checked, also when other files (hub.yaml among them) failed.
  crossCheck({ config, hubSource, people: people ?? [], raci, runbooks, freezes, releases, unresolved, known }, problems);
  checkTrains(
    trains,
    releases.map((loaded) => loaded.release),
    zone,
    problems,
  );
  const sorted = sortProblems(problems);
  if (!config || sorted.some((problem) => problem.severity === 'error')) return { problems: sorted };
  const hub: Hub = {
    config,
    releases: releases.map((loaded) => loaded.release),
    runbooks: runbooks.map((loaded) => loaded.value),
    raci: raci.map((loaded) => loaded.value),
    people: (people ?? []).map((loaded) => loaded.value),
    freezes: freezes.map((loaded) => loaded.value),
    metricSeries,
    ...(usage.length > 0 ? { usage } : {}),
    trains: trains.map((loaded) => loaded.value),
    ...(announceTemplates ? { announceTemplates } : {}),
  };
  return { hub, problems: sorted };
}

/** Why: tools that only need the settings (authoring commands, config) read hub.yaml the same way. */
export async function readHubConfig(root: string): Promise<{ config?: HubConfig; problems: Problem[] }> {
  const problems: Problem[] = [];
  const { config } = await loadHubConfig(new ContentReader(root, problems), {});
  return { config, problems };
}

/** Why: a content root that is not a folder is one clear problem, not a crash in every loader. */
async function contentRootProblem(root: string): Promise<Problem | undefined> {
  const info = await stat(root).catch(() => undefined);
  if (!info || info.isDirectory()) return undefined;
  return {
    severity: 'error',
    file: root,
    message: 'is a file, but the content root must be a folder',
    fix: 'point the content option or HUB_CONTENT_DIR at the folder that holds hub.yaml',
  };
}

/** Reads files of one root and records read failures as problems. */
class ContentReader {
  readonly root: string;
  readonly problems: Problem[];
  /** The project's `public/`, when known: the files site paths in bodies may load. */
  readonly publicDir?: string;

  constructor(root: string, problems: Problem[], publicDir?: string) {
    this.root = root;
    this.problems = problems;
    this.publicDir = publicDir;
  }

  /** What the body of `file` may load: media from hub.yaml's hosts, and local files that exist. */
  bodyRules(file: string, config: HubConfig | undefined): BodyRules {
    const folder = path.dirname(path.join(this.root, file));
    return {
      externalHosts: config?.externalHosts ?? [],
      isLocalFile: (src) => {
        const clean = safeDecode(src.split(/[?#]/)[0] ?? '');
        if (clean.startsWith('/')) return this.publicDir === undefined || isFileIn(this.publicDir, clean);
        const target = path.resolve(folder, clean);
        return existsSync(target) && statSync(target).isFile();
      },
    };
  }

  async list(folder: string, extensions: readonly string[], recursive: boolean): Promise<string[]> {
    const { files, problems } = await listFiles(this.root, folder, extensions, recursive);
    this.problems.push(...problems);
    return files;
  }

  /** Files being read ahead of `text()`, so many reads wait on the disk at once instead of one after the other. */
  private readonly readAhead = new Map<string, Promise<Buffer>>();
  /** Starts the next read ahead, once `text()` took one. */
  private readNext = (): void => {};

  /** Why: a hub has thousands of release files; read one by one, validation spent a third of its time waiting. At most `inFlight` files are read ahead. */
  prefetch(files: readonly string[], inFlight = 32): void {
    let next = 0;
    this.readNext = () => {
      const file = files[next++];
      if (file === undefined) return;
      const reading = readFile(path.join(this.root, file));
      reading.catch(() => {});
      this.readAhead.set(file, reading);
    };
    for (let started = 0; started < inFlight; started++) this.readNext();
  }

  async text(file: string): Promise<string | undefined> {
    let bytes: Buffer;
    try {
      const ahead = this.readAhead.get(file);
      if (ahead) {
        this.readAhead.delete(file);
        this.readNext();
      }
      bytes = await (ahead ?? readFile(path.join(this.root, file)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      this.problems.push({
        severity: 'error',
        file,
        message: `cannot be read: ${(error as Error).message}`,
        fix: 'check that the file exists and can be read',
      });
      return undefined;
    }
    const decoded = decodeContentText(bytes);
    if (decoded.ok) return decoded.text;
    this.problems.push({
      severity: 'error',
      file,
      line: decoded.line,
      message: `is not UTF-8 text (byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')} at column ${decoded.column})`,
      fix: 'save the file as UTF-8',
    });
    return undefined;
  }

  async yaml(file: string): Promise<YamlSource | undefined> {
    const text = await this.text(file);
    if (text === undefined) return undefined;
    const parsed = parseYamlSource(file, text);
    this.problems.push(...parsed.problems);
    return parsed.source;
  }

  validate<T>(result: { value?: T; problems: Problem[] }): T | undefined {
    this.problems.push(...result.problems);
    return result.value;
  }
}

/** hub.yaml as settings, and its source (for the lines of the cross-checks of `policy`). */
async function loadHubConfig(reader: ContentReader, options: LoadOptions): Promise<{ config?: HubConfig; source?: YamlSource }> {
  const source = await reader.yaml('hub.yaml');
  if (!source) {
    if (!reader.problems.some((problem) => problem.file === 'hub.yaml')) {
      reader.problems.push({
        severity: 'error',
        file: 'hub.yaml',
        message: `is missing from the content root ${reader.root}`,
        fix: 'create hub.yaml with title, url, timezone and products (see the README), or point HUB_CONTENT_DIR at a content root',
      });
    }
    return {};
  }
  const input = reader.validate(validateSource(hubSchema, source));
  if (!input) return { source };
  const problems = hubSettingProblems(input, source, options);
  reader.problems.push(...problems);
  if (problems.length > 0) return { source };
  return { config: toHubConfig(input), source };
}

/** Why: what the schema cannot see (duplicates, the RRULE itself, files, hosts), all reported in one round. */
function hubSettingProblems(input: HubInput, source: YamlSource, options: LoadOptions): Problem[] {
  const problems: Problem[] = [];
  const at = (pathInFile: (string | number)[], field: string, message: string, fix: string) =>
    problems.push({ severity: 'error', file: source.file, line: source.lineOf(pathInFile), field, message, fix });
  input.products.forEach((product, index) => {
    if (input.products.findIndex((other) => other.id === product.id) !== index) {
      at(['products', index], `products[${index}].id`, `"${product.id}" is listed twice`, 'give each product its own id');
    }
  });
  input.environments.forEach((environment, index) => {
    if (input.environments.findIndex((other) => other.id === environment.id) !== index) {
      at(['environments', index], `environments[${index}].id`, `"${environment.id}" is listed twice`, 'give each environment its own id');
    }
  });
  const releaseEnvironments = input.environments.filter((environment) => environment.release);
  if (releaseEnvironments.length !== 1) {
    at(
      ['environments'],
      'environments',
      releaseEnvironments.length === 0
        ? 'has no release environment'
        : `has ${releaseEnvironments.length} release environments (${releaseEnvironments.map((environment) => environment.id).join(', ')})`,
      'set release: true on exactly one environment: the one where a release reaches its users',
    );
  }
  const ruleProblem = input.cadence && cadenceRuleProblem(input.cadence.rrule);
  if (ruleProblem) at(['cadence', 'rrule'], 'cadence.rrule', `"${input.cadence!.rrule}" ${ruleProblem.message}`, ruleProblem.fix);
  if (input.logo && options.publicDir && !isFileIn(options.publicDir, input.logo)) {
    const folder = path.basename(options.publicDir);
    at(['logo'], 'logo', `"${input.logo}" is not a file in ${folder}/`, `put the logo in the project's ${folder}/ folder, or fix the path`);
  }
  const ownHost = new URL(input.url).host;
  input.footerLinks.forEach((link, index) => {
    const host = otherHostOf(link.href, ownHost);
    if (host && !link.external) {
      at(
        ['footerLinks', index, 'href'],
        `footerLinks[${index}].href`,
        `"${link.href}" points to another host (${host})`,
        'add external: true to the link if that is on purpose, or link to a page of the hub',
      );
    }
  });
  return problems;
}

/** The host of an absolute http(s) URL when it is not the hub's own host. */
function otherHostOf(href: string, ownHost: string): string | undefined {
  if (!/^https?:\/\//i.test(href)) return undefined;
  const host = new URL(href).host;
  return host === ownHost ? undefined : host;
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** Why: a site path such as `/logo.svg` must name a file of the folder it is served from. */
export function isFileIn(folder: string, sitePath: string): boolean {
  const file = path.resolve(folder, `.${sitePath.split(/[?#]/)[0]}`);
  return file.startsWith(path.resolve(folder) + path.sep) && existsSync(file) && statSync(file).isFile();
}

function toHubConfig(input: HubInput): HubConfig {
  const { cadence, url, policy, ...rest } = input;
  return {
    ...rest,
    ...(policy ? { policy: { ...policy, since: policy.since ? Temporal.PlainDate.from(policy.since) : undefined } } : {}),
    url: url.replace(/\/+$/, ''),
    cadence: cadence && { ...cadence, rrule: cadence.rrule.replace(/^RRULE:/i, ''), start: Temporal.PlainTime.from(cadence.start) },
  };
}

/** People, or undefined when people.yaml exists but could not be read (so ids are unknown). */
async function loadPeople(reader: ContentReader): Promise<Loaded<Person>[] | undefined> {
  const text = await reader.text('people.yaml');
  if (text === undefined) return [];
  const parsed = parseYamlSource('people.yaml', text);
  reader.problems.push(...parsed.problems);
  if (!parsed.source) return undefined;
  if (parsed.source.data == null) return [];
  const source = parsed.source;
  const people = reader.validate(validateSource(peopleSchema, source));
  return people?.map((person, index) => ({ value: person, source, path: [index] }));
}

async function loadRaci(reader: ContentReader, files: string[]): Promise<Loaded<RaciMatrix>[]> {
  const matrices: Loaded<RaciMatrix>[] = [];
  for (const file of files) {
    const source = await reader.yaml(file);
    if (!source) continue;
    const input = reader.validate(validateSource(raciSchema, source));
    if (input) matrices.push({ value: { id: entryIdOf(file, 'raci'), ...input, source: { file } }, source, path: [] });
  }
  return matrices;
}

async function loadRunbooks(reader: ContentReader, files: string[], config: HubConfig | undefined): Promise<Loaded<Runbook>[]> {
  const runbooks: Loaded<Runbook>[] = [];
  for (const file of files) {
    const text = await reader.text(file);
    if (text === undefined) continue;
    const parsed = parseFrontmatterSource(file, text);
    reader.problems.push(...parsed.problems);
    if (!parsed.source) continue;
    reader.problems.push(...bodyProblems(file, parsed.source.body, parsed.source.bodyLine, reader.bodyRules(file, config)));
    const input = reader.validate(validateSource(runbookSchema, parsed.source));
    if (!input) continue;
    const id = entryIdOf(file, 'runbooks');
    const { lastReviewed, ...rest } = input;
    runbooks.push({
      value: {
        id,
        ...rest,
        lastReviewed: lastReviewed ? Temporal.PlainDate.from(lastReviewed) : undefined,
        source: { file, entryId: id, internalLinks: findInternalLinks(parsed.source.body, parsed.source.bodyLine, hubRunbookPath(id)) },
      },
      source: parsed.source,
      path: [],
    });
  }
  return runbooks;
}

async function loadTrains(reader: ContentReader, config: HubConfig | undefined): Promise<Loaded<Train>[]> {
  const trains: Loaded<Train>[] = [];
  for (const file of await reader.list('trains', ['.yaml', '.yml'], false)) {
    const source = await reader.yaml(file);
    if (!source) continue;
    const input = reader.validate(validateSource(trainSchema, source));
    const train = input && resolveTrain(input, source, entryIdOf(file, 'trains'), config, reader.problems);
    if (train) trains.push({ value: train, source, path: [] });
  }
  return trains;
}

/** A team's own announcement texts: `templates/announce/<kind>.yaml`, one file per kind of draft. */
async function loadAnnounceTemplates(reader: ContentReader): Promise<Hub['announceTemplates']> {
  const folder = 'templates/announce';
  const templates: NonNullable<Hub['announceTemplates']> = {};
  let found = false;
  for (const file of await reader.list(folder, ['.yaml', '.yml'], false)) {
    const kind = ANNOUNCEMENT_KINDS.find((known) => known === entryIdOf(file, folder));
    if (!kind) {
      const names = ANNOUNCEMENT_KINDS.map((known) => `${known}.yaml`);
      reader.problems.push({
        severity: 'error',
        file,
        message: 'is not a kind of announcement',
        fix: `name it ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`,
      });
      continue;
    }
    const source = await reader.yaml(file);
    if (!source) continue;
    const template = reader.validate(validateSource(announceTemplateSchema, source));
    if (template) {
      templates[kind] = template;
      found = true;
    }
  }
  return found ? templates : undefined;
}

async function loadFreezes(reader: ContentReader, zone: string): Promise<Loaded<Freeze>[]> {
  const source = await reader.yaml('freezes.yaml');
  if (!source || source.data == null) return [];
  const inputs = reader.validate(validateSource(freezesSchema, source)) ?? [];
  const freezes: Loaded<Freeze>[] = [];
  inputs.forEach((input, index) => {
    const start = parseWrittenTime(input.start, zone);
    const end = parseWrittenTime(input.end, zone);
    for (const [field, parsed] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (!parsed.ok) {
        reader.problems.push({
          severity: 'error',
          file: source.file,
          line: source.lineOf([index, field]),
          field: `[${index}].${field}`,
          message: parsed.message,
          fix: 'write a time before or after the jump, or give it an offset such as +01:00',
        });
      }
    }
    if (!start.ok || !end.ok) return;
    // A date-only end freezes the whole of that day.
    const endInstant = end.dateOnly ? end.value.add({ days: 1 }).startOfDay() : end.value;
    if (Temporal.ZonedDateTime.compare(endInstant, start.value) <= 0) {
      reader.problems.push({
        severity: 'error',
        file: source.file,
        line: source.lineOf([index, 'end']),
        field: `[${index}].end`,
        message: `must be after start (${input.end} ≤ ${input.start})`,
        fix: 'fix the dates of the freeze',
      });
      return;
    }
    const { products, ...rest } = input;
    freezes.push({ value: { ...rest, start: start.value, end: endInstant, products: products ?? [] }, source, path: [index] });
  });
  return freezes;
}

async function loadReleases(reader: ContentReader, config: HubConfig | undefined): Promise<{ releases: LoadedRelease[]; unresolved: YamlSource[] }> {
  const files = await reader.list('releases', ['.md', '.mdx'], true);
  reader.prefetch(files);
  const releases: LoadedRelease[] = [];
  // Releases whose frontmatter parsed but did not pass the schema: their references are still checked.
  const unresolved: YamlSource[] = [];
  for (const file of files) {
    const text = await reader.text(file);
    if (text === undefined) continue;
    const parsed = parseFrontmatterSource(file, text);
    reader.problems.push(...parsed.problems);
    if (!parsed.source) continue;
    reader.problems.push(...bodyProblems(file, parsed.source.body, parsed.source.bodyLine, reader.bodyRules(file, config)));
    const input = reader.validate(validateSource(releaseSchema, parsed.source));
    const release = input && config && resolveRelease(input, parsed.source, config, entryIdOf(file, 'releases'), reader.problems);
    if (release) releases.push({ release, source: parsed.source });
    else if (!input) unresolved.push(parsed.source);
  }
  return { releases, unresolved };
}

async function loadMetricSeries(reader: ContentReader): Promise<MetricSeries[]> {
  const files = await reader.list('metrics', ['.csv'], false);
  const series: MetricSeries[] = [];
  for (const file of files) {
    const text = await reader.text(file);
    if (text === undefined) continue;
    const id = entryIdOf(file, 'metrics');
    const sidecarFile = `metrics/${id}.yaml`;
    const sidecarSource = await reader.yaml(sidecarFile);
    const sidecar = sidecarSource && sidecarSource.data != null ? reader.validate(validateSource(metricSeriesSidecarSchema, sidecarSource)) : {};
    const table = parseSeriesCsv(file, text, reader.problems);
    if (table && sidecar) series.push({ id, title: sidecar.title ?? id, ...sidecar, ...table, source: { file } });
  }
  return series;
}

/** Why: a custom series must be a clean table: a `date` column, numbers, no ragged rows. */
export function parseSeriesCsv(file: string, text: string, problems: Problem[]): Pick<MetricSeries, 'columns' | 'rows'> | undefined {
  const records = readCsvRecords(file, text, problems);
  if (!records) return undefined;
  const [header, ...rows] = records;
  if (!header) {
    problems.push({ severity: 'error', file, line: 1, message: 'is empty', fix: 'add a header row with a date column, e.g. date,tickets' });
    return undefined;
  }
  const dateIndex = header.record.indexOf('date');
  const before = problems.length;
  if (dateIndex < 0) {
    problems.push({
      severity: 'error',
      file,
      line: 1,
      field: 'date',
      message: `column is missing (the header is ${header.record.join(',')})`,
      fix: 'name the column of dates "date"',
    });
    return undefined;
  }
  const columns = header.record.filter((_, index) => index !== dateIndex);
  const parsedRows: MetricSeries['rows'] = [];
  for (const { record, info } of rows) {
    if (record.length !== header.record.length) {
      problems.push({
        severity: 'error',
        file,
        line: info.lines,
        message: `has ${record.length} values but the header has ${header.record.length} columns`,
        fix: 'give every row one value per column (leave a cell empty for no data)',
      });
      continue;
    }
    const date = parseSeriesDate(record[dateIndex] ?? '');
    if (!date)
      problems.push({
        severity: 'error',
        file,
        line: info.lines,
        field: 'date',
        message: `"${record[dateIndex]}" is not a date`,
        fix: 'write dates as 2026-03-01 (or 2026-03 for a month)',
      });
    // Column names are the user's: entries, so a column named __proto__ is a column like any other.
    const entries: [string, number][] = [];
    header.record.forEach((column, index) => {
      if (index === dateIndex) return;
      const cell = record[index] ?? '';
      if (cell === '') return;
      const value = Number(cell);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell) || !Number.isFinite(value)) {
        problems.push({
          severity: 'error',
          file,
          line: info.lines,
          field: column,
          message: `"${cell}" is not a number`,
          fix: 'write a plain number such as 42 or 3.5 (no units or thousands separators), or leave the cell empty',
        });
      } else entries.push([column, value]);
    });
    if (date) parsedRows.push({ date, values: Object.fromEntries(entries) });
  }
  if (problems.length > before) return undefined;
  parsedRows.sort((a, b) => Temporal.PlainDate.compare(a.date, b.date));
  return { columns, rows: parsedRows };
}

function parseSeriesDate(cell: string): Temporal.PlainDate | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(cell);
  if (!match) return undefined;
  try {
    return Temporal.PlainDate.from({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3] ?? 1) }, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

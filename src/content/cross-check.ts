/** Checks across files: references, uniqueness, RACI rules and freezes. */
import { Temporal } from 'temporal-polyfill';
import type { Freeze, Gtm, HubConfig, Person, Policy, RaciMatrix, Runbook } from '../core/model.ts';
import { gateViolations, isGated } from '../process/gates.ts';
import { findUnsafeMarkdown, markdownFieldsOf } from '../markdown/fields.ts';
import { findWindowClashes, freezeConflictText, freezesOverlapping, windowClashText } from '../calendar/conflicts.ts';
import type { Loaded } from './loaded.ts';
import { fieldPath, type Problem } from './problems.ts';
import type { LoadedRelease } from './release.ts';
import type { YamlSource } from './source.ts';
import { suggestion } from './zod-problems.ts';
import { checkAdvisories } from './advisory-check.ts';

export interface CrossCheckInput {
  /** hub.yaml, when it is valid (without it, products, zones and freezes cannot be checked). */
  config?: HubConfig;
  /** hub.yaml's source, for the lines of its cross-checks (`policy` roles). */
  hubSource?: YamlSource;
  people: Loaded<Person>[];
  raci: Loaded<RaciMatrix>[];
  runbooks: Loaded<Runbook>[];
  freezes: Loaded<Freeze>[];
  releases: LoadedRelease[];
  /** Release files that parsed but failed their schema: their references are checked all the same. */
  unresolved: YamlSource[];
  /** Ids that exist; `people` is undefined when people.yaml could not be read. */
  known: { people?: Set<string>; runbooks: Set<string>; raci: Set<string> };
}

type Report = (source: YamlSource, path: PropertyKey[], message: string, fix?: string) => void;

/** Why: a reference to something that does not exist must fail the build, not render a dead link. */
export function crossCheck(input: CrossCheckInput, problems: Problem[]): void {
  const report: Report = (source, path, message, fix) =>
    problems.push({ severity: 'error', file: source.file, line: source.lineOf(path), field: fieldPath(path), message, fix });
  const warn: Report = (source, path, message, fix) =>
    problems.push({ severity: 'warning', file: source.file, line: source.lineOf(path), field: fieldPath(path), message, fix });
  uniqueIds(input.people, 'person', report);
  const productIds = input.config && new Set(input.config.products.map((product) => product.id));
  const ref = (kind: string, known: Set<string> | undefined, fixHint: string) => (source: YamlSource, path: PropertyKey[], value: unknown) => {
    if (typeof value !== 'string' || !known || known.has(value)) return;
    report(source, path, `"${value}" is not a known ${kind}`, suggestion(value, [...known]) ?? fixHint);
  };
  const person = ref('person', input.known.people, 'use an id from people.yaml, or add the person there');
  const runbook = ref('runbook', input.known.runbooks, 'use the file name of a runbook under runbooks/, or write the runbook');
  const raci = ref('RACI matrix', input.known.raci, 'use the file name of a matrix under raci/, or add the matrix');
  const product = ref('product', productIds, `use one of ${[...(productIds ?? [])].join(', ')}`);

  checkRaci(input, report);
  for (const { value, source } of input.runbooks) {
    person(source, ['owner'], value.owner);
    for (const [index, id] of value.products.entries()) product(source, ['products', index], id);
  }
  for (const { value, source, path } of input.freezes) for (const [index, id] of value.products.entries()) product(source, [...path, 'products', index], id);
  const seen = new Map<string, string>();
  for (const { release, source } of input.releases) {
    const first = seen.get(release.id);
    if (first)
      report(
        source,
        ['version'],
        `${release.version} of ${release.product} is already released by ${first}`,
        'give each release its own version, or remove one of the two files',
      );
    else seen.set(release.id, source.file);
    person(source, ['owner'], release.owner);
    person(source, ['gtm', 'owner'], release.gtm?.owner);
    if (release.gtm) checkGtm(release.gtm, source, report);
    for (const [index, asset] of (release.gtm?.assets ?? []).entries()) person(source, ['gtm', 'assets', index, 'owner'], asset.owner);
    for (const [index, deployment] of (release.deployments ?? []).entries()) if (deployment.by) person(source, ['deployments', index, 'by'], deployment.by);
    for (const [index, approval] of (release.approvals ?? []).entries()) person(source, ['approvals', index, 'by'], approval.by);
    for (const [index, check] of (release.checks ?? []).entries()) {
      runbook(source, ['checks', index, 'runbook'], check.runbook);
      const kind = input.runbooks.find((loaded) => loaded.value.id === check.runbook)?.value.kind;
      if (kind && kind !== 'test-plan') {
        warn(source, ['checks', index, 'runbook'], `"${check.runbook}" is a ${kind} runbook, not a test plan`, 'name the test-plan runbook the check followed');
      }
    }
    const roles = new Set(input.raci.flatMap((matrix) => matrix.value.roles));
    for (const [index, approval] of (release.approvals ?? []).entries()) {
      if (approval.role === undefined || roles.size === 0 || roles.has(approval.role)) continue;
      report(
        source,
        ['approvals', index, 'role'],
        `"${approval.role}" is not a role of any RACI matrix`,
        suggestion(approval.role, [...roles]) ?? `use one of ${[...roles].join(', ')}`,
      );
    }
    for (const [index, action] of (release.review?.actions ?? []).entries()) person(source, ['review', 'actions', index, 'owner'], action.owner);
    raci(source, ['raci'], release.raci);
    for (const [index, id] of release.runbooks.entries()) runbook(source, ['runbooks', index], id);
    runbook(source, ['rollback', 'runbook'], release.rollback?.runbook);
    if (input.config) checkFreezes(release, source, input.freezes, input.config.timezone, report);
    // Raw HTML and unsafe links are removed when the Markdown is rendered; say so, without failing the build.
    for (const field of markdownFieldsOf(release))
      for (const unsafe of findUnsafeMarkdown(field.markdown)) warn(source, field.path, unsafe.message, unsafe.fix);
    if ((release.status === 'released' || release.status === 'rolled-back') && !release.deployment?.finishedAt) {
      warn(source, ['status'], `is ${release.status} but has no deployment.finishedAt, so metrics leave it out`, 'add deployment: { finishedAt: … }');
    }
  }
  checkWindowClashes(input.releases, warn);
  if (input.config?.policy) checkPolicy(input, input.config.policy, report, warn);
  checkAdvisories(input.releases, report);
  // A bad status must not hide a misspelt runbook in the same file: read the references as written.
  for (const source of input.unresolved) {
    const data = (source.data ?? {}) as Record<string, unknown>;
    const nested = (key: string) => (isObject(data[key]) ? (data[key] as Record<string, unknown>) : {});
    product(source, ['product'], data.product);
    person(source, ['owner'], data.owner);
    person(source, ['gtm', 'owner'], nested('gtm').owner);
    const assets = Array.isArray(nested('gtm').assets) ? (nested('gtm').assets as unknown[]) : [];
    for (const [index, asset] of assets.entries())
      if (isObject(asset)) person(source, ['gtm', 'assets', index, 'owner'], (asset as Record<string, unknown>).owner);
    raci(source, ['raci'], data.raci);
    const runbooks = typeof data.runbooks === 'string' ? [data.runbooks] : Array.isArray(data.runbooks) ? data.runbooks : [];
    for (const [index, id] of runbooks.entries()) runbook(source, typeof data.runbooks === 'string' ? ['runbooks'] : ['runbooks', index], id);
    runbook(source, ['rollback', 'runbook'], nested('rollback').runbook);
    const deployments = Array.isArray(data.deployments) ? (data.deployments as unknown[]) : [];
    for (const [index, deployment] of deployments.entries())
      if (isObject(deployment)) person(source, ['deployments', index, 'by'], (deployment as Record<string, unknown>).by);
    const approvals = Array.isArray(data.approvals) ? (data.approvals as unknown[]) : [];
    for (const [index, approval] of approvals.entries())
      if (isObject(approval)) person(source, ['approvals', index, 'by'], (approval as Record<string, unknown>).by);
    const actions = Array.isArray(nested('review').actions) ? (nested('review').actions as unknown[]) : [];
    for (const [index, action] of actions.entries())
      if (isObject(action)) person(source, ['review', 'actions', index, 'owner'], (action as Record<string, unknown>).owner);
    const checks = Array.isArray(data.checks) ? (data.checks as unknown[]) : [];
    for (const [index, check] of checks.entries())
      if (isObject(check)) runbook(source, ['checks', index, 'runbook'], (check as Record<string, unknown>).runbook);
  }
  // A release file that failed to load hides its incidents: an id it holds is not reported as unknown too.
  checkFixes(
    input.releases,
    report,
    problems.some((problem) => problem.severity === 'error' && problem.file.startsWith('releases/')),
  );
}

/** `fixes:` names incidents of other releases (SPEC §4 rework), each once. */
function checkFixes(releases: LoadedRelease[], report: Report, someReleaseFailed: boolean): void {
  const owners = new Map<string, Set<string>>();
  for (const { release } of releases) for (const incident of release.incidents) owners.set(incident.id, (owners.get(incident.id) ?? new Set()).add(release.id));
  const known = [...owners.keys()];
  for (const { release, source } of releases) {
    release.fixes.forEach((id, index) => {
      const path = ['fixes', index];
      const ownedBy = owners.get(id);
      if (release.fixes.indexOf(id) !== index) report(source, path, `"${id}" is listed twice`, 'list each incident once');
      else if (!ownedBy) {
        if (someReleaseFailed) return;
        report(
          source,
          path,
          `"${id}" is not an incident of any release`,
          suggestion(id, known) ?? 'use the id of an incident listed under incidents: of the release that caused it, or add the incident there',
        );
      } else if (ownedBy.size === 1 && ownedBy.has(release.id))
        report(
          source,
          path,
          `"${id}" is an incident of this release; fixes: names incidents of other releases`,
          'remove it from fixes (a release that fixes its own incident is not rework)',
        );
    });
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function uniqueIds(people: Loaded<Person>[], kind: string, report: Report): void {
  const ids = new Set<string>();
  for (const { value, source, path } of people) {
    if (ids.has(value.id)) report(source, [...path, 'id'], `"${value.id}" is used by two ${kind}s`, 'give each its own id');
    ids.add(value.id);
  }
}

function checkRaci(input: CrossCheckInput, report: Report): void {
  const allRoles = new Set(input.raci.flatMap((matrix) => matrix.value.roles));
  for (const { value: matrix, source } of input.raci) {
    matrix.activities.forEach((activity, index) => {
      const codes = Object.entries(activity.assignments);
      for (const [role] of codes) {
        if (!matrix.roles.includes(role)) {
          report(
            source,
            ['activities', index, 'assignments', role],
            `"${role}" is not one of the matrix roles`,
            suggestion(role, matrix.roles) ?? `add it to roles, or use one of ${matrix.roles.join(', ')}`,
          );
        }
      }
      const accountable = codes.filter(([, code]) => code === 'A' || code === 'A/R').length;
      const responsible = codes.filter(([, code]) => code === 'R' || code === 'A/R').length;
      if (accountable !== 1) {
        report(
          source,
          ['activities', index, 'assignments'],
          `"${activity.name}" has ${accountable} Accountable roles; it needs exactly one`,
          'mark one role A (or A/R) and no other',
        );
      }
      if (responsible === 0) {
        report(source, ['activities', index, 'assignments'], `"${activity.name}" has no Responsible role`, 'mark at least one role R (or A/R)');
      }
    });
  }
  if (allRoles.size === 0) return;
  for (const { value, source, path } of input.people) {
    if (!allRoles.has(value.role)) {
      report(
        source,
        [...path, 'role'],
        `"${value.role}" is not a role of any RACI matrix`,
        suggestion(value.role, [...allRoles]) ?? `use one of ${[...allRoles].join(', ')}`,
      );
    }
  }
}

/** A go-to-market plan: every asset due on or before the launch day, on one of the plan's channels (owners are checked as people). */
function checkGtm(gtm: Gtm, source: YamlSource, report: Report): void {
  const launchDay = gtm.launchDate?.toPlainDate();
  for (const [index, asset] of gtm.assets.entries()) {
    if (launchDay && Temporal.PlainDate.compare(asset.due, launchDay) > 0) {
      report(
        source,
        ['gtm', 'assets', index, 'due'],
        `${asset.due} is after the launch date ${launchDay}`,
        `make "${asset.title}" due on or before ${launchDay}, or move the launch`,
      );
    }
    if (asset.channel && !gtm.channels.includes(asset.channel)) {
      report(
        source,
        ['gtm', 'assets', index, 'channel'],
        `"${asset.channel}" is not a channel of this plan`,
        `add ${asset.channel} to gtm.channels${gtm.channels.length > 0 ? ` (now ${gtm.channels.join(', ')})` : ''}, or pick one of them`,
      );
    }
  }
}

function checkFreezes(release: LoadedRelease['release'], source: YamlSource, freezes: Loaded<Freeze>[], hubZone: string, report: Report): void {
  if (release.status === 'cancelled' || release.freezeException) return;
  for (const freeze of freezesOverlapping(
    release,
    freezes.map((loaded) => loaded.value),
  )) {
    const { message, fix } = freezeConflictText(freeze, hubZone);
    report(source, ['window'], message, fix);
  }
}

/**
 * hub.yaml `policy` (SPEC §5): its roles must be RACI roles, and each release it applies to must
 * pass its gates — a warning, or an error with `policy.enforce`.
 */
function checkPolicy(input: CrossCheckInput, policy: Policy, report: Report, warn: Report): void {
  const roles = new Set(input.raci.flatMap((matrix) => matrix.value.roles));
  const hubSource = input.hubSource;
  if (hubSource && roles.size > 0) {
    for (const key of ['requireApprovalFrom', 'freezeExceptionApprovers'] as const) {
      policy[key].forEach((role, index) => {
        if (roles.has(role)) return;
        report(
          hubSource,
          ['policy', key, index],
          `"${role}" is not a role of any RACI matrix`,
          suggestion(role, [...roles]) ?? `use one of ${[...roles].join(', ')}`,
        );
      });
    }
  }
  const people = input.people.map((loaded) => loaded.value);
  const runbooks = input.runbooks.map((loaded) => loaded.value);
  const zone = input.config!.timezone;
  for (const { release, source } of input.releases) {
    if (!isGated(release, policy, zone)) continue;
    for (const violation of gateViolations(release, policy, people, runbooks)) {
      (policy.enforce ? report : warn)(source, [violation.field], violation.message, violation.fix);
    }
  }
}

/** Two releases of one product booked at the same time: a warning on the later one. */
function checkWindowClashes(releases: LoadedRelease[], warn: Report): void {
  const sources = new Map(releases.map((loaded) => [loaded.release, loaded.source]));
  for (const clash of findWindowClashes(releases.map((loaded) => loaded.release))) {
    const source = sources.get(clash.first);
    const { message, fix } = windowClashText(clash);
    if (source) warn(source, ['window'], message, fix);
  }
}

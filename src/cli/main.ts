/**
 * `release-hub <command>`: the commands a team runs (and this repo's npm scripts call). Each has
 * `--help`; a user's mistake prints one `error:` line and exits 1, a content problem prints its
 * `file:line field: what — fix` lines and exits 1, success exits 0.
 */
import { UserError } from '../import/errors.ts';

/** One command: its one-line summary for the overview, and what it does with the rest of the arguments. */
interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
  /** Needs Astro's Node (22.12 or newer). */
  needsAstroNode?: boolean;
}

// Each command is loaded only when it runs: `build` must stay a small process while Astro builds.
const COMMANDS: Record<string, Command> = {
  init: { summary: 'scaffold a team hub repository in <dir>', run: async (args) => (await import('./commands/init.ts')).runInit(args) },
  check: { summary: 'validate the content root without building', run: async (args) => (await import('./commands/check.ts')).runCheck(args) },
  build: {
    summary: 'build the site into a staging folder, then replace dist/ with it',
    run: async (args) => (await import('./commands/build.ts')).runBuild(args),
    needsAstroNode: true,
  },
  dev: {
    summary: "Astro's dev server; content edits reload the browser",
    run: async (args) => (await import('./commands/astro.ts')).runAstro('dev', args),
    needsAstroNode: true,
  },
  preview: { summary: 'serve the built site', run: async (args) => (await import('./commands/astro.ts')).runAstro('preview', args), needsAstroNode: true },
  new: { summary: 'write a new release file with every field explained', run: async (args) => (await import('./commands/new.ts')).runNew(args) },
  import: {
    summary: 'import releases from a changelog, git tags or GitHub Releases',
    run: async (args) => (await import('./commands/import.ts')).runImport(args),
  },
  announce: {
    summary: 'print a release announcement (Slack, Teams, email, Markdown) to stdout',
    run: async (args) => (await import('./commands/announce.ts')).runAnnounce(args),
  },
};

export const OVERVIEW = `Usage: release-hub <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(9)} ${command.summary}`)
  .join('\n')}

Run release-hub <command> --help for the options of a command.`;

/** Why: one entry point for the bin and the tests; returns the exit code instead of exiting. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${OVERVIEW}\n`);
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`error: "${name}" is not a release-hub command.\n\n${OVERVIEW}\n`);
    return 1;
  }
  try {
    if (command.needsAstroNode) assertAstroNode(process.versions.node);
    return await command.run(args);
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    process.stderr.write(`error: ${error.message}\nRun release-hub ${name} --help for usage.\n`);
    return 1;
  }
}

/** Why: Astro 7 needs Node 22.12 or newer; say so instead of failing deep inside it. */
export function assertAstroNode(version: string): void {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  throw new UserError(
    `Astro 7 needs Node 22.12 or newer, and this is Node ${version}: install Node 24 LTS (or add the "node" package as a devDependency and run release-hub through npm scripts).`,
  );
}

/** Why: `util.parseArgs` errors (unknown flag, missing value) are user mistakes too. */
function isUserFacing(error: unknown): error is Error {
  if (error instanceof UserError) return true;
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/**
 * The `edition` command. `run` takes argv (and optionally a fresh Command
 * and terminal, for tests) and sets the exit code; it never calls
 * process.exit, and the library it calls never prints.
 */
import { Command, CommanderError } from 'commander';
import { toolVersion } from '../version.js';
import { UsageError } from '../diagnostics/diagnostic.js';
import { BuildLockedError } from '../site/publish.js';
import { StylesheetCompileError } from '../transform/stylesheets.js';
import type { Terminal } from './terminal.js';
import { processTerminal } from './terminal.js';


export interface RunResult {
  exitCode: number;
}

type CommandFactory = (terminal: Terminal, setExitCode: (code: number) => void) => Command;

/**
 * The commands, each loaded when needed: `edition validate` should not pay
 * for loading the build, the transforms or the preview server.
 */
const commandLoaders: Record<string, () => Promise<CommandFactory>> = {
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  build: async () => (await import('./commands/build.js')).buildCommand,
  list: async () => (await import('./commands/list.js')).listCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
  new: async () => (await import('./commands/new.js')).newCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
};

/**
 * The program with every command, or only with `only` (the command argv
 * names: its options and help need nothing else).
 */
export async function createProgram(terminal: Terminal, setExitCode: (code: number) => void, only?: string): Promise<Command> {
  const program = new Command('edition')
    .description('Validate and build a TEI edition of correspondence')
    .version(toolVersion())
    .showHelpAfterError()
    .configureOutput({ writeOut: terminal.stdout, writeErr: terminal.stderr })
    .exitOverride();
  const names = only !== undefined && only in commandLoaders ? [only] : Object.keys(commandLoaders);
  const factories = await Promise.all(names.map((name) => commandLoaders[name]!()));
  for (const factory of factories) {
    program.addCommand(factory(terminal, setExitCode).configureOutput({ writeOut: terminal.stdout, writeErr: terminal.stderr }).exitOverride());
  }
  return program;
}

export async function run(argv: readonly string[], terminal: Terminal = processTerminal()): Promise<RunResult> {
  let exitCode = 0;
  const prewarm = argv[2] === 'validate' && !argv.includes('--help') && !argv.includes('-h');
  try {
    // validate's libxml2 worker starts while the rest of the command loads.
    if (prewarm) (await import('../validate/xmllint.js')).prewarmXmllint();
    const program = await createProgram(
      terminal,
      (code) => {
        exitCode = code;
      },
      argv[2],
    );
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; usage errors with 2.
      exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof UsageError || error instanceof BuildLockedError || error instanceof StylesheetCompileError) {
      terminal.stderr(`edition: ${error.message}\n`);
      exitCode = 2;
    } else {
      const e = error as Error;
      terminal.stderr(`edition: internal error: ${e.stack ?? e.message}\n`);
      exitCode = 2;
    }
  } finally {
    // A usage error ends the command before validation takes the worker started early; it must not keep the process alive.
    if (prewarm) (await import('../validate/xmllint.js')).releasePrewarmed();
  }
  return { exitCode };
}

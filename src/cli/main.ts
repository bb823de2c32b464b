/**
 * The `edition` command. `run` takes argv (and optionally a fresh Command
 * and terminal, for tests) and sets the exit code; it never calls
 * process.exit, and the library it calls never prints.
 */
import { Command, CommanderError } from 'commander';
import { toolVersion } from '../version.js';
import { UsageError } from '../diagnostics/diagnostic.js';
import { BuildLockedError } from '../build/publish.js';
import { StylesheetCompileError } from '../transform/stylesheets.js';
import { validateCommand } from './commands/validate.js';
import { buildCommand } from './commands/build.js';
import { listCommand } from './commands/list.js';
import { rulesCommand } from './commands/rules.js';
import { newCommand } from './commands/new.js';
import { serveCommand } from './commands/serve.js';
import type { Terminal } from './terminal.js';
import { processTerminal } from './terminal.js';


export interface RunResult {
  exitCode: number;
}

export function createProgram(terminal: Terminal, setExitCode: (code: number) => void): Command {
  const program = new Command('edition')
    .description('Validate and build a TEI edition of correspondence')
    .version(toolVersion())
    .showHelpAfterError()
    .configureOutput({ writeOut: terminal.stdout, writeErr: terminal.stderr })
    .exitOverride();
  const commands = [
    validateCommand(terminal, setExitCode),
    buildCommand(terminal, setExitCode),
    listCommand(terminal, setExitCode),
    rulesCommand(terminal, setExitCode),
    newCommand(terminal, setExitCode),
    serveCommand(terminal, setExitCode),
  ];
  for (const command of commands) program.addCommand(command.configureOutput({ writeOut: terminal.stdout, writeErr: terminal.stderr }).exitOverride());
  return program;
}

export async function run(argv: readonly string[], terminal: Terminal = processTerminal()): Promise<RunResult> {
  let exitCode = 0;
  const program = createProgram(terminal, (code) => {
    exitCode = code;
  });
  try {
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
  }
  return { exitCode };
}

/** What the CLI needs to know about where it writes: streams, colour, TTY. */
import type { Colours } from '../diagnostics/format.js';
import { ansiColours } from '../diagnostics/format.js';

export interface Terminal {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress is shown only then). */
  stderrIsTTY: boolean;
  colours: Colours | undefined;
  cwd: string;
}

export function processTerminal(): Terminal {
  const colour = process.env['NO_COLOR'] === undefined && process.env['FORCE_COLOR'] !== '0' && process.stdout.isTTY === true;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    colours: colour ? ansiColours : undefined,
    cwd: process.cwd(),
  };
}

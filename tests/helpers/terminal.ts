import type { Terminal } from '../../src/cli/terminal.js';

/** A terminal that records what the CLI writes, with no colour and no TTY. */
export function fakeTerminal(cwd: string): Terminal & { out: string; err: string } {
  const t = {
    out: '',
    err: '',
    stdout: (s: string) => {
      t.out += s;
    },
    stderr: (s: string) => {
      t.err += s;
    },
    stderrIsTTY: false,
    colours: undefined,
    cwd,
  };
  return t;
}

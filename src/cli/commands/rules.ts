import { Command } from 'commander';
import { rules } from '../../rules/index.js';
import type { Terminal } from '../terminal.js';

export function rulesCommand(terminal: Terminal, setExitCode: (code: number) => void): Command {
  return new Command('rules')
    .description('describe the edition rules: id, default severity, what each checks and an example message')
    .option('--json', 'print a JSON array')
    .action((opts: { json?: boolean }) => {
      const rows = rules.map((r) => ({ id: r.id, severity: r.severity, scope: r.scope, summary: r.doc.summary, example: r.doc.message }));
      if (opts.json) terminal.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      else {
        for (const r of rows) terminal.stdout(`${r.id} (${r.severity}, ${r.scope})\n  ${r.summary}\n  e.g. ${r.example}\n\n`);
      }
      setExitCode(0);
    });
}

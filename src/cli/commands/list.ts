import { Command } from 'commander';
import { resolveProfile } from '../../config.js';
import { formatDocumentTable, listDocuments } from '../../edition/list.js';
import { validate } from '../../validate/index.js';
import { count } from '../../diagnostics/format.js';
import type { Terminal } from '../terminal.js';

export function listCommand(terminal: Terminal, setExitCode: (code: number) => void): Command {
  return new Command('list')
    .description('list the documents: number, date, sender, recipient, notes and warnings')
    .option('--src <dir>', 'source folder (default: the configured one)')
    .option('--config <file>', 'edition configuration (default: ./edition.config.json)')
    .option('--json', 'print a JSON array')
    .action(async (opts: { src?: string; config?: string; json?: boolean }) => {
      const config = resolveProfile({ cwd: terminal.cwd, ...(opts.config ? { config: opts.config } : {}), ...(opts.src ? { source: opts.src } : {}) });
      const result = await validate({ config });
      const entries = listDocuments(result);
      terminal.stdout(opts.json ? `${JSON.stringify(entries, null, 2)}\n` : `${formatDocumentTable(entries)}\n`);
      const unreadable = entries.filter((e) => !e.readable);
      if (unreadable.length > 0) {
        const named = unreadable.map((e) => `${e.file} (${count(e.errors, 'error')})`).join(', ');
        terminal.stderr(`edition list: ${count(unreadable.length, 'file')} could not be read and ${unreadable.length === 1 ? 'is' : 'are'} listed without details: ${named}; edition validate shows where\n`);
      }
      // As edition validate: 1 when any file has an error (an unreadable one among them), else 0.
      setExitCode(result.errors > 0 ? 1 : 0);
    });
}

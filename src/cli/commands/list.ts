import { Command } from 'commander';
import { resolveProfile } from '../../config.js';
import { formatDocumentTable, listDocuments } from '../../edition/list.js';
import { validate } from '../../validate/index.js';
import type { Terminal } from '../terminal.js';

export function listCommand(terminal: Terminal, setExitCode: (code: number) => void): Command {
  return new Command('list')
    .description('list the documents: number, date, sender, recipient, notes and warnings')
    .option('--src <dir>', 'source folder (default: the configured one)')
    .option('--config <file>', 'edition configuration (default: ./edition.config.json)')
    .option('--json', 'print a JSON array')
    .action(async (opts: { src?: string; config?: string; json?: boolean }) => {
      const config = resolveProfile({ cwd: terminal.cwd, ...(opts.config ? { config: opts.config } : {}), ...(opts.src ? { source: opts.src } : {}) });
      const entries = listDocuments(await validate({ config }));
      terminal.stdout(opts.json ? `${JSON.stringify(entries, null, 2)}\n` : `${formatDocumentTable(entries)}\n`);
      setExitCode(0);
    });
}

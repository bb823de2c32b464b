import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Command } from 'commander';
import { resolveProfile } from '../../config.js';
import { displayPath } from '../../diagnostics/format.js';
import { planNewDocument } from '../../edition/new-document.js';
import type { NewDocumentRequest } from '../../edition/new-document.js';
import { validate } from '../../validate/index.js';
import type { Terminal } from '../terminal.js';

/** The request as the options give it: every value a string. */
type NewOptions = Omit<NewDocumentRequest, 'n' | 'schemaHref'> & { n: string; config?: string };

export function newCommand(terminal: Terminal, setExitCode: (code: number) => void): Command {
  return new Command('new')
    .description('write a new document (tei/docNNN.xml) from a template that already validates')
    .requiredOption('--n <number>', 'its number in the collection')
    .requiredOption('--type <type>', 'telegram, letter, note …')
    .requiredOption('--from <id>', 'sender: an entry of the persons register')
    .requiredOption('--to <id>', 'recipient: an entry of the persons register')
    .requiredOption('--date <iso>', 'date of sending, ISO 8601 (1920-03-22)')
    .option('--from-place <id>', 'place of sending: an entry of the places register')
    .option('--to-place <id>', 'place of receipt: an entry of the places register')
    .option('--config <file>', 'edition configuration (default: ./edition.config.json)')
    .action(async (opts: NewOptions) => {
      const config = resolveProfile({ cwd: terminal.cwd, ...(opts.config ? { config: opts.config } : {}) });
      const { files } = await validate({ config });
      const plan = planNewDocument(
        {
          n: Number(opts.n),
          type: opts.type,
          from: opts.from,
          to: opts.to,
          date: opts.date,
          ...(opts.fromPlace ? { fromPlace: opts.fromPlace } : {}),
          ...(opts.toPlace ? { toPlace: opts.toPlace } : {}),
          ...(config.schema !== undefined ? { schemaHref: relative(config.source, config.schema).split(sep).join('/') } : {}),
        },
        files.flatMap((f) => (f.summary ? [f.summary] : [])),
      );
      if ('problems' in plan) {
        for (const p of plan.problems) terminal.stderr(`edition new: ${p}\n`);
        setExitCode(1);
        return;
      }
      const target = join(config.source, plan.name);
      if (existsSync(target)) {
        terminal.stderr(`edition new: ${displayPath(target, terminal.cwd)} already exists\n`);
        setExitCode(1);
        return;
      }
      writeFileSync(target, plan.text, { flag: 'wx' });
      const shown = displayPath(target, terminal.cwd);
      terminal.stdout(`wrote ${shown}\n`);
      // What validate will warn about (rule template-text) until the editor replaces it.
      for (const t of plan.templates) terminal.stderr(`${shown}:${t.line}:${t.column}: warning template-text ${t.message}\n`);
      if (plan.templates.length > 0) {
        terminal.stderr(`${plan.templates.length} places hold template text; edition validate warns about each until it is replaced\n`);
      }
      setExitCode(0);
    });
}

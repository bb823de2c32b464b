import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Command } from 'commander';
import { resolveProfile } from '../../config.js';
import { displayPath } from '../../diagnostics/format.js';
import { documentTypes, planNewDocument } from '../../edition/new-document.js';
import type { NewDocumentRequest } from '../../edition/new-document.js';
import { validate } from '../../validate/index.js';
import type { Terminal } from '../terminal.js';

/** The request as the options give it: every value a string. */
type NewOptions = Omit<NewDocumentRequest, 'n' | 'schemaHref'> & { n: string; config?: string };

/** Every refusal of `new` is about the options given: a usage error, exit code 2 (as a missing option is). */
const USAGE = 2;

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
      const types = config.schema !== undefined && existsSync(config.schema) ? documentTypes(readFileSync(config.schema, 'utf8')) : undefined;
      const plan = planNewDocument(
        {
          n: opts.n,
          type: opts.type,
          from: opts.from,
          to: opts.to,
          date: opts.date,
          ...(opts.fromPlace ? { fromPlace: opts.fromPlace } : {}),
          ...(opts.toPlace ? { toPlace: opts.toPlace } : {}),
          ...(config.schema !== undefined ? { schemaHref: relative(config.source, config.schema).split(sep).join('/') } : {}),
        },
        files.flatMap((f) => (f.summary ? [f.summary] : [])),
        {
          ...(types ? { types, schemaName: displayPath(config.schema!, terminal.cwd) } : {}),
          ...(config.editionRules && config.dateRange && config.rules['date-out-of-range'] !== 'off' ? { dateRange: config.dateRange } : {}),
        },
      );
      if ('problems' in plan) {
        for (const p of plan.problems) terminal.stderr(`edition new: ${p}\n`);
        setExitCode(USAGE);
        return;
      }
      const target = join(config.source, plan.name);
      if (existsSync(target)) {
        terminal.stderr(`edition new: ${displayPath(target, terminal.cwd)} already exists\n`);
        setExitCode(USAGE);
        return;
      }
      writeFileSync(target, plan.text, { flag: 'wx' });
      const shown = displayPath(target, terminal.cwd);
      terminal.stdout(`wrote ${shown}\n`);
      // What validate will warn about (rule template-text) until the editor replaces it.
      const warnings = [...plan.templates.map((t) => ({ ...t, rule: 'template-text' })), ...plan.warnings].sort((a, b) => a.line - b.line || a.column - b.column);
      for (const w of warnings) terminal.stderr(`${shown}:${w.line}:${w.column}: warning ${w.rule} ${w.message}\n`);
      const parts = [
        ...(plan.templates.length > 0 ? [`${plan.templates.length} places hold template text`] : []),
        ...(plan.warnings.length > 0 ? [`${plan.warnings.length} hold a date outside the edition's range`] : []),
      ];
      if (parts.length > 0) terminal.stderr(`${parts.join(', ')}; edition validate warns about each until it is replaced\n`);
      setExitCode(0);
    });
}

import { resolve } from 'node:path';
import { Command } from 'commander';
import { resolveProfile } from '../../config.js';
import type { OutputFormat } from '../../diagnostics/format.js';
import { count, displayPath } from '../../diagnostics/format.js';
import { BuildAbortedError, buildEdition } from '../../site/index.js';
import type { BuildProgress, BuildResult } from '../../site/index.js';
import type { Terminal } from '../terminal.js';
import { formatOption, reportDiagnostics } from './validate.js';

interface BuildCommandOptions {
  src?: string;
  out?: string;
  schema?: string;
  config?: string;
  format: OutputFormat;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  force?: boolean;
  title?: string;
  lang?: string;
  baseUrl?: string;
}

const stageLabel: Record<BuildProgress['stage'], string> = {
  read: 'reading',
  schema: 'validating',
  rules: 'checking rules',
  compile: 'compiling stylesheets',
  transform: 'transforming',
  publish: 'publishing',
};

/** What of the edition-wide outputs was kept when they were remade: ' (kept: …)', or ''. */
function keptParts(result: BuildResult): string {
  return result.entryPagesKept > 0 ? ` (kept: ${result.entryPagesKept} register entry pages)` : '';
}

/** A one-line progress bar on stderr, redrawn in place; only on a terminal. */
export function progressBar(terminal: Terminal): { update: (p: BuildProgress) => void; clear: () => void } {
  let last = '';
  return {
    update(p) {
      const width = 24;
      const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : 0;
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${stageLabel[p.stage]} ${p.done}/${p.total}`;
      if (line !== last) terminal.stderr(`\r${line}\u001b[K`);
      last = line;
    },
    clear() {
      if (last) terminal.stderr('\r\u001b[K');
    },
  };
}

export function buildCommand(terminal: Terminal, setExitCode: (code: number) => void): Command {
  return new Command('build')
    .description('validate, then build the edition: HTML, text, JSON, TEI downloads and CMIF')
    .option('--src <dir>', 'source folder (default: the configured one; another folder gets the generic checks)')
    .option('--out <dir>', 'output folder (default: the configured one, dist/)')
    .option('--schema <file>', 'RelaxNG schema to validate against')
    .option('--config <file>', 'edition configuration (default: ./edition.config.json)')
    .addOption(formatOption())
    .option('--strict', 'exit 1 and write nothing when there are warnings (unset values among them), too; a foreign folder with an error is then not built')
    .option('-q, --quiet', 'print only errors and warnings')
    .option('-v, --verbose', 'say what each stage did')
    .option('--force', 'transform everything, even what has not changed since the last build')
    .option('--title <text>', "the site's title (default: the configured one; for a foreign folder, the series title its headers give)")
    .option('--lang <tag>', 'the language of texts that state none (xml:lang, langUsage), e.g. de')
    .option('--base-url <url>', "where the site is published, e.g. https://example.org/letters/: the pages' permanent links and CMIF's addresses (default: the configured baseUrl; none for a foreign folder)")
    .action(async (opts: BuildCommandOptions) => {
      const started = Date.now();
      const config = resolveProfile({
        cwd: terminal.cwd,
        ...(opts.config ? { config: opts.config } : {}),
        ...(opts.schema ? { schema: opts.schema } : {}),
        ...(opts.src ? { source: opts.src } : {}),
        ...(opts.title !== undefined ? { title: opts.title } : {}),
        ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
        ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
      });
      // Ctrl-C or a TERM stops the build between documents and leaves the published output as it was.
      const interrupt = new AbortController();
      const onSignal = (signal: NodeJS.Signals): void => {
        const code = signal === 'SIGINT' ? 130 : 143;
        // A second signal means "now": the next build recovers whatever is left.
        if (interrupt.signal.aborted) process.exit(code);
        interrupt.abort();
        setExitCode(code);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const bar = terminal.stderrIsTTY && !opts.quiet && opts.format === 'pretty' ? progressBar(terminal) : undefined;
      let result;
      try {
        result = await buildEdition({
          config,
          signal: interrupt.signal,
          ...(opts.force ? { force: true } : {}),
          ...(opts.strict ? { strict: true } : {}),
          ...(opts.out ? { out: resolve(terminal.cwd, opts.out) } : {}),
          ...(bar ? { onProgress: bar.update } : {}),
        });
      } catch (error) {
        bar?.clear();
        if (error instanceof BuildAbortedError) {
          terminal.stderr(`edition: ${error.message}\n`);
          return;
        }
        throw error;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      bar?.clear();
      // The unset values (src/site/unset-values.ts) are warnings like validation's: --strict fails on them, and the build then publishes nothing.
      const diagnostics = [...result.validation.diagnostics, ...result.unsetValues, ...result.problems];
      const errors = result.validation.errors + result.problems.length;
      const warnings = result.validation.warnings + result.unsetValues.length;
      const code = reportDiagnostics(terminal, { diagnostics, errors, warnings, acknowledged: result.validation.acknowledged }, opts);
      if (!opts.quiet && opts.format === 'pretty') {
        for (const action of opts.verbose ? result.recovered : []) terminal.stderr(`recovered: ${action}\n`);
        const seconds = ((Date.now() - started) / 1000).toFixed(2);
        if (result.published) {
          terminal.stderr(
            `built ${result.documents} documents into ${displayPath(result.out, terminal.cwd)}/: ${result.outputs} outputs` +
              `${opts.verbose ? ` (${result.transformed} documents transformed, edition pages ${result.corpusTransformed ? `remade${keptParts(result)}` : 'unchanged'}, ${result.unchanged} files unchanged, ${result.validation.cached} files' checks cached)` : ''}` +
              `${errors > 0 ? `, ${errors} error${errors === 1 ? '' : 's'} (files that are not well-formed are left out)` : ''}` +
              `, ${count(warnings, 'warning')}${result.validation.acknowledged ? ` (${result.validation.acknowledged} acknowledged)` : ''}, ${seconds} s\n`,
          );
        } else {
          const why = errors > 0 || !opts.strict ? `${errors} error${errors === 1 ? '' : 's'}` : `--strict and ${count(warnings - result.validation.acknowledged, 'warning')}`;
          terminal.stderr(`nothing written: ${why} (${seconds} s)\n`);
        }
      }
      setExitCode(code);
    });
}

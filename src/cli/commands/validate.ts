import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { resolveProfile } from '../../config.js';
import type { OutputFormat } from '../../diagnostics/format.js';
import { formatDiagnostics, formatSummary, outputFormats } from '../../diagnostics/format.js';
import { validate } from '../../validate/index.js';
import type { EditionConfig } from '../../config.js';
import { toolFingerprint } from '../../version.js';
import type { Terminal } from '../terminal.js';

export interface ReportOptions {
  format: OutputFormat;
  strict?: boolean;
}

/** Print diagnostics (stdout) and return the exit code README gives ("Exit codes": 1 with an error, or a warning under --strict). */
export function reportDiagnostics(
  terminal: Terminal,
  result: { diagnostics: Parameters<typeof formatDiagnostics>[0]; errors: number; warnings: number; acknowledged?: number },
  options: ReportOptions,
): number {
  const text = formatDiagnostics(result.diagnostics, options.format, { cwd: terminal.cwd, ...(terminal.colours ? { colours: terminal.colours } : {}) });
  if (options.format === 'json') terminal.stdout(`${text}\n`);
  else if (text) terminal.stdout(`${text}\n`);
  if (result.errors > 0) return 1;
  // An acknowledged warning is a known defect the editor keeps: --strict does not fail on it.
  if (options.strict && result.warnings - (result.acknowledged ?? 0) > 0) return 1;
  return 0;
}

export function formatOption(): Option {
  return new Option('--format <format>', 'message format').choices(outputFormats as string[]).default('pretty');
}

export function validateCommand(terminal: Terminal, setExitCode: (code: number) => void): Command {
  return new Command('validate')
    .description('check the sources: well-formedness and RelaxNG (libxml2), then the edition rules')
    .argument('[paths...]', 'files or folders to check (default: the configured source folder)')
    .option('--schema <file>', 'RelaxNG schema to validate against (default: the configured one)')
    .option('--config <file>', 'edition configuration (default: ./edition.config.json)')
    .addOption(formatOption())
    .option('--strict', 'exit 1 when there are warnings, too')
    .action(async (paths: string[], opts: { schema?: string; config?: string; format: OutputFormat; strict?: boolean }) => {
      const absolute = paths.map((p) => resolve(terminal.cwd, p));
      const folders = [...new Set(absolute.map(sourceFolderOf))];
      const config = resolveProfile({
        cwd: terminal.cwd,
        ...(opts.config ? { config: opts.config } : {}),
        ...(opts.schema ? { schema: opts.schema } : {}),
        ...(folders.length > 0 ? { source: folders[0]! } : {}),
        ...(folders.length > 1 ? { severalFolders: true } : {}),
      });
      const result = await validate({ config, paths: absolute, ...cacheOptions(config) });
      setExitCode(reportDiagnostics(terminal, result, { format: opts.format, ...(opts.strict ? { strict: true } : {}) }));
      // The summary comes last, on stdout, also when piped: a long list does not scroll it away.
      if (opts.format === 'pretty') {
        terminal.stdout(`${formatSummary({ files: result.files.length, errors: result.errors, warnings: result.warnings, acknowledged: result.acknowledged, skipped: result.skipped, skippedCauses: result.skippedCauses })}\n`);
      }
    });
}


/** The folder whose profile applies to a path: the folder itself, or a file's folder. */
export function sourceFolderOf(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute) && statSync(absolute).isFile()) return dirname(absolute);
  return absolute;
}

/** The validation cache applies to a configured edition only. */
export function cacheOptions(config: EditionConfig): { cacheFolder?: string; toolVersion: string } {
  return { ...(config.cacheFolder ? { cacheFolder: config.cacheFolder } : {}), toolVersion: toolFingerprint() };
}

import { relative, sep } from 'node:path';
import type { Diagnostic } from './diagnostic.js';

export type OutputFormat = 'pretty' | 'json' | 'github';
export const outputFormats: readonly OutputFormat[] = ['pretty', 'json', 'github'];

/** The path as the user sees it: relative to `cwd`, with forward slashes. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file) || file;
  return rel.split(sep).join('/');
}

export interface Colours {
  error: (s: string) => string;
  warning: (s: string) => string;
  dim: (s: string) => string;
}

const plain: Colours = { error: (s) => s, warning: (s) => s, dim: (s) => s };

export const ansiColours: Colours = {
  error: (s) => `\u001b[31m${s}\u001b[39m`,
  warning: (s) => `\u001b[33m${s}\u001b[39m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
};

/** `path:line:column: severity rule-id message`, one per line; acknowledged findings are left out (the summary counts them). */
export function formatPretty(diagnostics: readonly Diagnostic[], cwd?: string, colours: Colours = plain): string {
  return diagnostics
    .filter((d) => !d.acknowledged)
    .map((d) => {
      const severity = d.severity === 'error' ? colours.error('error') : colours.warning('warning');
      return `${displayPath(d.file, cwd)}:${d.line}:${d.column}: ${severity} ${colours.dim(d.rule)} ${d.message}`;
    })
    .join('\n');
}

/** A JSON array of diagnostics with the path made relative. */
export function formatJson(diagnostics: readonly Diagnostic[], cwd?: string): string {
  const rows = diagnostics.map((d) => ({
    file: displayPath(d.file, cwd),
    line: d.line,
    column: d.column,
    severity: d.severity,
    rule: d.rule,
    source: d.source,
    message: d.message,
    acknowledged: d.acknowledged === true,
  }));
  return JSON.stringify(rows, null, 2);
}

/** "1 error", "2 errors", "0 warnings". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export interface SummaryCounts {
  files: number;
  errors: number;
  warnings: number;
  /** Findings the editor has acknowledged (counted in errors and warnings, not printed). */
  acknowledged?: number;
  /** Names of files the cross-document rules left out (not well-formed, or refused). */
  skipped?: readonly string[];
  /** Why each was left out (ValidationResult.skippedCauses); 'not well-formed' when not given. */
  skippedCauses?: Readonly<Record<string, string>>;
}

/** `doc068.xml (not well-formed)`, or by cause: `a.xml, b.xml (not well-formed) and c.xml (not readable: …)`. */
export function describeSkipped(skipped: readonly string[], causes: Readonly<Record<string, string>> = {}): string {
  const byCause = new Map<string, string[]>();
  for (const name of skipped) {
    const cause = causes[name] ?? 'not well-formed';
    byCause.set(cause, [...(byCause.get(cause) ?? []), name]);
  }
  const parts = [...byCause].map(([cause, names]) => `${names.join(', ')} (${cause})`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The one-line summary `validate` prints after the messages: `3 files: 1 error, 2 warnings (2 acknowledged, not shown)`. */
export function formatSummary(c: SummaryCounts): string {
  let line = `${count(c.files, 'file')}: ${count(c.errors, 'error')}, ${count(c.warnings, 'warning')}`;
  if (c.acknowledged) line += ` (${c.acknowledged} acknowledged, not shown)`;
  if (c.skipped && c.skipped.length > 0) {
    line += `; the cross-document rules skipped ${describeSkipped(c.skipped, c.skippedCauses)}`;
  }
  return line;
}

function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`). */
export function formatGithub(diagnostics: readonly Diagnostic[], cwd?: string): string {
  return diagnostics
    .filter((d) => !d.acknowledged)
    .map((d) => {
      const props = [
        `file=${escapeGithubProperty(displayPath(d.file, cwd))}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `title=${escapeGithubProperty(d.rule)}`,
      ].join(',');
      return `::${d.severity} ${props}::${escapeGithubData(d.message)}`;
    })
    .join('\n');
}

export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: OutputFormat,
  options: { cwd?: string; colours?: Colours } = {},
): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics, options.cwd);
    case 'github':
      return formatGithub(diagnostics, options.cwd);
    case 'pretty':
      return formatPretty(diagnostics, options.cwd, options.colours);
  }
}

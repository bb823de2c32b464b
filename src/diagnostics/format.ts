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

/** `path:line:column: severity rule-id message`, one per line. */
export function formatPretty(diagnostics: readonly Diagnostic[], cwd?: string, colours: Colours = plain): string {
  return diagnostics
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
  }));
  return JSON.stringify(rows, null, 2);
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

/**
 * The page the preview server shows while the sources have errors: the
 * same list `edition validate` prints, errors apart from warnings, each
 * message with the source lines around its place.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { count, describeSkipped, displayPath } from '../diagnostics/format.js';
import { escapeXml } from '../parse/escape.js';
import { decodeSource } from '../read/decode.js';
import { RELOAD_PATH } from './live-reload.js';


/** The error page's own stylesheet, served by the preview server (never inline: the CSP allows only 'self'). */
export const ERROR_PAGE_CSS_PATH = '/__edition/error-page.css';

export const errorPageCss = `main#main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.diagnostics { padding-left: 1.5rem; }
.diagnostics li { margin: 0 0 1rem; padding: 0.25rem 0.75rem; border-left: 0.35rem solid; }
.diagnostics li.error { border-color: #b00020; background: #fdecee; }
.diagnostics li.warning { border-color: #8a6100; background: #fff6e0; }
.diagnostics li.error > p > strong { color: #b00020; }
.diagnostics li.warning > p > strong { color: #8a6100; }
.diagnostics pre.source { overflow-x: auto; background: #fff; padding: 0.5rem; font-size: 0.9em; }
.diagnostics pre.source mark { background: #ffe08a; color: inherit; }
`;

export interface ErrorPageOptions {
  /** Files the cross-document rules left out (ValidationResult.skipped). */
  skipped?: readonly string[];
  /** Why each was skipped (ValidationResult.skippedCauses). */
  skippedCauses?: Readonly<Record<string, string>>;
  /** Lines shown before and after a message's line (default 2). */
  context?: number;
  /** The text of a source file; default: read and decode it (undefined when it cannot be read). */
  readSource?: (file: string) => string | undefined;
}

function readSourceFile(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    const decoded = decodeSource(readFileSync(file));
    return decoded.ok ? decoded.source.text : decoded.partial;
  } catch {
    return undefined;
  }
}

/** At most this many characters of a line are shown, around the column. */
const WIDTH = 110;

/** The lines around `line`, numbered, the line itself marked and a caret under the column. */
export function sourceExcerpt(text: string, line: number, column: number, context = 2): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const digits = String(last).length;
  // One window for every line, so the caret stands under its column.
  const start = Math.max(0, column - 1 - Math.floor(WIDTH / 2));
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    const chars = Array.from(lines[n - 1]!.replace(/\t/g, ' '));
    const shown = (start > 0 ? '…' : '') + chars.slice(start, start + WIDTH).join('') + (chars.length > start + WIDTH ? '…' : '');
    const number = String(n).padStart(digits);
    const row = `${n === line ? '&gt;' : ' '} ${number} | ${escapeXml(shown)}`;
    rows.push(n === line ? `<mark>${row}</mark>` : row);
    if (n === line) rows.push(`  ${' '.repeat(digits)} | ${' '.repeat(column - 1 - start + (start > 0 ? 1 : 0))}^`);
  }
  return rows.join('\n');
}

export function errorPage(diagnostics: readonly Diagnostic[], cwd: string, options: ErrorPageOptions = {}): string {
  const read = options.readSource ?? readSourceFile;
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string): string | undefined => {
    if (!texts.has(file)) texts.set(file, read(file));
    return texts.get(file);
  };
  const item = (d: Diagnostic): string => {
    const text = textOf(d.file);
    const excerpt = text === undefined ? '' : sourceExcerpt(text, d.line, d.column, options.context);
    return (
      `<li class="${d.severity}"><p><strong>${d.severity}</strong> <code>${escapeXml(displayPath(d.file, cwd))}:${d.line}:${d.column}</code> ` +
      `<code>${escapeXml(d.rule)}</code> ${escapeXml(d.message)}</p>` +
      (excerpt ? `\n<pre class="source"><code>${excerpt}</code></pre>` : '') +
      '</li>'
    );
  };
  const shown = diagnostics.filter((d) => !d.acknowledged);
  const errors = shown.filter((d) => d.severity === 'error');
  const warnings = shown.filter((d) => d.severity === 'warning');
  const acknowledged = diagnostics.length - shown.length;
  const section = (id: string, heading: string, list: readonly Diagnostic[]): string =>
    list.length === 0
      ? ''
      : `<section aria-labelledby="${id}">\n<h2 id="${id}">${heading}</h2>\n<ol class="diagnostics ${id}">\n${list.map(item).join('\n')}\n</ol>\n</section>\n`;
  const notes: string[] = [];
  if (options.skipped && options.skipped.length > 0) {
    notes.push(`The cross-document rules skipped ${escapeXml(describeSkipped(options.skipped, options.skippedCauses))}.`);
  }
  if (acknowledged > 0) notes.push(`${count(acknowledged, 'acknowledged warning')} not shown.`);
  const title = count(errors.length, 'error');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed: ${title}</title>
<link rel="stylesheet" href="/assets/edition.css">
<link rel="stylesheet" href="${ERROR_PAGE_CSS_PATH}">
</head>
<body>
<main id="main">
<h1>The edition was not rebuilt: ${title}</h1>
<p>Fix the sources; this page reloads by itself when the build succeeds.</p>
${section('errors', `Errors (${errors.length})`, errors)}${section('warnings', `Warnings (${warnings.length})`, warnings)}${notes.map((n) => `<p>${n}</p>\n`).join('')}</main>
<script src="${RELOAD_PATH}"></script>
</body>
</html>
`;
}

/** The page the preview server shows while the sources have errors. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/format.js';
import { RELOAD_PATH } from './live-reload.js';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function errorPage(diagnostics: readonly Diagnostic[], cwd: string): string {
  const rows = diagnostics
    .map(
      (d) =>
        `<tr class="${d.severity}"><td><code>${escapeHtml(displayPath(d.file, cwd))}:${d.line}:${d.column}</code></td>` +
        `<td>${d.severity}</td><td><code>${escapeHtml(d.rule)}</code></td><td>${escapeHtml(d.message)}</td></tr>`,
    )
    .join('\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed: ${errors} error${errors === 1 ? '' : 's'}</title>
<link rel="stylesheet" href="/assets/edition.css">
</head>
<body>
<main id="main">
<h1>The edition was not rebuilt: ${errors} error${errors === 1 ? '' : 's'}</h1>
<p>Fix the sources; this page reloads by itself when the build succeeds.</p>
<table class="diagnostics">
<thead><tr><th scope="col">Place</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
<script src="${RELOAD_PATH}"></script>
</body>
</html>
`;
}

/** The preview's error page, on its own: the same list as validate, errors apart from warnings, source lines around each message. */
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { errorPage, sourceExcerpt } from '../src/serve/error-page.js';

const source = ['<TEI>', '<text>', '<body>', '<p>One <persName ref="persons.xml#trotski">T</persName></p>', '</body>', '</text>', '</TEI>'].join('\n');
const at = (line: number, column: number, severity: Diagnostic['severity'], rule: string, message: string, acknowledged = false): Diagnostic => ({
  file: '/ed/tei/doc001.xml', line, column, severity, rule, source: 'edition', message, ...(acknowledged ? { acknowledged } : {}),
});

describe('the serve error page', () => {
  const page = errorPage(
    [
      at(6, 1, 'warning', 'note-number-gap', 'Note 3 is missing'),
      at(4, 8, 'error', 'ref-unresolved', '@ref "persons.xml#trotski" does not resolve'),
      at(2, 1, 'warning', 'note-without-anchor', 'Note 5 has no anchor', true),
    ],
    '/ed',
    { readSource: () => source, skipped: ['doc068.xml'] },
  );

  test('errors come first, in a section of their own, then the warnings', () => {
    expect(page).toContain('<title>Build failed: 1 error</title>');
    const errors = page.indexOf('<h2 id="errors">Errors (1)</h2>');
    const warnings = page.indexOf('<h2 id="warnings">Warnings (1)</h2>');
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors);
    expect(page.indexOf('ref-unresolved')).toBeGreaterThan(errors);
    expect(page.indexOf('ref-unresolved')).toBeLessThan(warnings);
    expect(page.indexOf('note-number-gap')).toBeGreaterThan(warnings);
  });

  test('each message shows the source lines around it, its line marked and a caret under the column', () => {
    expect(page).toContain('<mark>&gt; 4 | &lt;p&gt;One &lt;persName ref=&quot;persons.xml#trotski&quot;&gt;T&lt;/persName&gt;&lt;/p&gt;</mark>\n    |        ^');
    expect(page).toContain('  2 | &lt;text&gt;');
    expect(page).toContain('  6 | &lt;/text&gt;');
    expect(page).not.toContain('  1 | &lt;TEI&gt;');
  });

  test('acknowledged warnings are counted, not listed; skipped files are named once', () => {
    expect(page).not.toContain('note-without-anchor');
    expect(page).toContain('1 acknowledged warning not shown.');
    expect(page.match(/skipped doc068\.xml/g)).toHaveLength(1);
  });

  test('a long line is shown in a window around the column, the caret still under it', () => {
    const long = `${'x'.repeat(300)}<bad/>${'y'.repeat(300)}`;
    const excerpt = sourceExcerpt(long, 1, 301, 0);
    const [line, caret] = excerpt.split('\n');
    const visible = line!.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    expect(visible.length).toBeLessThan(130);
    expect(visible).toContain('…');
    expect(visible[caret!.indexOf('^')]).toBe('<');
  });
});

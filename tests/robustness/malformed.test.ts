import { describe, expect, test } from 'vitest';
import { check, teiDocument } from './helpers.js';

// Each case: the file's text, and the error it must produce first: line, the columns of the offending construct
// (libxml2 points at its start or just past it), and words of libxml2's message.
const cases: Record<string, { text: string; line: number; column: [number, number]; message: RegExp }> = {
  'unclosed.xml': { text: '<TEI>\n  <p>hello\n</TEI>\n', line: 3, column: [3, 7], message: /<p> opened at line 2 is not closed: <\/TEI> found where <\/p> was expected/ },
  'bad-entity.xml': { text: '<TEI>\n<p>caf&eacute;</p>\n</TEI>\n', line: 2, column: [7, 15], message: /Entity 'eacute' not defined/ },
  'stray-amp.xml': { text: '<TEI>\n<p>Marx & Engels</p>\n</TEI>\n', line: 2, column: [9, 11], message: /EntityRef: no name|expecting ';'|no name/ },
  'truncated.xml': { text: '<TEI>\n<p>abc</p>\n<p', line: 3, column: [1, 3], message: /Couldn't find end of Start Tag p|Premature end/ },
  'truncated-in-text.xml': { text: '<TEI>\n  <p>abc', line: 2, column: [3, 9], message: /Premature end of data|EndTag/ },
  'empty.xml': { text: '', line: 1, column: [1, 1], message: /Document is empty|Start tag expected/ },
  'whitespace-only.xml': { text: ' \n\n', line: 3, column: [1, 1], message: /Start tag expected|Document is empty/ },
};

describe('XML that is not well-formed gets file:line:column and rule xml-not-well-formed; the other files go on', () => {
  test('every broken file gets one located error, and the good files none', async () => {
    const files: Record<string, string> = { 'good-a.xml': teiDocument(), 'good-z.xml': teiDocument('<p>z</p>', 'z') };
    for (const [name, c] of Object.entries(cases)) files[name] = c.text;
    const checked = await check(files);
    for (const [name, c] of Object.entries(cases)) {
      const errors = checked.of(name).filter((d) => d.severity === 'error');
      expect(errors.length, `${name}: ${JSON.stringify(errors)}`).toBeGreaterThanOrEqual(1);
      const first = errors[0]!;
      expect({ name, rule: first.rule, source: first.source, line: first.line }).toEqual({ name, rule: 'xml-not-well-formed', source: 'xml', line: c.line });
      expect(first.column, `${name}: column`).toBeGreaterThanOrEqual(c.column[0]);
      expect(first.column, `${name}: column`).toBeLessThanOrEqual(c.column[1]);
      expect(first.message).toMatch(c.message);
    }
    expect(checked.clean()).toEqual(['good-a.xml', 'good-z.xml']);
    expect(checked.result.files).toHaveLength(Object.keys(files).length);
  });

  test('the CLI prints path:line:column: error xml-not-well-formed and exits 1, reporting the good file too', async () => {
    const { run } = await import('../../src/cli/main.js');
    const { tempEdition } = await import('../helpers/edition.js');
    const edition = tempEdition({ 'bad.xml': '<TEI>\n<p>a & b</p></TEI>', 'good.xml': teiDocument() }, { editionRules: false });
    try {
      const t = { out: '', err: '', stdout: (s: string) => void (t.out += s), stderr: (s: string) => void (t.err += s), stderrIsTTY: false, colours: undefined, cwd: edition.root };
      const { exitCode } = await run(['node', 'edition', 'validate', 'tei', '--schema', 'schema.rng'], t);
      expect(exitCode).toBe(1);
      expect(t.out).toMatch(/^tei\/bad\.xml:2:\d+: error xml-not-well-formed /m);
      expect(t.out).not.toMatch(/good\.xml/);
    } finally {
      edition.cleanup();
    }
  });
});

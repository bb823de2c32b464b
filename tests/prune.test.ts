// Pruning a RelaxNG schema to the element names in use (src/validate/prune.ts):
// the pruned schema is smaller and gives every file the verdict the full
// schema gives. A small hand-written grammar stands in for tei_all here;
// tests/conformance/prune.test.ts does the same with tei_all itself.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LineIndex } from '../src/read/positions.js';
import { elementNamesIn, pruneSchema } from '../src/validate/prune.js';
import { schemaFor } from '../src/validate/schema.js';
import { lintFiles } from '../src/validate/xmllint.js';

const grammar = `<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
         xmlns:sch="http://purl.oclc.org/dsdl/schematron"
         ns="urn:test" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="doc"/></start>
  <define name="doc">
    <element name="doc">
      <a:documentation>The root.</a:documentation>
      <sch:pattern><sch:rule context="doc"><sch:assert test="true()">never</sch:assert></sch:rule></sch:pattern>
      <optional><attribute name="id"><data type="ID"/></attribute></optional>
      <ref name="head"/>
      <zeroOrMore><ref name="model.block"/></zeroOrMore>
      <optional><ref name="back"/></optional>
    </element>
  </define>
  <define name="head"><element name="head"><text/></element></define>
  <define name="model.block">
    <choice>
      <ref name="p"/>
      <ref name="list"/>
      <ref name="table"/>
      <ref name="figure"/>
    </choice>
  </define>
  <define name="p">
    <element name="p">
      <zeroOrMore><choice><text/><ref name="model.phrase"/></choice></zeroOrMore>
    </element>
  </define>
  <define name="model.phrase"><choice><ref name="hi"/><ref name="name"/><ref name="foreign"/></choice></define>
  <define name="hi"><element name="hi"><optional><attribute name="rend"/></optional><text/></element></define>
  <define name="name">
    <element name="name">
      <attribute name="type"><choice><value>person</value><value>place</value></choice></attribute>
      <text/>
    </element>
  </define>
  <define name="foreign">
    <element><anyName><except><nsName/></except></anyName><zeroOrMore><choice><attribute><anyName/></attribute><text/></choice></zeroOrMore></element>
  </define>
  <define name="list">
    <element name="list">
      <oneOrMore><ref name="item"/></oneOrMore>
    </element>
  </define>
  <define name="item"><element name="item"><text/></element></define>
  <define name="table">
    <element name="table">
      <group><ref name="row"/><ref name="caption"/></group>
    </element>
  </define>
  <define name="row"><element name="row"><text/></element></define>
  <define name="caption"><element name="caption"><text/></element></define>
  <define name="figure"><element name="figure"><interleave><ref name="graphic"/><ref name="caption"/></interleave></element></define>
  <define name="graphic"><element name="graphic"><attribute name="url"/></element></define>
  <define name="back"><element name="back"><ref name="p"/></element></define>
  <define name="unused"><element name="nowhere"><empty/></element></define>
</grammar>
`;

const docs: Record<string, string> = {
  valid: '<doc xmlns="urn:test" id="d1"><head>H</head><p>a <hi rend="b">b</hi> <name type="person">N</name></p><p/></doc>',
  'valid-foreign': '<doc xmlns="urn:test"><head>H</head><p><x:y xmlns:x="urn:other" z="1">t</x:y></p></doc>',
  'unknown-element': '<doc xmlns="urn:test"><head>H</head>\n<p>a <bogus>b</bogus></p></doc>',
  'bad-attribute': '<doc xmlns="urn:test"><head>H</head><p><name type="thing">N</name></p></doc>',
  'missing-head': '<doc xmlns="urn:test"><p>a</p></doc>',
  'wrong-order': '<doc xmlns="urn:test"><p>a</p><head>H</head></doc>',
  'empty-list': '<doc xmlns="urn:test"><head>H</head><list/></doc>',
  'table-without-caption': '<doc xmlns="urn:test"><head>H</head><table><row>r</row></table></doc>',
  'wrong-namespace': '<doc><head>H</head></doc>',
};

async function verdicts(schemaText: string, names: string[]): Promise<Map<string, { valid: boolean; positions: string[] }>> {
  const files = names.map((name) => ({ file: name, text: docs[name]!, lines: new LineIndex(docs[name]!) }));
  const result = await lintFiles(files, { file: 'test.rng', text: schemaText });
  expect(result.schemaProblem).toBeUndefined();
  return new Map(
    names.map((name) => {
      const found = result.byFile.get(name) ?? [];
      return [name, { valid: found.length === 0, positions: found.map((d) => `${d.line}:${d.column}`) }];
    }),
  );
}

describe('pruneSchema', () => {
  test('keeps what the used names need and drops the rest', () => {
    const used = new Set(['doc', 'head', 'p', 'hi']);
    const pruned = pruneSchema(grammar, used)!;
    // doc, head, p, hi and the anyName element (always kept); of the 17 defines, those of doc, head,
    // model.block (now p alone), p, model.phrase (hi or any foreign element), hi and foreign.
    expect({ elements: pruned.keptElements, defines: pruned.defines }).toEqual({ elements: 5, defines: { kept: 7, total: 17 } });
    const text = pruned.text;
    for (const kept of ['name="doc"', 'name="head"', 'name="p"', 'name="hi"', '<anyName>']) expect(text).toContain(kept);
    // Unused elements, their defines, annotations and Schematron are gone.
    for (const gone of ['name="list"', 'name="table"', 'name="figure"', 'name="nowhere"', 'name="back"', 'name="name"', 'documentation', 'sch:', 'name="caption"']) {
      expect(text).not.toContain(gone);
    }
    // optional(back) became nothing; no notAllowed is left behind.
    expect(text).not.toContain('notAllowed');
  });

  test('gives up on what it does not handle, so that the full schema is used', () => {
    const include = grammar.replace('<start>', '<include href="other.rng"/><start>');
    expect(pruneSchema(include, new Set(['doc']))).toBeUndefined();
    const combine = grammar.replace('<define name="head">', '<define name="head" combine="choice">');
    expect(pruneSchema(combine, new Set(['doc']))).toBeUndefined();
    // A root element no file uses would make start notAllowed.
    expect(pruneSchema(grammar, new Set(['p']))).toBeUndefined();
  });

  test('element names are read from the texts, prefixes removed', () => {
    expect([...elementNamesIn(['<a:x xmlns:a="u"><y/><!-- <z> --></a:x>', '<?xml version="1.0"?><w>&lt;v</w>'])].sort()).toEqual(['w', 'x', 'y', 'z']);
  });

  test('every file gets the verdict the full schema gives, at the same line and column', async () => {
    const names = Object.keys(docs);
    const full = await verdicts(grammar, names);
    expect([...full.values()].filter((v) => v.valid).length).toBe(2);
    // Pruned to all files' names at once, and to each file's own names.
    const pruned = pruneSchema(grammar, elementNamesIn(names.map((n) => docs[n]!)))!;
    expect(await verdicts(pruned.text, names)).toEqual(full);
    for (const name of names) {
      const own = pruneSchema(grammar, elementNamesIn([docs[name]!]));
      if (!own) continue; // (start would be notAllowed: the full schema is used)
      const got = await verdicts(own.text, [name]);
      expect(got.get(name)!.valid, name).toBe(full.get(name)!.valid);
    }
  });

  test('an element the schema does not know gets the message, line and column the full schema gives', async () => {
    const texts = {
      'in-mixed.xml': docs['unknown-element']!,
      'in-elements.xml': '<doc xmlns="urn:test"><head>H</head>\n  <p/><bogus/></doc>',
    };
    const files = Object.entries(texts).map(([file, text]) => ({ file, text, lines: new LineIndex(text) }));
    const pruned = pruneSchema(grammar, elementNamesIn(Object.values(texts)))!;
    const full = await lintFiles(files, { file: 'test.rng', text: grammar });
    const got = await lintFiles(files, { file: 'test.rng', text: pruned.text });
    expect(got.byFile).toEqual(full.byFile);
    expect(got.byFile.get('in-elements.xml')).toEqual([
      expect.objectContaining({ line: 2, column: 7, rule: 'relaxng-invalid', message: expect.stringContaining('bogus') }),
    ]);
  });
});

describe('schemaFor', () => {
  test('a small schema is used as it is; a large one is pruned once and then read from the cache', () => {
    const folder = mkdtempSync(join(tmpdir(), 'edition-prune-'));
    try {
      expect(schemaFor({ file: 's.rng', text: grammar }, [docs['valid']!], { cacheFolder: folder }).full).toBeUndefined();
      // Pad the grammar with a long annotation to pass the size limit.
      const large = grammar.replace('<start>', `<a:documentation>${'x'.repeat(400_000)}</a:documentation><start>`);
      const first = schemaFor({ file: 's.rng', text: large }, [docs['valid']!], { cacheFolder: folder, toolVersion: 't' });
      expect(first.full?.text).toBe(large);
      expect(first.schema.file).toBe('s.rng');
      expect(first.schema.text.length).toBeLessThan(grammar.length);
      expect(readdirSync(join(folder, 'schemas'))).toHaveLength(1);
      const cached = join(folder, 'schemas', readdirSync(join(folder, 'schemas'))[0]!);
      expect(readFileSync(cached, 'utf8')).toBe(first.schema.text);
      const again = schemaFor({ file: 's.rng', text: large }, [docs['valid']!], { cacheFolder: folder, toolVersion: 't' });
      expect(again.schema.text).toBe(first.schema.text);
      expect(readdirSync(join(folder, 'schemas'))).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

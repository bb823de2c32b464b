import { describe, expect, test } from 'vitest';
import { rules } from '../src/rules/index.js';
import { validate } from '../src/validate/index.js';
import { tempEdition } from './helpers/edition.js';
import { letter, register, withRegisters } from '../src/rules/examples.js';
import { editDistance, nearest } from '../src/rules/suggest.js';

async function messagesOf(ruleId: string, files: Record<string, string>): Promise<string[]> {
  const edition = tempEdition(files);
  try {
    const result = await validate({ config: edition.config });
    return result.diagnostics.filter((d) => d.rule === ruleId).map((d) => d.message);
  } finally {
    edition.cleanup();
  }
}

describe('every rule documents a failing and a passing example, and both hold', () => {
  test('the rule ids are the documented set', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(
      [
        'anchor-without-note', 'archival-signature-missing', 'corresp-context-target', 'correspondent-missing',
        'date-invalid', 'date-out-of-range', 'id-duplicate', 'note-number-gap', 'note-without-anchor',
        'pointer-unresolved', 'ref-unresolved', 'register-entry-conflict', 'register-entry-unused', 'template-text',
      ].sort(),
    );
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s: the failing example gives the documented message', async (id, rule) => {
    const messages = await messagesOf(id, rule.doc.failing);
    expect(messages).toEqual([rule.doc.message]);
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s: the passing example gives no message', async (id, rule) => {
    expect(await messagesOf(id, rule.doc.passing)).toEqual([]);
  });
});

describe('corresp-context-target', () => {
  test('an empty ref to the header or a register is a link the page makes, not a letter: no warning', async () => {
    const header = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Edition</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p/></body></text></TEI>';
    expect(await messagesOf('corresp-context-target', withRegisters({
      'edition.xml': header,
      'doc001.xml': letter({ body: '<p><ref target="edition.xml"/>, <ref target="persons.xml#trotsky"/>, <ref target="persons.xml"/>.</p>' }),
    }))).toEqual([]);
    // A correspContext or letter reference to a register is still one.
    const messages = await messagesOf('corresp-context-target', withRegisters({
      'doc001.xml': letter({ body: '<p><ref type="letter" target="persons.xml">No. 2</ref>.</p>' }),
    }));
    expect(messages).toEqual(['A letter reference points at "persons.xml", which is a register, not a document']);
  });

  test('letter references are checked too, and a missing letter is reported once with its count of uses', async () => {
    const messages = await messagesOf('corresp-context-target', withRegisters({
      'doc001.xml': letter({ body: '<p>See <ref type="letter" target="doc009.xml">the reply</ref> and <ref type="letter" target="doc009.xml">again</ref>; <ref type="letter" target="doc002.xml">No. 2</ref>.</p>' }),
      'doc002.xml': letter({ id: 'doc002', n: '2', body: '<p>As <ref type="letter" target="doc009.xml">before</ref>; <ref target="elsewhere.xml">not a letter</ref>.</p>' }),
    }));
    expect(messages).toEqual(['A letter reference points at "doc009.xml", but the edition has no file doc009.xml (used 3 times in 2 files)']);
  });

  test('an empty ref naming a file by a bare name is checked too; a date, an #id or a ref with content is not', async () => {
    const messages = await messagesOf('corresp-context-target', withRegisters({
      'doc001.xml': letter({ body: '<p>Vom <ref type="schnitzler-briefe" target="L00237" subtype="date-only"/>, <ref target="doc002"/>, <ref target="1900-10-28"/>, <ref target="#x"/>, <ref target="L00238">text</ref>.</p>' }),
      'doc002.xml': letter({ id: 'doc002', n: '2' }),
    }));
    expect(messages).toEqual(['An empty ref points at "L00237", but the edition has no file L00237']);
  });
});

describe('register-entry-conflict', () => {
  const listplace = register('listPlace', '<place xml:id="pmb50"><placeName>Wien</placeName><location><geo>48,2 16,37</geo></location></place>');
  /** A letter that describes Vienna in its own back, in its own layout. */
  const describing = (id: string, n: string, place: string): string =>
    letter({ id, n, body: '<p><placeName ref="#pmb50">Wien</placeName></p>', back: `<listPlace>\n${place}\n</listPlace>` });

  async function findings(files: Record<string, string>): Promise<Array<[string, number, number, string, string]>> {
    const edition = tempEdition(files, { editionRules: false });
    try {
      const result = await validate({ config: edition.config });
      return result.diagnostics.filter((d) => d.rule === 'register-entry-conflict')
        .map((d) => [d.file.slice(edition.source.length + 1), d.line, d.column, d.severity, d.message]);
    } finally {
      edition.cleanup();
    }
  }

  test('in a foreign folder: one warning per entry, at the first description that differs, naming the one the pages show', async () => {
    expect(await findings({
      'listplace.xml': listplace,
      // The same as the register's, laid out otherwise, attributes in another order: no finding.
      'L1.xml': describing('L1', '1', '  <place xml:id="pmb50">\n    <placeName>Wien</placeName>\n    <location>\n      <geo>48,2   16,37</geo>\n    </location>\n  </place>'),
      'L2.xml': describing('L2', '2', '<place xml:id="pmb50" ana="comment"><placeName>Wien</placeName></place>'),
      'L3.xml': describing('L3', '3', '<place xml:id="pmb50"><placeName>Vienna</placeName></place>'),
      'L4.xml': describing('L4', '4', '<place xml:id="pmb50"><placeName>Vienna</placeName></place>'),
    })).toEqual([
      ['L2.xml', 9, 1, 'warning', '<place xml:id="pmb50"> differs from its description at listplace.xml:2:24, which the pages use; 2 more descriptions differ (2 files)'],
    ]);
  });

  test('without a register the first letter in collection order is the one shown; the same entry in every letter is no finding', async () => {
    const vienna = '<place xml:id="pmb50"><placeName>Wien</placeName></place>';
    expect(await findings({
      'a.xml': describing('a', '2', '<place xml:id="pmb50"><placeName>Wien, Austria</placeName></place>'),
      'b.xml': describing('b', '1', vienna),
    })).toEqual([
      ['a.xml', 9, 1, 'warning', '<place xml:id="pmb50"> differs from its description at b.xml:9:1, which the pages use'],
    ]);
    expect(await findings({ 'a.xml': describing('a', '1', vienna), 'b.xml': describing('b', '2', vienna) })).toEqual([]);
  });
});

describe('positions', () => {
  test('a rule message points at the element, line and column counted in code points', async () => {
    const edition = tempEdition({
      'persons.xml': rules.find((r) => r.id === 'ref-unresolved')!.doc.passing['persons.xml']!,
      'doc001.xml':
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>\n<text><body><p>Ёж 𝔸 <persName ref="persons.xml#nobody">X</persName></p></body></text></TEI>',
    });
    try {
      const result = await validate({ config: edition.config });
      const d = result.diagnostics.find((x) => x.rule === 'ref-unresolved')!;
      expect(d).toMatchObject({ line: 2, column: 21, severity: 'error', source: 'edition' });
    } finally {
      edition.cleanup();
    }
  });
});

describe('severity from the configuration', () => {
  test('a rule can be switched off or made an error', async () => {
    const rule = rules.find((r) => r.id === 'note-without-anchor')!;
    const edition = tempEdition(rule.doc.failing);
    try {
      edition.config.rules = { 'note-without-anchor': 'error' };
      let result = await validate({ config: edition.config });
      expect(result.diagnostics.filter((d) => d.rule === rule.id).map((d) => d.severity)).toEqual(['error']);
      edition.config.rules = { 'note-without-anchor': 'off' };
      result = await validate({ config: edition.config });
      expect(result.diagnostics.filter((d) => d.rule === rule.id)).toEqual([]);
    } finally {
      edition.cleanup();
    }
  });

  test('the generic profile runs only the generic rules', async () => {
    const rule = rules.find((r) => r.id === 'ref-unresolved')!;
    const edition = tempEdition(rule.doc.failing, { editionRules: false });
    try {
      edition.config.editionRules = false;
      const result = await validate({ config: edition.config });
      expect(result.diagnostics.filter((d) => d.source === 'edition' && d.rule !== 'pointer-unresolved')).toEqual([]);
    } finally {
      edition.cleanup();
    }
  });
});

describe('did you mean', () => {
  const places = register('listPlace', '<place xml:id="moscow"><placeName>Moscow</placeName><placeName type="transliterated">Moskva</placeName></place><place xml:id="kharkov"><placeName>Kharkov</placeName></place>');

  test('an unknown register id suggests the nearest entry, by id or by any of its names', async () => {
    const messages = await messagesOf('ref-unresolved', withRegisters({
      'places.xml': places,
      'doc001.xml': letter({ body: '<p><persName ref="persons.xml#trotski">T</persName> <placeName ref="places.xml#moskva">M</placeName> <placeName ref="places.xml#atlantis">A</placeName></p>' }),
    }));
    expect(messages).toEqual([
      '@ref "persons.xml#trotski" does not resolve: persons.xml has no entry "trotski" (did you mean trotsky?)',
      '@ref "places.xml#moskva" does not resolve: places.xml has no entry "moskva" (did you mean moscow?)',
      '@ref "places.xml#atlantis" does not resolve: places.xml has no entry "atlantis"',
    ]);
  });

  test('an unknown #id in a document suggests the nearest id of the document', async () => {
    const messages = await messagesOf('pointer-unresolved', withRegisters({
      'doc001.xml': letter({ body: '<p xml:id="doc001-p1">A</p><p><ref target="#doc001-p2">see</ref></p>' }),
    }));
    expect(messages).toEqual(['@target="#doc001-p2" does not resolve: this document has no xml:id "doc001-p2" (did you mean doc001-p1?)']);
  });

  test('nearest: slips are found, far-off words are not', () => {
    const candidates = [{ id: 'trotsky', names: ['L. D. Trotsky'] }, { id: 'stalin', names: ['I. V. Stalin', 'Сталин'] }, { id: 'moscow', names: ['Moskva'] }];
    expect(nearest('trotksy', candidates)).toBe('trotsky'); // transposition
    expect(nearest('Stalin', candidates)).toBe('stalin');
    expect(nearest('MOSKVÁ', candidates)).toBe('moscow');
    expect(nearest('lenin', candidates)).toBeUndefined();
    expect(nearest('x', candidates)).toBeUndefined();
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('a file that is not well-formed', () => {
  test('the cross-document rules skip it: no "no file", no unused register entries; one error for it', async () => {
    const edition = tempEdition({
      ...withRegisters({
        'doc001.xml': letter({ body: '<p><persName ref="persons.xml#trotsky">T</persName></p>', correspDesc: '<correspDesc><correspAction type="sent"><persName ref="persons.xml#trotsky">T</persName></correspAction><correspAction type="received"><persName ref="persons.xml#trotsky">T</persName></correspAction><correspContext><ref type="next" target="doc002.xml">Reply</ref></correspContext></correspDesc>' }),
      }),
      'doc002.xml': letter({ id: 'doc002', n: '2', body: '<p>unclosed</div>' }),
    });
    try {
      // Only the broken doc002 names stalin, and doc001 points at doc002.
      const result = await validate({ config: edition.config });
      expect(result.diagnostics.map((d) => [d.file.slice(edition.source.length + 1), d.rule])).toEqual([['doc002.xml', 'xml-not-well-formed']]);
      expect(result.skipped).toEqual(['doc002.xml']);
    } finally {
      edition.cleanup();
    }
  });
});

describe('note-number-gap', () => {
  const notes = (order: number[]): Record<string, string> => withRegisters({
    'doc001.xml': letter({
      body: `<p>${order.map((n) => `A<anchor n="${n}" xml:id="doc001-a${n}"/>`).join(' ')}</p>`,
      back: `<div type="notes">${order.map((n) => `<note n="${n}" target="#doc001-a${n}"><p>Note.</p></note>`).join('')}</div>`,
    }),
  });

  test('a note out of its place is one message, "out of order", not also "missing"', async () => {
    expect(await messagesOf('note-number-gap', notes([1, 2, 3, 4, 6, 5]))).toEqual(['Note 5 is out of order: it follows note 6']);
  });

  test('a number really missing is still named, beside one out of order', async () => {
    expect(await messagesOf('note-number-gap', notes([1, 3, 2, 5]))).toEqual([
      'Note 2 is out of order: it follows note 3',
      'Note 4 is missing: the notes go from 3 to 5',
    ]);
  });
});

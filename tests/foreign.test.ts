import { describe, expect, test } from 'vitest';
import type { FileSummary } from '../src/edition/files.js';
import { corpusIdentity, documentFilesOf, documentFilesParam, registerEntriesOf, registerEntryIndex } from '../src/site/foreign.js';

function summary(name: string, ids: Array<[string, string]>, pointers: string[] = []): FileSummary {
  return {
    file: `/x/${name}`, name, kind: ids.length > 0 ? 'register' : 'document', register: undefined,
    ids: ids.map(([id, element]) => ({ id, element, line: 1, column: 1 })),
    pointers: pointers.map((value) => ({ attribute: 'ref', element: 'persName', value, line: 1, column: 1, inCorrespContext: false })),
    n: undefined, letter: undefined, entryNames: undefined, entryKeys: undefined,
  };
}

describe('register entries a document names', () => {
  const places = summary('listplace.xml', [['pmb50', 'place'], ['pmb833', 'place'], ['list', 'listPlace']]);
  const orgs = summary('Register der Organisationen.xml', [['pmb9', 'org'], ['pmb2121', 'person']]);
  const index = registerEntryIndex([places, orgs]);
  const files = new Set(['listplace.xml', 'Register der Organisationen.xml']);

  test('only the entries the document names, by #id or a pointer into a register of any name, each once', () => {
    const letter = summary('L1.xml', [], ['#pmb50', '#pmb50', 'listplace.xml#pmb833', '#pmb2121', '#missing', 'other.xml#pmb9', 'persons.xml#x']);
    expect(registerEntriesOf(letter, index, files)).toBe('pmb50 places pmb833 places pmb2121 persons');
  });

  test('an entry of another kind in a register takes its own kind; lists are no entries', () => {
    expect(index.get('pmb2121')).toBe('persons');
    expect(index.get('pmb9')).toBe('orgs');
    expect(index.has('list')).toBe(false);
  });

  test("a foreign folder's documents' own entries count after the registers'", () => {
    const letter = summary('L2.xml', [['pmb10863', 'person'], ['pmb50', 'person'], ['L2', 'TEI']]);
    const withLetters = registerEntryIndex([places, orgs], [letter]);
    expect(withLetters.get('pmb10863')).toBe('persons');
    // The register's entry of an id wins over a letter's.
    expect(withLetters.get('pmb50')).toBe('places');
    expect(withLetters.has('L2')).toBe(false);
    expect(registerEntriesOf(summary('L1.xml', [], ['#pmb10863']), withLetters, files)).toBe('pmb10863 persons');
  });

  test('no registers, no entries', () => {
    expect(registerEntriesOf(summary('L1.xml', [], ['#pmb50']), new Map(), new Set())).toBe('');
  });
});

test('document-files lists each document with its output name', () => {
  const bases = new Map([['a b.xml', 'a-b'], ['L1.xml', 'L1'], ['listplace.xml', 'listplace']]);
  expect(documentFilesParam(bases, ['a b.xml', 'L1.xml'])).toBe('a b.xml\ta-b\nL1.xml\tL1');
});

test("one document's document-files: itself and the documents its pointers name, not the whole folder", () => {
  const bases = new Map([['a b.xml', 'a-b'], ['L1.xml', 'L1'], ['L2.xml', 'L2'], ['B0917.xml', 'B0917'], ['L3.xml', 'L3']]);
  const documents = new Set(bases.keys());
  const letter = summary('L1.xml', [], ['B0917', 'L2.xml#p3', '#local', 'L9.xml', 'https://example.org/L3.xml', '../L3.xml', 'L2.xml']);
  // B0917 without '.xml' names B0917.xml; L9.xml is not in the folder; a URL or a path is no document of the folder
  expect(documentFilesOf(letter, documents, bases)).toBe('L1.xml\tL1\nB0917.xml\tB0917\nL2.xml\tL2');
  expect(documentFilesOf(summary('a b.xml', []), documents, bases)).toBe('a b.xml\ta-b');
});

test("with the letters' metadata, each line gives the document's title and date of sending, tabs and line ends made spaces", () => {
  const bases = new Map([['L1.xml', 'L1'], ['L2.xml', 'L2']]);
  const letter = (title: string, date: string | undefined) => ({ title, date, senders: [], recipients: [], notes: 0 });
  const letters = new Map([['L1.xml', letter('Muster an\tBeispiel,\n 1. 5. 1890', '1890-05-01')], ['L2.xml', letter('Ohne Datum', undefined)]]);
  expect(documentFilesParam(bases, ['L1.xml', 'L2.xml'], letters)).toBe('L1.xml\tL1\tMuster an Beispiel, 1. 5. 1890\t1890-05-01\nL2.xml\tL2\tOhne Datum\t');
  // The same lines for a document whichever document of a batch names it, its own page's included.
  expect(documentFilesOf(summary('L2.xml', [], ['L1']), new Set(bases.keys()), bases, letters)).toBe('L2.xml\tL2\tOhne Datum\t\nL1.xml\tL1\tMuster an Beispiel, 1. 5. 1890\t1890-05-01');
});

describe("a foreign corpus's identity from its headers", () => {
  const letter = (series: string, licence: string, lang: string) => `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
    <title level="s">${series}</title><title level="a">A letter</title></titleStmt><publicationStmt><availability>
    <licence target="${licence}"/></availability></publicationStmt></fileDesc><profileDesc><langUsage><language ident="${lang}">x</language>
    </langUsage></profileDesc></teiHeader><text><body><p><title level="s">Not this</title></p></body></text></TEI>`;

  test('the title, licence and language most of the letters give', () => {
    const identity = corpusIdentity([
      letter('Arthur Schnitzler: Briefwechsel', 'https://creativecommons.org/licenses/by/4.0/', 'de-AT'),
      letter('Arthur Schnitzler: Briefwechsel', 'https://creativecommons.org/licenses/by/4.0/', 'de'),
      letter('Something &amp; else', 'https://example.org/l', 'de'),
    ]);
    expect(identity).toEqual({ title: 'Arthur Schnitzler: Briefwechsel', licenceUrl: 'https://creativecommons.org/licenses/by/4.0/', lang: 'de' });
  });

  test('a seriesStmt title when no title has level s; nothing when the headers say nothing', () => {
    expect(corpusIdentity(['<TEI><teiHeader><fileDesc><seriesStmt><title>Series &amp; Co</title></seriesStmt></fileDesc></teiHeader></TEI>']).title).toBe('Series & Co');
    // Character references are replaced too, and &amp;lt; stays the text "&lt;".
    expect(corpusIdentity(['<TEI><teiHeader><fileDesc><seriesStmt><title>Briefe &#x2014; 1900&#8211;1910 &amp;lt;</title></seriesStmt></fileDesc></teiHeader></TEI>']).title).toBe('Briefe — 1900–1910 &lt;');
    expect(corpusIdentity(['<TEI><teiHeader/></TEI>'])).toEqual({ title: undefined, licenceUrl: undefined, lang: undefined });
  });
});

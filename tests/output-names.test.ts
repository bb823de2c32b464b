import { describe, expect, test } from 'vitest';
import { isSafeOutputPath } from '../src/site/output-paths.js';
import { outputBaseNames, reservedBaseNames, safeStemFor } from '../src/site/output-names.js';

const documents = (...names: string[]) => names.map((name) => ({ name, document: true }));

/** The folder: names a real foreign edition has, and names the site uses. */
const hostile = documents('index.xml', 'Index.xml', 'search.xml', 'persons.xml', 'edition.xml', 'a b.xml', 'x%20y.xml', 'Über 1890.xml', 'Brief (Kopie).xml', 'doc068.xml');

describe('output base names', () => {
  test('safe names that are no site page keep the outputs they have today', () => {
    const names = outputBaseNames(documents('doc068.xml', 'L00015.xml', 'a_b-c.1.xml'));
    expect([...names.values()]).toEqual(['L00015', 'a_b-c.1', 'doc068']);
  });

  test('every name becomes safe, and no two are equal without regard to case', () => {
    const names = outputBaseNames(hostile);
    expect(names.size).toBe(hostile.length);
    const bases = [...names.values()];
    for (const base of bases) {
      for (const path of [`${base}.html`, `text/${base}.txt`, `json/${base}.json`, `tei/${base}.xml`]) expect(isSafeOutputPath(path)).toBe(true);
    }
    expect(new Set(bases.map((b) => b.toLowerCase())).size).toBe(bases.length);
  });

  test('no document takes the name of a page of the site, in any case', () => {
    const names = outputBaseNames(hostile);
    for (const base of names.values()) expect(reservedBaseNames.has(base.toLowerCase())).toBe(false);
    expect(names.get('search.xml')).toBe('search-doc');
    expect(names.get('persons.xml')).toBe('persons-doc');
    expect(names.get('edition.xml')).toBe('edition-doc');
    // index.xml and Index.xml both become index-doc without regard to case: the first in code-point order (Index.xml) keeps it.
    expect(names.get('Index.xml')).toBe('Index-doc');
    expect(names.get('index.xml')).toMatch(/^index-doc-[0-9a-f]{8}$/);
    expect(names.get('doc068.xml')).toBe('doc068');
  });

  test('unsafe names are made readable, not escaped beyond recognition', () => {
    const names = outputBaseNames(hostile);
    expect(names.get('a b.xml')).toBe('a-b');
    expect(names.get('x%20y.xml')).toBe('x-y');
    expect(names.get('Über 1890.xml')).toBe('Uber-1890');
    expect(names.get('Brief (Kopie).xml')).toBe('Brief-Kopie');
    expect(safeStemFor('…1846-07-00%20Kopie')).toBe('1846-07-00-Kopie');
    expect(safeStemFor('../../etc/passwd')).toBe('etc-passwd');
    expect(safeStemFor('???')).toBe('document');
    expect(safeStemFor('con')).toBe('con-doc');
  });

  test('a file that keeps its own name wins over one made safe into the same name', () => {
    const names = outputBaseNames(documents('a b.xml', 'a-b.xml'));
    expect(names.get('a-b.xml')).toBe('a-b');
    expect(names.get('a b.xml')).toMatch(/^a-b-[0-9a-f]{8}$/);
  });

  test('names differing only in case are told apart', () => {
    const names = outputBaseNames(documents('doc1.xml', 'Doc1.xml'));
    expect(names.get('Doc1.xml')).toBe('Doc1');
    expect(names.get('doc1.xml')).toMatch(/^doc1-[0-9a-f]{8}$/);
  });

  test('the mapping depends on the set of names, not their order', () => {
    const forward = outputBaseNames(hostile);
    const backward = outputBaseNames([...hostile].reverse());
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
  });

  test("registers and the edition's header keep site names: they get no pages of their own under them", () => {
    const names = outputBaseNames([{ name: 'persons.xml', document: false }, { name: 'edition.xml', document: false }, ...documents('doc068.xml')]);
    expect(names.get('persons.xml')).toBe('persons');
    expect(names.get('edition.xml')).toBe('edition');
  });
});

// The built edition against the shared material: the text edition keeps
// every word of the source, CMIF is valid, and foreign TEI builds sanely.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../../src/site/index.js';
import type { BuildResult } from '../../src/site/index.js';
import { genericConfig, loadConfig } from '../../src/config.js';
import { childElements, descendants, descendantsNamed, localName, parseXml, textOf } from '../../src/parse/tree.js';
import type { XmlElement } from '../../src/parse/tree.js';
import { isUnset } from '../../src/site/unset-values.js';
import { LineIndex } from '../../src/read/positions.js';
import { lintFiles } from '../../src/validate/xmllint.js';
import { findInOrder, findTogether, sourceParagraphs, withoutEditorialMarks } from './fidelity.ts';
import { sharedFolder } from './shared-folder.ts';
import { textOfTei, wordsOf } from './text-of-tei.ts';

const root = resolve(import.meta.dirname, '../..');
const shared = sharedFolder();
let work: string;
let edition: BuildResult;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-conformance-'));
  const config = { ...loadConfig(join(root, 'edition.config.json')), cacheFolder: join(work, 'cache') };
  edition = await buildEdition({ config, out: join(work, 'dist') });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the text edition keeps every word of the source', () => {
  const seed = readFileSync(join(shared, 'seeds/bolshevik-correspondence-no68-69.txt'), 'utf8');
  const paragraphs = sourceParagraphs(seed);

  test('the edition was built', () => {
    expect(edition.validation.errors).toBe(0);
    expect(edition.problems).toEqual([]);
    expect(edition.published).toBe(true);
  });

  test.each(paragraphs.map((p) => [p.doc, p.text.slice(0, 60), p] as const))('%s.txt: %s', (doc, _title, paragraph) => {
    const words = wordsOf(readFileSync(join(work, 'dist/text', `${doc}.txt`), 'utf8'));
    expect(findInOrder(paragraph.words, words)).toBeNull();
  });

  // Issue 15, point 4: the source's form comes first and every editorial addition wears the mark ⟨…⟩.
  // Without what that mark holds, each paragraph of the source stands in the text file word for word,
  // with no word of the edition's between (the slack above would hide one).
  test.each(paragraphs.map((p) => [p.doc, p.text.slice(0, 60), p] as const))('%s.txt without ⟨…⟩ has the words together: %s', (doc, _title, paragraph) => {
    const text = readFileSync(join(work, 'dist/text', `${doc}.txt`), 'utf8');
    expect(findTogether(paragraph.words, wordsOf(withoutEditorialMarks(text)))).toBeNull();
  });

  test('the editorial mark is explained in the header and is the one the plain text and the JSON use', () => {
    const text = readFileSync(join(work, 'dist/text/doc069.txt'), 'utf8');
    const heading = text.slice(0, text.indexOf('Received encryption'));
    expect(heading).toMatch(/^Marks:$/m);
    expect(heading).toMatch(/^⟨ ⟩ +added by this edition/m);
    expect(text).toContain('Moscow Pre ⟨Chairman⟩');
    expect(text).toContain('Executed on 21/ПІ ⟨III⟩');
    expect(text).not.toMatch(/\[(hand|Pre|ПІ|e\d)/);
    const json = JSON.parse(readFileSync(join(work, 'dist/json/doc069.json'), 'utf8')) as { text: string; notes: { text: string }[] };
    expect(json.text).toContain('Moscow Pre ⟨Chairman⟩ - Revolutionary');
    expect(json.notes.map((n) => n.text).join('\n')).toContain('the inscription “Executed on 21/III”');
  });

  test('edition.txt holds both documents, in order', () => {
    const text = readFileSync(join(work, 'dist/text/edition.txt'), 'utf8');
    expect(text.indexOf('No. 68')).toBeGreaterThan(-1);
    expect(text.indexOf('No. 69')).toBeGreaterThan(text.indexOf('No. 68'));
  });
});

describe('CMIF', () => {
  const TEI = 'http://www.tei-c.org/ns/1.0';

  test('cmif.xml is valid against the CMIF schema', async () => {
    const file = join(work, 'dist/cmif.xml');
    const text = readFileSync(file, 'utf8');
    const schema = join(shared, 'schemas/cmif/cmi-customization.rng');
    const result = await lintFiles([{ file, text, lines: new LineIndex(text) }], { file: schema, text: readFileSync(schema, 'utf8') });
    expect(result.schemaProblem).toBeUndefined();
    expect(result.byFile.get(file)).toEqual([]);
  });

  test("the CMIF Schematron's main rules hold", () => {
    const { root: cmif } = parseXml(readFileSync(join(work, 'dist/cmif.xml'), 'utf8'));
    expect(cmif.attributes['xmlns']).toBe(TEI);
    const descs = descendantsNamed(cmif, 'correspDesc');
    // One per telegram, the embedded one included.
    expect(descs.length).toBe(3);
    const biblIds = new Set(descendantsNamed(cmif, 'bibl').map((b) => b.attributes['xml:id']));
    for (const desc of descs) {
      for (const type of ['sent', 'received']) {
        const action = childElements(desc, 'correspAction').find((a) => a.attributes['type'] === type);
        expect(action, `correspAction ${type}`).toBeDefined();
        expect(childElements(action!).some((c) => c.name === 'persName' || c.name === 'orgName')).toBe(true);
      }
      const source = desc.attributes['source'] ?? '';
      expect(source.startsWith('#') && biblIds.has(source.slice(1)), `@source ${source}`).toBe(true);
    }
    for (const date of descendantsNamed(cmif, 'date')) {
      expect(['when', 'from', 'to', 'notBefore', 'notAfter'].some((a) => a in date.attributes)).toBe(true);
    }
  });

  test('the base URL and the licence come from edition.config.json once set; unset (placeholders), they are left out', () => {
    const config = loadConfig(join(root, 'edition.config.json'));
    const text = readFileSync(join(work, 'dist/cmif.xml'), 'utf8');
    // tests/cli.test.ts ('unset values') builds with both set and finds them in cmif.xml.
    for (const value of [config.baseUrl, config.licence.url]) {
      if (isUnset(value)) expect(text).not.toContain(value);
      else expect(text).toContain(value);
    }
  });
});

describe('foreign TEI: the Correspondence SIG examples', () => {
  const fixtures = join(shared, 'fixtures/correspDesc-examples');
  const names = readdirSync(fixtures).filter((n) => n.endsWith('.xml')).sort();
  let foreign: BuildResult;
  const out = (): string => join(work, 'foreign');

  beforeAll(async () => {
    const config = { ...genericConfig(fixtures, join(shared, 'schemas/tei_all.rng')), cacheFolder: join(work, 'cache') };
    foreign = await buildEdition({ config, out: out() });
  }, 300_000);

  test('they build with the generic checks and tei_all, with no error', () => {
    expect(foreign.validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(foreign.problems).toEqual([]);
    expect(foreign.published).toBe(true);
  });

  const bodyText = (xml: string): string => {
    const { root: tei } = parseXml(xml);
    const body = descendantsNamed(tei, 'body')[0];
    return body ? textOfTei(serialise(body)) : '';
  };

  // Issue 14, point 8: sender and recipient from correspAction: every name of every action of the type
  // (an email's to and cc), but for a redirected letter the first sender and the last addressee.
  test("the index's Sender and Recipient columns name the main correspDesc's correspondents", () => {
    const index = readFileSync(join(out(), 'index.html'), 'utf8');
    const indexJson = JSON.parse(readFileSync(join(out(), 'json/index.json'), 'utf8')) as { documents: Array<{ file: string; sender: Array<{ name: string | null }>; recipient: Array<{ name: string | null }> }> };
    const decode = (v: string): string => v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const subtypesSeen: Array<string | null> = [];
    for (const name of names) {
      const { root: tei } = parseXml(readFileSync(join(fixtures, name), 'utf8'));
      const ids = new Map(descendants(tei).filter((e) => e.attributes['xml:id']).map((e) => [e.attributes['xml:id']!, e]));
      const correspDesc = descendantsNamed(tei, 'correspDesc')[0]!;
      const actionNames = (actions: XmlElement[]): string => actions.flatMap((a) => childElements(a).filter((c) => ['persName', 'orgName', 'name', 'rs'].includes(localName(c.name))))
        .map((c) => {
          const text = textOf(c).replace(/\s+/g, ' ').trim();
          // An empty name is its particDesc entry's (example 13: <persName ref="#BS"/>).
          const entry = text === '' ? ids.get((c.attributes['ref'] ?? '').replace(/^#/, '')) : undefined;
          return entry ? textOf(childElements(entry, 'persName')[0]!).replace(/\s+/g, ' ').trim() : text;
        }).join('|');
      const actionsOf = (type: string): XmlElement[] => childElements(correspDesc, 'correspAction').filter((a) => a.attributes['type'] === type);
      const correspondents = (type: string): string => {
        const actions = actionsOf(type);
        const direct = actions.filter((a) => a.attributes['subtype'] !== 'redirecting');
        return actionNames(direct.length > 0 ? direct : actions);
      };
      const row = new RegExp(`<tr [^>]*data-sender="([^"]*)" data-recipient="([^"]*)">\\s*<td class="number"[^>]*><a href="${name.replace(/\.xml$/, '')}\\.html"`).exec(index);
      expect(row, name).not.toBeNull();
      expect({ sender: decode(row![1]!), recipient: decode(row![2]!) }, name).toEqual({ sender: correspondents('sent'), recipient: correspondents('received') });
      // json/index.json says the same, one object a correspondent.
      const sideNames = (side: Array<{ name: string | null }> | undefined): string => (side ?? []).map((c) => c.name).filter((n) => n !== null).join('|');
      const entry = indexJson.documents.find((d) => d.file === name.replace(/\.xml$/, ''));
      expect({ sender: sideNames(entry?.sender), recipient: sideNames(entry?.recipient) }, `${name} in index.json`)
        .toEqual({ sender: correspondents('sent'), recipient: correspondents('received') });
      // The document's own JSON lists every correspAction of the type, as its page does, the steps of a redirected letter too.
      type Side = Array<{ name: string | null; subtype: string | null }>;
      const json = JSON.parse(readFileSync(join(out(), `json/${name.replace(/\.xml$/, '')}.json`), 'utf8')) as { sender: Side; recipient: Side };
      expect({ sender: sideNames(json.sender), recipient: sideNames(json.recipient) }, `${name}'s JSON`)
        .toEqual({ sender: actionNames(actionsOf('sent')), recipient: actionNames(actionsOf('received')) });
      // Each correspondent carries its action's @subtype, so the steps of a redirected letter are told apart.
      const subtypes = (actions: XmlElement[]): Array<string | null> => actions.flatMap((a) => {
        const agents = childElements(a).filter((c) => ['persName', 'orgName', 'name', 'rs'].includes(localName(c.name))).length;
        return new Array<string | null>(Math.max(agents, 1)).fill(a.attributes['subtype']?.trim() || null);
      });
      expect({ sender: json.sender.map((c) => c.subtype), recipient: json.recipient.map((c) => c.subtype) }, `${name}'s JSON subtypes`)
        .toEqual({ sender: subtypes(actionsOf('sent')), recipient: subtypes(actionsOf('received')) });
      subtypesSeen.push(...json.sender.map((c) => c.subtype), ...json.recipient.map((c) => c.subtype));
    }
    // The examples have steps of a redirected letter: the check above compared some subtypes that are not null.
    expect(subtypesSeen.filter((t) => t !== null).length).toBeGreaterThan(0);
  });

  test('the persons and places a letter lists in its particDesc and settingDesc are register entries, linked from the letter', () => {
    const page = readFileSync(join(out(), 'example13_correspDesc-pointing-to-participDesc.html'), 'utf8');
    for (const id of ['BS', 'ID', 'CH']) {
      expect(page).toContain(`href="persons/${id}.html"`);
      expect(existsSync(join(out(), `persons/${id}.html`)), id).toBe(true);
    }
    expect(page).toContain('href="places/CRA.html"');
    expect(readFileSync(join(out(), 'persons.html'), 'utf8')).toContain('<a href="persons/BS.html">Bona Sforza</a>');
    // A division's type ("salutation") is not the document's type.
    expect(readFileSync(join(out(), 'index.html'), 'utf8')).not.toContain('<td class="type" data-label="Type">salutation</td>');
    // CMIF keeps the authority URI the letter's own entry gives.
    expect(readFileSync(join(out(), 'cmif.xml'), 'utf8')).toContain('<persName ref="https://viaf.org/viaf/88717722">Bona Sforza</persName>');
  });

  test("the card names a place given by its pointer as the JSON does, with no empty commas; an anthology's second letter is a letter", () => {
    const page = readFileSync(join(out(), 'example13_correspDesc-pointing-to-participDesc.html'), 'utf8');
    const card = page.slice(page.indexOf('<dl class="card-list">'), page.indexOf('</dl>', page.indexOf('<dl class="card-list">')));
    expect(card).toContain('<a href="places/CRA.html" class="tei-placeName name">Cracovia</a>, <time datetime="1524-04-29">29 April 1524</time>');
    expect(card).toContain('>Naples</a>');
    expect(card.replace(/<[^>]*>/g, '')).not.toMatch(/, ,|\s,/);
    const json = JSON.parse(readFileSync(join(out(), 'json/example13_correspDesc-pointing-to-participDesc.json'), 'utf8')) as { sender: Array<{ place: string }> };
    expect(json.sender[0]!.place).toBe('Cracovia');
    const anthology = readFileSync(join(out(), 'example07_anthology-of-letters.html'), 'utf8');
    expect(anthology).toContain('<h3>Letter 2 of this document</h3>');
    expect(anthology).not.toContain('Embedded text');
    // A letter embedded in a biography (example06) is no anthology.
    expect(readFileSync(join(out(), 'example06_embedded-letter.html'), 'utf8')).not.toContain('Letter 2 of this document');
  });

  test.each(names)('%s: every word of the body is in the text output, and HTML and JSON are sane', (name) => {
    const base = name.replace(/\.xml$/, '');
    const source = readFileSync(join(fixtures, name), 'utf8');
    const text = readFileSync(join(out(), 'text', `${base}.txt`), 'utf8');
    // Every word of the body, as often as the body has it (notes may move to the end, so order is not asked).
    const missing = new Map<string, number>();
    for (const w of wordsOf(bodyText(source))) missing.set(w, (missing.get(w) ?? 0) + 1);
    for (const w of wordsOf(text)) if (missing.has(w)) missing.set(w, missing.get(w)! - 1);
    expect([...missing].filter(([, n]) => n > 0)).toEqual([]);
    const html = readFileSync(join(out(), `${base}.html`), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('Content-Security-Policy');
    // No inline script but the page's JSON-LD data block (never run).
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/ld\+json")[^>]*>/i);
    const json = JSON.parse(readFileSync(join(out(), 'json', `${base}.json`), 'utf8')) as { text: string };
    expect(typeof json.text).toBe('string');
    expect(existsSync(join(out(), 'index.html'))).toBe(true);
  });
});

/** An element back to XML, for the text-of-TEI helper. */
function serialise(e: XmlElement): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const attributes = Object.entries(e.attributes).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  const inner = e.children.map((c) => (typeof c === 'string' ? escape(c) : serialise(c))).join('');
  return `<${e.name}${attributes}>${inner}</${e.name}>`;
}


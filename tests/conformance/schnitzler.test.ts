// Issue 14: 294 real letters of another edition (../shared, read in place)
// and two of its registers build into a sane edition, though their person
// pointers go into a register that is not there.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../../src/site/index.js';
import type { BuildResult } from '../../src/site/index.js';
import { outputBaseNames } from '../../src/site/output-names.js';
import { genericConfig } from '../../src/config.js';
import { descendantsNamed, parseXml } from '../../src/parse/tree.js';
import { sharedFolder } from './shared-folder.ts';
import { textOfTei, wordsOf } from './text-of-tei.ts';

const folder = join(sharedFolder(), 'fixtures/schnitzler-letters');
const registers = ['listorg.xml', 'listplace.xml'];
const letters = readdirSync(folder).filter((n) => n.endsWith('.xml') && !registers.includes(n)).sort();
const bases = outputBaseNames(letters.map((name) => ({ name, document: true })));
let work: string;
let built: BuildResult;
let seconds: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-schnitzler-'));
  const started = Date.now();
  built = await buildEdition({ config: { ...genericConfig(folder, undefined), cacheFolder: join(work, 'cache') }, out: join(work, 'site') });
  seconds = (Date.now() - started) / 1000;
}, 1_800_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = (path: string): string => join(work, 'site', path);

describe('the Schnitzler letters', () => {
  test('build, with no error', () => {
    expect(letters.length).toBe(294);
    expect(built.validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.problems).toEqual([]);
    expect(built.published).toBe(true);
    expect(built.documents).toBe(294);
    console.info(`Schnitzler folder: ${letters.length} letters and 2 registers built in ${seconds.toFixed(1)} s`);
  });

  test('every letter has a page, a text and a JSON, and every word of its body is in its text', () => {
    const incomplete: string[] = [];
    for (const name of letters) {
      const base = bases.get(name)!;
      if (![`${base}.html`, `text/${base}.txt`, `json/${base}.json`].every((p) => existsSync(site(p)))) {
        incomplete.push(`${name}: outputs missing`);
        continue;
      }
      const body = descendantsNamed(parseXml(readFileSync(join(folder, name), 'utf8')).root, 'body')[0];
      const missing = new Map<string, number>();
      for (const w of wordsOf(body ? bodyText(serialise(body)) : '')) missing.set(w, (missing.get(w) ?? 0) + 1);
      const words = wordsOf(readFileSync(site(`text/${base}.txt`), 'utf8'));
      for (const w of words) if (missing.has(w)) missing.set(w, missing.get(w)! - 1);
      // A word the source splits with an element the helper cannot know joins a word ("<rs>Hebbel</rs>eindrücke"):
      // found inside the text's words run together, it is there.
      const run = words.join('');
      const lost = [...missing].filter(([w, n]) => n > 0 && !run.includes(w)).map(([w]) => w);
      if (lost.length > 0) incomplete.push(`${name}: ${lost.slice(0, 5).join(' ')}`);
    }
    expect(incomplete).toEqual([]);
  });

  test('the registers are no letters, and names link into both', () => {
    for (const r of registers) expect(existsSync(site(r.replace(/\.xml$/, '.html')))).toBe(false);
    const pages = letters.map((name) => readFileSync(site(`${bases.get(name)!}.html`), 'utf8'));
    const linked = (kind: string): string[] => [...new Set(pages.flatMap((p) => [...p.matchAll(new RegExp(`href="(${kind}/[^"]+\\.html)"`, 'g'))].map((m) => m[1]!)))];
    for (const kind of ['places', 'orgs']) {
      const targets = linked(kind);
      expect(targets.length, kind).toBeGreaterThan(10);
      expect(targets.filter((t) => !existsSync(site(t))), `${kind} entry pages`).toEqual([]);
    }
  });

  // The letters carry the persons they name in their own back/listPerson, so every '#pmb…' resolves
  // somewhere in the folder today; whatever does not is one warning per id.
  test("pointers resolve across the folder; a missing id is one warning, however often it is used", () => {
    const unresolved = built.validation.diagnostics.filter((d) => d.rule === 'pointer-unresolved');
    expect(unresolved.every((d) => d.severity === 'warning')).toBe(true);
    const ids = unresolved.map((d) => /^#(\S+) does not resolve/.exec(d.message)?.[1]);
    expect(ids.every((id) => id !== undefined)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a letter's own index of what it names (back/listPerson …) is listed on its page and is no reading text", () => {
    const problems: string[] = [];
    let entries = 0;
    for (const name of letters) {
      const base = bases.get(name)!;
      const back = descendantsNamed(parseXml(readFileSync(join(folder, name), 'utf8')).root, 'back')[0];
      if (!back) continue;
      const page = readFileSync(site(`${base}.html`), 'utf8');
      const text = readFileSync(site(`text/${base}.txt`), 'utf8');
      for (const list of back.children.filter((c): c is import('../../src/parse/tree.js').XmlElement => typeof c !== 'string' && /^list(Person|Place|Org|Event|Bibl)$/.test(c.name))) {
        for (const entry of list.children) {
          if (typeof entry === 'string' || !entry.attributes['xml:id']) continue;
          entries++;
          if (!page.includes(`<li id="${entry.attributes['xml:id']}">`)) problems.push(`${name}: no line for ${entry.attributes['xml:id']}`);
        }
        // coordinates are in the lists only: none of them may reach the reading text
        for (const geo of descendantsNamed(list, 'geo')) {
          const value = geo.children.filter((c) => typeof c === 'string').join('').trim();
          if (value !== '' && text.includes(value)) problems.push(`${name}: text holds ${value}`);
        }
      }
    }
    expect(entries).toBeGreaterThan(1000);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  test("the site's identity is the corpus's: its title, licence and language", () => {
    const index = readFileSync(site('index.html'), 'utf8');
    expect(index).toContain('Arthur Schnitzler: Briefwechsel mit Autorinnen und Autoren');
    expect(index).toMatch(/<html lang="en">/);
    const page = readFileSync(site(`${bases.get(letters[0]!)!}.html`), 'utf8');
    expect(page).toContain('creativecommons.org/licenses/by/4.0');
    expect(page).toMatch(/<div class="text-body" lang="de/);
    expect(page).not.toMatch(/Bolshevik/i);
  });
});

/**
 * The words of a letter's body as a reader has them: the elements this
 * edition puts inside words (c for a long s, hi, unclear, supplied, g,
 * damage) join their neighbours; every other element boundary is a space
 * (textOfTei puts a space at every boundary, which splits "be<c>s</c>ten").
 */
function bodyText(xml: string): string {
  const joined = xml.replace(/<\/?(c|hi|unclear|supplied|g|damage)\b[^>]*>/g, '');
  return textOfTei(joined);
}

/** An element back to XML, for the text-of-TEI helper. */
function serialise(e: import('../../src/parse/tree.js').XmlElement): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const attributes = Object.entries(e.attributes).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  const inner = e.children.map((c) => (typeof c === 'string' ? escape(c) : serialise(c))).join('');
  return `<${e.name}${attributes}>${inner}</${e.name}>`;
}

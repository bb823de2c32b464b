/**
 * The search page in Chromium, from file://: phrases, ranking, pages of
 * results, facets, the state in the address, the order on a phone, and an
 * index that loads in parts. On the project's edition and on a generated
 * one of 45 letters (src/dev/bench/generate.ts), enough for three pages and
 * long facets. What a search should find is worked out here from the
 * built JSON edition, not from the index.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeEdition } from '../../src/dev/bench/generate.js';
import { loadConfig } from '../../src/config.js';
import { buildEdition } from '../../src/site/index.js';
import { useBuiltEdition, watchProblems } from './browser.js';

const root = resolve(import.meta.dirname, '../..');
const session = useBuiltEdition();

const LETTERS = 45;
const work = mkdtempSync(join(tmpdir(), 'edition-search-'));
let generated = '';

beforeAll(async () => {
  const folder = join(work, 'edition');
  writeEdition({ letters: LETTERS, seed: 7, folder, projectRoot: root });
  const config = { ...loadConfig(join(folder, 'edition.config.json')), cacheFolder: join(work, 'cache') };
  generated = join(work, 'dist');
  const result = await buildEdition({ config, out: generated });
  if (!result.published) throw new Error(`the generated edition did not build: ${JSON.stringify(result.problems)}`);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const url = (site: string, path: string): string => `file://${join(site, path)}`;

/** Each document's searchable text (title, text, notes), from the built JSON edition. */
function documentTexts(site: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(join(site, 'json')).sort()) {
    if (!/^doc.*\.json$/.test(name)) continue;
    const d = JSON.parse(readFileSync(join(site, 'json', name), 'utf8')) as { title?: string; text?: string; notes?: Array<{ text?: string }> };
    // Fields apart: a phrase never runs from one into the next.
    texts.set(name.replace(/\.json$/, '.html'), [d.title ?? '', d.text ?? '', ...(d.notes ?? []).map((n) => n.text ?? '')].join('\n\u0000\n'));
  }
  return texts;
}

/** The pages of the documents where the words stand next to each other (case aside), in any field. */
function withPhrase(texts: Map<string, string>, ws: string[]): string[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${ws.join('[^\\p{L}\\p{N}\\p{M}\\u0000]+')}(?![\\p{L}\\p{N}\\p{M}])`, 'iu');
  return [...texts].filter(([, t]) => pattern.test(t)).map(([page]) => page);
}

/** The page has answered, passages and all: a status line, and the list no longer busy. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '') !== ''
    && document.getElementById('search-results')?.getAttribute('aria-busy') !== 'true');
  await page.waitForTimeout(100);
}

async function total(page: Page): Promise<number> {
  const status = await page.locator('#search-status').innerText();
  if (/^No documents/.test(status)) return 0;
  const m = /^([\d,]+) documents?/.exec(status);
  if (!m) throw new Error(`status without a count: ${status}`);
  return Number.parseInt(m[1]!.replace(/,/g, ''), 10);
}

const resultPages = (page: Page): Promise<string[]> =>
  page.locator('#search-results > li .result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));

describe('phrases and ranking', () => {
  test('"oil fields" finds the words as a phrase, "fields oil" nothing; the marks cover the phrase', async () => {
    const page = await session.browser.newPage();
    const problems = watchProblems(page);
    const texts = documentTexts(session.edition.dist);
    const expected = withPhrase(texts, ['oil', 'fields']);
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${session.edition.url('search.html')}?q=${encodeURIComponent('"oil fields"')}`);
    await settled(page);
    expect((await resultPages(page)).sort()).toEqual(expected.sort());
    const marks = await page.locator('#search-results mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase().replace(/\s+/g, ' ')).toBe('oil fields');

    await page.goto(`${session.edition.url('search.html')}?q=${encodeURIComponent('"fields oil"')}`);
    await settled(page);
    expect(withPhrase(texts, ['fields', 'oil'])).toEqual([]);
    expect(await total(page)).toBe(0);
    // Without the quotation marks, the words in any order.
    await page.goto(`${session.edition.url('search.html')}?q=${encodeURIComponent('fields oil')}`);
    await settled(page);
    expect(await total(page)).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('on 45 letters, a phrase finds exactly the documents that hold it', async () => {
    const page = await session.browser.newPage();
    const texts = documentTexts(generated);
    for (const phrase of [['the', 'committee'], ['committee', 'the'], ['in', 'any', 'case'], ['case', 'any']]) {
      const expected = withPhrase(texts, phrase);
      await page.goto(`${url(generated, 'search.html')}?q=${encodeURIComponent(`"${phrase.join(' ')}"`)}`);
      await settled(page);
      expect(await total(page), phrase.join(' ')).toBe(expected.length);
      const shown = await resultPages(page);
      for (const p of shown) expect(expected).toContain(p);
    }
    // One of them is found as words but not as a phrase: the phrase is more than all its words.
    const words = ['committee', 'the'];
    await page.goto(`${url(generated, 'search.html')}?q=${encodeURIComponent(words.join(' '))}`);
    await settled(page);
    expect(await total(page)).toBeGreaterThan(withPhrase(texts, words).length);
    await page.close();
  });

  test('results are ranked: the letter that names Baku most comes first', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.edition.url('search.html')}?q=Baku`);
    await settled(page);
    const texts = documentTexts(session.edition.dist);
    const count = (p: string): number => (texts.get(p)!.match(/baku/gi) ?? []).length;
    const shown = await resultPages(page);
    expect(shown.length).toBe(2);
    expect(count(shown[0]!)).toBeGreaterThan(count(shown[1]!));
    await page.close();
  });
});

describe('pages of results', () => {
  const PAGE = 10;

  test('only a page is rendered; Next, the page numbers and back move through them', async () => {
    const page = await session.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(url(generated, 'search.html'));
    await settled(page);
    expect(await total(page)).toBe(LETTERS);
    const first = await resultPages(page);
    expect(first.length).toBe(PAGE);
    await expect(page.locator('#search-results').getAttribute('start')).resolves.toBe('1');
    await expect(page.locator('#search-pages').isVisible()).resolves.toBe(true);
    expect(await page.locator('#search-pages [aria-current="page"]').innerText()).toBe('1');

    await page.locator('#search-pages a', { hasText: 'Next' }).click();
    await page.waitForURL(/[?&]page=2/);
    await settled(page);
    const second = await resultPages(page);
    expect(second.length).toBe(PAGE);
    await expect(page.locator('#search-results').getAttribute('start')).resolves.toBe(String(PAGE + 1));
    expect(second.filter((p) => first.includes(p))).toEqual([]);
    expect(await page.locator('#search-status').innerText()).toContain(`Showing ${PAGE + 1}–${2 * PAGE}`);

    // The last page by its number; then back.
    const pages = Math.ceil(LETTERS / PAGE);
    await page.locator('#search-pages a', { hasText: new RegExp(`^${pages}$`) }).click();
    await page.waitForURL(new RegExp(`[?&]page=${pages}`));
    await settled(page);
    expect((await resultPages(page)).length).toBe(LETTERS - (pages - 1) * PAGE);
    await expect(page.locator('#search-pages a', { hasText: 'Next' }).count()).resolves.toBe(0);
    await page.goBack();
    await page.waitForURL(/[?&]page=2/);
    await settled(page);
    expect(await resultPages(page)).toEqual(second);

    // Page by page with Next: every document once.
    await page.goto(url(generated, 'search.html'));
    await settled(page);
    const seen: string[] = [];
    for (let n = 1; ; n++) {
      seen.push(...(await resultPages(page)));
      const next = page.locator('#search-pages a', { hasText: 'Next' });
      if ((await next.count()) === 0) break;
      await next.click();
      await page.waitForURL(new RegExp(`[?&]page=${n + 1}`));
      await settled(page);
    }
    expect(seen.length).toBe(LETTERS);
    expect(new Set(seen).size).toBe(LETTERS);
    expect(await page.locator('#search-results > li').count()).toBe(LETTERS - (pages - 1) * PAGE);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('keystrokes', () => {
  /**
   * Installed before the page's scripts: while window.holdTexts is true, a
   * documents-N.js part is not put in the page (so it does not load) until
   * window.releaseTexts() is called.
   */
  const holdTexts = `
    window.holdTexts = false;
    window.heldTexts = [];
    var append = Node.prototype.appendChild;
    Node.prototype.appendChild = function (child) {
      if (window.holdTexts && child instanceof HTMLScriptElement && /[/]search[/]documents-[0-9]+[.]js$/.test(child.src)) {
        var parent = this;
        window.heldTexts.push(function () { append.call(parent, child); });
        return child;
      }
      return append.call(this, child);
    };
    window.releaseTexts = function () { window.heldTexts.splice(0).forEach(function (f) { f(); }); };
  `;

  test('a query shows its page of results from the title lines while the texts load; the passages follow, the list aria-busy meanwhile', async () => {
    const page = await session.browser.newPage();
    const problems = watchProblems(page);
    await page.addInitScript({ content: holdTexts });
    const titleParts = readdirSync(join(generated, 'search')).filter((p) => p.startsWith('titles-')).length;
    const titlesLoaded = new Set<string>();
    page.on('requestfinished', (r) => {
      const m = /\/search\/(titles-\d+)\.js$/.exec(r.url());
      if (m) titlesLoaded.add(m[1]!);
    });
    // No query: the documents in collection order, from the title lines; then every title part loads while the page is idle.
    await page.goto(url(generated, 'search.html'));
    await settled(page);
    await expect.poll(() => titlesLoaded.size).toBe(titleParts);
    await page.evaluate(() => { (window as unknown as { holdTexts: boolean }).holdTexts = true; });
    await page.locator('#search-query').fill('committee ');
    await page.waitForFunction(() => /committee/.test(document.getElementById('search-status')?.textContent ?? ''));
    // Answered without the texts: the titles of documents that hold the word, no passages yet, the list busy.
    const expected = [...documentTexts(generated)].filter(([, t]) => /\bcommittee\b/i.test(t)).map(([p]) => p);
    expect(await total(page)).toBe(expected.length);
    const shown = await resultPages(page);
    expect(shown.length).toBe(Math.min(10, expected.length));
    for (const p of shown) expect(expected).toContain(p);
    await expect(page.locator('#search-results').getAttribute('aria-busy')).resolves.toBe('true');
    await expect(page.locator('#search-results .result-passages').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { heldTexts: unknown[] }).heldTexts.length)).toBeGreaterThan(0);
    // The texts arrive: the passages, with the word marked, and the list no longer busy.
    await page.evaluate(() => (window as unknown as { releaseTexts: () => void }).releaseTexts());
    await settled(page);
    await expect(page.locator('#search-results').getAttribute('aria-busy')).resolves.toBe(null);
    expect(await resultPages(page)).toEqual(shown);
    const marks = await page.locator('#search-results mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toBe('committee');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('texts that arrive after the query was typed over are not shown with the new one', async () => {
    const page = await session.browser.newPage();
    await page.addInitScript({ content: holdTexts });
    await page.goto(url(generated, 'search.html'));
    await settled(page);
    await page.evaluate(() => { (window as unknown as { holdTexts: boolean }).holdTexts = true; });
    await page.locator('#search-query').fill('committee ');
    await page.waitForFunction(() => /committee/.test(document.getElementById('search-status')?.textContent ?? ''));
    // Typed over before the texts of "committee" came: those texts then arrive, then the new query's.
    await page.locator('#search-query').fill('instructions ');
    await page.waitForFunction(() => /instructions/.test(document.getElementById('search-status')?.textContent ?? ''));
    await page.evaluate(() => { const w = window as unknown as { holdTexts: boolean; releaseTexts: () => void }; w.holdTexts = false; w.releaseTexts(); });
    await settled(page);
    const marks = await page.locator('#search-results mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toBe('instructions');
    await page.close();
  });

  test('a letter being typed loads the term parts of the words it begins, so its next letter finds them at hand', async () => {
    const page = await session.browser.newPage();
    const problems = watchProblems(page);
    const requested: string[] = [];
    page.on('request', (r) => {
      const m = /\/search\/(terms-\d+)\.js$/.exec(r.url());
      if (m) requested.push(m[1]!);
    });
    await page.goto(url(generated, 'search.html'));
    await settled(page);
    expect(requested).toEqual([]);
    const input = page.locator('#search-query');
    await input.focus();
    // One letter is not searched (the status says nothing of it), but the parts of its words load.
    await page.keyboard.type('f');
    await expect.poll(() => requested.length).toBeGreaterThan(0);
    expect(await page.locator('#search-status').innerText()).not.toMatch(/matching/);
    const afterOneLetter = requested.length;
    await page.waitForTimeout(200);
    await page.keyboard.type('u');
    await page.waitForFunction(() => /matching “fu”/.test(document.getElementById('search-status')?.textContent ?? ''));
    await settled(page);
    expect(await total(page)).toBeGreaterThan(0);
    expect(requested.length).toBe(afterOneLetter);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the pages of a ranked query list every document that matches once (the first page ranked in one pass, the others by a sort)', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${url(generated, 'search.html')}?q=${encodeURIComponent('the ')}`);
    await settled(page);
    const matching = await total(page);
    expect(matching).toBeGreaterThan(40);
    const seen: string[] = [];
    for (let n = 1; n <= Math.ceil(matching / 10); n++) {
      await page.goto(`${url(generated, 'search.html')}?q=${encodeURIComponent('the ')}&page=${n}`);
      await settled(page);
      seen.push(...(await resultPages(page)));
    }
    expect(seen.length).toBe(matching);
    expect(new Set(seen).size).toBe(matching);
    await page.close();
  });
});

describe('facets', () => {
  test('collapsible, top values first, a filter box for a long one, no value without results', async () => {
    const page = await session.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(url(generated, 'search.html'));
    await settled(page);
    const place = page.locator('#search-facets details.facet').filter({ has: page.locator('.facet-label', { hasText: 'Place' }) });
    const counts = async (facet: typeof place): Promise<number[]> =>
      (await facet.locator('.facet-count').allInnerTexts()).map((t) => Number.parseInt(t.replace(/[()]/g, ''), 10));

    // Collapsible.
    await expect(place.locator('.facet-values').isVisible()).resolves.toBe(true);
    await place.locator('summary').click();
    await expect(place.locator('.facet-values').isVisible()).resolves.toBe(false);
    await place.locator('summary').click();
    await expect(place.locator('.facet-values').isVisible()).resolves.toBe(true);

    // Top values first, ten of them until "Show all".
    const top = await counts(place);
    expect(top.length).toBe(10);
    expect([...top].sort((a, b) => b - a)).toEqual(top);
    const more = place.locator('.facet-more');
    const all = Number.parseInt(/Show all (\d+)/.exec(await more.innerText())![1]!, 10);
    expect(all).toBeGreaterThan(10);
    await more.click();
    const expanded = await counts(place);
    expect(expanded.length).toBe(Math.min(all, 100));
    expect([...expanded].sort((a, b) => b - a)).toEqual(expanded);
    await more.click();
    expect((await counts(place)).length).toBe(10);

    // The filter box narrows the values to those that hold its text.
    const names = await place.locator('.facet-values label').allInnerTexts();
    const name = names[names.length - 1]!.replace(/\s*\(\d+\)$/, '');
    await place.locator('.facet-filter').fill(name.slice(0, 4));
    const filtered = await place.locator('.facet-values label').allInnerTexts();
    expect(filtered.length).toBeGreaterThan(0);
    for (const label of filtered) expect(label.toLowerCase()).toContain(name.slice(0, 4).toLowerCase());
    await place.locator('.facet-filter').fill('');

    // A query: every value listed has results; the whole page holds few checkboxes.
    await page.locator('#search-query').fill('grain');
    await page.waitForFunction(() => /grain/.test(document.getElementById('search-status')?.textContent ?? ''));
    await page.waitForTimeout(100);
    for (const facet of await page.locator('#search-facets details.facet').all()) {
      for (const c of await counts(facet)) expect(c).toBeGreaterThan(0);
    }
    expect(await page.locator('#search-facets input[type="checkbox"]').count()).toBeLessThanOrEqual(40);

    // Choosing a value gives as many results as its count said.
    const firstValue = place.locator('.facet-values li').first();
    const said = Number.parseInt((await firstValue.locator('.facet-count').innerText()).replace(/[()]/g, ''), 10);
    await firstValue.locator('input').check();
    await page.waitForURL(/[?&]place=/);
    await settled(page);
    expect(await total(page)).toBe(said);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the address', () => {
  test('query, filters and page are in the address, restored when it is opened and on back and forward', async () => {
    const page = await session.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(url(generated, 'search.html'));
    await settled(page);
    await page.locator('#search-query').pressSequentially('the', { delay: 30 });
    await page.waitForURL(/[?&]q=the(&|$)/);
    await settled(page);
    const byQuery = await total(page);
    const year = page.locator('#search-facets details.facet').filter({ has: page.locator('.facet-label', { hasText: 'Year' }) });
    const yearBox = year.locator('.facet-values input').first();
    const yearValue = await yearBox.getAttribute('value');
    await yearBox.check();
    await page.waitForURL(new RegExp(`[?&]year=${yearValue}`));
    await settled(page);
    const byYear = await total(page);
    expect(byYear).toBeLessThan(byQuery);
    const address = page.url();
    const status = await page.locator('#search-status').innerText();
    const shown = await resultPages(page);

    // Shared: the address opened elsewhere gives the same search.
    const other = await session.browser.newPage();
    await other.goto(address);
    await settled(other);
    await expect(other.locator('#search-query').inputValue()).resolves.toBe('the');
    expect(await other.locator('#search-status').innerText()).toBe(status);
    expect(await resultPages(other)).toEqual(shown);
    await expect(other.locator(`#search-facets input[value="${yearValue}"]`).isChecked()).resolves.toBe(true);
    await other.close();

    // Back: the year unchecked again, then the empty search; forward: the query again.
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('year='));
    await settled(page);
    expect(await total(page)).toBe(byQuery);
    await expect(page.locator(`#search-facets input[value="${yearValue}"]`).isChecked()).resolves.toBe(false);
    await expect(page.locator('#search-query').inputValue()).resolves.toBe('the');
    await page.goBack();
    await page.waitForURL((u) => u.search === '');
    await settled(page);
    await expect(page.locator('#search-query').inputValue()).resolves.toBe('');
    expect(await total(page)).toBe(LETTERS);
    await page.goForward();
    await page.waitForURL(/[?&]q=the(&|$)/);
    await settled(page);
    expect(await total(page)).toBe(byQuery);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('layout and loading', () => {
  test('on a phone the results come before the filters; on a wide screen the filters stand beside them', async () => {
    for (const [width, phone] of [[390, true], [1280, false]] as const) {
      const context = await session.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${url(generated, 'search.html')}?q=the`);
      await settled(page);
      const results = (await page.locator('#search-results > li').first().boundingBox())!;
      const filters = (await page.locator('#search-facets').boundingBox())!;
      if (phone) expect(results.y + results.height).toBeLessThan(filters.y);
      else {
        expect(filters.x + filters.width).toBeLessThanOrEqual(results.x);
        expect(Math.abs(filters.y - results.y)).toBeLessThan(200);
      }
      await context.close();
    }
  });

  test('the index loads in parts: a word loads its term part and the documents of the page, a phrase its positions too', async () => {
    const parts = readdirSync(join(generated, 'search'));
    const documentParts = parts.filter((p) => p.startsWith('documents-')).length;
    expect(documentParts).toBeGreaterThan(3);
    const loaded = async (query: string): Promise<string[]> => {
      const page = await session.browser.newPage();
      const requested: string[] = [];
      page.on('request', (r) => {
        const m = /\/search\/([^/]+)\.js$/.exec(r.url());
        if (m) requested.push(m[1]!);
      });
      await page.goto(`${url(generated, 'search.html')}?q=${encodeURIComponent(query)}`);
      await settled(page);
      expect(await total(page)).toBeGreaterThan(0);
      await page.close();
      return requested;
    };
    // A word of one document only (and no other word begins with it); a space after it: the whole word.
    const texts = [...documentTexts(generated).values()].map((t) => new Set(t.toLowerCase().match(/[a-z]+/g) ?? []));
    const rare = texts.flatMap((t) => [...t]).find((w) => w.length >= 5 && texts.filter((t) => [...t].some((x) => x.startsWith(w))).length === 1);
    expect(rare).toBeDefined();
    const byWord = await loaded(`${rare!} `);
    expect(byWord.filter((p) => p.startsWith('terms-')).length).toBe(1);
    expect(byWord.filter((p) => p.startsWith('documents-')).length).toBe(1);
    expect(byWord.filter((p) => p.startsWith('positions-'))).toEqual([]);
    expect(byWord.filter((p) => p.startsWith('documents-')).length).toBeLessThan(documentParts);
    const byPhrase = await loaded('"the committee"');
    expect(byPhrase.filter((p) => p.startsWith('positions-')).length).toBeGreaterThan(0);
  });

  test('axe finds no serious or critical violation with pages of results, a long facet opened and filtered', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    for (const width of [390, 1280]) {
      // bypassCSP: only so that axe can be injected (as in accessibility.test.ts).
      const context = await session.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${url(generated, 'search.html')}?q=the&page=2`);
      await settled(page);
      await expect(page.locator('#search-pages').isVisible()).resolves.toBe(true);
      const place = page.locator('#search-facets details.facet').filter({ has: page.locator('.facet-label', { hasText: 'Place' }) });
      await place.locator('.facet-more').click();
      await place.locator('.facet-filter').fill('o');
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious, `${width} px: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
      await context.close();
    }
  });
});

/**
 * The letter page as a reader uses it (issue 16), in Chromium from file://:
 * the metadata card first, notes in place (a popover without JavaScript, the
 * side column on wide screens), editorial interventions and hand changes
 * visible in words, quoted words styled, the text on a phone's first
 * screen, initials that do not break, jump targets below the top edge, and
 * the citation with its meta tags, JSON-LD and downloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltEdition, watchProblems } from './browser.js';

const session = useBuiltEdition();

async function open(options: { width: number; height?: number; javaScript?: boolean }, path: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await session.browser.newContext({
    viewport: { width: options.width, height: options.height ?? 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(session.edition.url(path));
  return { context, page, problems };
}

describe('the letter page', () => {
  test('metadata first: the card stands above the text and says who, when, where, what, which archive, which language, which hands', async () => {
    const { context, page } = await open({ width: 1280 }, 'doc069.html');
    const card = page.locator('.document-card');
    const cardBox = (await card.boundingBox())!;
    const textBox = (await page.locator('.reading-text').boundingBox())!;
    expect(cardBox.y).toBeLessThan(textBox.y);
    const text = await card.locator('.card-list').innerText();
    for (const expected of ['Sender', 'I. V. Stalin', 'Kharkov', 'Recipient', 'L. D. Trotsky', 'Moscow', 'Type', 'Telegram',
      'Archive', 'RGASPI, f. 558, op. 1, d. 5481, l. 3', 'Language', 'English translation; original in Russian',
      'Hands', 'First hand; Stalin’s hand', 'Related documents']) {
      expect(text).toContain(expected);
    }
    // Nothing of the old panel is lost: the printed reference, the physical description and the hands' descriptions are in the full description.
    await page.locator('.document-details > summary').click();
    const details = await page.locator('.document-details').innerText();
    expect(details).toContain('RTSKHIDNI. F. 558. On. 1. D. 5481. L. 3.');
    expect(details).toContain('Handwritten text');
    expect(details).toContain("I. V. Stalin's own hand (autograph)");
    expect(await page.locator('#metadata-heading').count()).toBe(0);
    await context.close();
  });

  test('on a wide screen every note of the text stands in the side column, beside its marker’s line', async () => {
    const { context, page } = await open({ width: 1280 }, 'doc068.html');
    const column = (await page.locator('.text-body').boundingBox())!;
    const markers = page.locator('.text-body .noteref-button');
    expect(await markers.count()).toBeGreaterThan(3);
    for (const id of ['doc068-a1', 'doc068-a2', 'doc068-ea1']) {
      const marker = (await page.locator(`#${id}`).boundingBox())!;
      const note = (await page.locator(`#${id}-note`).boundingBox())!;
      expect(note.x, id).toBeGreaterThanOrEqual(column.x + column.width);
      // Beside its line: it starts at the marker's line or just below (a note above it pushes it down, never up).
      expect(note.y, id).toBeGreaterThan(marker.y - 30);
    }
    expect(await page.locator('#doc068-a2-note').innerText()).toContain('The order to attack Grozny');
    await context.close();
  });

  test('on a phone, without JavaScript, a marker opens its note in place and the list stays at the end; markers are 24 × 24 px', async () => {
    const { context, page } = await open({ width: 390, height: 844, javaScript: false }, 'doc068.html');
    const marker = page.locator('#doc068-a2');
    const box = (await marker.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    const note = page.locator('#doc068-a2-note');
    await expect(note.isVisible()).resolves.toBe(false);
    await marker.click();
    await expect(note.isVisible()).resolves.toBe(true);
    expect(await note.innerText()).toContain('The order to attack Grozny');
    // In place: the note opens next to its marker, not somewhere else on the page.
    const noteBox = (await note.boundingBox())!;
    const markerBox = (await marker.boundingBox())!;
    expect(Math.abs(noteBox.y - (markerBox.y + markerBox.height))).toBeLessThan(400);
    // The note's link leads to the full list, which is still there.
    await expect(page.locator('#doc068-n2').count()).resolves.toBe(1);
    await expect(page.locator('#doc068-n2').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(note.isVisible()).resolves.toBe(false);
    await context.close();
  });

  test('on a wide screen a pressed marker keeps its note in the side column at its line, inside the page, not over the text', async () => {
    const cases: Array<[string, string, string]> = [
      // In the reading text, in the heading's date line, in the list of notes.
      ['doc068.html', 'doc068-a2', 'The order to attack Grozny'],
      ['doc069.html', 'doc069-e1-ref-1', 'The compilers date No. 69 March 20'],
      ['doc068.html', 'doc068-e4-ref', 'Note 5 is printed without an anchor'],
    ];
    for (const [path, id, words] of cases) {
      const { context, page } = await open({ width: 1280 }, path);
      const marker = page.locator(`#${id}`);
      await marker.scrollIntoViewIfNeeded();
      await marker.click();
      const note = page.locator(`#${id}-note`);
      await expect(note.isVisible()).resolves.toBe(true);
      expect(await note.innerText()).toContain(words);
      const noteBox = (await note.boundingBox())!;
      const markerBox = (await marker.boundingBox())!;
      const column = (await page.locator('.reading-text').boundingBox())!;
      const main = (await page.locator('main').boundingBox())!;
      expect(noteBox.x, id).toBeGreaterThanOrEqual(column.x + column.width);
      expect(noteBox.x + noteBox.width, id).toBeLessThanOrEqual(main.x + main.width);
      expect(Math.abs(noteBox.y - markerBox.y), id).toBeLessThan(30);
      await context.close();
    }
  });

  test('markers in the heading, the card and the list of notes open their notes in place too, without JavaScript', async () => {
    const cases: Array<[string, string, string]> = [
      ['doc069.html', 'doc069-e1-ref-1', 'The compilers date No. 69 March 20'],
      ['doc068.html', 'doc068-e7-ref', 'inference, not the compilers'],
      ['doc068.html', 'doc068-e4-ref', 'Note 5 is printed without an anchor'],
    ];
    for (const width of [390, 1280]) {
      for (const [path, id, words] of cases) {
        const { context, page } = await open({ width, javaScript: false }, path);
        const marker = page.locator(`#${id}`);
        expect(await marker.evaluate((e) => e.tagName), `${id} at ${width}`).toBe('BUTTON');
        const box = (await marker.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
        // Not in the side column until pressed: the list of notes has them all.
        const note = page.locator(`#${id}-note`);
        await expect(note.isVisible(), `${id} at ${width}`).resolves.toBe(false);
        await marker.scrollIntoViewIfNeeded();
        await marker.click();
        await expect(note.isVisible(), `${id} at ${width}`).resolves.toBe(true);
        expect(await note.innerText()).toContain(words);
        const noteBox = (await note.boundingBox())!;
        const markerBox = (await marker.boundingBox())!;
        expect(Math.abs(noteBox.y - markerBox.y), `${id} at ${width}`).toBeLessThan(60);
        await page.keyboard.press('Escape');
        await expect(note.isVisible()).resolves.toBe(false);
        await context.close();
      }
    }
  });

  test('unmarked initials in the notes never break: "S. S. Kamenev" stays on one line at any width', async () => {
    const { context, page } = await open({ width: 390 }, 'doc068.html');
    for (const name of ['S. S. Kamenev', 'L. B. Kamenev']) {
      // The name's characters as a range of the page's text, wherever the markup puts them; its line boxes at widths 150–380 px of the note.
      const breaks = await page.locator('#doc068-e5').evaluate((item, wanted) => {
        const walker = document.createTreeWalker(item.querySelector('.note-body')!, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push(n as Text);
          all += n.nodeValue;
        }
        const start = all.indexOf(wanted);
        if (start < 0) return [-1];
        const at = (offset: number): [Text, number] => {
          let seen = 0;
          for (const n of nodes) {
            if (offset <= seen + n.length) return [n, offset - seen];
            seen += n.length;
          }
          throw new Error('offset out of the text');
        };
        const range = document.createRange();
        range.setStart(...at(start));
        range.setEnd(...at(start + wanted.length));
        const broken: number[] = [];
        const body = item as HTMLElement;
        for (let width = 150; width <= 380; width += 2) {
          body.style.width = `${width}px`;
          const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(width);
        }
        return broken;
      }, name);
      expect(breaks, name).toEqual([]);
    }
    await context.close();
  });

  test('every jump target comes to rest below the top edge of the window', async () => {
    const { context, page } = await open({ width: 390, height: 844 }, 'doc068.html');
    // From the list back to the marker in the text: the marker is not hidden under the top edge.
    await page.locator('#doc068-n2 a[role="doc-backlink"]').first().click();
    await page.waitForURL(/#doc068-a2$/);
    await page.waitForTimeout(800);
    const top = await page.evaluate(() => document.getElementById('doc068-a2')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(100);
    await context.close();
  });

  test('interventions wear a visible mark in the reading text; hand changes are said in words', async () => {
    const { context, page } = await open({ width: 390 }, 'doc069.html');
    const chairman = page.locator('#doc069-pre .reading');
    // Beside the printed form (note e2), shaded: a mark that needs no tooltip.
    await expect(page.locator('#doc069-pre .diplomatic').isVisible()).resolves.toBe(true);
    expect(await page.locator('#doc069-pre').innerText()).toMatch(/Pre\s*⟨Chairman⟩/);
    const shade = await chairman.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(shade).not.toBe('rgba(0, 0, 0, 0)');
    const hands = await page.locator('.hand-marker').allInnerTexts();
    expect(hands).toEqual(['⟨First hand begins⟩', '⟨Stalin’s hand begins (certainty: medium)⟩']);
    expect((await page.locator('.text-body').innerText())).not.toContain('[hand:');
    await context.close();
  });

  test('quoted words in the notes are styled; initials never break', async () => {
    const { context, page } = await open({ width: 390 }, 'doc068.html');
    const quote = page.locator('#doc068-e7 q.tei-q').first();
    expect(await quote.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('#doc068-e1 .tei-mentioned').first().evaluate((e) => getComputedStyle(e).fontStyle)).toBe('italic');
    // "I. V. Stalin" in the heading stays on one line.
    const stalin = page.locator('h1 .tei-persName', { hasText: 'I. V. Stalin' });
    const rects = await stalin.evaluate((e) => e.getClientRects().length);
    expect(rects).toBe(1);
    await context.close();
  });

  test('on a phone (390 × 844) the text starts on the first screen', async () => {
    for (const path of ['doc068.html', 'doc069.html']) {
      const { context, page } = await open({ width: 390, height: 844 }, path);
      const top = await page.evaluate(() => document.querySelector('.text-body')!.getBoundingClientRect().top);
      expect(top, path).toBeLessThan(844 - 40);
      await context.close();
    }
  });

  test('the citation: the printed collection, the document number, the version; meta tags and JSON-LD for Zotero; CSL-JSON and BibTeX downloads', async () => {
    const { context, page, problems } = await open({ width: 1280 }, 'doc068.html');
    const citation = await page.locator('.citation-text').innerText();
    expect(citation).toContain("No. 68 in: Bol'shevistskoe rukovodstvo. Perepiska. 1912–1927, compiled by A. V. Kvashonkin, L. P. Kosheleva, L. A. Rogovaya and O. V. Khlevnyuk (Moscow: ROSSPEN, 1996)");
    expect(citation).toContain('version 0.1.0');
    // The base URL is not set yet: no made-up permanent link, no placeholder, no build date.
    expect(citation).not.toMatch(/PLACEHOLDER|example\.org|\d{4}-\d{2}-\d{2}/);
    const meta = await page.evaluate(() => Array.from(document.querySelectorAll('meta[name^="citation_"]')).map((m) => [m.getAttribute('name'), m.getAttribute('content')]));
    expect(meta).toEqual(expect.arrayContaining([
      ['citation_title', 'Telegram of L. D. Trotsky to I. V. Stalin'],
      ['citation_author', 'L. D. Trotsky'],
      ['citation_date', '1920-03-21'],
      ['citation_book_title', 'Bolshevik leadership correspondence 1912–1927'],
      ['citation_edition', '0.1.0'],
    ]));
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent() ?? '') as Record<string, unknown>;
    expect(ld['@type']).toBe('Message');
    expect(ld['sender']).toEqual([{ '@type': 'Person', name: 'L. D. Trotsky' }]);
    expect(ld['recipient']).toEqual([{ '@type': 'Person', name: 'I. V. Stalin' }]);
    expect(ld['dateSent']).toBe('1920-03-21');
    // The downloads exist and say the same.
    for (const href of ['cite/doc068.json', 'cite/doc068.bib']) {
      await expect(page.locator(`.downloads a[href="${href}"]`).count()).resolves.toBe(1);
    }
    const csl = JSON.parse(readFileSync(join(session.edition.dist, 'cite/doc068.json'), 'utf8')) as Array<Record<string, unknown>>;
    expect(csl[0]).toMatchObject({ id: 'doc068', type: 'letter', title: 'Telegram of L. D. Trotsky to I. V. Stalin', author: [{ literal: 'L. D. Trotsky' }], recipient: [{ literal: 'I. V. Stalin' }], issued: { 'date-parts': [[1920, 3, 21]] }, version: '0.1.0', number: '68' });
    const bib = readFileSync(join(session.edition.dist, 'cite/doc068.bib'), 'utf8');
    // The title braced (classic styles keep its capitals), the edition in howpublished (which classic @misc styles print).
    expect(bib).toMatch(/^@misc\{doc068,\n {2}author = \{L\. D\. Trotsky\},\n {2}title = \{\{Telegram of L\. D\. Trotsky to I\. V\. Stalin\}\},\n {2}howpublished = \{In: Bolshevik leadership correspondence 1912–1927, version 0\.1\.0\},\n {2}date = \{1920-03-21\}/);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('no scaffolding for readers: no placeholder on any page, no TEI paths on the about page', async () => {
    const { context, page } = await open({ width: 1280 }, 'about.html');
    const main = await page.locator('body').innerText();
    expect(main).not.toMatch(/PLACEHOLDER|titleStmt|publicationStmt|sourceDesc|respStmt/);
    for (const path of ['index.html', 'doc068.html', 'doc069.html', 'persons.html']) {
      await page.goto(session.edition.url(path));
      expect(await page.content(), path).not.toContain('PLACEHOLDER');
    }
    await context.close();
  });
});

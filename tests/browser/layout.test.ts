/**
 * The layout of a document page on a phone (390 px) and a desktop
 * (1280 px): screenshots (tests/browser/screenshots/, and
 * docs/screenshot-doc068.png for the README), no horizontal overflow,
 * and no text block drawn over another, with every folded part (details)
 * unfolded.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { beforeAll, describe, expect, test } from 'vitest';
import { useBuiltEdition } from './browser.js';

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'tests/browser/screenshots');

const session = useBuiltEdition();

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
}, 300_000);

const widths = [390, 1280];
const pages = ['doc068.html', 'doc069.html', 'index.html', 'search.html'];

describe('layout', () => {
  for (const path of pages) {
    for (const width of widths) {
      test(`${path} at ${width} px: no horizontal overflow, no overlapping text`, async () => {
        const context = await session.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(session.edition.url(path));
        if (path === 'search.html') {
          await page.locator('#search-query').fill('Baku');
          await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0);
        }
        const base = path.replace(/\.html$/, '');
        await page.screenshot({ path: join(shots, `${base}-${width}.png`), fullPage: true });
        if (path === 'doc068.html' && width === 1280) {
          await page.screenshot({ path: join(root, 'docs/screenshot-doc068.png'), fullPage: false });
        }

        const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        expect(overflow.scroll, `scrollWidth ${overflow.scroll} > innerWidth ${overflow.inner}`).toBeLessThanOrEqual(overflow.inner);

        const overlaps = await page.evaluate(() => {
          // Every folded part unfolded, so that its layout is checked too (a closed details' content is laid out but not drawn).
          for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
          const blocks = Array.from(document.querySelectorAll('main p, main li, main dt, main dd, main h1, main h2, main h3'))
            .filter((e) => (e.textContent ?? '').trim() !== '')
            .map((e) => ({ e, r: e.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && r.height > 0);
          const found: string[] = [];
          const describe = (e: Element): string => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
          for (let i = 0; i < blocks.length; i++) {
            for (let j = i + 1; j < blocks.length; j++) {
              const a = blocks[i]!;
              const b = blocks[j]!;
              // Nested blocks (a li holding a p) share their space by design.
              if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
              const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
              const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
              if (x > 1 && y > 1) found.push(`${describe(a.e)} overlaps ${describe(b.e)}`);
            }
          }
          return found;
        });
        expect(overlaps).toEqual([]);
        await context.close();
      });
    }
  }
});

/** Every page of the built site loads from file:// with no console error and no failed request. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuiltEdition } from './browser.js';
import { buildForBrowser, htmlPages, launchChromium, watchProblems } from './browser.js';

let browser: Browser;
let edition: BuiltEdition;

beforeAll(async () => {
  edition = await buildForBrowser();
  // The build itself makes the schema reference; these tests read it as built.
  if (!existsSync(join(edition.dist, 'schema.html'))) throw new Error('the build did not write schema.html');
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  edition?.cleanup();
});

describe('every page loads cleanly', () => {
  test('all .html files of dist', async () => {
    const pages = htmlPages(edition.dist);
    // The pages that span the edition, the documents, the register entries and the schema reference.
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'search.html', 'about.html', 'schema.html', 'doc068.html', 'doc069.html', 'persons/trotsky.html']));
    const context = await browser.newContext();
    const failures: string[] = [];
    for (const path of pages) {
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(edition.url(path), { waitUntil: 'load' });
      // The stylesheet applied (a failed stylesheet would also be a failed request).
      const styled = await page.evaluate(() => getComputedStyle(document.body).marginTop === '0px');
      if (!styled) problems.push('assets/edition.css not applied');
      await page.close();
      failures.push(...problems.map((p) => `${path}: ${p}`));
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});

/** Every page of the built site loads from file:// with no console error and no failed request. */

import { describe, expect, test } from 'vitest';
import { htmlPages, useBuiltEdition, watchProblems } from './browser.js';

const session = useBuiltEdition();

describe('every page loads cleanly', () => {
  test('all .html files of dist', async () => {
    const pages = htmlPages(session.edition.dist);
    // The pages that span the edition, the documents, the register entries and the schema reference.
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'search.html', 'about.html', 'schema.html', 'doc068.html', 'doc069.html', 'persons/trotsky.html']));
    const context = await session.browser.newContext();
    const failures: string[] = [];
    for (const path of pages) {
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(session.edition.url(path), { waitUntil: 'load' });
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

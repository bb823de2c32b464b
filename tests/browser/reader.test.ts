/** A reader's first journey through the built edition, from file:// in a real Chromium. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltEdition, watchProblems } from './browser.js';

const session = useBuiltEdition();

describe('index → No. 68 → note 2 and back → Stalin', () => {
  let page: Page;
  let problems: string[];

  test('the journey works from file:// with no console error and no failed request', async () => {
    page = await session.browser.newPage();
    problems = watchProblems(page);
    await page.goto(session.edition.url('index.html'));
    await expect(page.title()).resolves.toMatch(/./);

    // To No. 68 from the index.
    await page.locator('main a[href="doc068.html"]').first().click();
    await page.waitForURL(/doc068\.html$/);
    expect(await page.locator('h1').innerText()).toMatch(/Trotsky.*Stalin/);

    // Follow note 2 and come back.
    const anchor = page.locator('a[href="#doc068-n2"]').first();
    await anchor.click();
    await page.waitForURL(/#doc068-n2$/);
    const note = page.locator('#doc068-n2');
    await expect(note.isVisible()).resolves.toBe(true);
    expect(await note.innerText()).toContain('The order to attack Grozny');
    await note.locator('a[role="doc-backlink"]').first().click();
    await page.waitForURL(/#doc068-a2$/);

    // The person page for Stalin lists both telegrams.
    await page.locator('main a[href="persons/stalin.html"]').first().click();
    await page.waitForURL(/persons\/stalin\.html$/);
    const main = await page.locator('main').innerText();
    expect(main).toContain('No. 68');
    expect(main).toContain('No. 69');
    expect(await page.locator('main a[href="../doc068.html"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href="../doc069.html"]').count()).toBeGreaterThan(0);

    expect(problems).toEqual([]);
  });
});

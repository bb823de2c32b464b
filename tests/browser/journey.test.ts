/**
 * A reader's journey from file:// in a real Chromium: index → No. 68 →
 * note 2 and back → Trotsky's person page → search "Baku" → No. 69 →
 * the diplomatic view, remembered after a reload.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltEdition, watchProblems } from './browser.js';

const session = useBuiltEdition();

describe('a reader’s journey', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  test('index → No. 68 → note 2 and back → Trotsky → search “Baku” → No. 69 → diplomatic view, remembered', async () => {
    context = await session.browser.newContext();
    page = await context.newPage();
    problems = watchProblems(page);

    // The index: sortable, with the search in the navigation.
    await page.goto(session.edition.url('index.html'));
    await expect(page.locator('nav.site-nav a[href="search.html"]').count()).resolves.toBe(1);
    await expect(page.locator('#documents-table th[aria-sort] button').count()).resolves.toBe(4);
    await page.locator('#documents-table th:nth-child(1) button').click();
    await page.locator('#documents-table th:nth-child(1) button').click();
    expect(await page.locator('#documents-table th:nth-child(1)').getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('#documents-table tbody tr:first-child td.number').innerText()).toBe('69');
    await page.selectOption('#filter-sender', 'L. D. Trotsky');
    expect(await page.locator('#documents-table tbody tr:visible').count()).toBe(1);
    expect(await page.locator('#filter-status').innerText()).toContain('1 of 2');
    await page.locator('#filter-reset').click();
    expect(await page.locator('#documents-table tbody tr:visible').count()).toBe(2);

    // To No. 68.
    await page.locator('main a[href="doc068.html"]').first().click();
    await page.waitForURL(/doc068\.html$/);
    expect(await page.locator('h1').innerText()).toMatch(/Trotsky.*Stalin/);
    await expect(page.locator('a[href="#related-documents"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('#related-documents').innerText()).resolves.toBe('Related documents');
    // The card's own link (note e7, which the card's marker opens in place, links No. 69 too).
    await expect(page.locator('dd.related-document > a[href="doc069.html"]').isVisible()).resolves.toBe(true);

    // Note 2 and back.
    await page.locator('a[href="#doc068-n2"]').first().click();
    await page.waitForURL(/#doc068-n2$/);
    await expect(page.locator('#doc068-n2').isVisible()).resolves.toBe(true);
    expect(await page.locator('#doc068-n2').innerText()).toContain('The order to attack Grozny');
    await page.locator('#doc068-n2 a[role="doc-backlink"]').first().click();
    await page.waitForURL(/#doc068-a2$/);

    // Trotsky's person page.
    await page.locator('main a[href="persons/trotsky.html"]').first().click();
    await page.waitForURL(/persons\/trotsky\.html$/);
    expect(await page.locator('h1').innerText()).toMatch(/Trotsk/);
    expect(await page.locator('main').innerText()).toContain('No. 68');

    // Search "Baku" by typing into the box.
    await page.locator('nav.site-nav a[href="../search.html"]').click();
    await page.waitForURL(/search\.html$/);
    const box = page.locator('#search-query');
    await expect(box.isVisible()).resolves.toBe(true);
    await box.pressSequentially('Baku', { delay: 20 });
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0 &&
      /Baku/.test(document.getElementById('search-status')?.textContent ?? ''));
    const results = page.locator('#search-results > li');
    expect(await results.count()).toBe(2);
    const marks = await page.locator('#search-results mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toBe('baku');
    // Facet counts are shown.
    expect(await page.locator('#search-facets details.facet .facet-label').allInnerTexts()).toEqual(['Sender', 'Recipient', 'Year', 'Place']);
    expect(await page.locator('#search-facets label', { hasText: 'I. V. Stalin' }).first().innerText()).toMatch(/\(1\)/);

    // Diacritics and case do not matter: "BÁKU" finds the same.
    await box.fill('BÁKU');
    await page.waitForFunction(() => /BÁKU/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await results.count()).toBe(2);

    // Open No. 69 from its result.
    await page.locator('#search-results a[href="doc069.html"]').first().click();
    await page.waitForURL(/doc069\.html$/);

    // The reading view is the default: Chairman and III, each beside the printed form (Pre, ПІ), as
    // No. 69's notes e2 and e4 promise ("the expansion beside the printed form").
    const pi = page.locator('#doc069-n1 .tei-choice .diplomatic');
    const iii = page.locator('#doc069-n1 .tei-choice .reading');
    const pre = page.locator('#doc069-pre .diplomatic');
    const chairman = page.locator('#doc069-pre .reading');
    await expect(page.locator('#view-reading').isChecked()).resolves.toBe(true);
    await expect(iii.isVisible()).resolves.toBe(true);
    await expect(pi.isVisible()).resolves.toBe(true);
    await expect(chairman.isVisible()).resolves.toBe(true);
    expect(await chairman.innerText()).toContain('⟨Chairman⟩');
    await expect(pre.isVisible()).resolves.toBe(true);

    // Switch to the diplomatic view.
    await page.locator('label[for="view-diplomatic"]').click();
    await expect(pi.isVisible()).resolves.toBe(true);
    expect(await pi.innerText()).toBe('ПІ');
    await expect(iii.isVisible()).resolves.toBe(false);
    await expect(pre.isVisible()).resolves.toBe(true);
    expect(await pre.innerText()).toBe('Pre');
    await expect(chairman.isVisible()).resolves.toBe(false);
    // The year the compilers supplied stays, in their square brackets: the source prints it so.
    expect(await page.locator('.document-date').innerText()).toContain('[1920]');

    // Reload: the choice is remembered.
    await page.reload();
    await expect(page.locator('#view-diplomatic').isChecked()).resolves.toBe(true);
    await expect(pi.isVisible()).resolves.toBe(true);
    await expect(iii.isVisible()).resolves.toBe(false);

    // And on another document page too.
    await page.goto(session.edition.url('doc068.html'));
    await expect(page.locator('#view-diplomatic').isChecked()).resolves.toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });

  test('the switch works without JavaScript (CSS only), reading view first', async () => {
    const noJs = await session.browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(session.edition.url('doc069.html'));
    const pi = p.locator('#doc069-n1 .tei-choice .diplomatic');
    await expect(p.locator('#doc069-n1 .tei-choice .reading').isVisible()).resolves.toBe(true);
    await p.locator('label[for="view-diplomatic"]').click();
    await expect(pi.isVisible()).resolves.toBe(true);
    await expect(p.locator('#doc069-n1 .tei-choice .reading').isVisible()).resolves.toBe(false);
    // The search page says something useful without JavaScript.
    await p.goto(session.edition.url('search.html'));
    expect(await p.locator('main').innerText()).toMatch(/needs JavaScript/);
    await expect(p.locator('#search').isVisible()).resolves.toBe(false);
    // The index table is complete.
    await p.goto(session.edition.url('index.html'));
    expect(await p.locator('#documents-table tbody tr').count()).toBe(2);
    await noJs.close();
  });
});

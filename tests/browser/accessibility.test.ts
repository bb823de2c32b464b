/**
 * axe-core on the kinds of page the site has: no violation of impact
 * serious or critical. axe is injected as a script; the pages' strict CSP
 * (script-src 'self') would refuse that injected script, so this harness
 * alone opens the pages with bypassCSP (the pages themselves are unchanged).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuiltEdition } from './browser.js';
import { buildForBrowser, launchChromium } from './browser.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let context: BrowserContext;
let edition: BuiltEdition;

beforeAll(async () => {
  edition = await buildForBrowser();
  // The build itself makes the schema reference; these tests read it as built.
  if (!existsSync(join(edition.dist, 'schema.html'))) throw new Error('the build did not write schema.html');
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  edition?.cleanup();
});

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }

const pages: Array<[string, string]> = [
  ['the index', 'index.html'],
  ['a document page', 'doc069.html'],
  ['a document page with an embedded telegram', 'doc068.html'],
  ['a register index', 'persons.html'],
  ['a register entry', 'persons/trotsky.html'],
  ['the search page', 'search.html'],
  ['the schema reference', 'schema.html'],
];

describe('axe-core finds no serious or critical violation', () => {
  test.each(pages)('%s (%s)', async (_label, path) => {
    const page = await context.newPage();
    await page.goto(edition.url(path));
    if (path === 'search.html') {
      // With results showing, so the results and facets are checked too.
      await page.locator('#search-query').fill('Baku');
      await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0);
    }
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
    });
    await page.close();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
  });
});

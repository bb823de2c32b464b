/**
 * axe-core on the kinds of page the site has: no violation of impact
 * serious or critical. axe is injected as a script; the pages' strict CSP
 * (script-src 'self') would refuse that injected script, so this harness
 * alone opens the pages with bypassCSP (the pages themselves are unchanged).
 */

import { createRequire } from 'node:module';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBuiltEdition } from './browser.js';

const session = useBuiltEdition();

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let context: BrowserContext;

beforeAll(async () => {
  context = await session.browser.newContext({ bypassCSP: true });
}, 300_000);

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
    await page.goto(session.edition.url(path));
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

/**
 * Issue 14, point 11: one line-break mode per view. A foreign folder made
 * at test time: a letter that gives its source's lines (every line an lb,
 * a word broken across a line end with lb break="no") and one whose only
 * lb is a closer's line. The diplomatic view keeps every lb; the reading
 * view of the first joins the word and runs the lines on; the second keeps
 * its closer's line in both views.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../../src/site/index.js';
import { genericConfig } from '../../src/config.js';
import { launchChromium, watchProblems } from './browser.js';

const letter = (id: string, body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="${id}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Brief ${id}</title></titleStmt>
      <publicationStmt><availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability></publicationStmt>
      <sourceDesc><p>Handschrift</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc>
        <correspAction type="sent"><persName>Clara Muster</persName><date when="1890-05-01"/></correspAction>
        <correspAction type="received"><persName>Karl Beispiel</persName></correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text><body>${body}</body></text>
</TEI>
`;

let work: string;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-line-breaks-'));
  const src = join(work, 'letters');
  mkdirSync(src);
  // The source's lines: no whitespace around the lbs, as many editions write them.
  writeFileSync(join(src, 'lines.xml'), letter('lines', '<p>Die Reise war<lb/>lang und anstren<lb break="no"/>gend.<lb/>Grüße an alle.</p>'));
  // A correction gives it both views.
  writeFileSync(join(src, 'closer.xml'), letter('closer', '<p>Die <choice><sic>Reisse</sic><corr>Reise</corr></choice> war lang.</p><closer>Herzlichst<lb/>Clara</closer>'));
  const result = await buildEdition({ config: { ...genericConfig(src, undefined), cacheFolder: join(work, 'cache') }, out: join(work, 'site') });
  if (!result.published) throw new Error(`the folder did not build: ${JSON.stringify(result.problems)}`);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const url = (page: string): string => `file://${join(work, 'site', page)}`;

describe('line breaks in the reading and the diplomatic view', () => {
  test("a text that gives the source's lines: the reading view runs them on and joins the word; the diplomatic view keeps every lb", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(url('lines.html'));
    const paragraph = page.locator('.text-body .tei-p').first();
    await expect(page.locator('#view-reading').isChecked()).resolves.toBe(true);
    expect(await paragraph.innerText()).toBe('Die Reise war lang und anstrengend. Grüße an alle.');
    await page.locator('label[for="view-diplomatic"]').click();
    expect((await paragraph.innerText()).split('\n').map((l) => l.trim())).toEqual(['Die Reise war', 'lang und anstren', 'gend.', 'Grüße an alle.']);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("a text whose only lb is a closer's line keeps it in both views", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url('closer.html'));
    const closer = page.locator('.text-body .tei-closer').first();
    await expect(page.locator('#view-reading').isChecked()).resolves.toBe(true);
    expect((await closer.innerText()).split('\n').map((l) => l.trim())).toEqual(['Herzlichst', 'Clara']);
    await page.locator('label[for="view-diplomatic"]').click();
    expect((await closer.innerText()).split('\n').map((l) => l.trim())).toEqual(['Herzlichst', 'Clara']);
    await context.close();
  });
});

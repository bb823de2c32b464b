/** Chromium for the browser tests: Debian's, driven by playwright-core. Missing Chromium is a failure, never a skip. */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildEdition } from '../../src/site/index.js';
import { loadConfig } from '../../src/config.js';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) to run npm run test:browser`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Every console error and failed request of a page, to assert none happened. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

export interface BuiltEdition {
  dist: string;
  url(path: string): string;
  cleanup(): void;
}

/** Build the project's edition into a temporary folder. */
export async function buildForBrowser(): Promise<BuiltEdition> {
  const root = resolve(import.meta.dirname, '../..');
  const work = mkdtempSync(join(tmpdir(), 'edition-browser-'));
  const config = { ...loadConfig(join(root, 'edition.config.json')), cacheFolder: join(work, 'cache') };
  const dist = join(work, 'dist');
  const result = await buildEdition({ config, out: dist });
  if (!result.published) throw new Error(`the edition did not build: ${JSON.stringify(result.problems)}`);
  return { dist, url: (path) => `file://${join(dist, path)}`, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

/** Every .html file under a folder, as paths relative to it. */
export function htmlPages(folder: string, under = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(folder, under)).sort()) {
    const rel = under ? `${under}/${name}` : name;
    if (statSync(join(folder, rel)).isDirectory()) out.push(...htmlPages(folder, rel));
    else if (name.endsWith('.html')) out.push(rel);
  }
  return out;
}

/** What a browser test file works on: the built edition and a running Chromium. */
export interface BrowserSession {
  browser: Browser;
  edition: BuiltEdition;
}

/**
 * Build the edition and start Chromium before the file's tests, close and
 * clean up after them. The build itself must have written schema.html (the
 * tests read the site as built, never a page they made themselves).
 */
export function useBuiltEdition(): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.edition = await buildForBrowser();
    if (!existsSync(join(session.edition.dist, 'schema.html'))) throw new Error('the build did not write schema.html');
    session.browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await session.browser?.close();
    session.edition?.cleanup();
  });
  return session;
}

/**
 * `npm run bench:search -- --site DIR`: the search page of a built site,
 * timed in Chromium from file://, as a reader meets it.
 *
 * - Load: `search.html?q=WORD` opened in a fresh browser context, from the
 *   start of the navigation to the first frame that shows a result (the
 *   first task after the animation frame that follows the results' being
 *   put in the page: the frame has been drawn by then), as a median of
 *   --runs.
 * - Keystrokes: then --type is typed into the search box one key at a
 *   time; each key is timed from its keydown event to the first frame that
 *   shows its answer (results or status line changed), measured the same
 *   way, and to the first frame that shows it whole: the passages too,
 *   which the page may add later (the results list is `aria-busy` until
 *   they are in). The next key is typed when the answer is whole.
 * - Size: the index's files (search-index.js and search/), in total and as
 *   loaded by the first load (the files the page requested).
 *
 * It prints the figures; nothing is asserted (a test does not time them).
 * Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH), with the
 * browser tests' flags.
 *
 *   npm run bench:search -- --site /tmp/ed10000/dist --query the,grain --type " fuel" --runs 5
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export interface SearchTimingOptions {
  site: string;
  queries: string[];
  type: string;
  runs: number;
  /** How long a load may take before the run fails, ms. */
  timeoutMs: number;
  chromium: string;
}

function usage(message: string): never {
  process.stderr.write(`bench:search: ${message}\nusage: npm run bench:search -- --site DIR [--query WORD[,WORD…]] [--type TEXT] [--runs 5] [--timeout SECONDS]\n`);
  process.exit(2);
}

export function parseSearchTimingArgs(argv: string[]): SearchTimingOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        site: { type: 'string' }, query: { type: 'string' }, type: { type: 'string' },
        runs: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  if (parsed.help) usage('help');
  const runs = Number.parseInt(parsed.runs ?? '5', 10);
  if (!Number.isInteger(runs) || runs < 1) usage('--runs takes a positive integer');
  const timeoutMs = Number.parseFloat(parsed.timeout ?? '60') * 1000;
  if (!(timeoutMs > 0)) usage('--timeout takes seconds');
  if (!parsed.site) usage('--site is required (a built site: the output folder of edition build)');
  const site = resolve(parsed.site);
  if (!existsSync(join(site, 'search.html'))) usage(`${site} has no search.html`);
  return {
    site,
    queries: parsed.query !== undefined ? parsed.query.split(',').map((q) => q.trim()).filter(Boolean) : ['the', 'grain'],
    type: parsed.type ?? ' fuel',
    runs,
    timeoutMs,
    chromium: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The index's files: search-index.js and everything in search/, path → bytes. */
export function indexFiles(site: string): Map<string, number> {
  const files = new Map<string, number>();
  files.set('search-index.js', statSync(join(site, 'search-index.js')).size);
  const parts = join(site, 'search');
  if (existsSync(parts)) for (const name of readdirSync(parts)) files.set(`search/${name}`, statSync(join(parts, name)).size);
  return files;
}

/**
 * Installed before the page's scripts: the time of each frame that shows a
 * change of the results or the status line (the first task after the
 * animation frame that follows the change, so the frame has been drawn),
 * and the keydown times of the search box, in the page's performance.now().
 */
const probe = `
  window.__searchTiming = { frames: [], keys: [] };
  // busy: the results list waits for passages (aria-busy), so the frame shows the answer but not yet whole.
  document.addEventListener('keydown', function (e) { window.__searchTiming.keys.push(e.timeStamp); }, true);
  // 'interactive' comes once the page is parsed, before its deferred scripts run.
  document.addEventListener('readystatechange', function () {
    if (document.readyState !== 'interactive') return;
    var results = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    if (!results || !status) return;
    var pending = false;
    var observer = new MutationObserver(function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        setTimeout(function () {
          pending = false;
          window.__searchTiming.frames.push({ at: performance.now(), results: results.children.length, busy: results.getAttribute('aria-busy') === 'true' });
        }, 0);
      });
    });
    observer.observe(results, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
  });
`;

interface Timing {
  frames: Array<{ at: number; results: number; busy: boolean }>;
  keys: number[];
}

async function timing(page: Page): Promise<Timing> {
  return page.evaluate(() => (globalThis as unknown as { __searchTiming: Timing }).__searchTiming);
}

export interface LoadRun {
  /** Navigation start → the first frame showing a result, ms. */
  firstResult: number;
  /** Navigation start → the first frame showing the results whole (their passages too), ms. */
  firstWhole: number;
  /** Bytes of the index's files requested by the page. */
  loadedBytes: number;
  loadedFiles: number;
  results: string;
}

async function loadOnce(browser: Browser, site: string, query: string, sizes: Map<string, number>, timeoutMs: number): Promise<{ run: LoadRun; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requested = new Set<string>();
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file://')) return;
    const path = fileURLToPath(url);
    const rel = path.startsWith(site) ? path.slice(site.length + 1) : path;
    if (sizes.has(rel)) requested.add(rel);
  });
  await page.addInitScript({ content: probe });
  await page.goto(`file://${join(site, 'search.html')}?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => (globalThis as unknown as { __searchTiming: Timing }).__searchTiming.frames.some((f) => f.results > 0 && !f.busy), undefined, { timeout: timeoutMs });
  const t = await timing(page);
  let loadedBytes = 0;
  for (const f of requested) loadedBytes += sizes.get(f) ?? 0;
  const results = await page.locator('#search-status').innerText();
  return { run: { firstResult: t.frames.find((f) => f.results > 0)!.at, firstWhole: t.frames.find((f) => f.results > 0 && !f.busy)!.at, loadedBytes, loadedFiles: requested.size, results }, page, close: () => context.close() };
}

interface KeyTiming {
  query: string;
  /** keydown → the first frame that shows the answer, ms. */
  ms: number;
  /** keydown → the first frame that shows it whole (no longer aria-busy), ms. */
  wholeMs: number;
  status: string;
}

/** Type `text` one key at a time, each when the last one's answer is whole. */
async function typeTimed(page: Page, text: string): Promise<KeyTiming[]> {
  const input = page.locator('#search-query');
  await input.focus();
  await page.keyboard.press('End');
  const out: KeyTiming[] = [];
  for (const key of text) {
    const before = await timing(page);
    await page.keyboard.type(key);
    const query = await input.inputValue();
    await page.waitForFunction(
      (frames) => (globalThis as unknown as { __searchTiming: Timing }).__searchTiming.frames.slice(frames).some((f) => !f.busy),
      before.frames.length,
      { timeout: 30_000 },
    );
    const after = await timing(page);
    const keydown = after.keys[after.keys.length - 1]!;
    const frames = after.frames.slice(before.frames.length);
    out.push({
      query,
      ms: frames[0]!.at - keydown,
      wholeMs: frames.find((f) => !f.busy)!.at - keydown,
      status: await page.locator('#search-status').innerText(),
    });
  }
  return out;
}

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

export async function measureSearch(options: SearchTimingOptions, log: (line: string) => void): Promise<void> {
  const site = options.site;
  const sizes = indexFiles(site);
  let total = 0;
  for (const b of sizes.values()) total += b;
  const kinds = new Map<string, { files: number; bytes: number }>();
  for (const [path, bytes] of sizes) {
    const kind = path === 'search-index.js' ? 'search-index.js (manifest)' : `search/${path.replace(/^search\//, '').replace(/-\d+\.js$/, '')}-N.js`;
    const k = kinds.get(kind) ?? { files: 0, bytes: 0 };
    k.files++;
    k.bytes += bytes;
    kinds.set(kind, k);
  }
  log(`site: ${site}`);
  log(`index: ${sizes.size} files, ${kib(total)} in total`);
  for (const [kind, k] of kinds) log(`  ${kind}: ${k.files} file${k.files === 1 ? '' : 's'}, ${kib(k.bytes)}`);

  if (!existsSync(options.chromium)) throw new Error(`Chromium is missing at ${options.chromium}`);
  const browser = await chromium.launch({
    executablePath: options.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    for (const query of options.queries) {
      const runs: LoadRun[] = [];
      const keys: number[] = [];
      const wholeKeys: number[] = [];
      for (let r = 0; r < options.runs; r++) {
        const { run, page, close } = await loadOnce(browser, site, query, sizes, options.timeoutMs);
        runs.push(run);
        if (r === 0) {
          log(`\nsearch.html?q=${query}: ${run.results}`);
          log(`  first load: ${run.loadedFiles} index files, ${kib(run.loadedBytes)}`);
        }
        if (options.type) {
          for (const k of await typeTimed(page, options.type)) {
            keys.push(k.ms);
            wholeKeys.push(k.wholeMs);
            if (r === 0) log(`  key → "${k.query}": ${k.ms.toFixed(0)} ms, whole ${k.wholeMs.toFixed(0)} ms (${k.status})`);
          }
        }
        await close();
      }
      const first = runs.map((x) => x.firstResult);
      log(`  first result painted: median ${median(first).toFixed(0)} ms of ${runs.length} (${first.map((x) => x.toFixed(0)).join(', ')})`);
      log(`  first results whole (passages in): median ${median(runs.map((x) => x.firstWhole)).toFixed(0)} ms`);
      if (keys.length > 0) {
        log(`  keystrokes: median ${median(keys).toFixed(0)} ms, max ${Math.max(...keys).toFixed(0)} ms over ${keys.length} (${runs.length} runs × ${options.type.length} keys)`);
        log(`  keystrokes, answer whole (passages in): median ${median(wholeKeys).toFixed(0)} ms, max ${Math.max(...wholeKeys).toFixed(0)} ms`);
      }
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseSearchTimingArgs(process.argv.slice(2));
  measureSearch(options, (line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`bench:search: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

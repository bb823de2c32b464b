/** The preview server: serves the built edition, rebuilds on a change, and shows errors in the browser. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { PreviewServer } from '../src/serve/server.js';
import { resolveRequestPath, startPreview } from '../src/serve/server.js';

const root = resolve(import.meta.dirname, '..');
let copy: string;
let preview: PreviewServer;

/**
 * Wait until `check` holds. The limit only keeps a test from hanging: how
 * fast a rebuild is belongs to the bench (a one-letter edit is one of its
 * rows), so it is far above any rebuild, on a loaded machine too.
 */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const limitMs = 50_000;
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${limitMs} ms`);
}

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'edition-serve-'));
  for (const part of ['tei', 'schema', 'edition.config.json']) cpSync(join(root, part), join(copy, part), { recursive: true });
  const config = loadConfig(join(copy, 'edition.config.json'));
  preview = await startPreview({ config, port: 0, host: '127.0.0.1', cwd: copy });
}, 120_000);
afterAll(async () => {
  await preview?.close();
  rmSync(copy, { recursive: true, force: true });
});

describe('edition serve', () => {
  test('serves the edition on loopback, with the reload script as a file', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(new URL('doc068.html', preview.url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/__edition/reload.js"></script>');
    // No inline script; the one inline script element a page may hold is its JSON-LD data block, which is never run.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/ld\+json")[^>]*>/);
    expect(html).toContain('<script type="application/ld+json">');
    const script = await fetch(new URL('/__edition/reload.js', preview.url));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  test('refuses paths outside the output folder', async () => {
    // The URL parser folds a literal "/../" at the root; an encoded slash would climb out, so it is refused.
    expect(resolveRequestPath('/srv/dist', '/../etc/passwd')).toBe('/srv/dist/etc/passwd');
    expect(resolveRequestPath('/srv/dist', '/..%2f..%2fetc/passwd')).toBeUndefined();
    expect(resolveRequestPath('/srv/dist', '/a%00b')).toBeUndefined();
    const response = await fetch(new URL('/..%2f..%2fetc/passwd', preview.url));
    expect(response.status).toBe(404);
  });

  test('an edited source is rebuilt, served, and the pages are told to reload', async () => {
    const file = join(copy, 'tei/doc069.xml');
    const before = preview.build;
    const version = async () => (await (await fetch(new URL('/__edition/version.js', preview.url))).text());
    expect(await version()).toBe(`window.__editionBuild = ${before};\n`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Received encryption.', 'Received the encryption.'));
    await waitFor(async () => (await (await fetch(new URL('doc069.html', preview.url))).text()).includes('Received the encryption.'));
    expect(preview.build).toBeGreaterThan(before);
    expect(await version()).toBe(`window.__editionBuild = ${preview.build};\n`);
  });

  test('an error shows an error page with each message and its place; fixing it brings the page back', async () => {
    const file = join(copy, 'tei/doc069.xml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('<persName ref="persons.xml#trotsky">Trotsky</persName>', '<persName ref="persons.xml#trotski">Trotsky</persName>'));
    await waitFor(async () => (await fetch(new URL('doc069.html', preview.url))).status === 500);
    const page = await (await fetch(new URL('doc069.html', preview.url))).text();
    expect(page).toMatch(/tei\/doc069\.xml:\d+:\d+/);
    expect(page).toContain('ref-unresolved');
    expect(page).toContain('persons.xml#trotski');
    expect(page).toContain('(did you mean trotsky?)');
    // Errors apart from warnings, each with its source lines.
    expect(page).toContain('<h2 id="errors">Errors (1)</h2>');
    expect(page).toMatch(/<pre class="source"><code>[^]*<mark>&gt; \d+ \| [^<]*&lt;persName ref=&quot;persons\.xml#trotski&quot;/);
    expect(page.indexOf('id="warnings"')).toBeGreaterThan(page.indexOf('id="errors"'));
    writeFileSync(file, good);
    await waitFor(async () => (await fetch(new URL('doc069.html', preview.url))).status === 200);
  });

  test('a missing </p> shows the same one message as validate, and the skipped file once', async () => {
    const file = join(copy, 'tei/doc068.xml');
    const good = readFileSync(file, 'utf8');
    const lines = good.split('\n');
    lines[79] = lines[79]!.replace(/<\/p>$/, '');
    writeFileSync(file, lines.join('\n'));
    await waitFor(async () => (await fetch(new URL('doc069.html', preview.url))).status === 500);
    const page = await (await fetch(new URL('doc069.html', preview.url))).text();
    expect(page.match(/<li class="(error|warning)">/g)).toEqual(['<li class="error">']);
    expect(page).toContain('tei/doc068.xml:101:13</code> <code>xml-not-well-formed</code> &lt;p&gt; opened at line 80 is not closed');
    expect(page).not.toContain('register-entry-unused');
    expect(page.match(/skipped doc068\.xml/g)).toHaveLength(1);
    writeFileSync(file, good);
    await waitFor(async () => (await fetch(new URL('doc069.html', preview.url))).status === 200);
  });
});

describe('edition serve on a fresh checkout (no dist/ yet) with a broken source', () => {
  test('/ shows the error page, styled: its stylesheets are served although no build has written assets/', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'edition-serve-fresh-'));
    let server: PreviewServer | undefined;
    try {
      for (const part of ['tei', 'schema', 'edition.config.json']) cpSync(join(root, part), join(fresh, part), { recursive: true });
      const file = join(fresh, 'tei/doc068.xml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('<p>Let me know', '<p>Marx & Engels. Let me know'));
      const config = loadConfig(join(fresh, 'edition.config.json'));
      server = await startPreview({ config, port: 0, host: '127.0.0.1', cwd: fresh });
      expect(existsSync(join(fresh, 'dist'))).toBe(false);
      for (const path of ['/', '/index.html', '/persons/']) {
        const response = await fetch(new URL(path, server.url));
        expect(response.status, path).toBe(500);
        expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
        const page = await response.text();
        expect(page, path).toContain('<h2 id="errors">Errors (1)</h2>');
        expect(page, path).toContain('xml-not-well-formed');
      }
      const page = await (await fetch(server.url)).text();
      const sheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]!);
      expect(sheets).toEqual(['/assets/edition.css', '/__edition/error-page.css']);
      for (const sheet of sheets) {
        const css = await fetch(new URL(sheet, server.url));
        expect(css.status, sheet).toBe(200);
        expect(css.headers.get('content-type'), sheet).toMatch(/^text\/css/);
      }
      expect(await (await fetch(new URL('/assets/edition.css', server.url))).text()).toBe(readFileSync(join(root, 'xslt/assets/edition.css'), 'utf8'));
      const own = await (await fetch(new URL('/__edition/error-page.css', server.url))).text();
      expect(own).toMatch(/li\.error\s*\{[^}]*border-color/);
      expect(own).toMatch(/li\.warning\s*\{[^}]*border-color/);
      // Still nothing outside the output folder or the stylesheets' assets.
      expect((await fetch(new URL('/assets/..%2fbuild.sef.json', server.url))).status).toBe(404);
      expect((await fetch(new URL('/assets/no-such.css', server.url))).status).toBe(404);
    } finally {
      await server?.close();
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('edition serve watches the acknowledgements', () => {
  test('editing edition.acknowledged.json rebuilds, and the page lists what it no longer acknowledges', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edition-serve-ack-'));
    let server: PreviewServer | undefined;
    try {
      for (const part of ['tei', 'schema', 'edition.config.json', 'edition.acknowledged.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
      // An error keeps the error page up, so the warnings it lists can be read.
      const file = join(dir, 'tei/doc069.xml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('persons.xml#trotsky', 'persons.xml#trotski'));
      server = await startPreview({ config: loadConfig(join(dir, 'edition.config.json')), port: 0, host: '127.0.0.1', cwd: dir });
      const page = async (): Promise<string> => (await fetch(new URL('doc069.html', server!.url))).text();
      expect(await page()).not.toContain('note-number-gap');
      const before = server.build;
      const ack = join(dir, 'edition.acknowledged.json');
      writeFileSync(ack, readFileSync(ack, 'utf8').replace('Note 3 is missing: the notes go from 2 to 4', 'Note 3 is lost'));
      await waitFor(async () => server!.build > before);
      await server.settled();
      const after = await page();
      expect(after).toContain('note-number-gap');
      expect(after).toContain('acknowledgement-unused');
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("edition serve's terminal", () => {
  test('names the unset values a build finds, as edition build does', async () => {
    const { serveMessages } = await import('../src/cli/commands/serve.js');
    const { buildEdition } = await import('../src/site/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'edition-serve-unset-'));
    try {
      for (const part of ['tei', 'schema', 'edition.config.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
      const result = await buildEdition({ config: loadConfig(join(dir, 'edition.config.json')), out: join(dir, 'dist'), cacheFolder: join(dir, '.cache') });
      expect(result.published).toBe(true);
      const rules = serveMessages(result).map((d) => d.rule);
      expect(rules).toContain('note-number-gap');
      expect(rules).toContain('unset-base-url');
      expect(rules).toContain('unset-licence');
      expect(rules.filter((r) => r === 'placeholder-text')).toHaveLength(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

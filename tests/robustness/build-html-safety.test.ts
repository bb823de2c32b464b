/**
 * The HTML a build writes from hostile sources (tests/fixtures/hostile/) runs
 * nothing: no inline script (the one inline script element allowed is a
 * document page's schema.org data block, `<script type="application/ld+json">`,
 * which browsers never run, and only when its text is JSON with no `<` in
 * it, so no `</script>` can end it early), no event handler attributes, no script-bearing
 * URLs or styles, a strict Content-Security-Policy on every page, hostile
 * text only as escaped text; safe links stay links; and nothing is written
 * outside --out, whatever the xml:ids and file names say.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { anyXmlSchema } from '../helpers/edition.js';
import { cleanupTemp, listAll, makeFolder, makeProject, projectRoot, runCli, treeDigest } from './build-helpers.js';
import type { CliResult } from './build-helpers.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 900_000 });

const fixtures = join(projectRoot, 'tests', 'fixtures', 'hostile');

// ---------------------------------------------------------------------------
// A small HTML tokenizer: start tags with their attributes, in order.

interface Tag {
  name: string;
  attributes: Array<[string, string]>;
  /** Text of a raw-text element (script, style) up to its end tag. */
  rawText?: string;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', Tab: '\t', NewLine: '\n', colon: ':', sol: '/', lpar: '(', rpar: ')' };

/** Decode character references as a browser would in an attribute value. */
function decode(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);?/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return named[ref] ?? whole;
  });
}

function tokenize(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^<([A-Za-z][^\s/>]*)/.exec(html.slice(lt, lt + 100));
    if (!nameMatch) {
      // A '<' that does not start a tag: browsers take it as text.
      i = lt + 1;
      continue;
    }
    const tag: Tag = { name: nameMatch[1]!.toLowerCase(), attributes: [] };
    let p = lt + nameMatch[0].length;
    for (;;) {
      while (p < html.length && /[\s/]/.test(html[p]!)) p++;
      if (p >= html.length || html[p] === '>') break;
      const attrName = /^[^\s/>=]+/.exec(html.slice(p))?.[0] ?? html[p]!;
      p += attrName.length;
      while (p < html.length && /\s/.test(html[p]!)) p++;
      let value = '';
      if (html[p] === '=') {
        p++;
        while (p < html.length && /\s/.test(html[p]!)) p++;
        const quote = html[p];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, p + 1);
          value = html.slice(p + 1, end < 0 ? html.length : end);
          p = end < 0 ? html.length : end + 1;
        } else {
          const raw = /^[^\s>]*/.exec(html.slice(p))![0];
          value = raw;
          p += raw.length;
        }
      }
      tag.attributes.push([attrName.toLowerCase(), decode(value)]);
    }
    i = p + 1;
    if (tag.name === 'script' || tag.name === 'style') {
      const end = html.toLowerCase().indexOf(`</${tag.name}`, i);
      tag.rawText = html.slice(i, end < 0 ? html.length : end);
      i = end < 0 ? html.length : end;
    }
    tags.push(tag);
  }
  return tags;
}

const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'srcset', 'ping', 'manifest', 'codebase', 'longdesc', 'usemap', 'icon']);

/** What a browser makes of a URL's start: leading C0 controls and spaces dropped, tabs and line breaks removed. */
function urlScheme(value: string): string {
  return value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '').toLowerCase();
}

function isDangerousUrl(value: string): boolean {
  const url = urlScheme(value);
  return url.startsWith('javascript:') || url.startsWith('data:') || url.startsWith('vbscript:');
}

function isJsonWithoutLessThan(text: string): boolean {
  if (text.includes('<')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Every problem of one page (path relative to out). */
function pageProblems(out: string, page: string, html: string): string[] {
  const problems: string[] = [];
  const tags = tokenize(html);
  let csp = false;
  for (const tag of tags) {
    const attrs = new Map(tag.attributes);
    const where = `${page}: <${tag.name} ${tag.attributes.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}>`;
    for (const [name, value] of tag.attributes) {
      if (/^on/i.test(name)) problems.push(`event handler attribute ${name}: ${where}`);
      if (urlAttributes.has(name) && isDangerousUrl(value)) problems.push(`dangerous URL in ${name}: ${where}`);
      if (name === 'style' && /javascript|expression\s*\(/i.test(value)) problems.push(`dangerous style: ${where}`);
    }
    if (tag.name === 'script') {
      const src = attrs.get('src');
      if (src === undefined) {
        // The one kind of inline script allowed: a JSON-LD data block, never run, that is JSON and holds no '<'.
        if (attrs.get('type') !== 'application/ld+json') problems.push(`inline script: ${where} ${JSON.stringify(tag.rawText)}`);
        else if (!isJsonWithoutLessThan(tag.rawText ?? '')) problems.push(`JSON-LD block not JSON, or holding '<': ${where} ${JSON.stringify(tag.rawText)}`);
      }
      else if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src.trim()) || src.trim().startsWith('/')) problems.push(`script src not relative: ${where}`);
      else {
        const target = resolve(dirname(join(out, page)), src.split(/[?#]/)[0]!);
        if (!target.startsWith(out + sep) || !existsSync(target)) problems.push(`script src not a file inside the output: ${where}`);
      }
    }
    if (tag.name === 'style' && /javascript|expression\s*\(/i.test(tag.rawText ?? '')) problems.push(`dangerous style element: ${page}`);
    if (['iframe', 'object', 'embed', 'base', 'form', 'frame', 'frameset', 'applet'].includes(tag.name)) {
      problems.push(`unexpected element: ${where}`);
    }
    if (tag.name === 'meta' && attrs.get('http-equiv')?.toLowerCase() === 'refresh') problems.push(`meta refresh: ${where}`);
    if (tag.name === 'meta' && attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy') {
      const policy = attrs.get('content') ?? '';
      const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0]!.toLowerCase(), d.slice(1)]));
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
      const strict = (directives.get('default-src')?.join(' ') === "'none'" && !scriptSrc?.includes("'unsafe-inline'")) ||
        (scriptSrc !== undefined && !scriptSrc.includes("'unsafe-inline'") && !scriptSrc.includes('*') && !scriptSrc.some((s) => /^(data|https?):?$/i.test(s)));
      if (strict) csp = true;
      else problems.push(`weak Content-Security-Policy: ${where}`);
    }
  }
  if (!csp) problems.push(`${page}: no <meta http-equiv="Content-Security-Policy"> with default-src 'none' or a strict script-src`);
  // Hostile text only ever escaped.
  for (const raw of ['<script>alert', '<img src=x', 'onerror=alert(1)>', '<iframe', '<b onmouseover', '<svg onload']) {
    if (html.includes(raw)) problems.push(`${page}: unescaped ${JSON.stringify(raw)}`);
  }
  return problems;
}

function htmlPages(out: string): string[] {
  return Object.keys(treeDigest(out)).filter((f) => f.endsWith('.html'));
}

function expectSafeSite(out: string): string[] {
  const pages = htmlPages(out);
  expect(pages.length).toBeGreaterThan(3);
  const problems = pages.flatMap((page) => pageProblems(out, page, readFileSync(join(out, page), 'utf8')));
  expect(problems).toEqual([]);
  return pages;
}

/** Every output path is a safe relative path inside out (no '..', no odd characters). */
function expectSafePaths(out: string): void {
  for (const path of listAll(out)) {
    expect(path, path).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/);
    expect(path.split('/')).not.toContain('..');
  }
}

/** The links of a page, as <a href> values (decoded). */
function links(out: string, page: string): string[] {
  return tokenize(readFileSync(join(out, page), 'utf8')).filter((t) => t.name === 'a').map((t) => new Map(t.attributes).get('href') ?? '');
}

// ---------------------------------------------------------------------------

let work: string;
let schema: string;
let fixturesBefore: Record<string, string>;
let tmpBefore: string[];

beforeAll(async () => {
  work = await makeProject('html-safety');
  schema = join(work, 'any.rng');
  writeFileSync(schema, anyXmlSchema);
  fixturesBefore = treeDigest(fixtures);
  tmpBefore = listAll(tmpdir()).filter((p) => !p.includes('/'));
});

afterAll(() => {
  // The fixtures are read, never written.
  expect(treeDigest(fixtures)).toEqual(fixturesBefore);
  // Nothing named after the hostile ids appeared at the top of the temp folder.
  const tmpAfter = listAll(tmpdir()).filter((p) => !p.includes('/'));
  expect(tmpAfter.filter((p) => !tmpBefore.includes(p) && /evil|\.html$/i.test(p))).toEqual([]);
  cleanupTemp();
});

/** Build `args` with cwd = the work folder and --out = `<fresh parent>/out`; check nothing lands outside out. */
async function buildInto(args: string[]): Promise<{ result: CliResult; out: string; parent: string }> {
  const parent = makeFolder('html-safety-out');
  const out = join(parent, 'out');
  const workBefore = listAll(work);
  const result = await runCli(work, ['build', ...args, '--out', out]);
  // The output's parent holds the output and nothing else (no escaped files, no lock, no staging folder).
  expect(listAll(parent).filter((p) => p !== 'out' && !p.startsWith('out/')), result.stderr).toEqual([]);
  // In the working folder only the cache changed.
  expect(listAll(work).filter((p) => !workBefore.includes(p) && !p.startsWith('.cache/')), result.stderr).toEqual([]);
  return { result, out, parent };
}

describe('the page check itself', () => {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'">`;
  const page = (head: string): string => `<!DOCTYPE html><html><head>${csp}${head}</head><body></body></html>`;
  test('an inline script is a problem; a JSON-LD data block is the one kind allowed, and only as JSON without "<"', () => {
    expect(pageProblems('/out', 'a.html', page('<script>alert(1)</script>')).join()).toMatch(/inline script/);
    expect(pageProblems('/out', 'a.html', page('<script type="text/javascript">alert(1)</script>')).join()).toMatch(/inline script/);
    expect(pageProblems('/out', 'a.html', page('<script type="module">alert(1)</script>')).join()).toMatch(/inline script/);
    expect(pageProblems('/out', 'a.html', page('<script type="application/ld+json">{"name":"</scr"}</script>')).join()).toMatch(/JSON-LD/);
    expect(pageProblems('/out', 'a.html', page('<script type="application/ld+json">alert(1)</script>')).join()).toMatch(/JSON-LD/);
    expect(pageProblems('/out', 'a.html', page('<script type="application/ld+json">{"name":"\\u003c/script>"}</script>'))).toEqual([]);
  });
});

describe('a foreign folder of hostile TEI (--src)', () => {
  let out: string;
  beforeAll(async () => {
    const built = await buildInto(['--src', join(fixtures, 'generic'), '--schema', schema]);
    expect(built.result.code, built.result.stderr).toBe(0);
    out = built.out;
  });

  test('every page is free of scripts, handlers, script URLs and script styles, and has a strict CSP', () => {
    const pages = expectSafeSite(out);
    expect(pages).toEqual(expect.arrayContaining(['hostile.html', 'other.html', 'index.html']));
  });

  test('output paths are safe and inside --out', () => {
    expectSafePaths(out);
  });

  test('the https and relative links stay links', () => {
    const hrefs = links(out, 'hostile.html');
    expect(hrefs).toContain('https://example.org/safe-link?a=1&b=2');
    expect(hrefs).toContain('notes/relative-page.html');
    expect(hrefs).toContain('other.html#p2');
    expect(links(out, 'other.html')).toContain('hostile.html');
  });

  test('the hostile text is there, escaped', () => {
    const html = readFileSync(join(out, 'hostile.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/"&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
    // The refused links are still shown as text, not dropped silently.
    for (const label of ['plain-js', 'spaces-mixed-case-js', 'tab-newline-js', 'data-url', 'data-url-upper', 'vbscript', 'vbscript-case', 'name-js-ref']) {
      expect(html, label).toContain(label);
    }
  });
});

describe('a configured edition with a hostile register', () => {
  let out: string;
  beforeAll(async () => {
    // A configuration whose source is the fixture, with a person register; the edition rules are off
    // (they are not what this tests), so only well-formedness and the schema decide.
    const config = JSON.parse(readFileSync(join(projectRoot, 'edition.config.json'), 'utf8')) as Record<string, unknown>;
    const rules = Object.fromEntries(Object.keys(config['rules'] as Record<string, string>).map((r) => [r, 'off']));
    const file = join(work, 'hostile.config.json');
    writeFileSync(file, JSON.stringify({ ...config, source: join(fixtures, 'registers'), header: undefined, registers: { persons: 'persons.xml' }, rules, schema }));
    const built = await buildInto(['--config', file]);
    expect(built.result.code, built.result.stderr).toBe(0);
    out = built.out;
  });

  test('entry pages made from odd xml:ids have safe names inside --out', () => {
    expectSafePaths(out);
    const entries = listAll(join(out, 'persons')).sort();
    expect(entries.length).toBe(4);
    for (const e of entries) expect(posix.normalize(`persons/${e}`).startsWith('persons/')).toBe(true);
    expect(entries).toContain('normal.html');
  });

  test('every page is safe and has a strict CSP', () => {
    const pages = expectSafeSite(out);
    expect(pages.filter((p) => p.startsWith('persons/')).length).toBe(4);
  });

  test('safe links stay links; authority URIs with script schemes do not become links', () => {
    const allHrefs = htmlPages(out).flatMap((p) => links(out, p));
    expect(allHrefs).toContain('https://example.org/authority/1');
    expect(allHrefs).toContain('https://example.org/entry-link');
    expect(links(out, 'doc001.html')).toContain('https://example.org/doc-link');
    expect(links(out, 'doc001.html')).toContain('persons/normal.html');
  });
});

describe('odd names', () => {
  test('xml:ids that are not NCNames ("../../evil", "a b") are errors: with --strict nothing is written', async () => {
    const { result, out } = await buildInto(['--src', join(fixtures, 'ids'), '--schema', schema, '--strict']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/\.\.\/\.\.\/evil is not an NCName/);
    expect(result.stdout + result.stderr).toMatch(/a b is not an NCName/);
    expect(existsSync(out)).toBe(false);
  });

  test('without --strict a foreign folder with such ids is built all the same, and every path stays inside --out', async () => {
    // buildInto checks that the output's parent and the working folder hold nothing new but the output and the cache.
    const { result, out } = await buildInto(['--src', join(fixtures, 'ids'), '--schema', schema]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/\.\.\/\.\.\/evil is not an NCName/);
    for (const path of listAll(out)) expect(path).not.toMatch(/(^|\/)\.\.(\/|$)|\s/);
  });

  test('file names with a Cyrillic look-alike letter or a space never name a path outside --out', async () => {
    const { result, out } = await buildInto(['--src', join(fixtures, 'names'), '--schema', schema]);
    if (result.code === 0) {
      // Published: then under safe names only.
      expectSafePaths(out);
      expectSafeSite(out);
    } else {
      // Refused: the build says which file and why, and publishes nothing.
      expect(result.code, result.stderr).toBe(1);
      const report = result.stdout + result.stderr;
      expect(report).toMatch(/output-path-unsafe[^\n]*d\u043ec\.xml/);
      expect(report).toMatch(/output-path-unsafe[^\n]*a b\.xml/);
      expect(existsSync(out)).toBe(false);
    }
  });
});

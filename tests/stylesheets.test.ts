/** The SEF cache: compiled once per content hash, and old sets do not pile up. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { committedBuildHash, committedBuildStylesheet, loadStylesheets, stylesheetsHash } from '../src/transform/stylesheets.js';

const work = mkdtempSync(join(tmpdir(), 'edition-sef-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const trivial = '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">ok</xsl:template></xsl:stylesheet>';

describe('the SEF cache', () => {
  test('a compile removes the compiled sets of other stylesheets unwritten for a day, and nothing else', async () => {
    const xslt = join(work, 'xslt');
    const sef = join(work, 'cache', 'sef');
    mkdirSync(xslt, { recursive: true });
    mkdirSync(sef, { recursive: true });
    // Two stylesheets are enough to see a compile (each costs xslt3's start-up): html and text.
    const compiled = ['html', 'text'] as const;
    for (const name of compiled) writeFileSync(join(xslt, `${name}.xsl`), trivial);
    const old = join(sef, 'html-0123456789abcdef.sef.json');
    const recent = join(sef, 'text-fedcba9876543210.sef.json');
    const unrelated = join(sef, 'README.txt');
    for (const f of [old, recent, unrelated]) writeFileSync(f, '{}');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    utimesSync(unrelated, twoDaysAgo, twoDaysAgo);

    const sheets = await loadStylesheets(xslt, join(work, 'cache'), compiled);
    expect(Object.keys(sheets).sort()).toEqual([...compiled]);
    const hash = stylesheetsHash(xslt);
    for (const name of compiled) expect(existsSync(join(sef, `${name}-${hash}.sef.json`))).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
    expect(readdirSync(sef).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 300_000);
});

describe('the committed build stylesheet', () => {
  const xslt = join(import.meta.dirname, '..', 'xslt');

  test('is compiled from the stylesheets as they are (else run `npm run compile:xslt`)', () => {
    expect(committedBuildHash(xslt), 'xslt/build.sef.json is stale: run `npm run compile:xslt` and commit it').toBe(stylesheetsHash(xslt));
    const sef = JSON.parse(readFileSync(committedBuildStylesheet(xslt).sef, 'utf8')) as { N: string; relocatable?: string };
    expect(sef.N).toBe('package');
  });

  test('is used as it is: loading it compiles nothing', async () => {
    const cache = join(work, 'cache-committed');
    const { build } = await loadStylesheets(xslt, cache, ['build']);
    expect(build.hash).toBe(stylesheetsHash(xslt));
    expect(existsSync(join(cache, 'sef'))).toBe(false);
    expect((build.sef as { N: string }).N).toBe('package');
  });

  test('is not used once the stylesheets differ from those it was compiled from', async () => {
    const copy = join(work, 'xslt-edited');
    mkdirSync(copy, { recursive: true });
    writeFileSync(join(copy, 'build.xsl'), trivial);
    writeFileSync(join(copy, 'build.sef.json'), '{"N":"package","stale":true}');
    writeFileSync(join(copy, 'build.sef.hash'), `${stylesheetsHash(xslt)}\n`);
    const cache = join(work, 'cache-edited');
    const { build } = await loadStylesheets(copy, cache, ['build']);
    expect((build.sef as { stale?: boolean }).stale).toBeUndefined();
    expect(existsSync(join(cache, 'sef', `build-${stylesheetsHash(copy)}.sef.json`))).toBe(true);
  }, 120_000);
});

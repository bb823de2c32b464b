/** Worker threads change how fast the documents are made, never what is made. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeEdition } from '../src/dev/bench/generate.js';
import { loadConfig } from '../src/config.js';
import { entryStylesheets } from '../src/transform/stylesheets.js';

const root = join(import.meta.dirname, '..');
// A worker thread runs the compiled code in build/ (it cannot run TypeScript), so this file's builds do
// too: the pooled and the single-thread builds then run the same code (npm test compiles first).
const { buildEdition } = (await import('../build/site/index.js')) as typeof import('../src/site/index.js');
let work: string;
const nonAscii = 'Телеграмма № 68 — «срочно», 𝔊 ½';

function tree(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return out;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'edition-pool-'));
  writeEdition({ letters: 60, seed: 3, folder: join(work, 'edition'), projectRoot: root });
  // Texts reach the workers as UTF-8 bytes in a shared buffer: some letters must have characters of several bytes.
  for (const letter of ['doc002.xml', 'doc031.xml', 'doc060.xml']) {
    const file = join(work, 'edition', 'tei', letter);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(<body>[\s\S]*?<p>)/, `$1${nonAscii} `));
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the transform pool', () => {
  test('a build on two workers is byte-identical to a build in one thread', async () => {
    const config = { ...loadConfig(join(work, 'edition/edition.config.json')), cacheFolder: join(work, 'cache') };
    const pooled = await buildEdition({ config, out: join(work, 'pooled'), workers: 2 });
    const single = await buildEdition({ config, out: join(work, 'single'), workers: 0, force: true });
    expect(pooled.problems).toEqual([]);
    expect(pooled.published && single.published).toBe(true);
    expect(pooled.transformed).toBe(60);
    const a = tree(join(work, 'pooled'));
    expect(Object.keys(a).length).toBeGreaterThan(200);
    expect(a).toEqual(tree(join(work, 'single')));
    for (const page of ['doc002.html', 'doc031.html', 'doc060.html']) expect(readFileSync(join(work, 'pooled', page), 'utf8')).toContain(nonAscii);
  }, 600_000);

  test('when the edition-wide transformation fails, with the documents made on workers or in this thread, the build names the failure and publishes nothing', async () => {
    // Stylesheets of the smallest kind: the documents' outputs are made, the edition-wide ones fail.
    const xslt = join(work, 'xslt-broken');
    mkdirSync(xslt, { recursive: true });
    const sheet = (body: string): string => `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema">${body}</xsl:stylesheet>`;
    for (const name of entryStylesheets) writeFileSync(join(xslt, `${name}.xsl`), sheet('<xsl:template match="/">ok</xsl:template>'));
    // The build's one stylesheet: the batch writes the documents' outputs and summaries, the edition-wide template fails.
    writeFileSync(join(xslt, 'build.xsl'), sheet(`
      <xsl:param name="batch-documents" as="document-node()*"/>
      <xsl:param name="batch-files" as="xs:string*"/>
      <xsl:template name="xsl:initial-template">
        <xsl:for-each select="$batch-files">
          <xsl:result-document href="{.}.html" method="text">page</xsl:result-document>
          <xsl:result-document href="text/{.}.txt" method="text">text</xsl:result-document>
          <xsl:result-document href="json/{.}.json" method="text">{}</xsl:result-document>
          <xsl:result-document href="summary/{.}.xml" method="text">&lt;s:document xmlns:s="urn:edition:summary" file="{.}"/&gt;</xsl:result-document>
        </xsl:for-each>
      </xsl:template>
      <xsl:template name="fp:edition-documents-outputs" xmlns:fp="urn:edition:private"><xsl:message terminate="yes">broken on purpose</xsl:message></xsl:template>
      <xsl:template name="fp:edition-registers-outputs" xmlns:fp="urn:edition:private"/>`));
    const config = { ...loadConfig(join(work, 'edition/edition.config.json')), cacheFolder: join(work, 'cache-broken') };
    for (const workers of [2, 0]) {
      const out = join(work, `broken-${workers}`);
      const result = await buildEdition({ config, out, workers, xsltFolder: xslt, stylesheetCacheFolder: join(work, 'sef-broken'), force: true });
      expect(result.published, `workers: ${workers}`).toBe(false);
      expect(result.problems.map((p) => p.rule)).toEqual(['transform-failed']);
      expect(result.problems[0]!.message).toMatch(/^The edition-wide lists of the documents: .*broken on purpose/);
      expect(readdirSync(work).filter((n) => n.startsWith(`broken-${workers}`))).toEqual([]);
    }
  }, 600_000);
});

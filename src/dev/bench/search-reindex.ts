/**
 * `node build/dev/bench/search-reindex.js --site DIR`: write the search index
 * of a built site again with this toolchain's index writer
 * (src/site/search-index.ts, as the build calls it: each document's entry
 * from its JSON, in collection order from json/index.json) and put this
 * toolchain's search page scripts and CSS in its assets/. For timing a
 * changed index or search page on a large built site (bench:search)
 * without building its letters again: every change of the toolchain's code
 * makes the next build transform every letter. Files are replaced, never
 * written through, so a site copied with hard links (cp -al) keeps its
 * original.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { searchEntry, searchIndexFiles } from '../../site/search-index.js';
import type { SearchEntry } from '../../site/search-index.js';

const projectRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

function replace(path: string, content: string | Buffer): void {
  rmSync(path, { force: true });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

export function reindexSite(site: string): { documents: number; files: number; seconds: number } {
  const started = performance.now();
  const index = JSON.parse(readFileSync(join(site, 'json', 'index.json'), 'utf8')) as { documents: Array<{ file: string }> };
  const entries: SearchEntry[] = index.documents.map((d) => searchEntry(readFileSync(join(site, 'json', `${d.file}.json`), 'utf8'), d.file, `${d.file}.html`));
  const files = searchIndexFiles(entries);
  rmSync(join(site, 'search'), { recursive: true, force: true });
  for (const [path, content] of files) replace(join(site, path), content);
  for (const asset of ['search.js', 'edition.css']) {
    rmSync(join(site, 'assets', asset), { force: true });
    copyFileSync(join(projectRoot, 'xslt', 'assets', asset), join(site, 'assets', asset));
  }
  return { documents: entries.length, files: files.size, seconds: (performance.now() - started) / 1000 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--site');
  const site = at >= 0 ? process.argv[at + 1] : undefined;
  if (!site) {
    process.stderr.write('usage: node build/dev/bench/search-reindex.js --site DIR\n');
    process.exit(2);
  }
  const r = reindexSite(resolve(site));
  process.stdout.write(`search index of ${r.documents} documents written again: ${r.files} files, ${r.seconds.toFixed(1)} s\n`);
}

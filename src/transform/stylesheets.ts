/**
 * The XSLT 3.0 stylesheets, compiled to SEF once and again only when one
 * of them changes. The cache key is a hash of every file in xslt/ and the
 * compiler's version; compiled files live in .cache/sef/.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { filesUnder } from '../read/folders.js';
import { useSaxonCodeCache } from './saxon.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/**
 * The entry stylesheets. The build runs only `build` (xslt/build.xsl: every
 * transformation it makes, in one compiled package); the others are the
 * stylesheets a user runs on a document of their own, and the tests'.
 */
export const entryStylesheets = ['build', 'html', 'text', 'json', 'cmif', 'summary', 'corpus', 'schema'] as const;
export type EntryStylesheet = (typeof entryStylesheets)[number];

/** Where a compiled stylesheet is: what a build hands its workers, so that they need not hash the stylesheets again. */
export interface StylesheetFile {
  name: EntryStylesheet;
  /** The hash of the stylesheets it was compiled from (stylesheetsHash). */
  hash: string;
  /** Its SEF file. */
  file: string;
}

/** A compiled stylesheet, loaded once per process. */
export interface CompiledStylesheet extends StylesheetFile {
  sef: unknown;
}

/** Hash of the stylesheets' folder (every module, since entry stylesheets include them) and the compiler. */
export function stylesheetsHash(xsltFolder: string): string {
  const hash = createHash('sha256');
  const compiler = JSON.parse(readFileSync(require.resolve('xslt3/package.json'), 'utf8')) as { version: string };
  hash.update(`xslt3 ${compiler.version}\n`);
  for (const file of filesUnder(xsltFolder)) {
    if (!file.endsWith('.xsl')) continue;
    hash.update(relative(xsltFolder, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export class StylesheetCompileError extends Error {
  override name = 'StylesheetCompileError';
}

/** Compile an entry stylesheet to SEF (xslt3 in a child process), writing `target` whole or not at all. */
export async function compileStylesheet(xsl: string, target: string): Promise<void> {
  const xslt3 = require.resolve('xslt3/xslt3.js');
  const partial = `${target}.tmp-${process.pid}`;
  try {
    await run(process.execPath, [xslt3, `-xsl:${xsl}`, `-export:${partial}`, '-nogo', '-relocate:on'], {
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new StylesheetCompileError(`Compiling ${xsl} failed:\n${(e.stderr ?? e.message).trim()}`);
  }
  renameSync(partial, target);
}

/**
 * The compiled build stylesheet committed with the stylesheets
 * (xslt/build.sef.json) and the hash of the stylesheets it was compiled
 * from (xslt/build.sef.hash): a fresh clone builds without compiling. It is
 * used only while the hash matches; after any edit to xslt/ the build
 * compiles its own copy into the cache. tests/stylesheets.test.ts fails
 * when the committed one is stale (`npm run compile:xslt`).
 */
export function committedBuildStylesheet(xsltFolder: string): { sef: string; hashFile: string } {
  return { sef: join(xsltFolder, 'build.sef.json'), hashFile: join(xsltFolder, 'build.sef.hash') };
}

/** The hash of the stylesheets the committed build stylesheet was compiled from; undefined when there is none. */
export function committedBuildHash(xsltFolder: string): string | undefined {
  try {
    return readFileSync(committedBuildStylesheet(xsltFolder).hashFile, 'utf8').trim();
  } catch {
    return undefined;
  }
}

const loaded = new Map<string, CompiledStylesheet>();

/** Compiled entry stylesheets, by name. */
export type Stylesheets = Record<EntryStylesheet, CompiledStylesheet>;

/**
 * Load the named entry stylesheets, compiling those the cache (or, for the
 * build stylesheet, the committed copy) does not hold; compiles run in
 * parallel and each result is cached in `cacheFolder`/sef/ under the hash.
 */
export async function loadStylesheets<N extends EntryStylesheet>(
  xsltFolder: string,
  cacheFolder: string,
  names: readonly N[] = entryStylesheets as readonly EntryStylesheet[] as readonly N[],
): Promise<Record<N, CompiledStylesheet>> {
  useSaxonCodeCache(cacheFolder);
  const hash = stylesheetsHash(xsltFolder);
  const folder = join(cacheFolder, 'sef');
  const committed = committedBuildHash(xsltFolder) === hash ? committedBuildStylesheet(xsltFolder).sef : undefined;
  const targetOf = (name: EntryStylesheet): string =>
    name === 'build' && committed ? committed : join(folder, `${name}-${hash}.sef.json`);
  let compiledNow = false;
  await Promise.all(
    names.map(async (name) => {
      const target = targetOf(name);
      if (!loaded.has(target) && !existsSync(target)) {
        mkdirSync(folder, { recursive: true });
        await compileStylesheet(join(xsltFolder, `${name}.xsl`), target);
        compiledNow = true;
      }
    }),
  );
  const result = {} as Record<N, CompiledStylesheet>;
  for (const name of names) result[name] = compiledStylesheet({ name, hash, file: targetOf(name) });
  if (compiledNow) removeStaleSef(folder, hash);
  return result;
}

/** A stylesheet compiled before (loadStylesheets), by its file; its SEF is read on first use (an incremental build may transform nothing). */
export function compiledStylesheet(compiled: StylesheetFile): CompiledStylesheet {
  let sheet = loaded.get(compiled.file);
  if (!sheet) {
    let sef: unknown;
    const { name, hash, file } = compiled;
    sheet = {
      name,
      hash,
      file,
      get sef(): unknown {
        return (sef ??= JSON.parse(readFileSync(file, 'utf8')));
      },
    };
    loaded.set(file, sheet);
  }
  return sheet;
}

/** A compiled stylesheet of other stylesheets is removed once it is this old (another build may still be reading a newer one). */
const STALE_SEF_MS = 24 * 60 * 60 * 1000;

/**
 * Every change to xslt/ compiles a new set of SEF files (about 4 MB); the
 * old sets would pile up. After a compile, remove the sets of other
 * hashes that nobody has written for a day.
 */
function removeStaleSef(folder: string, hash: string): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    const m = /^[a-z]+-([0-9a-f]{16})\.sef\.json$/.exec(name);
    if (!m || m[1] === hash) continue;
    const path = join(folder, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_SEF_MS) rmSync(path, { force: true });
    } catch {
      // removed meanwhile by another build
    }
  }
}

/** Write a file so that no reader ever sees half of it. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const partial = `${path}.tmp-${process.pid}`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}

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

export const entryStylesheets = ['html', 'text', 'json', 'batch', 'corpus', 'cmif', 'schema', 'summary'] as const;
export type EntryStylesheet = (typeof entryStylesheets)[number];

/** A compiled stylesheet, loaded once per process. */
export interface CompiledStylesheet {
  name: EntryStylesheet;
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

async function compile(xsl: string, target: string): Promise<void> {
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

const loaded = new Map<string, CompiledStylesheet>();

/** The compiled entry stylesheets, by name. */
export type Stylesheets = Record<EntryStylesheet, CompiledStylesheet>;

/**
 * Compile (when the cache misses) and load every entry stylesheet. Entry
 * stylesheets compile in parallel; each result is cached under the hash.
 */
export async function loadStylesheets(xsltFolder: string, cacheFolder: string): Promise<Stylesheets> {
  useSaxonCodeCache(cacheFolder);
  const hash = stylesheetsHash(xsltFolder);
  const folder = join(cacheFolder, 'sef');
  mkdirSync(folder, { recursive: true });
  let compiledNow = false;
  await Promise.all(
    entryStylesheets.map(async (name) => {
      const target = join(folder, `${name}-${hash}.sef.json`);
      if (!loaded.has(target) && !existsSync(target)) {
        await compile(join(xsltFolder, `${name}.xsl`), target);
        compiledNow = true;
      }
    }),
  );
  const result = {} as Record<EntryStylesheet, CompiledStylesheet>;
  for (const name of entryStylesheets) {
    const target = join(folder, `${name}-${hash}.sef.json`);
    let sheet = loaded.get(target);
    if (!sheet) {
      // Read on first use: an incremental build may need one stylesheet of six.
      let sef: unknown;
      sheet = {
        name,
        get sef(): unknown {
          return (sef ??= JSON.parse(readFileSync(target, 'utf8')));
        },
      };
      loaded.set(target, sheet);
    }
    result[name] = sheet;
  }
  if (compiledNow) removeStaleSef(folder, hash);
  return result;
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

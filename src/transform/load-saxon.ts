/**
 * Loading SaxonJS quickly, and with two repairs to how it handles strings.
 *
 * Speed: its 2.4 MB script takes V8 about 0.25 s to compile, and at load it
 * requires axios (≈ 0.1 s), which it uses only to fetch documents over
 * HTTP, something the toolchain never asks of it. An incremental build that
 * remakes one letter spends as long loading SaxonJS as transforming the
 * letter, so:
 * - the compiled code is kept in a V8 code cache beside the compiled
 *   stylesheets (V8 itself refuses a cache made by another V8 or from
 *   another source; it is then made again);
 * - axios is loaded only if SaxonJS ever calls it.
 *
 * Repairs (`stringRepairs`), made in its source text as it is loaded:
 * - Every comparison of two strings (`=`, `eq`, a map lookup, grouping)
 *   first copies both into an array of characters, to see whether any lies
 *   outside the Basic Multilingual Plane. The repaired test asks the same
 *   question of the string itself, without the copies.
 * - A string's hash code reads every other character, and past about
 *   fifteen of them the sum overflows into a float whose low bits are zero:
 *   long keys ('orgs#economic-section-of-…', 'doc01234', 'doc01334') share
 *   a hash, and a map holding thousands of them is searched key by key.
 *   The repaired hash reads every character, in 32-bit arithmetic.
 * Both give the same answers; only the time changes. The registers' part
 * of 10,000 generated letters took 103–127 s without them and 70–96 s with
 * them (four runs each), with identical outputs (xslt/README.md). Each repair is
 * made only where the text it replaces is found exactly once (SaxonJS
 * 2.7.0); tests/incremental.test.ts fails when a SaxonJS update moves it.
 *
 * Anything unexpected falls back to a plain require().
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { writeFileAtomic } from '../write-atomic.js';

const require = createRequire(import.meta.url);

/** A stand-in that loads the real module on first use. */
function lazyModule(load: () => unknown): unknown {
  let real: unknown;
  const target = (): object => (real ??= load()) as object;
  return new Proxy(function lazy() {}, {
    get: (_, property) => Reflect.get(target(), property),
    apply: (_, self, args: unknown[]) => Reflect.apply(target() as (...a: unknown[]) => unknown, self, args),
    construct: (_, args: unknown[]) => Reflect.construct(target() as new (...a: unknown[]) => object, args),
  });
}

function cacheFile(cacheFolder: string, version: string): string {
  return join(cacheFolder, 'v8', `saxon-js-${version}-v8-${process.versions.v8}-${process.arch}.bin`);
}

/** A repair to SaxonJS's source: the text to replace (found exactly once) and its replacement. */
interface SourceRepair {
  what: string;
  from: string;
  to: string;
}

export const stringRepairs: readonly SourceRepair[] = [
  {
    what: 'whether a string holds a character outside the BMP, without copying it into an array',
    from: 'function Ha(a){return Array.from(a).some(b=>65535<b.codePointAt(0))}',
    to: 'function Ha(a){return/[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]/.test(a)}',
  },
  {
    what: "a string's hash code from every character, in 32-bit arithmetic",
    from: 'for(let h=0;h<b;h++)a=31*a+this.value.charCodeAt(h++);',
    to: 'for(let h=0;h<b;h++)a=31*a+this.value.charCodeAt(h)|0;',
  },
];

/** The source with each repair made whose text it holds exactly once; and which were made. */
export function repairSource(source: string): { source: string; made: string[] } {
  const made: string[] = [];
  for (const r of stringRepairs) {
    const parts = source.split(r.from);
    if (parts.length !== 2) continue;
    source = parts.join(r.to);
    made.push(r.what);
  }
  return { source, made };
}

let repairsInEffect: readonly string[] = [];

/** The repairs made to the SaxonJS this process loaded through loadSaxonJS (none before it is loaded, or when it fell back to require()). */
export function repairsMade(): readonly string[] {
  return repairsInEffect;
}

function loadRepaired(cacheFolder: string | undefined): unknown {
  const file = require.resolve('saxon-js');
  const version = (JSON.parse(readFileSync(join(dirname(file), 'package.json'), 'utf8')) as { version: string }).version;
  const cache = cacheFolder === undefined ? undefined : cacheFile(cacheFolder, version);
  const cachedData = cache !== undefined && existsSync(cache) ? readFileSync(cache) : undefined;
  const repaired = repairSource(readFileSync(file, 'utf8'));
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${repaired.source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const saxonRequire = createRequire(file);
  const requireForSaxon = (id: string): unknown => (id === 'axios' ? lazyModule(() => saxonRequire('axios')) : saxonRequire(id));
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, requireForSaxon, module, file, dirname(file));
  repairsInEffect = repaired.made;
  if (cache !== undefined && (!cachedData || script.cachedDataRejected)) {
    try {
      writeFileAtomic(cache, script.createCachedData());
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
  return module.exports;
}

/** SaxonJS's module, repaired (stringRepairs), through the code cache in `cacheFolder` when one is given. */
export function loadSaxonJS(cacheFolder: string | undefined): unknown {
  try {
    const saxon = loadRepaired(cacheFolder) as { transform?: unknown };
    if (typeof saxon.transform === 'function') return saxon;
  } catch {
    // fall through to the ordinary way
  }
  return require('saxon-js');
}

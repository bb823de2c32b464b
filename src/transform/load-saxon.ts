/**
 * Loading SaxonJS quickly. Its 2.4 MB script takes V8 about 0.25 s to
 * compile, and at load it requires axios (≈ 0.1 s), which it uses only to
 * fetch documents over HTTP, something the toolchain never asks of it. An
 * incremental build that remakes one letter spends as long loading
 * SaxonJS as transforming the letter, so:
 * - the compiled code is kept in a V8 code cache beside the compiled
 *   stylesheets (V8 itself refuses a cache made by another V8 or from
 *   another source; it is then made again);
 * - axios is loaded only if SaxonJS ever calls it.
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

function loadWithCodeCache(cacheFolder: string): unknown {
  const file = require.resolve('saxon-js');
  const version = (JSON.parse(readFileSync(join(dirname(file), 'package.json'), 'utf8')) as { version: string }).version;
  const cache = cacheFile(cacheFolder, version);
  const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const saxonRequire = createRequire(file);
  const requireForSaxon = (id: string): unknown => (id === 'axios' ? lazyModule(() => saxonRequire('axios')) : saxonRequire(id));
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, requireForSaxon, module, file, dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    try {
      writeFileAtomic(cache, script.createCachedData());
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
  return module.exports;
}

/** SaxonJS's module, through the code cache in `cacheFolder` when one is given. */
export function loadSaxonJS(cacheFolder: string | undefined): unknown {
  if (cacheFolder === undefined) return require('saxon-js');
  try {
    const saxon = loadWithCodeCache(cacheFolder) as { transform?: unknown };
    if (typeof saxon.transform === 'function') return saxon;
  } catch {
    // fall through to the ordinary way
  }
  return require('saxon-js');
}

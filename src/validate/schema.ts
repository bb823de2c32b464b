/**
 * Which schema libxml2 compiles. A large schema (tei_all: about 10 s to
 * compile in wasm) is pruned to the element names the files use
 * (src/validate/prune.ts), which gives the same verdict for every one of
 * those files; the pruned schema is kept in `.cache/schemas/`, keyed by the
 * schema, the set of names and the toolchain's version, so an unchanged
 * edition does not prune again. A small schema is used as it is.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hashText } from './cache.js';
import { elementNamesIn, pruneSchema } from './prune.js';
import type { LintSchema } from './xmllint.js';
import { writeFileAtomic } from '../write-atomic.js';

/**
 * Schemas at least this long are pruned. Measured: edition.rng (80 kB)
 * compiles in a few milliseconds, pruned or not; tei_all.rng (1.1 MB) in
 * about 10 s, pruned to 1,000 letters' names in about 0.1 s, and the
 * pruned schema validates those letters as fast as edition.rng does.
 */
export const PRUNE_ABOVE_CHARS = 300_000;
/** Bump when the pruning changes what it writes. */
const PRUNE_VERSION = 2;
/** Pruned schemas kept in the cache folder (the most recent). */
const KEEP_PRUNED = 8;

export interface SchemaChoice {
  /** What libxml2 gets; `file` is always the user's schema, for messages. */
  schema: LintSchema;
  /** The full schema, when `schema` is a pruned one. */
  full: LintSchema | undefined;
}

export function shouldPrune(schemaText: string): boolean {
  return schemaText.length >= PRUNE_ABOVE_CHARS;
}

/** The schema for these texts: pruned to their element names when that pays, else the full one. */
export function schemaFor(full: LintSchema, texts: readonly string[], options: { cacheFolder?: string; toolVersion?: string } = {}): SchemaChoice {
  if (!shouldPrune(full.text) || texts.length === 0) return { schema: full, full: undefined };
  const used = [...elementNamesIn(texts)].sort();
  const key = hashText(`prune-${PRUNE_VERSION}`, options.toolVersion ?? '', full.text, used.join(' ')).slice(0, 32);
  const folder = options.cacheFolder ? join(options.cacheFolder, 'schemas') : undefined;
  const cachedFile = folder ? join(folder, `${key}.rng`) : undefined;
  if (cachedFile && existsSync(cachedFile)) {
    try {
      return { schema: { file: full.file, text: readFileSync(cachedFile, 'utf8') }, full };
    } catch {
      // Unreadable: prune again.
    }
  }
  const pruned = pruneSchema(full.text, new Set(used));
  if (!pruned) return { schema: full, full: undefined };
  if (folder && cachedFile) {
    try {
      writeFileAtomic(cachedFile, pruned.text);
      forgetOld(folder);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
  return { schema: { file: full.file, text: pruned.text }, full };
}

function forgetOld(folder: string): void {
  const entries = readdirSync(folder)
    .filter((name) => name.endsWith('.rng'))
    .map((name) => ({ path: join(folder, name), time: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of entries.slice(KEEP_PRUNED)) rmSync(old.path, { force: true });
}

/**
 * What validation found in each file, kept between runs: a file whose
 * bytes, schema, configuration and toolchain version are unchanged is not
 * given to libxml2 or parsed again. The edition rules, which look across
 * files, always run afresh on the summaries.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileSummary } from '../edition/files.js';
import { writeFileAtomic } from '../write-atomic.js';

/** Bump when the shape of what is cached, or what the checks find, changes. */
const CACHE_FORMAT = 8;
/**
 * The cache is kept in this many files, a file's entry in the one its path
 * hashes to, so a build that changed one letter rewrites one of them
 * (13 MB in one file at 1,000 letters took 0.2 s to write, and as long to read).
 */
const SHARDS = 64;

export interface CachedFile {
  key: string;
  /** Diagnostics from decoding, libxml2 and the file rules, severities already applied. */
  diagnostics: Diagnostic[];
  summary: FileSummary | undefined;
  /** Whether the decoded text may be transformed (decoded, not refused, well-formed). */
  usable: boolean;
}

export function hashText(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
}

// On disk, the many small records of a summary are arrays rather than objects: half the bytes to read and parse.
/** flags: 1 inside a correspContext, 2 a letter reference (`ref type="letter"`). */
type StoredPointer = [attribute: string, element: string, value: string, line: number, column: number, flags: number];
type StoredId = [id: string, element: string, line: number, column: number];
type StoredEntry = [id: string, element: string, line: number, column: number, content: string];
type StoredSummary = Omit<FileSummary, 'pointers' | 'ids' | 'entries'> & { pointers: StoredPointer[]; ids: StoredId[]; entries: StoredEntry[] };
type StoredFile = Omit<CachedFile, 'summary'> & { summary: StoredSummary | null };


function storeSummary(s: FileSummary): StoredSummary {
  return {
    ...s,
    pointers: s.pointers.map((p) => [p.attribute, p.element, p.value, p.line, p.column, (p.inCorrespContext ? 1 : 0) | (p.letterRef ? 2 : 0) | (p.emptyRef ? 4 : 0)]),
    ids: s.ids.map((d) => [d.id, d.element, d.line, d.column]),
    entries: s.entries.map((d) => [d.id, d.element, d.line, d.column, d.content]),
  };
}

function restoreSummary(s: StoredSummary): FileSummary {
  // JSON has no undefined: the optional fields come back from null.
  const summary = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(s)) summary[k] = v === null ? undefined : v;
  summary['pointers'] = s.pointers.map(([attribute, element, value, line, column, flags]) => ({ attribute, element, value, line, column, inCorrespContext: (flags & 1) === 1, ...((flags & 2) === 2 ? { letterRef: true } : {}), ...((flags & 4) === 4 ? { emptyRef: true } : {}) }));
  summary['ids'] = s.ids.map(([id, element, line, column]) => ({ id, element, line, column }));
  summary['entries'] = s.entries.map(([id, element, line, column, content]) => ({ id, element, line, column, content }));
  return summary as unknown as FileSummary;
}

function shardOf(path: string): number {
  return Number.parseInt(hashText(path).slice(0, 8), 16) % SHARDS;
}

export class ValidationCache {
  /** Entries as stored, made into CachedFile when asked for. */
  private readonly shards: Array<Map<string, StoredFile>> = Array.from({ length: SHARDS }, () => new Map());
  private readonly dirty = new Set<number>();

  constructor(private readonly folder: string) {
    for (let i = 0; i < SHARDS; i++) {
      const file = this.shardFile(i);
      if (!existsSync(file)) continue;
      try {
        const raw = JSON.parse(readFileSync(file, 'utf8')) as { format: number; entries: Array<[string, StoredFile]> };
        if (raw.format === CACHE_FORMAT) this.shards[i] = new Map(raw.entries);
      } catch {
        // A damaged shard is ignored and rewritten.
      }
    }
  }

  static forSource(cacheFolder: string, source: string): ValidationCache {
    return new ValidationCache(join(cacheFolder, 'validation', hashText(source).slice(0, 16)));
  }

  private shardFile(i: number): string {
    return join(this.folder, `${String(i).padStart(2, '0')}.json`);
  }

  get(path: string, key: string): CachedFile | undefined {
    const stored = this.shards[shardOf(path)]!.get(path);
    if (!stored || stored.key !== key) return undefined;
    return { key: stored.key, diagnostics: stored.diagnostics, usable: stored.usable, summary: stored.summary ? restoreSummary(stored.summary) : undefined };
  }

  set(path: string, entry: CachedFile): void {
    const shard = shardOf(path);
    this.shards[shard]!.set(path, { key: entry.key, diagnostics: entry.diagnostics, usable: entry.usable, summary: entry.summary ? storeSummary(entry.summary) : null });
    this.dirty.add(shard);
  }

  /** Forget files that are no longer among the sources. */
  retain(paths: ReadonlySet<string>): void {
    this.shards.forEach((entries, shard) => {
      for (const path of entries.keys()) {
        if (!paths.has(path)) {
          entries.delete(path);
          this.dirty.add(shard);
        }
      }
    });
  }

  save(): void {
    if (this.dirty.size === 0) return;
    mkdirSync(this.folder, { recursive: true });
    // The cache of format 1 was one file beside this folder.
    rmSync(`${this.folder}.json`, { force: true });
    for (const shard of this.dirty) {
      writeFileAtomic(this.shardFile(shard), JSON.stringify({ format: CACHE_FORMAT, entries: [...this.shards[shard]!] }));
    }
    this.dirty.clear();
  }
}

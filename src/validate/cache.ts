/**
 * What validation found in each file, kept between runs: a file whose
 * bytes, schema, configuration and toolchain version are unchanged is not
 * given to libxml2 or parsed again. The edition rules, which look across
 * files, always run afresh on the summaries.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileSummary } from '../edition/files.js';

/** Bump when the shape of what is cached, or what the checks find, changes. */
const CACHE_FORMAT = 1;

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

export class ValidationCache {
  private entries = new Map<string, CachedFile>();
  private dirty = false;

  constructor(private readonly file: string) {
    if (!existsSync(file)) return;
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { format: number; entries: Array<[string, CachedFile]> };
      if (raw.format === CACHE_FORMAT) this.entries = new Map(raw.entries);
    } catch {
      // A damaged cache is ignored and rewritten.
    }
  }

  static forSource(cacheFolder: string, source: string): ValidationCache {
    return new ValidationCache(join(cacheFolder, 'validation', `${hashText(source).slice(0, 16)}.json`));
  }

  get(path: string, key: string): CachedFile | undefined {
    const entry = this.entries.get(path);
    return entry && entry.key === key ? entry : undefined;
  }

  set(path: string, entry: CachedFile): void {
    this.entries.set(path, entry);
    this.dirty = true;
  }

  /** Forget files that are no longer among the sources. */
  retain(paths: ReadonlySet<string>): void {
    for (const path of this.entries.keys()) {
      if (!paths.has(path)) {
        this.entries.delete(path);
        this.dirty = true;
      }
    }
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const partial = `${this.file}.tmp-${process.pid}`;
    writeFileSync(partial, JSON.stringify({ format: CACHE_FORMAT, entries: [...this.entries] }));
    renameSync(partial, this.file);
    this.dirty = false;
  }
}

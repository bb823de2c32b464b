/**
 * The documents' summaries (xslt/common/summary.xsl) kept from the last
 * build, beside its manifest in the build cache: what each document
 * contributes to the edition-wide outputs. An unchanged document's summary
 * is taken from here, keyed like the document's outputs, so the
 * edition-wide outputs are made again without reading unchanged letters.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const SUMMARIES_FORMAT = 1;

export interface KeptSummary {
  /** The key of the document's outputs (its manifest group) when the summary was made. */
  key: string;
  summary: string;
}

/** The file beside the manifest. */
export function summariesPath(manifestFile: string): string {
  return manifestFile.replace(/\.json$/, '.summaries.json');
}

export function readSummaries(path: string): Map<string, KeptSummary> {
  if (!existsSync(path)) return new Map();
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { format: number; documents: Record<string, KeptSummary> };
    return raw.format === SUMMARIES_FORMAT ? new Map(Object.entries(raw.documents)) : new Map();
  } catch {
    return new Map();
  }
}

export function writeSummaries(path: string, summaries: ReadonlyMap<string, KeptSummary>): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.tmp-${process.pid}`;
  writeFileSync(partial, JSON.stringify({ format: SUMMARIES_FORMAT, documents: Object.fromEntries(summaries) }));
  renameSync(partial, path);
}

/**
 * Acknowledged findings: known defects of the source that the editor has
 * decided to keep (and show) rather than fix. They are listed in a JSON
 * file beside the configuration (`edition.acknowledged.json` unless
 * `acknowledged` in edition.config.json names another):
 *
 *   { "acknowledged": [ { "file": "tei/doc068.xml", "rule": "note-number-gap",
 *       "message": "Note 3 is missing: the notes go from 2 to 4",
 *       "reason": "The printed collection has no note 3." } ] }
 *
 * A finding is acknowledged when its file (relative to the configuration's
 * folder, with /), rule and message are those of an entry; the line is not
 * compared, so editing elsewhere in the file keeps it acknowledged, while a
 * new finding (another message) is shown. Only warnings can be
 * acknowledged: an error stops the build and must be fixed, or its rule
 * set to "warning" in the configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../diagnostics/diagnostic.js';

export interface Acknowledgement {
  file: string;
  rule: string;
  message: string;
  reason?: string;
}

export const ACKNOWLEDGED_FILE = 'edition.acknowledged.json';

/** The entries of an acknowledgements file; none when there is no file. */
export function loadAcknowledgements(path: string | undefined): Acknowledgement[] {
  if (path === undefined || !existsSync(path)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const list = (raw as { acknowledged?: unknown } | null)?.acknowledged;
  if (!Array.isArray(list)) throw new UsageError(`${path}: expected {"acknowledged": [ {file, rule, message, reason}, … ]}`);
  return list.map((entry: unknown, i) => {
    const e = entry as Partial<Acknowledgement> | null;
    if (!e || typeof e.file !== 'string' || typeof e.rule !== 'string' || typeof e.message !== 'string') {
      throw new UsageError(`${path}: acknowledged[${i}] needs "file", "rule" and "message" (strings)`);
    }
    return { file: e.file, rule: e.rule, message: e.message, ...(typeof e.reason === 'string' ? { reason: e.reason } : {}) };
  });
}

const keyOf = (file: string, rule: string, message: string): string => `${file}\u0000${rule}\u0000${message}`;

/** The diagnostics with the warnings the acknowledgements name marked (as copies: cached findings stay unmarked). */
export function markAcknowledged(diagnostics: readonly Diagnostic[], acknowledgements: readonly Acknowledgement[], root: string): Diagnostic[] {
  if (acknowledgements.length === 0) return [...diagnostics];
  const known = new Set(acknowledgements.map((a) => keyOf(a.file.replace(/^\.\//, ''), a.rule, a.message)));
  return diagnostics.map((d) => {
    if (d.severity !== 'warning') return d;
    const file = relative(root, d.file).split(sep).join('/');
    return known.has(keyOf(file, d.rule, d.message)) ? { ...d, acknowledged: true } : d;
  });
}

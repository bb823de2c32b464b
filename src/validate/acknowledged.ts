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
  /** Where the entry begins in the acknowledgements file (its `{`), when read from one. */
  line?: number;
  column?: number;
}

/** The rule id of an acknowledgement that matches no finding (a fixed defect, a changed message). */
export const ACKNOWLEDGEMENT_UNUSED = 'acknowledgement-unused';

/**
 * Line and column (code points, 1-based) of each element of the array
 * that the key `key` of the top-level object holds, in a JSON text that
 * JSON.parse has accepted.
 */
function arrayElementPositions(text: string, key: string): Array<{ line: number; column: number }> {
  const positions: Array<{ line: number; column: number }> = [];
  let line = 1;
  let column = 1;
  let depth = 0;
  /** Depth of the array of `key` when inside it. */
  let arrayDepth = -1;
  let lastString = '';
  let expectElement = false;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '"') {
      const startLine = line;
      const startColumn = column;
      let value = '';
      column++;
      for (i++; i < chars.length && chars[i] !== '"'; i++) {
        if (chars[i] === '\\') {
          value += chars[i + 1] ?? '';
          i++;
          column++;
        } else value += chars[i];
        column++;
      }
      column++;
      if (expectElement && depth === arrayDepth) {
        positions.push({ line: startLine, column: startColumn });
        expectElement = false;
      }
      lastString = value;
      continue;
    }
    if (c === '\n') {
      line++;
      column = 1;
      continue;
    }
    if (!/\s/.test(c)) {
      if (c === '{' || c === '[') {
        if (expectElement && depth === arrayDepth) {
          positions.push({ line, column });
          expectElement = false;
        }
        depth++;
        if (c === '[' && depth === 2 && lastString === key && arrayDepth < 0) {
          arrayDepth = depth;
          expectElement = true;
        }
      } else if (c === '}' || c === ']') {
        if (depth === arrayDepth && c === ']') arrayDepth = -2;
        depth--;
      } else if (c === ',') {
        if (depth === arrayDepth) expectElement = true;
      } else if (c !== ':' && expectElement && depth === arrayDepth) {
        positions.push({ line, column });
        expectElement = false;
      }
    }
    column++;
  }
  return positions;
}

export const ACKNOWLEDGED_FILE = 'edition.acknowledged.json';

/** The entries of an acknowledgements file; none when there is no file. */
export function loadAcknowledgements(path: string | undefined): Acknowledgement[] {
  if (path === undefined || !existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const list = (raw as { acknowledged?: unknown } | null)?.acknowledged;
  if (!Array.isArray(list)) throw new UsageError(`${path}: expected {"acknowledged": [ {file, rule, message, reason}, … ]}`);
  const positions = arrayElementPositions(text, 'acknowledged');
  return list.map((entry: unknown, i) => {
    const e = entry as Partial<Acknowledgement> | null;
    if (!e || typeof e.file !== 'string' || typeof e.rule !== 'string' || typeof e.message !== 'string') {
      throw new UsageError(`${path}: acknowledged[${i}] needs "file", "rule" and "message" (strings)`);
    }
    return { file: e.file, rule: e.rule, message: e.message, ...(typeof e.reason === 'string' ? { reason: e.reason } : {}), ...(positions[i] ?? {}) };
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

/**
 * The acknowledgements that match no finding, as warnings located in the
 * acknowledgements file: a defect fixed (or its message changed) must not
 * stay acknowledged for ever. `checked`: the files whose findings were
 * looked at (relative to `root`, with /), the readable ones only: an entry
 * about a file not checked this time, or one that could not be read (its
 * findings unknown), says nothing and is not reported.
 */
export function unusedAcknowledgements(
  diagnostics: readonly Diagnostic[],
  acknowledgements: readonly Acknowledgement[],
  options: { root: string; path: string; checked: ReadonlySet<string>; unreadable: ReadonlySet<string>; all: boolean },
): Diagnostic[] {
  const found = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    const key = keyOf(relative(options.root, d.file).split(sep).join('/'), d.rule, d.message);
    if (!found.has(key) || d.severity === 'warning') found.set(key, d);
  }
  const unused: Diagnostic[] = [];
  for (const a of acknowledgements) {
    const file = a.file.replace(/^\.\//, '');
    const match = found.get(keyOf(file, a.rule, a.message));
    if (match?.severity === 'warning' || options.unreadable.has(file)) continue;
    const entry = `The acknowledgement of ${a.rule} in ${file} ("${a.message}")`;
    let message: string;
    if (match) message = `${entry} names an error, and only warnings can be acknowledged: fix the error (or set its rule to "warning" in the configuration) and remove the entry`;
    else if (options.checked.has(file)) message = `${entry} matches no finding: the defect is fixed or its message has changed; remove the entry, or copy the new message from edition validate --format json`;
    else if (options.all) message = `${entry} matches no finding: there is no file ${file} among the sources; remove the entry, or correct its "file"`;
    else continue;
    unused.push({ file: options.path, line: a.line ?? 1, column: a.column ?? 1, severity: 'warning', rule: ACKNOWLEDGEMENT_UNUSED, source: 'edition', message });
  }
  return unused;
}

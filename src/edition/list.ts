/** The documents of an edition as a list: what `edition list` shows. */
import type { Correspondent } from './files.js';
import type { ValidationResult } from '../validate/index.js';
import { compareCollectionOrder } from '../site/plan.js';

export interface DocumentListEntry {
  file: string;
  n: string | null;
  title: string;
  date: string | null;
  /** Every sender's name (its @ref when the name is empty), as the index names them. */
  sender: string[];
  /** Every recipient's name, the same way. */
  recipient: string[];
  notes: number;
  /** Warnings `edition validate` shows (acknowledged ones not counted here). */
  warnings: number;
  /** Warnings acknowledged in edition.acknowledged.json: counted apart, as `edition validate` does. */
  acknowledged: number;
  errors: number;
  /**
   * false for a file that could not be read as XML (not well-formed,
   * invalid bytes, a refused DOCTYPE): its kind, number and letter are
   * unknown, so it is listed by its name with its errors, never left out.
   */
  readable: boolean;
}

function names(correspondents: readonly Correspondent[] | undefined): string[] {
  return (correspondents ?? []).map((c) => c.name || c.ref || '').filter((name) => name !== '');
}

export function listDocuments(result: ValidationResult): DocumentListEntry[] {
  const acknowledged = new Map<string, number>();
  for (const d of result.diagnostics) if (d.acknowledged) acknowledged.set(d.file, (acknowledged.get(d.file) ?? 0) + 1);
  return result.files
    .filter((f) => f.summary === undefined || f.summary.kind === 'document')
    .map((f) => {
      const letter = f.summary?.letter;
      const ack = acknowledged.get(f.file) ?? 0;
      return {
        file: f.name,
        n: f.summary?.n ?? null,
        title: letter?.title ?? '',
        date: letter?.date ?? null,
        sender: names(letter?.senders),
        recipient: names(letter?.recipients),
        notes: letter?.notes ?? 0,
        warnings: f.warnings - ack,
        acknowledged: ack,
        errors: f.errors,
        readable: f.summary !== undefined,
      };
    })
    // In the site's order (the index, prev/next): by number, then by date of sending, then by file name.
    .sort((a, b) => compareCollectionOrder({ n: a.n ?? undefined, date: a.date ?? undefined, name: a.file }, { n: b.n ?? undefined, date: b.date ?? undefined, name: b.file }));
}

/** Several names in one cell: separated by semicolons, since a name may hold a comma ('Schnitzler, Arthur'). */
const cell = (names: readonly string[]): string => (names.length > 0 ? names.join('; ') : '–');

/** A plain table, columns padded to their widest cell. */
export function formatDocumentTable(entries: readonly DocumentListEntry[]): string {
  const header = ['No.', 'Date', 'Sender', 'Recipient', 'Notes', 'Errors', 'Warnings', 'File'];
  const rows = entries.map((e) =>
    e.readable
      ? [e.n ?? '–', e.date ?? '–', cell(e.sender), cell(e.recipient), String(e.notes), String(e.errors), warningsCell(e), e.file]
      : ['–', '–', 'not readable (edition validate shows why)', '–', '–', String(e.errors), warningsCell(e), e.file],
  );
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** `0`, or `0 (+2 acknowledged)`: acknowledged warnings apart, as `edition validate` counts them. */
function warningsCell(e: DocumentListEntry): string {
  return e.acknowledged > 0 ? `${e.warnings} (+${e.acknowledged} acknowledged)` : String(e.warnings);
}

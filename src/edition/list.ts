/** The documents of an edition as a list: what `edition list` shows. */
import type { Correspondent } from './files.js';
import type { ValidationResult } from '../validate/index.js';

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
  warnings: number;
  errors: number;
}

function names(correspondents: readonly Correspondent[] | undefined): string[] {
  return (correspondents ?? []).map((c) => c.name || c.ref || '').filter((name) => name !== '');
}

function collectionKey(n: string | null): number {
  const number = Number.parseInt(n ?? '', 10);
  return Number.isNaN(number) ? Number.POSITIVE_INFINITY : number;
}

export function listDocuments(result: ValidationResult): DocumentListEntry[] {
  return result.files
    .filter((f) => f.summary?.kind === 'document')
    .map((f) => {
      const letter = f.summary!.letter;
      return {
        file: f.name,
        n: f.summary!.n ?? null,
        title: letter?.title ?? '',
        date: letter?.date ?? null,
        sender: names(letter?.senders),
        recipient: names(letter?.recipients),
        notes: letter?.notes ?? 0,
        warnings: f.warnings,
        errors: f.errors,
      };
    })
    .sort((a, b) => collectionKey(a.n) - collectionKey(b.n) || a.file.localeCompare(b.file));
}

/** Several names in one cell: separated by semicolons, since a name may hold a comma ('Schnitzler, Arthur'). */
const cell = (names: readonly string[]): string => (names.length > 0 ? names.join('; ') : '–');

/** A plain table, columns padded to their widest cell. */
export function formatDocumentTable(entries: readonly DocumentListEntry[]): string {
  const header = ['No.', 'Date', 'Sender', 'Recipient', 'Notes', 'Warnings', 'File'];
  const rows = entries.map((e) => [e.n ?? '–', e.date ?? '–', cell(e.sender), cell(e.recipient), String(e.notes), String(e.warnings), e.file]);
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

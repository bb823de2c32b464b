import type { FileRule, Finding } from './rule.js';
import { at } from './rule.js';
import { detachedNotes, noteNumber } from './notes.js';
import { letter, withRegisters } from './examples.js';

/**
 * Notes of one series (the compilers' 1, 2, 3 …; the edition's e1, e2 …)
 * are numbered from 1 without gaps. A gap is usually a lost note, so it is
 * reported where the series resumes; a note that stands out of its place
 * (1, 2, 4, 3) is one message, "out of order", not also a gap.
 */
export const noteNumberGap: FileRule = {
  id: 'note-number-gap',
  kind: 'file',
  scope: 'edition',
  severity: 'warning',
  doc: {
    summary: 'The notes of each series in a document are numbered 1, 2, 3 … without gaps.',
    failing: withRegisters({
      'doc001.xml': letter({
        body: '<p>A<anchor n="1" xml:id="doc001-a1"/> B<anchor n="3" xml:id="doc001-a3"/></p>',
        back:
          '<div type="notes"><note n="1" target="#doc001-a1"><p>One.</p></note><note n="3" target="#doc001-a3"><p>Three.</p></note></div>',
      }),
    }),
    message: 'Note 2 is missing: the notes go from 1 to 3',
    passing: withRegisters({
      'doc001.xml': letter({
        body: '<p>A<anchor n="1" xml:id="doc001-a1"/> B<anchor n="2" xml:id="doc001-a2"/></p>',
        back:
          '<div type="notes"><note n="1" target="#doc001-a1"><p>One.</p></note><note n="2" target="#doc001-a2"><p>Two.</p></note></div>',
      }),
    }),
  },
  check({ root, summary }) {
    if (summary.kind !== 'document') return [];
    const findings: Finding[] = [];
    const last = new Map<string, number>();
    const notes = detachedNotes(root).flatMap((note) => {
      const number = noteNumber(note.attributes['n']);
      return number ? [{ note, number }] : [];
    });
    // A number given anywhere in its series is not missing: a note out of its place gets one message, "out of order".
    const present = new Set(notes.map(({ number }) => `${number.series}${number.number}`));
    for (const { note, number } of notes) {
      const previous = last.get(number.series) ?? 0;
      const missing = Array.from({ length: Math.max(0, number.number - previous - 1) }, (_, i) => `${number.series}${previous + 1 + i}`).filter((n) => !present.has(n));
      if (missing.length > 0) {
        const what = missing.length === 1 ? `Note ${missing[0]} is missing` : `Notes ${missing.join(', ')} are missing`;
        const from = previous === 0 ? 'start at' : `go from ${number.series}${previous} to`;
        findings.push(at(summary.file, note, `${what}: the notes ${from} ${number.series}${number.number}`));
      } else if (number.number <= previous) {
        findings.push(at(summary.file, note, `Note ${note.attributes['n']} is out of order: it follows note ${number.series}${previous}`));
      }
      last.set(number.series, Math.max(previous, number.number));
    }
    return findings;
  },
};

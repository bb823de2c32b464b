import type { FileRule, Finding } from './rule.js';
import { at } from './rule.js';
import { detachedNotes, noteLabel } from './notes.js';
import { anchoredNoteLetter, letter, withRegisters } from './examples.js';

/**
 * A note kept at the back with no @target has no place in the text. The
 * source of this edition has one (note 5 of No. 68), so this is a warning:
 * the edition shows the defect rather than hiding it.
 */
export const noteWithoutAnchor: FileRule = {
  id: 'note-without-anchor',
  kind: 'file',
  scope: 'edition',
  severity: 'warning',
  doc: {
    summary: 'Every note at the back of a document points at its place in the text with @target.',
    failing: withRegisters({
      'doc001.xml': letter({ back: '<div type="notes"><note n="1" xml:id="doc001-n1"><p>A note.</p></note></div>' }),
    }),
    message: 'Note 1 has no anchor in the text (no @target)',
    passing: withRegisters({ 'doc001.xml': anchoredNoteLetter }),
  },
  check({ root, summary }) {
    if (summary.kind !== 'document') return [];
    const findings: Finding[] = [];
    for (const note of detachedNotes(root)) {
      if ((note.attributes['target'] ?? '').trim() === '') {
        findings.push(at(summary.file, note, `${noteLabel(note)} has no anchor in the text (no @target)`));
      }
    }
    return findings;
  },
};

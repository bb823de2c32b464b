import type { FileRule, Finding } from './rule.js';
import { at } from './rule.js';
import { descendantsNamed } from '../parse/tree.js';
import { anchoredNoteLetter, letter, withRegisters } from './examples.js';

/** An anchor in the text that no note points at: the reader finds a number that leads nowhere. */
export const anchorWithoutNote: FileRule = {
  id: 'anchor-without-note',
  kind: 'file',
  scope: 'edition',
  severity: 'error',
  doc: {
    summary: 'Every anchor in a document is the @target of some note.',
    failing: withRegisters({
      'doc001.xml': letter({
        body: '<p>Text<anchor type="note" n="1" xml:id="doc001-a1"/>.</p>',
        back: '<div type="notes"><note n="1" xml:id="doc001-n1"><p>A note.</p></note></div>',
      }),
    }),
    message: 'Anchor 1 ("doc001-a1") has no note: no note/@target points at it',
    passing: withRegisters({ 'doc001.xml': anchoredNoteLetter }),
  },
  check({ root, summary }) {
    if (summary.kind !== 'document') return [];
    const targeted = new Set<string>();
    for (const note of descendantsNamed(root, 'note')) {
      for (const t of (note.attributes['target'] ?? '').split(/\s+/)) if (t.startsWith('#')) targeted.add(t.slice(1));
    }
    const findings: Finding[] = [];
    for (const anchor of descendantsNamed(root, 'anchor')) {
      const id = anchor.attributes['xml:id'];
      if (id !== undefined && targeted.has(id)) continue;
      const label = anchor.attributes['n'] ? `Anchor ${anchor.attributes['n']}` : 'An anchor';
      findings.push(at(summary.file, anchor, `${label}${id ? ` ("${id}")` : ''} has no note: no note/@target points at it`));
    }
    return findings;
  },
};

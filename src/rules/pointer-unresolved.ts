import type { EditionRule, Finding } from './rule.js';
import { at } from './rule.js';
import type { FileSummary, Pointer } from '../edition/files.js';
import { splitPointer } from '../edition/files.js';
import { letter, withRegisters } from './examples.js';
import { didYouMean } from './suggest.js';

/** The id a same-document pointer (`#id`) names, or undefined for any other pointer. */
function localFragment(p: Pointer): string | undefined {
  const parts = splitPointer(p.value);
  return parts && parts.file === undefined ? parts.fragment : undefined;
}

/**
 * A `#id` pointer names an element. This is one of the generic checks, run
 * for any TEI folder. In this edition the element must be in the pointer's
 * own document. In a foreign folder, where it is common practice to point
 * with `#id` into a register file (`ref="#pmb2121"` into listperson.xml),
 * it may be in any file given, and an id found nowhere is reported once,
 * at its first use, with how often and in how many files it is used.
 */
export const pointerUnresolved: EditionRule = {
  id: 'pointer-unresolved',
  kind: 'edition',
  scope: 'generic',
  severity: 'error',
  doc: {
    summary: 'Every `#x` pointer (@target="#x", @hand="#x", …) names an xml:id: of its own document in this edition, of any file given in a foreign folder.',
    failing: withRegisters({ 'doc001.xml': letter({ body: '<p><ref target="#nowhere">see</ref></p>' }) }),
    message: '@target="#nowhere" does not resolve: this document has no xml:id "nowhere"',
    passing: withRegisters({ 'doc001.xml': letter({ body: '<p xml:id="here"><ref target="#here">see</ref></p>' }) }),
  },
  check({ files, config, skipped }) {
    if (config.editionRules) return withinEachDocument(files);
    // A file that could not be read may hold the ids: no verdict across the folder then.
    return skipped && skipped.size > 0 ? [] : acrossTheFolder(files);
  },
};

function withinEachDocument(files: readonly FileSummary[]): Finding[] {
  const findings: Finding[] = [];
  for (const summary of files) {
    const ids = new Set(summary.ids.map((d) => d.id));
    for (const p of summary.pointers) {
      const id = localFragment(p);
      if (id !== undefined && !ids.has(id)) {
        const hint = didYouMean(id, summary.ids.map((d) => ({ id: d.id })));
        findings.push(at(summary.file, p, `@${p.attribute}="${p.value}" does not resolve: this document has no xml:id "${id}"${hint}`));
      }
    }
  }
  return findings;
}

function acrossTheFolder(files: readonly FileSummary[]): Finding[] {
  const everywhere = new Set(files.flatMap((f) => f.ids.map((d) => d.id)));
  const missing = new Map<string, { first: Finding; attribute: string; uses: number; files: Set<string> }>();
  for (const summary of files) {
    for (const p of summary.pointers) {
      const id = localFragment(p);
      if (id === undefined || everywhere.has(id)) continue;
      const seen = missing.get(id);
      if (seen) {
        seen.uses++;
        seen.files.add(summary.file);
      } else {
        missing.set(id, { first: at(summary.file, p, ''), attribute: p.attribute, uses: 1, files: new Set([summary.file]) });
      }
    }
  }
  return [...missing].map(([id, m]) => {
    const where = m.uses === 1 ? 'used once' : `used ${m.uses} times in ${m.files.size === 1 ? 'this file' : `${m.files.size} files`}`;
    return { ...m.first, message: `#${id} does not resolve: no file of the folder has xml:id "${id}" (@${m.attribute} here; ${where})` };
  });
}

import type { FileRule, Finding } from './rule.js';
import { at } from './rule.js';
import { splitPointer } from '../edition/files.js';
import { letter, withRegisters } from './examples.js';

/**
 * A pointer within a document (`#id`) names an element of that document.
 * This is one of the generic checks, run for any TEI folder.
 */
export const pointerUnresolved: FileRule = {
  id: 'pointer-unresolved',
  kind: 'file',
  scope: 'generic',
  severity: 'error',
  doc: {
    summary: 'Every same-document pointer (@target="#x", @hand="#x", …) names an xml:id of that document.',
    failing: withRegisters({ 'doc001.xml': letter({ body: '<p><ref target="#nowhere">see</ref></p>' }) }),
    message: '@target="#nowhere" does not resolve: this document has no xml:id "nowhere"',
    passing: withRegisters({ 'doc001.xml': letter({ body: '<p xml:id="here"><ref target="#here">see</ref></p>' }) }),
  },
  check({ summary }) {
    const ids = new Set(summary.ids.map((d) => d.id));
    const findings: Finding[] = [];
    for (const p of summary.pointers) {
      const parts = splitPointer(p.value);
      if (!parts || parts.file !== undefined || parts.fragment === undefined) continue;
      if (!ids.has(parts.fragment)) {
        findings.push(at(summary.file, p, `@${p.attribute}="${p.value}" does not resolve: this document has no xml:id "${parts.fragment}"`));
      }
    }
    return findings;
  },
};

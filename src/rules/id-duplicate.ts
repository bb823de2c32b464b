import type { EditionRule, Finding } from './rule.js';
import { at } from './rule.js';
import { letter, withRegisters } from './examples.js';

/** xml:id values are unique across the whole edition, so cross-file pointers are unambiguous. */
export const idDuplicate: EditionRule = {
  id: 'id-duplicate',
  kind: 'edition',
  scope: 'edition',
  severity: 'error',
  doc: {
    summary: 'No xml:id is used twice anywhere in the edition.',
    failing: withRegisters({ 'doc001.xml': letter({ body: '<p xml:id="p1">One.</p><p xml:id="p1">Two.</p>' }) }),
    message: 'xml:id "p1" is already used by <p> at doc001.xml:8',
    passing: withRegisters({ 'doc001.xml': letter({ body: '<p xml:id="p1">One.</p><p xml:id="p2">Two.</p>' }) }),
  },
  check({ files }) {
    const first = new Map<string, { name: string; line: number; element: string }>();
    const findings: Finding[] = [];
    for (const f of files) {
      for (const d of f.ids) {
        const seen = first.get(d.id);
        if (seen) {
          findings.push(at(f.file, d, `xml:id "${d.id}" is already used by <${seen.element}> at ${seen.name}:${seen.line}`));
        } else first.set(d.id, { name: f.name, line: d.line, element: d.element });
      }
    }
    return findings;
  },
};

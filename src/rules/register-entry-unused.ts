import type { EditionRule, Finding } from './rule.js';
import { at } from './rule.js';
import { splitPointer } from '../edition/files.js';
import { letter, register } from './examples.js';

const entryElements = new Set(['person', 'place', 'org', 'personGrp']);

/** A register entry nothing points at is dead weight, or a sign of a misspelt @ref. */
export const registerEntryUnused: EditionRule = {
  id: 'register-entry-unused',
  kind: 'edition',
  scope: 'edition',
  severity: 'warning',
  doc: {
    summary: 'Every entry of a register is referred to from some other file of the edition.',
    failing: {
      'persons.xml': register('listPerson', '<person xml:id="trotsky"><persName>Trotsky</persName></person><person xml:id="stalin"><persName>Stalin</persName></person><person xml:id="smilga"><persName>Smilga</persName></person>'),
      'doc001.xml': letter(),
    },
    message: 'The register entry "smilga" is not referred to anywhere in the edition',
    passing: {
      'persons.xml': register('listPerson', '<person xml:id="trotsky"><persName>Trotsky</persName></person><person xml:id="stalin"><persName>Stalin</persName></person><person xml:id="smilga"><persName>Smilga</persName></person>'),
      'doc001.xml': letter({ body: '<p><persName ref="persons.xml#smilga">Smilga</persName></p>' }),
    },
  },
  check({ files, skipped }) {
    // A file that could not be read may be the one that refers to an entry.
    if (skipped && skipped.size > 0) return [];
    const used = new Set<string>();
    for (const f of files) {
      for (const p of f.pointers) {
        const parts = splitPointer(p.value);
        if (!parts || parts.fragment === undefined) continue;
        used.add(`${parts.file ?? f.name}#${parts.fragment}`);
      }
    }
    const findings: Finding[] = [];
    for (const f of files) {
      if (f.kind !== 'register') continue;
      for (const d of f.ids) {
        if (!entryElements.has(d.element)) continue;
        if (!used.has(`${f.name}#${d.id}`)) findings.push(at(f.file, d, `The register entry "${d.id}" is not referred to anywhere in the edition`));
      }
    }
    return findings;
  },
};

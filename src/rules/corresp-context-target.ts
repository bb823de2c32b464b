import type { EditionRule, Finding } from './rule.js';
import { at } from './rule.js';
import { splitPointer } from '../edition/files.js';
import { letter, withRegisters, completeCorrespDesc } from './examples.js';

const contextOf = (target: string): string =>
  completeCorrespDesc.replace(
    '</correspDesc>',
    `<correspContext><ref type="next" target="${target}">Reply</ref></correspContext></correspDesc>`,
  );

/**
 * correspContext relates a letter to others: each target names a document
 * of the edition (and, with a fragment, an element in it). Collected as
 * pointers with the element they stand on, since correspContext holds ref
 * and ptr.
 */
export const correspContextTarget: EditionRule = {
  id: 'corresp-context-target',
  kind: 'edition',
  // Generic: in a foreign folder a related letter not in the folder is shown as text, and this says so.
  scope: 'generic',
  severity: 'error',
  doc: {
    summary: 'Every @target in a correspContext names a document (or an element of one) that exists in the edition.',
    failing: withRegisters({
      'doc001.xml': letter({ correspDesc: contextOf('doc002.xml') }),
    }),
    message: 'correspContext points at "doc002.xml", but the edition has no file doc002.xml',
    passing: withRegisters({
      'doc001.xml': letter({ correspDesc: contextOf('doc002.xml') }),
      'doc002.xml': letter({ id: 'doc002', n: '2' }),
    }),
  },
  check({ files, skipped }) {
    const byName = new Map(files.map((f) => [f.name, f]));
    const findings: Finding[] = [];
    for (const f of files) {
      for (const p of f.pointers) {
        if (!p.inCorrespContext || p.attribute !== 'target') continue;
        const parts = splitPointer(p.value);
        if (!parts) continue;
        // A bare name ('L00016', as some editions write it) names the file of that name with .xml.
        const targetFile = parts.file === undefined ? f : (byName.get(parts.file) ?? byName.get(`${parts.file}.xml`));
        if (!targetFile && parts.file !== undefined && (skipped?.has(parts.file) || skipped?.has(`${parts.file}.xml`))) continue; // not well-formed: its own error says so
        if (!targetFile) {
          findings.push(at(f.file, p, `correspContext points at "${p.value}", but the edition has no file ${parts.file}`));
        } else if (targetFile.kind !== 'document') {
          findings.push(at(f.file, p, `correspContext points at "${p.value}", which is a ${targetFile.kind}, not a document`));
        } else if (parts.fragment !== undefined && !targetFile.ids.some((d) => d.id === parts.fragment)) {
          findings.push(at(f.file, p, `correspContext points at "${p.value}", but ${targetFile.name} has no xml:id "${parts.fragment}"`));
        }
      }
    }
    return findings;
  },
};

import type { EditionRule, Finding } from './rule.js';
import { at } from './rule.js';
import { splitPointer } from '../edition/files.js';
import type { Pointer } from '../edition/files.js';
import { letter, withRegisters, completeCorrespDesc } from './examples.js';

const contextOf = (target: string): string =>
  completeCorrespDesc.replace(
    '</correspDesc>',
    `<correspContext><ref type="next" target="${target}">Reply</ref></correspContext></correspDesc>`,
  );

/**
 * correspContext relates a letter to others, and a `ref type="letter"` in
 * the text or the notes refers to one, as does an empty `ref` whose target is
 * a bare name (`<ref target="L00237"/>`, which the page reads as that
 * document's title or date): each target names a document of the
 * edition (and, with a fragment, an element in it); an empty ref may
 * also name the header or a register (`edition.xml`, `persons.xml#x`),
 * which the page links. A target missing from
 * the edition is reported once, at its first use, with the count of its
 * uses (in a foreign folder, a related letter outside the folder is shown
 * as text).
 */
export const correspContextTarget: EditionRule = {
  id: 'corresp-context-target',
  kind: 'edition',
  // Generic: in a foreign folder a related letter not in the folder is shown as text, and this says so.
  scope: 'generic',
  severity: 'error',
  doc: {
    summary: 'Every @target in a correspContext, of every ref type="letter" and of every empty ref with a bare name (<ref target="L00237"/>), names a document (or an element of one) that exists in the edition (an empty ref may also name the header or a register); a missing one is reported once, with its count of uses.',
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
    // A file missing from the edition: one finding at its first use, with the count of the others.
    const missing = new Map<string, { file: string; pointer: Pointer; what: string; uses: number; files: Set<string> }>();
    for (const f of files) {
      for (const p of f.pointers) {
        if (p.attribute !== 'target' || !(p.inCorrespContext || p.letterRef || p.emptyRef)) continue;
        const what = p.inCorrespContext ? 'correspContext' : p.letterRef ? 'A letter reference' : 'An empty ref';
        const parts = splitPointer(p.value);
        if (!parts) continue;
        // A bare name ('L00016', as some editions write it) names the file of that name with .xml.
        const targetFile = parts.file === undefined ? f : (byName.get(parts.file) ?? byName.get(`${parts.file}.xml`));
        if (!targetFile && parts.file !== undefined && (skipped?.has(parts.file) || skipped?.has(`${parts.file}.xml`))) continue; // not well-formed: its own error says so
        if (!targetFile) {
          const key = `${what}\0${p.value}`;
          const seen = missing.get(key);
          if (seen) {
            seen.uses++;
            seen.files.add(f.file);
          } else missing.set(key, { file: f.file, pointer: p, what, uses: 1, files: new Set([f.file]) });
        } else if (targetFile.kind !== 'document' && p.emptyRef) {
          // An empty ref to the header or a register (<ref target="edition.xml"/>, "persons.xml#x") is a link
          // the page makes (f:site-href: about.html, the entry's page), not a letter reference: nothing to say.
          continue;
        } else if (targetFile.kind !== 'document') {
          findings.push(at(f.file, p, `${what} points at "${p.value}", which is a ${targetFile.kind}, not a document`));
        } else if (parts.fragment !== undefined && !targetFile.ids.some((d) => d.id === parts.fragment)) {
          findings.push(at(f.file, p, `${what} points at "${p.value}", but ${targetFile.name} has no xml:id "${parts.fragment}"`));
        }
      }
    }
    for (const m of missing.values()) {
      const parts = splitPointer(m.pointer.value)!;
      const others = m.uses > 1 ? ` (used ${m.uses} times in ${m.files.size} ${m.files.size === 1 ? 'file' : 'files'})` : '';
      findings.push(at(m.file, m.pointer, `${m.what} points at "${m.pointer.value}", but the edition has no file ${parts.file}${others}`));
    }
    return findings;
  },
};

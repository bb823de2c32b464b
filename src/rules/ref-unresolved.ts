import type { EditionRule, Finding } from './rule.js';
import { at } from './rule.js';
import type { FileSummary } from '../edition/files.js';
import { splitPointer } from '../edition/files.js';
import type { Candidate } from './suggest.js';
import { didYouMean } from './suggest.js';
import { letter, withRegisters } from './examples.js';

/** A name's @ref must point at an entry of a register of the edition. */
export const refUnresolved: EditionRule = {
  id: 'ref-unresolved',
  kind: 'edition',
  scope: 'edition',
  severity: 'error',
  doc: {
    summary: 'Every @ref that points into another file of the edition names an entry that exists there.',
    failing: withRegisters({ 'doc001.xml': letter({ body: '<p><persName ref="persons.xml#trotski">Trotsky</persName></p>' }) }),
    message: '@ref "persons.xml#trotski" does not resolve: persons.xml has no entry "trotski" (did you mean trotsky?)',
    passing: withRegisters({ 'doc001.xml': letter({ body: '<p><persName ref="persons.xml#trotsky">Trotsky</persName></p>' }) }),
  },
  check({ files, skipped }) {
    const idsByFile = new Map(files.map((f) => [f.name, new Set(f.ids.map((i) => i.id))]));
    const candidatesOf = new Map<string, Candidate[]>();
    const candidates = (file: FileSummary): Candidate[] => {
      let list = candidatesOf.get(file.name);
      if (!list) {
        // A register's entries with their names; another file's ids.
        list = file.entryAliases
          ? Object.entries(file.entryAliases).map(([id, names]) => ({ id, names }))
          : file.ids.map((d) => ({ id: d.id }));
        candidatesOf.set(file.name, list);
      }
      return list;
    };
    const byName = new Map(files.map((f) => [f.name, f]));
    const findings: Finding[] = [];
    for (const f of files) {
      for (const p of f.pointers) {
        if (p.attribute !== 'ref') continue;
        const parts = splitPointer(p.value);
        if (!parts || parts.file === undefined) continue;
        const target = idsByFile.get(parts.file);
        if (!target && skipped?.has(parts.file)) continue; // not well-formed: its own error says so
        if (!target) {
          findings.push(at(f.file, p, `@ref "${p.value}" does not resolve: the edition has no file ${parts.file}`));
        } else if (parts.fragment === undefined) {
          findings.push(at(f.file, p, `@ref "${p.value}" names a file but no entry; write ${parts.file}#id`));
        } else if (!target.has(parts.fragment)) {
          const hint = didYouMean(parts.fragment, candidates(byName.get(parts.file)!));
          findings.push(at(f.file, p, `@ref "${p.value}" does not resolve: ${parts.file} has no entry "${parts.fragment}"${hint}`));
        }
      }
    }
    return findings;
  },
};

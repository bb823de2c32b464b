import type { EditionRule, Finding } from './rule.js';
import { at } from './rule.js';
import type { EntryDescription, FileSummary } from '../edition/files.js';
import { collectionPlace, compareCollectionOrder } from '../site/plan.js';
import { letter, withRegisters } from './examples.js';

interface Description {
  file: FileSummary;
  entry: EntryDescription;
}

/**
 * The descriptions of every register entry by id, in the order in which
 * the edition-wide pages choose among them (xslt/common/registers.xsl):
 * the registers' first, in file order, then those of the documents' own
 * lists (a letter's back/listPerson, particDesc …), in collection order.
 */
function descriptionsById(files: readonly FileSummary[]): Map<string, Description[]> {
  const registers = files.filter((f) => f.kind === 'register');
  const documents = files.filter((f) => f.kind === 'document').sort((a, b) => compareCollectionOrder(collectionPlace(a), collectionPlace(b)));
  const byId = new Map<string, Description[]>();
  for (const file of [...registers, ...documents]) {
    for (const entry of file.entries) {
      const list = byId.get(entry.id);
      if (list) list.push({ file, entry });
      else byId.set(entry.id, [{ file, entry }]);
    }
  }
  return byId;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * A register entry that several files describe (two registers, or a
 * register and the lists a letter keeps of the persons and places it
 * names, as the Schnitzler letters do) is described the same way in each:
 * the edition-wide pages merge them by id and show one description, the
 * register's, else the first letter's in collection order, so a different
 * one would be lost without a word. Descriptions that differ only in
 * layout (indentation, line breaks, the order of attributes) are the same.
 * Reported once per entry, at the first description that differs from the
 * one the pages show, with that one's place and how many more differ. In
 * this edition any repeated xml:id is an `id-duplicate` error as well.
 */
export const registerEntryConflict: EditionRule = {
  id: 'register-entry-conflict',
  kind: 'edition',
  scope: 'generic',
  severity: 'error',
  doc: {
    summary: 'A register entry described in several files (registers, or the lists a letter keeps of what it names) is described the same way in each, layout aside.',
    failing: withRegisters({
      'doc001.xml': letter({ back: '<listPerson><person xml:id="trotsky"><persName>L. D. Trotsky</persName></person></listPerson>' }),
    }),
    message: '<person xml:id="trotsky"> differs from its description at persons.xml:2:25, which the pages use',
    passing: withRegisters({
      'doc001.xml': letter({ back: '<listPerson>\n  <person xml:id="trotsky">\n    <persName>Trotsky</persName>\n  </person>\n</listPerson>' }),
    }),
  },
  check({ files }) {
    const findings: Finding[] = [];
    for (const [id, descriptions] of descriptionsById(files)) {
      if (descriptions.length < 2) continue;
      const shown = descriptions[0]!;
      const differing = descriptions.filter((d) => d.entry.content !== shown.entry.content);
      const first = differing[0];
      if (!first) continue;
      const more = differing.length - 1;
      const moreFiles = new Set(differing.slice(1).map((d) => d.file.name)).size;
      const andMore = more === 0 ? '' : `; ${count(more, 'more description differs', 'more descriptions differ')} (${count(moreFiles, 'file', 'files')})`;
      const place = `${shown.file.name}:${shown.entry.line}:${shown.entry.column}`;
      findings.push(at(first.file.file, first.entry, `<${first.entry.element} xml:id="${id}"> differs from its description at ${place}, which the pages use${andMore}`));
    }
    return findings;
  },
};

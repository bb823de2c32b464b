import type { FileRule, Finding } from './rule.js';
import { at } from './rule.js';
import type { XmlElement } from '../parse/tree.js';
import { childElements, descendantsNamed, firstChild, localName } from '../parse/tree.js';
import { completeCorrespDesc, letter, withRegisters } from './examples.js';

const correspondentNames = new Set(['persName', 'orgName', 'name', 'rs']);

function hasCorrespondent(action: XmlElement): boolean {
  return childElements(action).some((c) => correspondentNames.has(localName(c.name)));
}

/** Every letter says who sent it and to whom: the heart of correspondence metadata (and of CMIF). */
export const correspondentMissing: FileRule = {
  id: 'correspondent-missing',
  kind: 'file',
  scope: 'edition',
  severity: 'error',
  doc: {
    summary: 'Every document has a correspDesc, and each correspDesc names a sender and a recipient.',
    failing: withRegisters({
      'doc001.xml': letter({
        correspDesc:
          '<correspDesc><correspAction type="sent"><persName ref="persons.xml#trotsky">Trotsky</persName></correspAction></correspDesc>',
      }),
    }),
    message: 'The correspDesc has no recipient: add <correspAction type="received"> with a persName or orgName',
    passing: withRegisters({ 'doc001.xml': letter({ correspDesc: completeCorrespDesc }) }),
  },
  check({ root, summary }) {
    if (summary.kind !== 'document') return [];
    const findings: Finding[] = [];
    const descs = descendantsNamed(root, 'correspDesc');
    if (descs.length === 0) {
      const place = firstChild(root, 'teiHeader') ?? root;
      findings.push(at(summary.file, place, 'The document has no correspDesc: add one to profileDesc with its sender and recipient'));
      return findings;
    }
    for (const desc of descs) {
      const actions = childElements(desc, 'correspAction');
      for (const [type, role] of [['sent', 'sender'], ['received', 'recipient']] as const) {
        const action = actions.find((a) => a.attributes['type'] === type);
        if (!action) {
          findings.push(at(summary.file, desc, `The correspDesc has no ${role}: add <correspAction type="${type}"> with a persName or orgName`));
        } else if (!hasCorrespondent(action)) {
          findings.push(at(summary.file, action, `<correspAction type="${type}"> names no ${role}: add a persName or orgName`));
        }
      }
    }
    return findings;
  },
};

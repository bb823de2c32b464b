import type { FileRule } from './rule.js';
import { at } from './rule.js';
import { childElements, descendantsNamed, firstChild } from '../parse/tree.js';
import { letter, withRegisters } from './examples.js';

/**
 * Every document says where its original is kept: a repository and at
 * least one idno in msDesc/msIdentifier. Without it the edition cannot be
 * checked against the archive.
 */
export const archivalSignatureMissing: FileRule = {
  id: 'archival-signature-missing',
  kind: 'file',
  scope: 'edition',
  severity: 'error',
  doc: {
    summary: 'Every document has msDesc/msIdentifier with a repository and an idno.',
    failing: withRegisters({ 'doc001.xml': letter({ sourceDesc: '<p>Printed in the 1996 collection.</p>' }) }),
    message: 'The document has no archival signature: add sourceDesc/msDesc/msIdentifier with repository and idno',
    passing: withRegisters({ 'doc001.xml': letter() }),
  },
  check({ root, summary }) {
    if (summary.kind !== 'document') return [];
    const identifiers = descendantsNamed(root, 'msIdentifier');
    const complete = identifiers.some(
      (m) => firstChild(m, 'repository') !== undefined && childElements(m, 'idno').some((i) => i.children.length > 0),
    );
    if (complete) return [];
    const place = identifiers[0] ?? descendantsNamed(root, 'sourceDesc')[0] ?? root;
    const message =
      identifiers.length === 0
        ? 'The document has no archival signature: add sourceDesc/msDesc/msIdentifier with repository and idno'
        : 'The archival signature is incomplete: msIdentifier needs a repository and a non-empty idno';
    return [at(summary.file, place, message)];
  },
};

import type { FileRule, Finding } from './rule.js';
import { at } from './rule.js';
import type { XmlElement } from '../parse/tree.js';
import { ancestor, descendants, localName } from '../parse/tree.js';
import { carriesDates, dateAttributes, isSpan, parseIsoDate, yearOf } from './dates.js';
import { letter, withRegisters } from './examples.js';

/**
 * Dates in a document's text and correspondence metadata fall in the
 * edition's range (1912–1927 here). Dates of the edition's own making
 * (publication, revisions) are not checked. A warning: a note may well
 * speak of a later event.
 */
export const dateOutOfRange: FileRule = {
  id: 'date-out-of-range',
  kind: 'file',
  scope: 'edition',
  severity: 'warning',
  doc: {
    summary: "Dates in documents' texts and correspDesc fall within the configured dateRange.",
    failing: withRegisters({ 'doc001.xml': letter({ body: '<p><date when="1902-03-21">March 21, 1902</date></p>' }) }),
    message: '@when="1902-03-21" lies outside the edition\'s range 1912–1927',
    passing: withRegisters({ 'doc001.xml': letter({ body: '<p><date when="1920-03-21">March 21, 1920</date></p>' }) }),
  },
  check({ root, summary, config }) {
    const range = config.dateRange;
    if (!range || summary.kind !== 'document') return [];
    const inScope = (e: XmlElement): boolean => ancestor(e, 'text') !== undefined || ancestor(e, 'correspDesc') !== undefined;
    const findings: Finding[] = [];
    for (const e of descendants(root)) {
      if (!inScope(e) || localName(e.name) === 'change' || !carriesDates(localName(e.name))) continue;
      for (const name of dateAttributes) {
        const value = e.attributes[name];
        if (value === undefined) continue;
        const span = parseIsoDate(value.trim());
        if (!isSpan(span) || span.first === undefined || span.last === undefined) continue;
        if (yearOf(span.last) < range.from || yearOf(span.first) > range.to) {
          findings.push(at(summary.file, e, `@${name}="${value}" lies outside the edition's range ${range.from}–${range.to}`));
        }
      }
    }
    return findings;
  },
};

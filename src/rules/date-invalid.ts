import type { FileRule, Finding } from './rule.js';
import { at } from './rule.js';
import { descendants, localName } from '../parse/tree.js';
import { carriesDates, dateAttributes, isSpan, parseIsoDate } from './dates.js';
import { letter, withRegisters } from './examples.js';

/** Dates are ISO 8601, exist in the calendar, and ranges run forwards. */
export const dateInvalid: FileRule = {
  id: 'date-invalid',
  kind: 'file',
  scope: 'edition',
  severity: 'error',
  doc: {
    summary: 'Every @when, @notBefore, @notAfter, @from and @to is a real ISO 8601 date, and each range runs forwards.',
    failing: withRegisters({ 'doc001.xml': letter({ body: '<p><date when="1920-02-30">30 February</date></p>' }) }),
    message: '@when="1920-02-30" is not a valid date: 1920-02 has no day 30',
    passing: withRegisters({
      'doc001.xml': letter({ body: '<p><date when="1920-02-29">29 February</date>, <bibl><biblScope unit="page" from="4" to="7">P. 4-7</biblScope></bibl></p>' }),
    }),
  },
  check({ root, summary }) {
    const findings: Finding[] = [];
    for (const e of [root, ...descendants(root)]) {
      if (!carriesDates(localName(e.name))) continue;
      const spans: Record<string, { first?: string | undefined; last?: string | undefined }> = {};
      for (const name of dateAttributes) {
        const value = e.attributes[name];
        if (value === undefined) continue;
        const parsed = parseIsoDate(value.trim());
        if (!isSpan(parsed)) findings.push(at(summary.file, e, `@${name}="${value}" is not a valid date: ${parsed.error}`));
        else spans[name] = parsed;
      }
      for (const [start, end] of [['from', 'to'], ['notBefore', 'notAfter']] as const) {
        const a = spans[start]?.first;
        const b = spans[end]?.last;
        if (a !== undefined && b !== undefined && a > b) {
          findings.push(
            at(summary.file, e, `<${localName(e.name)}> runs backwards: @${start}="${e.attributes[start]}" is after @${end}="${e.attributes[end]}"`),
          );
        }
      }
    }
    return findings;
  },
};

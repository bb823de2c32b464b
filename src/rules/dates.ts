/**
 * ISO 8601 values as TEI's att.datable.w3c allows them (xsd:date, gYear,
 * gYearMonth, dateTime, gMonthDay, gMonth, gDay, time), turned into the
 * first and last day they cover so ranges can be compared.
 */
export const dateAttributes = ['when', 'notBefore', 'notAfter', 'from', 'to'] as const;

/**
 * Elements whose @from and @to are not dates: leaves and page ranges
 * (locus, biblScope, citedRange) and spans between pointers (span, app).
 */
const notDated = new Set(['locus', 'locusGrp', 'biblScope', 'citedRange', 'span', 'app', 'lem', 'rdg']);

export function carriesDates(elementName: string): boolean {
  return !notDated.has(elementName);
}

export interface DateSpan {
  /** First day covered, `YYYY-MM-DD`, or undefined when the value has no year. */
  first: string | undefined;
  last: string | undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const timePart = '(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?';
const fullDate = new RegExp(`^(-?\\d{4,})-(\\d{2})-(\\d{2})${timePart}$`);

/** The span of an ISO value, or a reason it is not a valid one. */
export function parseIsoDate(value: string): DateSpan | { error: string } {
  let m: RegExpExecArray | null;
  if ((m = /^(-?\d{4,})$/.exec(value))) {
    const y = m[1]!;
    return { first: `${y}-01-01`, last: `${y}-12-31` };
  }
  if ((m = /^(-?\d{4,})-(\d{2})$/.exec(value))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { error: `month ${m[2]} does not exist` };
    return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(daysIn(year, month))}` };
  }
  if ((m = fullDate.exec(value))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12) return { error: `month ${m[2]} does not exist` };
    if (day < 1 || day > daysIn(year, month)) return { error: `${m[1]}-${m[2]} has no day ${m[3]}` };
    if (m[4] !== undefined && (Number(m[4]) > 24 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) {
      return { error: `the time ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''} does not exist` };
    }
    const d = `${m[1]}-${m[2]}-${m[3]}`;
    return { first: d, last: d };
  }
  if ((m = /^--(\d{2})(?:-(\d{2}))?$/.exec(value)) || (m = /^---(\d{2})$/.exec(value))) {
    return { first: undefined, last: undefined };
  }
  if (/^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) return { first: undefined, last: undefined };
  return { error: 'it is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss)' };
}

export function isSpan(x: DateSpan | { error: string }): x is DateSpan {
  return !('error' in x);
}

export function yearOf(day: string): number {
  return Number.parseInt(day.slice(0, day.indexOf('-', 1)), 10);
}

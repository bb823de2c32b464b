// tei/edition.zip as src/site/zip.ts writes it (fflate): every member as it
// was given, in order, dated by the one moment given, whatever the time zone.
import { describe, expect, test } from 'vitest';
import { createZip } from '../src/site/zip.js';
import { dosDate, readZip } from './helpers/zip.js';

const files = [
  { name: 'b.xml', content: Buffer.from('<TEI>first letter, Троцкий</TEI>\n'.repeat(40)) },
  { name: 'a.xml', content: Buffer.from('<TEI>second</TEI>') },
  { name: 'c.xml', content: Buffer.alloc(0) },
  { name: 'Письмо.xml', content: Buffer.from('<TEI/>') },
];

/** createZip with the process's time zone set to `zone`. */
function zipIn(zone: string, when?: Date): Buffer {
  const before = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return Buffer.from(createZip(files, when));
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
}

describe('createZip', () => {
  test('every member, in the order given, with its bytes, dated by the moment given', () => {
    const records = readZip(Buffer.from(createZip(files, new Date('2001-02-03T04:05:06Z'))));
    expect(records.map((r) => r.name)).toEqual(files.map((f) => f.name));
    for (const [i, r] of records.entries()) {
      expect(r.content.equals(files[i]!.content), r.name).toBe(true);
      expect({ time: r.time, day: r.day }, r.name).toEqual(dosDate('2001-02-03T04:05:06Z'));
    }
  });

  test('without a moment, 1980-01-01; before 1980 (ZIP dates start there), 1980-01-01 too', () => {
    for (const when of [undefined, new Date('1970-01-01T00:00:00Z')]) {
      for (const r of readZip(Buffer.from(createZip(files, when)))) expect({ time: r.time, day: r.day }).toEqual(dosDate('1980-01-01T00:00:00Z'));
    }
  });

  test('the same bytes in every time zone, and again on a second call', () => {
    const when = new Date('2001-02-03T23:30:00Z');
    const utc = zipIn('UTC', when);
    expect(readZip(utc)[0]).toMatchObject(dosDate('2001-02-03T23:30:00Z'));
    for (const zone of ['America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) expect(zipIn(zone, when).equals(utc), zone).toBe(true);
    expect(zipIn('UTC', when).equals(utc)).toBe(true);
  });
});

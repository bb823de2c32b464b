// tei/edition.zip as src/site/zip.ts writes it (fflate): every member as it
// was given, in order, dated by the one moment given, whatever the time zone.
import * as fflate from 'fflate';
import { describe, expect, test, vi } from 'vitest';
import { crc32, createZip } from '../src/site/zip.js';
import { dosDate, readZip } from './helpers/zip.js';

// deflateSync passes through, counted: which members were deflated again.
vi.mock('fflate', async (original) => {
  const real = await original<typeof import('fflate')>();
  return { ...real, deflateSync: vi.fn(real.deflateSync) };
});

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

describe('createZip with the previous ZIP', () => {
  const when = new Date('2001-02-03T04:05:06Z');
  const revised = files.map((f, i) => (i === 1 ? { name: f.name, content: Buffer.from('<TEI>second, revised</TEI>') } : f));
  const deflated = (): string[] => vi.mocked(fflate.deflateSync).mock.calls.map(([data]) => Buffer.from(data).toString());

  test('takes the unchanged members over, deflates the others, and gives the bytes of a ZIP made from scratch', () => {
    const before = createZip(files, when);
    const fresh = Buffer.from(createZip(revised, when));
    vi.mocked(fflate.deflateSync).mockClear();
    const unchanged = new Set(files.filter((_, i) => i !== 1).map((f) => f.name));
    const reused = Buffer.from(createZip(revised, when, { bytes: before, unchanged }));
    expect(deflated()).toEqual(['<TEI>second, revised</TEI>']);
    expect(reused.equals(fresh)).toBe(true);
    expect(readZip(reused).map((r) => r.content.toString())).toEqual(revised.map((f) => f.content.toString()));
  });

  test('a member not said to be unchanged, or held with another size, is deflated again', () => {
    const before = createZip(files, when);
    vi.mocked(fflate.deflateSync).mockClear();
    const all = new Set(files.map((f) => f.name));
    createZip(revised, when, { bytes: before, unchanged: new Set([...all].filter((n) => n !== 'c.xml')) });
    // a.xml is called unchanged but its size differs; c.xml is not called unchanged
    expect(deflated()).toEqual(['<TEI>second, revised</TEI>', '']);
  });

  test('a previous ZIP that is damaged or no ZIP lends nothing', () => {
    const fresh = Buffer.from(createZip(files, when));
    const damaged = Buffer.from(createZip(files, when));
    damaged.writeUInt32LE(0xffffffff, damaged.length - 6); // the central directory's offset, past the end
    const unchanged = new Set(files.map((f) => f.name));
    for (const bytes of [damaged, Buffer.from('not a zip'), new Uint8Array(0)]) {
      expect(Buffer.from(createZip(files, when, { bytes, unchanged })).equals(fresh)).toBe(true);
    }
  });

  test('crc32 gives the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

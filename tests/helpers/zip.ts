/**
 * A ZIP read the long way, from its central directory, each member checked
 * against its local header: what the tests hold tei/edition.zip to.
 */
import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';

export interface ZipRecord {
  name: string;
  /** MS-DOS time and date fields, as stored. */
  time: number;
  day: number;
  content: Buffer;
}

export function readZip(bytes: Buffer): ZipRecord[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, 'end of central directory').toBeGreaterThanOrEqual(0);
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const records: ZipRecord[] = [];
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(p)).toBe(0x02014b50);
    const time = bytes.readUInt16LE(p + 12);
    const day = bytes.readUInt16LE(p + 14);
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    // The local header carries the same timestamp.
    expect(bytes.readUInt32LE(local)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(local + 10), `${name}: local time`).toBe(time);
    expect(bytes.readUInt16LE(local + 12), `${name}: local date`).toBe(day);
    // No extra fields (extended timestamps would carry a date of their own).
    expect(extraLength, `${name}: central extra field`).toBe(0);
    expect(bytes.readUInt16LE(local + 28), `${name}: local extra field`).toBe(0);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26);
    const data = bytes.subarray(dataStart, dataStart + compressed);
    records.push({ name, time, day, content: method === 8 ? inflateRawSync(data) : Buffer.from(data) });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}

/** The MS-DOS time and date fields of a moment, in UTC. */
export function dosDate(iso: string): { time: number; day: number } {
  const d = new Date(iso);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    day: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

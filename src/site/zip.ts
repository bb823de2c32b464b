/**
 * tei/edition.zip: every source as it is, deflated by fflate (in
 * JavaScript, so the same files give the same bytes on every machine) and
 * put into a ZIP written here. Every member is dated by one fixed moment
 * (1980-01-01, or $SOURCE_DATE_EPOCH) and carries no extra fields, which
 * would hold a date of their own. Members keep the given order.
 *
 * Deflating a thousand letters at level 9 is most of what a rebuild after
 * one changed letter costs besides its transformation (about 0.5 s), so a
 * member whose source has the hash it had in the previous build takes the
 * compressed data of the same member of the published ZIP over. Deflate
 * gives the same output for the same input, so the ZIP is byte for byte the
 * one made from scratch.
 */
import { deflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  content: Uint8Array;
}

/** A member of a ZIP as stored: what another ZIP may take over. */
interface StoredMember {
  crc: number;
  size: number;
  /** The deflated bytes. */
  data: Uint8Array;
}

const EARLIEST = Date.UTC(1980, 0, 1);
const LATEST = Date.UTC(2099, 11, 31, 23, 59, 58);

/** fflate's deflate level: on sources of a few KB each the level barely changes the time, and 9 gives the smallest ZIP (BENCHMARKS.md). */
const LEVEL = 9;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: deflate. */
const VERSION = 20;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const DEFLATE = 8;

/** The ZIP's size limits without its 64-bit extension, which this writer does not write. */
export class ZipTooLargeError extends Error {}

/** An earlier ZIP (tei/edition.zip as published) and the names of its members whose bytes have not changed since. */
export interface PreviousZip {
  bytes: Uint8Array;
  unchanged: ReadonlySet<string>;
}

/**
 * The ZIP of `entries`, dated `modified`. The unchanged members of
 * `previous` lend their compressed data (a ZIP it cannot read, or a member
 * it lacks or holds with another size, lends nothing).
 */
export function createZip(entries: readonly ZipEntry[], modified: Date = new Date(EARLIEST), previous?: PreviousZip): Uint8Array {
  if (entries.length > 0xffff) throw new ZipTooLargeError(`a ZIP without its 64-bit extension holds at most 65,535 files, not ${entries.length}`);
  const { time, day } = dosDateTime(modified);
  const earlier = previous ? storedMembers(previous.bytes) : new Map<string, StoredMember>();
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, content } of entries) {
    const member = previous?.unchanged.has(name) ? earlier.get(name) : undefined;
    const { crc, data } = member && member.size === content.length ? member : { crc: crc32(content), data: deflateSync(content, { level: LEVEL }) };
    const nameBytes = encoder.encode(name);
    const fields = { crc, compressed: data.length, size: content.length, name: nameBytes, time, day };
    const local = localHeader(fields);
    locals.push(local, data);
    centrals.push(centralHeader(fields, offset));
    offset += local.length + data.length;
    if (offset > 0xffffffff) throw new ZipTooLargeError('a ZIP without its 64-bit extension holds at most 4 GiB');
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return concat([...locals, ...centrals, new Uint8Array(end.buffer)]);
}

interface HeaderFields {
  crc: number;
  compressed: number;
  size: number;
  name: Uint8Array;
  time: number;
  day: number;
}

function localHeader(f: HeaderFields): Uint8Array {
  const bytes = new Uint8Array(30 + f.name.length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, LOCAL_HEADER, true);
  v.setUint16(4, VERSION, true);
  v.setUint16(6, UTF8_NAME, true);
  v.setUint16(8, DEFLATE, true);
  v.setUint16(10, f.time, true);
  v.setUint16(12, f.day, true);
  v.setUint32(14, f.crc, true);
  v.setUint32(18, f.compressed, true);
  v.setUint32(22, f.size, true);
  v.setUint16(26, f.name.length, true);
  bytes.set(f.name, 30);
  return bytes;
}

function centralHeader(f: HeaderFields, localOffset: number): Uint8Array {
  const bytes = new Uint8Array(46 + f.name.length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, CENTRAL_HEADER, true);
  v.setUint16(4, VERSION, true);
  v.setUint16(6, VERSION, true);
  v.setUint16(8, UTF8_NAME, true);
  v.setUint16(10, DEFLATE, true);
  v.setUint16(12, f.time, true);
  v.setUint16(14, f.day, true);
  v.setUint32(16, f.crc, true);
  v.setUint32(20, f.compressed, true);
  v.setUint32(24, f.size, true);
  v.setUint16(28, f.name.length, true);
  v.setUint32(42, localOffset, true);
  bytes.set(f.name, 46);
  return bytes;
}

/** MS-DOS time and date fields of a moment, read in UTC (ZIP dates have no time zone), within the years ZIP can date. */
function dosDateTime(moment: Date): { time: number; day: number } {
  const d = new Date(Math.min(Math.max(moment.getTime(), EARLIEST), LATEST));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    day: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** The deflated members of a ZIP by name, from its central directory; none when it is not a ZIP this module could have written. */
function storedMembers(zip: Uint8Array): Map<string, StoredMember> {
  const members = new Map<string, StoredMember>();
  if (zip.length < 22) return members;
  const v = new DataView(zip.buffer, zip.byteOffset, zip.length);
  const end = zip.length - 22;
  if (v.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) return members;
  const count = v.getUint16(end + 10, true);
  const decoder = new TextDecoder();
  let p = v.getUint32(end + 16, true);
  try {
    for (let i = 0; i < count; i++) {
      if (v.getUint32(p, true) !== CENTRAL_HEADER) return new Map();
      const method = v.getUint16(p + 10, true);
      const crc = v.getUint32(p + 16, true);
      const compressed = v.getUint32(p + 20, true);
      const size = v.getUint32(p + 24, true);
      const nameLength = v.getUint16(p + 28, true);
      const skip = nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
      const local = v.getUint32(p + 42, true);
      const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength));
      if (v.getUint32(local, true) !== LOCAL_HEADER) return new Map();
      const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
      if (method === DEFLATE && start + compressed <= zip.length) members.set(name, { crc, size, data: zip.subarray(start, start + compressed) });
      p += 46 + skip;
    }
  } catch {
    // A directory that runs past the end of the file (a RangeError): nothing to take over.
    return new Map();
  }
  return members;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 a ZIP member carries. */
export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

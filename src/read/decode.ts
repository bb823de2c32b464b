/**
 * Turning a source file's bytes into text. XML files may declare any
 * encoding; the toolchain decodes them once, here, and hands UTF-8 text
 * to every later stage (libxml2 through xmllint-wasm only reads UTF-8).
 */
import { isUtf8 } from 'node:buffer';
import { LineIndex } from './positions.js';

export interface DecodedSource {
  /** The text, without a byte order mark. */
  text: string;
  /** The encoding the bytes were read as (WHATWG label, lower-case). */
  encoding: string;
  hadBom: boolean;
}

export interface DecodeProblem {
  rule: 'encoding-invalid' | 'encoding-unsupported';
  message: string;
  line: number;
  column: number;
}

export type DecodeResult = { ok: true; source: DecodedSource } | { ok: false; problem: DecodeProblem; partial: string };

const aliases: Record<string, string> = {
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  latin1: 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  'iso_8859-1:1987': 'iso-8859-1',
  iso8859_1: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  l1: 'iso-8859-1',
  'iso-ir-100': 'iso-8859-1',
  cp819: 'iso-8859-1',
  ibm819: 'iso-8859-1',
  csisolatin1: 'iso-8859-1',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
};

function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a BOM still starts with `<` as a 16-bit unit (`<?xml` or the root's start tag). */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[3] === 0x00 && bytes[2] !== 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] !== 0x00) return 'utf-16be';
  return undefined;
}

/** The encoding named in the XML declaration, read as ASCII. */
export function declaredEncoding(head: string): string | undefined {
  const decl = /^\s*<\?xml\s[^?]*?encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(head);
  return decl?.[2]?.toLowerCase();
}

function normaliseLabel(label: string): string {
  return aliases[label] ?? label;
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function invalidAt(bytes: Uint8Array, byteOffset: number, encoding: string, prefixText: string): DecodeResult {
  const index = new LineIndex(prefixText);
  const { line, column } = index.position(prefixText.length);
  const hex = Array.from(bytes.subarray(byteOffset, byteOffset + 4))
    .map((b) => b.toString(16).padStart(2, '0'))
    .join(' ');
  return {
    ok: false,
    partial: prefixText,
    problem: {
      rule: 'encoding-invalid',
      line,
      column,
      message: `Bytes ${hex} at byte ${byteOffset} are not valid ${encoding.toUpperCase()}; save the file in the encoding its declaration names (or as UTF-8)`,
    },
  };
}

/** Offset (in code units of 2 bytes) of the first unpaired surrogate, or -1. */
function firstUnpairedSurrogate(bytes: Uint8Array, start: number, littleEndian: boolean): number {
  const unit = (i: number): number =>
    littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  for (let i = start; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return (bytes.length - start) % 2 === 1 ? bytes.length - 1 : -1;
}

/**
 * Offset of the first byte a fatal decoder rejects. A prefix that holds an
 * invalid sequence never decodes, so the longest prefix that does (with
 * `stream`, which keeps an incomplete last sequence back) ends there.
 */
function firstUndecodable(bytes: Uint8Array, encoding: string): number {
  const decodes = (n: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  // Invariant: decodes(lo), !decodes(hi).
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (decodes(mid)) lo = mid;
    else hi = mid;
  }
  // bytes[hi - 1] is refused; the sequence it breaks may have started a few bytes before.
  const complete = (n: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, n));
      return true;
    } catch {
      return false;
    }
  };
  for (let k = hi - 1; k >= Math.max(0, hi - 4); k--) if (complete(k)) return k;
  return hi - 1;
}

/** ISO-8859-1 is one byte per code point. (TextDecoder reads the label as windows-1252, which differs at 0x80–0x9F.) */
function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function decodeSource(bytes: Uint8Array): DecodeResult {
  const bom = sniffBom(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  let encoding = bom?.encoding ?? sniffUtf16(bytes);
  const start = bom?.length ?? 0;
  if (!encoding) {
    const declared = declaredEncoding(head);
    encoding = declared ? normaliseLabel(declared) : 'utf-8';
    if (encoding.startsWith('utf-16')) {
      // The declaration was readable one byte per character, so the file is not UTF-16.
      return {
        ok: false,
        partial: '',
        problem: {
          rule: 'encoding-invalid',
          line: 1,
          column: 1,
          message: `The XML declaration names the encoding "${declared}", but the file is written one byte per character (UTF-16 starts with a byte order mark or with "<" as two bytes); save it as UTF-16 or change the declaration to the file's real encoding, such as UTF-8`,
        },
      };
    }
  }
  if (encoding === 'iso-8859-1') {
    return { ok: true, source: { text: decodeLatin1(bytes.subarray(start)), encoding, hadBom: bom !== undefined } };
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    return {
      ok: false,
      partial: '',
      problem: {
        rule: 'encoding-unsupported',
        line: 1,
        column: 1,
        message: `The XML declaration names the encoding "${encoding}", which this toolchain cannot decode; save the file as UTF-8`,
      },
    };
  }
  const body = bytes.subarray(start);
  if (encoding === 'utf-8') {
    // isUtf8 (native) answers the common case; the scan below finds where a bad file goes wrong.
    const bad = isUtf8(body) ? -1 : firstInvalidUtf8(body);
    if (bad >= 0) return invalidAt(body, bad, encoding, new TextDecoder('utf-8').decode(body.subarray(0, bad)));
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const bad = firstUnpairedSurrogate(body, 0, encoding === 'utf-16le');
    if (bad >= 0) return invalidAt(body, bad, encoding, new TextDecoder(encoding).decode(body.subarray(0, bad)));
  }
  try {
    const text = decoder.decode(body);
    return { ok: true, source: { text, encoding: decoder.encoding, hadBom: bom !== undefined } };
  } catch {
    const bad = firstUndecodable(body, encoding);
    return invalidAt(body, bad, encoding, new TextDecoder(encoding).decode(body.subarray(0, bad)));
  }
}

/**
 * The text with its XML declaration naming UTF-8, for consumers that get
 * the decoded string (libxml2, SaxonJS) and would otherwise re-decode it.
 */
export function declareUtf8(text: string): string {
  return text.replace(/^(\s*<\?xml\s[^?]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

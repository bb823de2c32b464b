/**
 * Mutations for the fuzzer. Each works on bytes; tag-level ones read the
 * bytes as Latin-1 (one character per byte), so the bytes they do not
 * touch stay exactly as they were, whatever the file's encoding.
 */
import type { Prng } from './prng.js';

export interface Mutation {
  name: string;
  apply(input: Buffer, rng: Prng): Buffer;
}

const asText = (b: Buffer): string => b.toString('latin1');
const fromText = (s: string): Buffer => Buffer.from(s, 'latin1');

function insertAt(input: Buffer, at: number, bytes: Buffer): Buffer {
  return Buffer.concat([input.subarray(0, at), bytes, input.subarray(at)]);
}

/** Every match of a pattern in the text: [start, end). */
function spans(text: string, pattern: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
    if (out.length > 5000) break;
  }
  return out;
}

const tagPattern = /<\/?[A-Za-z_][^<>]*>/g;
const attributePattern = /\s[A-Za-z_:][\w:.-]*\s*=\s*("[^"<]*"|'[^'<]*')/g;

/** Code points and byte sequences that trouble decoders and parsers, as UTF-8 (or not quite). */
const oddBytes: Buffer[] = [
  Buffer.from('😀', 'utf8'), // astral
  Buffer.from('\u{10FFFF}', 'utf8'),
  Buffer.from('\u{1D11E}\u0301', 'utf8'), // astral + combining
  Buffer.from([0x00]),
  Buffer.from([0x01]),
  Buffer.from([0x08]),
  Buffer.from([0x0b]),
  Buffer.from([0x1f]),
  Buffer.from([0x7f]),
  Buffer.from('\u0085', 'utf8'), // C1 next line
  Buffer.from('\u0080', 'utf8'),
  Buffer.from('\u2028\u2029', 'utf8'),
  Buffer.from('\u202E', 'utf8'), // right-to-left override
  Buffer.from('\uFEFF', 'utf8'), // BOM in the middle
  Buffer.from([0xef, 0xbf, 0xbe]), // U+FFFE
  Buffer.from([0xef, 0xbf, 0xbf]), // U+FFFF
  Buffer.from([0xed, 0xa0, 0x80]), // lone high surrogate, WTF-8
  Buffer.from([0xed, 0xbf, 0xbf]), // lone low surrogate, WTF-8
  Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]), // surrogate pair as CESU-8
  Buffer.from([0xc0, 0xaf]), // overlong '/'
  Buffer.from([0xe0, 0x80, 0xaf]), // overlong
  Buffer.from([0xf4, 0x90, 0x80, 0x80]), // above U+10FFFF
  Buffer.from([0xff]),
  Buffer.from([0xc3]), // truncated sequence
  Buffer.from([0x80]), // stray continuation
  Buffer.from('\r'),
  Buffer.from('\r\n'),
  Buffer.from('Троцкий', 'utf8'),
];

const entityBits = ['&amp;', '&lt;', '&', '&;', '&foo;', '&#0;', '&#x0;', '&#xD800;', '&#xDFFF;', '&#x110000;', '&#99999999999;', '&#x1F600;', '&#65;', '&#x;', '&nbsp;', '&amp', ']]>', '<![CDATA[x]]>', '<![CDATA[', '<!-- c -->', '<!--', '-->', '<?pi x?>', '<?xml version="1.0"?>'];

const doctypes = [
  '<!DOCTYPE TEI>\n',
  '<!DOCTYPE TEI SYSTEM "file:///etc/passwd">\n',
  '<!DOCTYPE TEI PUBLIC "-//X//Y" "http://127.0.0.1:9/tei.dtd">\n',
  '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
  '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n',
  '<!DOCTYPE TEI [ <?pi ]> ?> <!ENTITY x "hidden"> ]>\n',
  '<!DOCTYPE TEI [ <!-- ]> --> <!ENTITY x "hidden"> ]>\n',
  '<!DOCTYPE TEI [ <!ELEMENT TEI ANY> <!ATTLIST TEI n CDATA "1"> ]>\n',
  '<!DOCTYPE TEI [ <!ENTITY % p "x"> %p; ]>\n',
  '<!DOCTYPE TEI [',
  '<!DOCTYPE',
];

const oddValues = ['../../etc/passwd', '/etc/passwd', '..', '.', '', ' ', 'a b', 'C:\\x', 'con', 'nul.html', '\u2024\u2024/x', '．．／x', 'trotsky\u0000', 'javascript:alert(1)', 'persons.xml#', '#', 'x'.repeat(300), 'Троцкий', '😀'];

function surround(text: string, at: number, depth: number, element: string): string {
  return `${text.slice(0, at)}${`<${element}>`.repeat(depth)}${`</${element}>`.repeat(depth)}${text.slice(at)}`;
}

/** A position inside element content (just after a start tag), or the middle of the text. */
function contentPosition(text: string, rng: Prng): number {
  const tags = spans(text, tagPattern).filter(([s]) => text[s + 1] !== '/');
  if (tags.length === 0) return rng.int(text.length + 1);
  return rng.pick(tags)[1];
}

export const mutations: Mutation[] = [
  {
    name: 'flip-bits',
    apply(input, rng) {
      const out = Buffer.from(input);
      const n = rng.range(1, 8);
      for (let k = 0; k < n && out.length > 0; k++) {
        const at = rng.int(out.length);
        out[at] = out[at]! ^ (1 << rng.int(8));
      }
      return out;
    },
  },
  {
    name: 'random-bytes',
    apply(input, rng) {
      const out = Buffer.from(input);
      const n = rng.range(1, 4);
      for (let k = 0; k < n && out.length > 0; k++) out[rng.int(out.length)] = rng.int(256);
      return out;
    },
  },
  {
    name: 'truncate',
    apply(input, rng) {
      return input.subarray(0, rng.chance(0.1) ? rng.int(8) : rng.int(input.length + 1));
    },
  },
  {
    name: 'duplicate-tag',
    apply(input, rng) {
      const text = asText(input);
      const tags = spans(text, tagPattern);
      if (tags.length === 0) return input;
      const [s, e] = rng.pick(tags);
      const at = rng.chance(0.5) ? e : rng.pick(tags)[rng.int(2)];
      return fromText(text.slice(0, at) + text.slice(s, e) + text.slice(at));
    },
  },
  {
    name: 'delete-tag',
    apply(input, rng) {
      const text = asText(input);
      const tags = spans(text, tagPattern);
      if (tags.length === 0) return input;
      const [s, e] = rng.pick(tags);
      return fromText(text.slice(0, s) + text.slice(e));
    },
  },
  {
    name: 'duplicate-attribute',
    apply(input, rng) {
      const text = asText(input);
      const attributes = spans(text, attributePattern);
      if (attributes.length === 0) return input;
      const [s, e] = rng.pick(attributes);
      const copy = rng.chance(0.5) ? text.slice(s, e) : text.slice(s, e).replace(/=\s*(["']).*\1$/s, '="other"');
      return fromText(text.slice(0, e) + copy + text.slice(e));
    },
  },
  {
    name: 'delete-attribute',
    apply(input, rng) {
      const text = asText(input);
      const attributes = spans(text, attributePattern);
      if (attributes.length === 0) return input;
      const [s, e] = rng.pick(attributes);
      return fromText(text.slice(0, s) + text.slice(e));
    },
  },
  {
    name: 'odd-attribute-value',
    apply(input, rng) {
      const text = asText(input);
      const attributes = spans(text, /\s(xml:id|ref|target|n|when|url|rend|corresp)\s*=\s*("[^"<]*"|'[^'<]*')/g);
      if (attributes.length === 0) return input;
      const [s, e] = rng.pick(attributes);
      const name = /^\s([^\s=]+)/.exec(text.slice(s, e))![1];
      const value = Buffer.from(rng.pick(oddValues), 'utf8').toString('latin1').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/&(?!quot;|lt;)/g, '&amp;');
      return fromText(`${text.slice(0, s)} ${name}="${value}"${text.slice(e)}`);
    },
  },
  {
    name: 'odd-unicode',
    apply(input, rng) {
      let out = input;
      const n = rng.range(1, 3);
      for (let k = 0; k < n; k++) out = insertAt(out, rng.int(out.length + 1), rng.pick(oddBytes));
      return out;
    },
  },
  {
    name: 'entity',
    apply(input, rng) {
      const text = asText(input);
      return fromText(text.slice(0, contentPosition(text, rng)) + rng.pick(entityBits) + text.slice(contentPosition(text, rng)));
    },
  },
  {
    name: 'deep-nesting',
    apply(input, rng) {
      const text = asText(input);
      const depth = rng.pick([10, 100, 250, 255, 256, 257, 1000, 5000, 10000]);
      return fromText(surround(text, contentPosition(text, rng), depth, rng.pick(['hi', 'seg', 'x', 'note'])));
    },
  },
  {
    name: 'doctype',
    apply(input, rng) {
      const text = asText(input);
      const decl = /^(\uFEFF|\xef\xbb\xbf)?<\?xml[^>]*\?>\s*/.exec(text);
      const at = decl ? decl[0].length : 0;
      return fromText(text.slice(0, at) + rng.pick(doctypes) + text.slice(at));
    },
  },
  {
    name: 're-encode',
    apply(input, rng) {
      const text = input.toString('utf8');
      const which = rng.pick(['utf-16le-bom', 'utf-16le', 'utf-16be-bom', 'utf-16be', 'utf-8-bom', 'latin1-declared', 'utf16-declared', 'bogus-declared']);
      const declared = (name: string): string =>
        /^\s*<\?xml/.test(text) ? text.replace(/^(\s*<\?xml[^?]*?)(\s+encoding\s*=\s*(["'])[^"']*\3)?(\s*\?>)/, `$1 encoding="${name}"$4`) : `<?xml version="1.0" encoding="${name}"?>\n${text}`;
      switch (which) {
        case 'utf-16le-bom':
          return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(declared('UTF-16'), 'utf16le')]);
        case 'utf-16le':
          return Buffer.from(declared('UTF-16LE'), 'utf16le');
        case 'utf-16be-bom':
          return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(declared('UTF-16'), 'utf16le').swap16()]);
        case 'utf-16be':
          return Buffer.from(declared('UTF-16BE'), 'utf16le').swap16();
        case 'utf-8-bom':
          return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input]);
        case 'latin1-declared':
          return Buffer.from(declared('ISO-8859-1'), 'utf8');
        case 'utf16-declared':
          return Buffer.from(declared('UTF-16'), 'utf8');
        default:
          return Buffer.from(declared(rng.pick(['EBCDIC', 'x-unknown', 'Shift_JIS', 'KOI8-R', 'windows-1251', 'UTF-32'])), 'utf8');
      }
    },
  },
  {
    name: 'line-ends',
    apply(input, rng) {
      const text = asText(input);
      return fromText(rng.chance(0.5) ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r?\n/g, '\r'));
    },
  },
  {
    name: 'splice',
    apply(input, rng) {
      if (input.length === 0) return input;
      const s = rng.int(input.length);
      const e = Math.min(input.length, s + rng.range(1, 200));
      return insertAt(input, rng.int(input.length + 1), Buffer.from(input.subarray(s, e)));
    },
  },
  {
    name: 'delete-range',
    apply(input, rng) {
      if (input.length === 0) return input;
      const s = rng.int(input.length);
      const e = Math.min(input.length, s + rng.range(1, 200));
      return Buffer.concat([input.subarray(0, s), input.subarray(e)]);
    },
  },
  {
    name: 'long-value',
    apply(input, rng) {
      const text = asText(input);
      const big = 'x'.repeat(rng.pick([1000, 70000, 300000]));
      const at = contentPosition(text, rng);
      return fromText(rng.chance(0.5) ? `${text.slice(0, at)}<hi rend="${big}">y</hi>${text.slice(at)}` : `${text.slice(0, at)}${big}${text.slice(at)}`);
    },
  },
];

export interface MutatedCase {
  index: number;
  /** Name of the input the case started from. */
  from: string;
  /** Names of the mutations applied, in order. */
  applied: string[];
  bytes: Buffer;
}

/** Case `index`: an input chosen by the case's PRNG, with 1–4 mutations. */
export function mutateCase(index: number, inputs: ReadonlyArray<{ name: string; bytes: Buffer }>, rng: Prng): MutatedCase {
  const input = rng.pick(inputs);
  let bytes: Buffer = Buffer.from(input.bytes);
  const applied: string[] = [];
  const n = rng.range(1, 4);
  for (let k = 0; k < n; k++) {
    const m = rng.pick(mutations);
    bytes = m.apply(bytes, rng);
    applied.push(m.name);
  }
  return { index, from: input.name, applied, bytes };
}

import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../src/read/decode.js';
import { check, TEI_NS } from './helpers.js';

const body = 'Трóцкий — café ½ 😀';
const doc = (encoding: string | undefined, text = body): string =>
  `${encoding ? `<?xml version="1.0" encoding="${encoding}"?>\n` : ''}<TEI xmlns="${TEI_NS}">\n<text><body><p>${text}</p></body></text>\n</TEI>\n`;
const utf16le = (s: string): Buffer => Buffer.from(s, 'utf16le');
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();
const bytes = (...parts: Array<number[] | Buffer | string>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.isBuffer(p) ? p : Buffer.from(p))));

describe('decodeSource', () => {
  test.each([
    ['UTF-8', bytes(doc('UTF-8')), body],
    ['UTF-8 with BOM and CRLF', bytes([0xef, 0xbb, 0xbf], doc('UTF-8').replace(/\n/g, '\r\n')), body],
    ['no declaration', bytes(doc(undefined)), body],
    ['UTF-16LE with BOM', bytes([0xff, 0xfe], utf16le(doc('UTF-16'))), body],
    ['UTF-16BE with BOM', bytes([0xfe, 0xff], utf16be(doc('UTF-16'))), body],
    ['UTF-16LE without BOM', utf16le(doc('UTF-16LE')), body],
    ['UTF-16BE without BOM', utf16be(doc('UTF-16BE')), body],
    ['UTF-16LE without BOM or declaration', utf16le(doc(undefined)), body],
    ['ISO-8859-1', Buffer.from(doc('ISO-8859-1', 'café ½ ÿ'), 'latin1'), 'café ½ ÿ'],
    ['latin1 label', Buffer.from(doc('latin1', 'naïve'), 'latin1'), 'naïve'],
  ])('%s is decoded', (_, input, expected) => {
    const r = decodeSource(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.source.text).toContain(`<p>${expected}</p>`);
      expect(r.source.text.charCodeAt(0)).not.toBe(0xfeff);
    }
  });

  test('ISO-8859-1 bytes 0x80–0x9F are the C1 code points, not windows-1252 punctuation', () => {
    const r = decodeSource(Buffer.concat([Buffer.from(doc('ISO-8859-1', 'X'), 'latin1').subarray(0, 60), Buffer.from([0x93, 0x80, 0x94])]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.source.text.slice(-3)).toBe('\u0093\u0080\u0094');
  });

  test.each([
    ['a bad UTF-8 lead byte', bytes('<TEI>\n<p>ab', [0xff], 'c</p></TEI>'), 2, 6, 'UTF-8'],
    ['a truncated UTF-8 sequence', bytes('<TEI>\r\n<p>ж', [0xd0], '</p></TEI>'), 2, 5, 'UTF-8'],
    ['an overlong UTF-8 encoding', bytes('<TEI>\n\n<p>', [0xc0, 0xaf], '</p></TEI>'), 3, 4, 'UTF-8'],
    ['a surrogate encoded in UTF-8', bytes('<TEI><p>😀', [0xed, 0xa0, 0x80], '</p></TEI>'), 1, 10, 'UTF-8'],
    ['a lone surrogate in UTF-16LE', bytes([0xff, 0xfe], utf16le('<TEI>\n<p>x'), [0x00, 0xd8], utf16le('y</p></TEI>')), 2, 5, 'UTF-16LE'],
    ['a lone low surrogate in UTF-16BE', bytes(utf16be('<?xml version="1.0" encoding="UTF-16BE"?>\n<TEI>\n\n<p>'), [0xdc, 0x00], utf16be('</p></TEI>')), 4, 4, 'UTF-16BE'],
    ['an odd byte count in UTF-16', bytes([0xff, 0xfe], utf16le('<TEI/>'), [0x0a]), 1, 7, 'UTF-16LE'],
    ['a bad Shift_JIS sequence', bytes('<?xml version="1.0" encoding="Shift_JIS"?>\n<TEI>\n<p>ab', [0x81, 0x20], '</p></TEI>'), 3, 6, 'SHIFT_JIS'],
  ])('%s is an error at its line and column', (_, input, line, column, encoding) => {
    const r = decodeSource(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toMatchObject({ rule: 'encoding-invalid', line, column });
      expect(r.problem.message).toContain(`not valid ${encoding}`);
    }
  });

  test('a file that declares UTF-16 but is written one byte per character is refused with a clear message', () => {
    const r = decodeSource(bytes(doc('UTF-16')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/names the encoding "utf-16", but the file is written one byte per character/);
  });

  test('an encoding the toolchain cannot decode is named', () => {
    const r = decodeSource(bytes(doc('EBCDIC-US')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ rule: 'encoding-unsupported', line: 1, column: 1, message: expect.stringContaining('"ebcdic-us"') });
  });
});

describe('validation of files in other encodings', () => {
  test('BOM, CRLF, UTF-16 LE/BE with and without BOM and ISO-8859-1 all validate; bad bytes are located; the others go on', async () => {
    const checked = await check({
      'utf8-bom-crlf.xml': bytes([0xef, 0xbb, 0xbf], doc('UTF-8').replace(/\n/g, '\r\n')),
      'utf16le-bom.xml': bytes([0xff, 0xfe], utf16le(doc('UTF-16'))),
      'utf16be-bom.xml': bytes([0xfe, 0xff], utf16be(doc('UTF-16'))),
      'utf16le.xml': utf16le(doc('UTF-16LE')),
      'utf16be.xml': utf16be(doc('UTF-16BE')),
      'latin1.xml': Buffer.from(doc('ISO-8859-1', 'café'), 'latin1'),
      'bad-utf8.xml': bytes('<TEI>\n<p>ab', [0xc3, 0x28], '</p></TEI>'),
      'bad-utf16.xml': bytes([0xff, 0xfe], utf16le('<TEI>\n<p>x'), [0x00, 0xdc], utf16le('</p></TEI>')),
      // CRLF in UTF-16: line counting must not be thrown by the two-byte line ends.
      'utf16-crlf-broken.xml': bytes([0xff, 0xfe], utf16le('<?xml version="1.0" encoding="UTF-16"?>\r\n<TEI>\r\n<p>x</q>\r\n</TEI>')),
    });
    expect(checked.clean()).toEqual(['latin1.xml', 'utf16be-bom.xml', 'utf16be.xml', 'utf16le-bom.xml', 'utf16le.xml', 'utf8-bom-crlf.xml']);
    expect(checked.of('bad-utf8.xml')).toMatchObject([{ line: 2, column: 6, rule: 'encoding-invalid', severity: 'error' }]);
    expect(checked.of('bad-utf16.xml')).toMatchObject([{ line: 2, column: 5, rule: 'encoding-invalid', severity: 'error' }]);
    expect(checked.of('utf16-crlf-broken.xml')[0]).toMatchObject({ line: 3, rule: 'xml-not-well-formed' });
    // The decoded text reaches later stages (the build) as UTF-8 text with its declaration saying so.
    const latin = checked.result.files.find((f) => f.name === 'latin1.xml')!;
    expect(latin.text).toContain('<p>café</p>');
    expect(latin.text).toContain('encoding="UTF-8"');
    const u16 = checked.result.files.find((f) => f.name === 'utf16be.xml')!;
    expect(u16.text).toContain(`<p>${body}</p>`);
  });
});

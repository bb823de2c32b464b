/** Small inputs the fuzzer starts from besides the edition's own TEI files. */
const tei = 'http://www.tei-c.org/ns/1.0';

const letter = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="${tei}" xml:id="seed1" n="1">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Seed letter</title></titleStmt>
      <publicationStmt><p>none</p></publicationStmt>
      <sourceDesc><p>invented</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <p>Dear <persName ref="persons.xml#trotsky">Lev</persName>, <date when="1920-03-21">21 March</date>.<anchor xml:id="seed1-a1" type="note" n="1"/></p>
      <p rend="italic">Ещё <hi rend="bold">текст</hi> &amp; <ref target="https://example.org/?a=1&amp;b=2">link</ref>.</p>
    </body>
    <back><div type="notes"><note n="1" target="#seed1-a1">A note.</note></div></back>
  </text>
</TEI>
`;

export const seedInputs: Array<{ name: string; bytes: Buffer }> = [
  { name: 'seed-letter.xml', bytes: Buffer.from(letter, 'utf8') },
  { name: 'seed-bom-crlf.xml', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(letter.replace(/\n/g, '\r\n'), 'utf8')]) },
  { name: 'seed-utf16le.xml', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(letter.replace('UTF-8', 'UTF-16'), 'utf16le')]) },
  { name: 'seed-utf16be.xml', bytes: Buffer.from(letter.replace('UTF-8', 'UTF-16BE'), 'utf16le').swap16() },
  { name: 'seed-latin1.xml', bytes: Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n<TEI xmlns="${tei}"><text><body><p>Caf\u00e9 na\u00efve \u00bd</p></body></text></TEI>\n`, 'latin1') },
  { name: 'seed-doctype.xml', bytes: Buffer.from(`<!DOCTYPE TEI>\n<TEI xmlns="${tei}"><text><body><p>x</p></body></text></TEI>`, 'utf8') },
  { name: 'seed-tiny.xml', bytes: Buffer.from('<TEI/>', 'utf8') },
];

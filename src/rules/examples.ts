/**
 * Building blocks for the small editions in the rules' documentation.
 * Each example is a complete edition: a configured header, registers and
 * letters, small enough to read at a glance.
 */
export const exampleConfig = {
  header: 'edition.xml',
  registers: { persons: 'persons.xml', places: 'places.xml', orgs: 'orgs.xml' },
  dateRange: { from: 1912, to: 1927 },
};

const ns = 'xmlns="http://www.tei-c.org/ns/1.0"';

export interface LetterParts {
  id?: string;
  n?: string;
  /** Content of profileDesc (default: a complete correspDesc). */
  correspDesc?: string;
  /** Content of sourceDesc (default: an msDesc with a signature). */
  sourceDesc?: string;
  body?: string;
  back?: string;
}

export const completeCorrespDesc = `<correspDesc>
  <correspAction type="sent"><persName ref="persons.xml#trotsky">Trotsky</persName><date when="1920-03-21"/></correspAction>
  <correspAction type="received"><persName ref="persons.xml#stalin">Stalin</persName></correspAction>
</correspDesc>`;

export const completeMsDesc = `<msDesc><msIdentifier><repository>RTsKhIDNI</repository><idno type="fond">558</idno></msIdentifier></msDesc>`;

export function letter(parts: LetterParts = {}): string {
  const id = parts.id ?? 'doc001';
  return `<TEI ${ns} xml:id="${id}" n="${parts.n ?? '1'}">
<teiHeader><fileDesc><titleStmt><title>Telegram</title></titleStmt><publicationStmt><p/></publicationStmt>
<sourceDesc>${parts.sourceDesc ?? completeMsDesc}</sourceDesc></fileDesc>
<profileDesc>${parts.correspDesc ?? completeCorrespDesc}</profileDesc></teiHeader>
<text><body>${parts.body ?? '<p>Text.</p>'}</body>${parts.back ? `<back>${parts.back}</back>` : ''}</text>
</TEI>`;
}

export function register(kind: 'listPerson' | 'listPlace' | 'listOrg', entries: string): string {
  return `<TEI ${ns}><teiHeader><fileDesc><titleStmt><title>Register</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text><body><${kind}>${entries}</${kind}></body></text></TEI>`;
}

export const persons = register(
  'listPerson',
  '<person xml:id="trotsky"><persName>Trotsky</persName></person><person xml:id="stalin"><persName>Stalin</persName></person>',
);

/** The registers every example shares. */
export function withRegisters(files: Record<string, string>): Record<string, string> {
  return { 'persons.xml': persons, ...files };
}

/** A letter whose note 1, at the back, points at its anchor in the text: what both note rules want. */
export const anchoredNoteLetter = letter({
  body: '<p>Text<anchor type="note" n="1" xml:id="doc001-a1"/>.</p>',
  back: '<div type="notes"><note n="1" xml:id="doc001-n1" target="#doc001-a1"><p>A note.</p></note></div>',
});

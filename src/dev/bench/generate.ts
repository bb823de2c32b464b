/**
 * Synthetic editions for the benchmark, modelled on the seed documents in
 * tei/: the same kinds of markup at about the same density (names pointing
 * into three registers, dates, numbered notes with anchors, editorial notes,
 * bibliographic and archival citations, quotations with gaps, supplied text,
 * abbreviations and corrections, hands, embedded telegrams), plus an
 * apparatus (listWit, app/lem/rdg with @wit) in some letters.
 *
 * Every generated edition satisfies the edition's rules: unique xml:ids,
 * references that resolve, every anchor the target of a note, every register
 * entry used, dates within 1912–1927, a correspDesc with sender and recipient
 * and an msIdentifier with repository and idno in every letter.
 *
 * Deterministic: the same (letters, seed) always gives byte-identical files.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Random } from './prng.js';
import { editionFileStart } from '../../edition/new-document.js';

export interface GenerateOptions {
  /** Number of letters. */
  letters: number;
  /** Seed of the generator. */
  seed: number;
}

export interface GeneratedEdition {
  /** File name (in tei/) → content. */
  files: Map<string, string>;
  /** The letters' file names, in collection order. */
  letterNames: string[];
  /** Total bytes of the letters. */
  letterBytes: number;
  /** Letters that carry an apparatus. */
  withApparatus: number;
}

const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const MIN_LETTER = 2 * 1024;
const MAX_BYTES = 20 * 1024;
const MAX_LETTER = 17 * 1024; // the last paragraph, its notes and the editorial notes add up to about 3 KB
const FIRST_YEAR = 1912;
const LAST_YEAR = 1927;

// --- vocabulary (written for this generator) ------------------------------

const syllables = ['ka', 'ro', 'vin', 'tem', 'lo', 'ga', 'mir', 'sha', 'dor', 'pe', 'len', 'zu', 'bar', 'ni', 'kov', 'str', 'vel', 'ma', 'rus', 'yan', 'ol', 'et', 'gor', 'dan', 'sk', 'an'];
const surnameEndings = ['ov', 'in', 'ev', 'sky', 'enko', 'adze', 'yan', 'ich'];
const placeEndings = ['grad', 'sk', 'ovo', 'ino', 'burg', 'pol', 'ets', 'a'];
const placeTypes = ['settlement', 'settlement', 'settlement', 'country', 'river'] as const;
const orgHeads = ['Committee', 'Council', 'Commissariat', 'Bureau', 'Front', 'Army', 'Union', 'Directorate', 'Section', 'Conference'];
const orgQualifiers = ['Regional', 'Central', 'Military', 'Provincial', 'Economic', 'Supply', 'Revolutionary', 'Transport', 'Fuel', 'Northern', 'Southern', 'Eastern', 'Western'];
const verbs = ['send', 'ask', 'report', 'propose', 'consider', 'insist', 'agree', 'expect', 'doubt', 'confirm', 'repeat', 'request', 'warn', 'suggest', 'insist', 'answer'];
const nouns = ['divisions', 'grain', 'the committee', 'the delegates', 'fuel', 'the railway', 'the line', 'the decision', 'the order', 'reinforcements', 'the harvest', 'the report', 'the plan', 'the commission', 'the question', 'the congress', 'the resolution', 'supplies', 'the telegram', 'the instructions', 'the operation', 'the cipher', 'wagons', 'the factory', 'the workers'];
const adjectives = ['urgent', 'necessary', 'impossible', 'desirable', 'dangerous', 'premature', 'complete', 'immediate', 'secret', 'full', 'final', 'temporary', 'general', 'separate'];
const connectives = ['and', 'but', 'therefore', 'in any case', 'at once', 'before the end of the week', 'without delay', 'if possible', 'as agreed', 'in my opinion', 'on the contrary'];
const objectDescriptions = ['Original, telegraph form.', 'Original, typescript, signature autograph.', 'Copy, typescript.', 'Handwritten original.', 'Original, manuscript with corrections.'];
const witnessDescriptions = ['the original in the archive', 'a typewritten copy made for the secretariat', 'the text as printed in the first edition', 'a copy in the recipient\u2019s papers'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// --- registers ---------------------------------------------------------------

interface Entry {
  id: string;
  name: string;
  normalised: string;
  type?: string;
}

interface Registers {
  persons: Entry[];
  places: Entry[];
  orgs: Entry[];
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function word(random: Random, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += random.pick(syllables);
  return w;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function makeRegisters(random: Random, letters: number): Registers {
  const nPersons = 12 + Math.ceil(letters / 4);
  const nPlaces = 8 + Math.ceil(letters / 8);
  const nOrgs = 6 + Math.ceil(letters / 16);
  const used = new Set<string>();
  const unique = (base: string): string => {
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  const persons: Entry[] = [];
  for (let i = 0; i < nPersons; i++) {
    const stem = word(random, random.int(1, 2));
    const surname = capital(stem + random.pick(surnameEndings));
    const initials = `${capital(random.pick(syllables)).charAt(0)}. ${capital(random.pick(syllables)).charAt(0)}.`;
    persons.push({ id: unique(surname.toLowerCase()), name: `${initials} ${surname}`, normalised: `${surname}, ${initials}` });
  }
  const places: Entry[] = [];
  for (let i = 0; i < nPlaces; i++) {
    const name = capital(word(random, random.int(1, 2)) + random.pick(placeEndings));
    places.push({ id: unique(name.toLowerCase()), name, normalised: name, type: random.pick(placeTypes) });
  }
  const orgs: Entry[] = [];
  for (let i = 0; i < nOrgs; i++) {
    const name = `${random.pick(orgQualifiers)} ${random.pick(orgHeads)} of ${capital(word(random, 2))}`;
    orgs.push({ id: unique(name.toLowerCase().replace(/[^a-z]+/g, '-')), name, normalised: name });
  }
  return { persons, places, orgs };
}

function teiStart(id: string, n?: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="${TEI_NS}" xml:id="${id}"${n !== undefined ? ` n="${n}"` : ''} xml:lang="en">\n`;
}

function registerFile(id: string, title: string, list: string, body: string): string {
  return `${editionFileStart({ id, title })}        <p>A synthetic register generated for the benchmark.</p>
      </sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <${list}>
${body}      </${list}>
    </body>
  </text>
</TEI>
`;
}

function personsFile(entries: Entry[]): string {
  let body = '';
  for (const e of entries) {
    body += `        <person xml:id="${e.id}">
          <persName type="source">${e.name}</persName>
          <persName type="normalised">${e.normalised}</persName>
          <idno type="wikidata"/>
          <idno type="viaf"/>
          <note type="identification">A correspondent of the synthetic edition.</note>
        </person>
`;
  }
  return registerFile('persons', 'Register of persons', 'listPerson', body);
}

function placesFile(entries: Entry[]): string {
  let body = '';
  for (const e of entries) {
    body += `        <place xml:id="${e.id}" type="${e.type ?? 'settlement'}">
          <placeName type="source">${e.name}</placeName>
          <placeName type="normalised">${e.normalised}</placeName>
          <idno type="wikidata"/>
          <idno type="geonames"/>
          <note type="identification">A place named in the synthetic edition.</note>
        </place>
`;
  }
  return registerFile('places', 'Register of places', 'listPlace', body);
}

function orgsFile(entries: Entry[]): string {
  let body = '';
  for (const e of entries) {
    body += `        <org xml:id="${e.id}">
          <orgName type="source">${e.name}</orgName>
          <orgName type="normalised">${e.normalised}</orgName>
          <idno type="wikidata"/>
          <note type="identification">An organisation named in the synthetic edition.</note>
        </org>
`;
  }
  return registerFile('orgs', 'Register of organisations', 'listOrg', body);
}

function headerFile(letters: number, seed: number, compilers: Entry[]): string {
  const names = compilers.map((c) => `          <persName ref="persons.xml#${c.id}">${c.name}</persName>\n`).join('');
  return `${teiStart('edition')}  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">Synthetic benchmark edition</title>
        <title type="sub">${letters} generated letters, seed ${seed}</title>
        <respStmt xml:id="compilers">
          <resp>compiled the collection and wrote its numbered notes</resp>
${names}        </respStmt>
        <respStmt xml:id="editors">
          <resp>encoded the documents and wrote the editorial notes</resp>
          <name type="placeholder">The benchmark generator</name>
        </respStmt>
      </titleStmt>
      <editionStmt>
        <edition n="0.0.0-bench">Benchmark edition</edition>
      </editionStmt>
      <publicationStmt>
        <publisher>Not published</publisher>
        <availability status="unknown">
          <licence>Generated test data</licence>
        </availability>
      </publicationStmt>
      <sourceDesc>
        <bibl xml:id="source-collection" type="printed">
          <title level="m">A synthetic collection of letters</title>
        </bibl>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <editorialDecl>
        <p>Generated text, encoded by the rules of the edition this benchmark measures.</p>
      </editorialDecl>
    </encodingDesc>
  </teiHeader>
  <text>
    <body>
      <div type="about">
        <head>About this edition</head>
        <p>A synthetic edition for measuring the toolchain. Its words mean nothing.</p>
      </div>
    </body>
  </text>
</TEI>
`;
}

// --- letters -------------------------------------------------------------------

interface Day {
  iso: string;
  text: string;
  year: number;
}

function dayOf(year: number, month: number, day: number): Day {
  return { iso: `${year}-${pad(month, 2)}-${pad(day, 2)}`, text: `${day} ${monthNames[month - 1]} ${year}`, year };
}

/** The letters run in date order over 1912–1927; letter i gets a day near its share of the span. */
function letterDay(random: Random, i: number, letters: number): Day {
  const span = (LAST_YEAR - FIRST_YEAR + 1) * 12;
  const monthIndex = Math.min(span - 1, Math.floor(((i + random.next()) / letters) * span));
  return dayOf(FIRST_YEAR + Math.floor(monthIndex / 12), (monthIndex % 12) + 1, random.int(1, 28));
}

function randomDay(random: Random): Day {
  return dayOf(random.int(FIRST_YEAR, LAST_YEAR), random.int(1, 12), random.int(1, 28));
}

class LetterWriter {
  private readonly random: Random;
  private readonly reg: Registers;
  /** Entries this letter must name, so that every register entry is used somewhere. */
  private readonly owed: string[];
  private idCounter = 0;
  readonly id: string;

  constructor(random: Random, reg: Registers, id: string, owed: string[]) {
    this.random = random;
    this.reg = reg;
    this.id = id;
    this.owed = owed;
  }

  private person(entry?: Entry): string {
    const e = entry ?? this.reg.persons[this.random.skewed(this.reg.persons.length, 1.6)]!;
    return `<persName ref="persons.xml#${e.id}">${e.name}</persName>`;
  }

  private place(entry?: Entry): string {
    const e = entry ?? this.reg.places[this.random.skewed(this.reg.places.length, 1.6)]!;
    return `<placeName ref="places.xml#${e.id}">${e.name}</placeName>`;
  }

  private org(entry?: Entry): string {
    const e = entry ?? this.reg.orgs[this.random.skewed(this.reg.orgs.length, 1.6)]!;
    return `<orgName ref="orgs.xml#${e.id}">${e.name}</orgName>`;
  }

  /** A name: first whatever this letter still owes, then random ones. */
  private name(): string {
    const owed = this.owed.shift();
    if (owed !== undefined) return owed;
    const r = this.random.next();
    if (r < 0.45) return this.person();
    if (r < 0.8) return this.place();
    return this.org();
  }

  hasOwed(): boolean {
    return this.owed.length > 0;
  }

  private date(): string {
    const d = randomDay(this.random);
    return `<date when="${d.iso}">${d.text}</date>`;
  }

  private clause(): string {
    const r = this.random;
    const words: string[] = [];
    words.push(r.pick(['I', 'We', 'You', 'The comrades', 'They']), r.pick(verbs), r.pick(nouns));
    if (r.chance(0.5)) words.push(r.pick(adjectives));
    if (r.chance(0.6)) words.push(r.pick(connectives));
    words.push(r.pick(nouns));
    return words.join(' ');
  }

  /** A sentence with about one name per ten words, as in the seed. */
  sentence(inline: (() => string)[] = []): string {
    const r = this.random;
    let s = capital(this.clause());
    const names = r.int(1, 2);
    for (let k = 0; k < names; k++) s += ` ${r.pick(['to', 'from', 'with', 'for', 'near', 'about'])} ${this.name()}`;
    if (r.chance(0.15)) s += ` on ${this.date()}`;
    for (const f of inline) s += f();
    if (r.chance(0.4)) s += `, ${this.clause()}`;
    return `${s}${r.pick(['.', '.', '.', ' .', '!', '?'])}`;
  }

  nextId(kind: string): string {
    this.idCounter++;
    return `${this.id}-${kind}${this.idCounter}`;
  }

  paragraph(inline: (() => string)[] = []): string {
    const r = this.random;
    const sentences: string[] = [];
    const count = r.int(2, 5);
    for (let k = 0; k < count; k++) sentences.push(this.sentence(k === count - 1 ? inline : []));
    return sentences.join(' ');
  }

  /** A note's text: sentences with names and dates, sometimes a quotation with gaps and a citation. */
  noteText(): string {
    const r = this.random;
    let text = this.sentence();
    if (r.chance(0.5)) {
      text += ` ${this.person()} wrote: \u201c<quote><gap reason="omitted"/> ${this.sentence()} <gap reason="omitted"/></quote>\u201d`;
    }
    if (r.chance(0.45)) {
      const vol = r.int(1, 55);
      const page = r.int(1, 600);
      text += ` (<bibl><author>${this.person()}</author> <title level="m">Collected works</title>. <biblScope unit="volume" from="${vol}" to="${vol}">Vol. ${vol}</biblScope>. <biblScope unit="page" from="${page}" to="${page + 1}">P. ${page}-${page + 1}</biblScope></bibl>)`;
    } else if (r.chance(0.5)) {
      const leaf = r.int(1, 300);
      text += ` (<bibl type="archival">${this.org(this.reg.orgs[0])}. <idno type="fond">F. ${r.int(1, 600)}</idno>. <idno type="opis">Op. ${r.int(1, 9)}</idno>. <idno type="delo">D. ${r.int(1, 9999)}</idno>. <biblScope unit="leaf" from="${leaf}" to="${leaf}">L. ${leaf}</biblScope></bibl>)`;
    }
    return `${text} ${this.sentence()}`;
  }
}

interface LetterPlan {
  index: number;
  id: string;
  n: number;
  day: Day;
  sender: Entry;
  recipient: Entry;
  fromPlace: Entry;
  toPlace: Entry;
  prev: string | undefined;
  next: string | undefined;
}

function makeLetter(random: Random, reg: Registers, plan: LetterPlan, owed: string[], maxTarget: number): { text: string; apparatus: boolean } {
  const r = random;
  const w = new LetterWriter(r, reg, plan.id, owed);
  const id = plan.id;
  const form = r.chance(0.5) ? 'telegram' : 'letter';
  const target = MIN_LETTER + Math.floor((maxTarget - MIN_LETTER) * Math.pow(r.next(), 2));
  const apparatus = r.chance(0.25);
  const hands = r.chance(0.2);
  const embedded = r.chance(0.1);
  const fond = r.int(1, 600);
  const opis = r.int(1, 9);
  const delo = r.int(1, 9999);
  const leafFrom = r.int(1, 200);
  const leafTo = leafFrom + r.int(0, 4);
  const archive = reg.orgs[0]!;
  const city = reg.places[0]!;

  const witnesses = apparatus ? r.int(2, 3) : 0;
  const listWit = apparatus
    ? `          <listWit>\n${Array.from({ length: witnesses }, (_, k) => `            <witness xml:id="${id}-w${k + 1}">${capital(witnessDescriptions[k]!)}</witness>\n`).join('')}          </listWit>\n`
    : '';
  const handDesc = hands
    ? `            <handDesc hands="2">
              <handNote xml:id="${id}-hand-first">
                <p>A secretary's hand: the text before the change of hand.</p>
              </handNote>
              <handNote xml:id="${id}-hand-sender" scribeRef="persons.xml#${plan.sender.id}" cert="medium">
                <p>The sender's own hand: the rest of the text and the signature.</p>
              </handNote>
            </handDesc>
`
    : '';
  const context = plan.prev !== undefined || plan.next !== undefined
    ? `        <correspContext>\n${plan.prev !== undefined ? `          <ref type="prev" target="${plan.prev}.xml">The letter before</ref>\n` : ''}${plan.next !== undefined ? `          <ref type="next" target="${plan.next}.xml" cert="medium" resp="edition.xml#editors">The answer</ref>\n` : ''}        </correspContext>\n`
    : '';
  const embeddedDay = dayOf(plan.day.year, Number(plan.day.iso.slice(5, 7)), Math.max(1, Number(plan.day.iso.slice(8, 10)) - 1));
  const embeddedRecipient = reg.persons[r.skewed(reg.persons.length)]!;
  const embeddedCorresp = embedded
    ? `      <correspDesc xml:id="${id}-embedded-corresp">
        <correspAction type="sent">
          <persName ref="persons.xml#${plan.sender.id}">${plan.sender.name}</persName>
          <date when="${embeddedDay.iso}" cert="high" evidence="internal">${embeddedDay.text}</date>
        </correspAction>
        <correspAction type="received">
          <persName ref="persons.xml#${embeddedRecipient.id}">${embeddedRecipient.name}</persName>
        </correspAction>
      </correspDesc>
`
    : '';

  const header = `${editionFileStart({ id, n: plan.n, title: `${capital(form)} of ${plan.sender.name} to ${plan.recipient.name}` })}        <msDesc>
          <msIdentifier>
            <settlement ref="places.xml#${city.id}">${city.name}</settlement>
            <repository ref="orgs.xml#${archive.id}">${archive.name}</repository>
            <idno type="fond">${fond}</idno>
            <idno type="opis">${opis}</idno>
            <idno type="delo">${delo}</idno>
            <altIdentifier type="printed">
              <idno xml:id="${id}-printed">ARCHIVE. F. ${fond}. Op. ${opis}. D. ${delo}. L. ${leafFrom}${leafTo > leafFrom ? `-${leafTo}` : ''}.</idno>
            </altIdentifier>
          </msIdentifier>
          <msContents>
            <msItem>
              <locus from="${leafFrom}" to="${leafTo}">L. ${leafFrom}${leafTo > leafFrom ? `-${leafTo}` : ''}</locus>
              <textLang mainLang="ru">Russian</textLang>
            </msItem>
          </msContents>
          <physDesc>
            <objectDesc form="${form}">
              <p>${r.pick(objectDescriptions)}</p>
            </objectDesc>
${handDesc}          </physDesc>
        </msDesc>
${listWit}      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc xml:id="${id}-corresp">
        <correspAction type="sent">
          <persName ref="persons.xml#${plan.sender.id}">${plan.sender.name}</persName>
          <placeName ref="places.xml#${plan.fromPlace.id}">${plan.fromPlace.name}</placeName>
          <date when="${plan.day.iso}">${plan.day.text}</date>
        </correspAction>
        <correspAction type="received">
          <persName ref="persons.xml#${plan.recipient.id}">${plan.recipient.name}</persName>
          <placeName ref="places.xml#${plan.toPlace.id}">${plan.toPlace.name}</placeName>
        </correspAction>
${context}      </correspDesc>
${embeddedCorresp}    </profileDesc>
  </teiHeader>
`;
  const monthDay = plan.day.text.replace(/ \d{4}$/, '');
  const front = `  <text>
    <front>
      <docTitle>
        <titlePart type="number">No. ${plan.n}</titlePart>
        <titlePart type="main">${capital(form)} of <persName ref="persons.xml#${plan.sender.id}">${plan.sender.name}</persName> to <persName ref="persons.xml#${plan.recipient.id}">${plan.recipient.name}</persName></titlePart>
      </docTitle>
      <docDate when="${plan.day.iso}" xml:id="${id}-docdate">${monthDay} <supplied reason="undated" resp="edition.xml#compilers">${plan.day.year}</supplied></docDate>
    </front>
`;

  // The body and the notes grow together until the letter reaches its size.
  const paragraphs: string[] = [];
  const notes: string[] = [];
  const editorial: string[] = [];
  let noteNo = 0;
  let size = header.length + front.length + 900;
  let app = 0;
  let handShifted = false;
  const editorialTargets: string[] = [`#${id}-printed`];
  const addNote = (): string => {
    noteNo++;
    const note = `        <note type="compilers" n="${noteNo}" xml:id="${id}-n${noteNo}" target="#${id}-a${noteNo}">\n          <p>${w.noteText()}</p>\n        </note>\n`;
    notes.push(note);
    size += note.length;
    return `<anchor type="note" n="${noteNo}" xml:id="${id}-a${noteNo}"/>`;
  };
  const inlineExtras = (): (() => string)[] => {
    const extras: (() => string)[] = [];
    if (r.chance(0.6)) extras.push(() => ` ${addNote()}`);
    if (apparatus && app < 3 && r.chance(0.6)) {
      extras.push(() => {
        app++;
        const rdgs = Array.from({ length: witnesses - 1 }, (_, k) => `<rdg wit="#${id}-w${k + 2}">${r.pick(nouns)}</rdg>`).join('');
        return ` <app xml:id="${id}-app${app}"><lem wit="#${id}-w1">${r.pick(nouns)}</lem>${rdgs}</app>`;
      });
    }
    if (r.chance(0.12)) {
      extras.push(() => {
        const cid = w.nextId('choice');
        editorialTargets.push(`#${cid}`);
        return r.chance(0.5)
          ? ` <choice xml:id="${cid}"><abbr>Pre</abbr><expan>Chairman</expan></choice>`
          : ` <choice xml:id="${cid}"><sic>${word(r, 2)}</sic><corr>${word(r, 2)}</corr></choice>`;
      });
    }
    if (r.chance(0.1)) extras.push(() => ` <supplied reason="omitted" resp="edition.xml#editors">${r.pick(nouns)}</supplied>`);
    if (r.chance(0.08)) {
      extras.push(() => {
        const eid = w.nextId('ea');
        editorialTargets.push(`#${eid}`);
        return `<anchor type="editorial" xml:id="${eid}"/>`;
      });
    }
    if (r.chance(0.15)) extras.push(() => ` <rs type="people" ref="places.xml#${reg.places[r.skewed(reg.places.length)]!.id}">${capital(word(r, 2))}ians</rs>`);
    return extras;
  };

  const opener = `        <opener>
${hands ? `          <handShift new="#${id}-hand-first"/>\n` : ''}          <address>
            <addrLine><placeName ref="places.xml#${plan.toPlace.id}">${plan.toPlace.name}</placeName>, to <persName ref="persons.xml#${plan.recipient.id}">${plan.recipient.name}</persName>${r.chance(0.5) ? ` ${addNote()}` : ''} ,</addrLine>
          </address>
        </opener>
`;
  size += opener.length;
  let floating = '';
  while (size < target || paragraphs.length === 0 || w.hasOwed() || (apparatus && app === 0)) {
    let text = w.paragraph(inlineExtras());
    if (apparatus && app === 0) {
      app++;
      const rdgs = Array.from({ length: witnesses - 1 }, (_, k) => `<rdg wit="#${id}-w${k + 2}">${r.pick(nouns)}</rdg>`).join('');
      text += ` <app xml:id="${id}-app${app}"><lem wit="#${id}-w1">${r.pick(nouns)}</lem>${rdgs}</app>.`;
    }
    if (hands && !handShifted && paragraphs.length > 0) {
      handShifted = true;
      const hs = `${id}-handshift`;
      editorialTargets.push(`#${hs}`);
      text = `<handShift new="#${id}-hand-sender" xml:id="${hs}" cert="medium"/>${text}`;
    }
    const p = `        <p>${text}</p>\n`;
    paragraphs.push(p);
    size += p.length;
    if (embedded && floating === '' && paragraphs.length === 1) {
      floating = `        <floatingText xml:id="${id}-embedded" type="telegram" decls="#${id}-embedded-corresp">
          <body>
            <p>${w.paragraph(inlineExtras())}</p>
            <closer>
              <dateline><date when="${embeddedDay.iso}" cert="high" evidence="internal">${embeddedDay.text}</date>.</dateline>
            </closer>
          </body>
        </floatingText>
`;
      paragraphs.push(floating);
      size += floating.length;
    }
  }
  if (hands && !handShifted) {
    // A one-paragraph letter: the hand changes before the signature.
    handShifted = true;
  }
  const closer = `        <closer>
          <dateline>${`<placeName ref="places.xml#${plan.fromPlace.id}">${plan.fromPlace.name}</placeName>`}, <date when="${plan.day.iso}">${monthDay}</date>.</dateline>
          <signed${hands ? ` hand="#${id}-hand-sender"` : ''}><persName ref="persons.xml#${plan.sender.id}">${plan.sender.name.replace(/^.*\. /, '')}</persName>.</signed>
        </closer>
`;
  const postscript = r.chance(0.2) ? `        <postscript>\n          <p>${w.sentence()}</p>\n        </postscript>\n` : '';

  // Editorial notes: each points at an element of this letter; editorial anchors must all be targets.
  const anchorsNeeded = editorialTargets.filter((t) => t.startsWith(`#${id}-ea`));
  const others = editorialTargets.filter((t) => !t.startsWith(`#${id}-ea`));
  const editorialCount = Math.max(anchorsNeeded.length, r.int(0, 3));
  for (let k = 0; k < editorialCount; k++) {
    const tgt = k < anchorsNeeded.length ? anchorsNeeded[k]! : r.pick(others);
    editorial.push(`        <note type="editorial" resp="edition.xml#editors" n="e${k + 1}" xml:id="${id}-e${k + 1}" target="${tgt}">\n          <p>${w.sentence()} ${w.sentence()}</p>\n        </note>\n`);
  }

  const body = `    <body>
      <div type="${form}">
${opener}${paragraphs.join('')}${closer}${postscript}      </div>
    </body>
`;
  const back = `    <back>
${notes.length > 0 ? `      <div type="notes" xml:id="${id}-notes">\n        <head>Notes:</head>\n${notes.join('')}      </div>\n` : ''}${editorial.length > 0 ? `      <div type="editorial-notes" xml:id="${id}-editorial-notes">\n        <head>Notes of this edition's editors</head>\n${editorial.join('')}      </div>\n` : ''}    </back>
`;
  const hasBack = notes.length > 0 || editorial.length > 0;
  return { text: `${header}${front}${body}${hasBack ? back : ''}  </text>\n</TEI>\n`, apparatus };
}

/** Generate an edition in memory. */
export function generateEdition(options: GenerateOptions): GeneratedEdition {
  const { letters, seed } = options;
  if (!Number.isInteger(letters) || letters < 1) throw new Error(`letters must be a positive integer, got ${letters}`);
  const root = new Random(seed);
  const reg = makeRegisters(root.fork(1), letters);
  const planRandom = root.fork(2);
  const letterSeedRandom = root.fork(3);
  const width = Math.max(3, String(letters).length);
  const ids = Array.from({ length: letters }, (_, i) => `doc${pad(i + 1, width)}`);
  // Correspondents: a few people write most letters.
  const leaders = Math.min(reg.persons.length, 40);
  const plans: LetterPlan[] = [];
  for (let i = 0; i < letters; i++) {
    const sender = reg.persons[planRandom.skewed(leaders)]!;
    let recipient = reg.persons[planRandom.skewed(leaders)]!;
    if (recipient === sender) recipient = reg.persons[(reg.persons.indexOf(sender) + 1) % reg.persons.length]!;
    plans.push({
      index: i,
      id: ids[i]!,
      n: i + 1,
      day: letterDay(planRandom, i, letters),
      sender,
      recipient,
      fromPlace: reg.places[planRandom.skewed(reg.places.length)]!,
      toPlace: reg.places[planRandom.skewed(reg.places.length)]!,
      prev: i > 0 && planRandom.chance(0.3) ? ids[i - 1] : undefined,
      next: i + 1 < letters && planRandom.chance(0.3) ? ids[i + 1] : undefined,
    });
  }
  // Every register entry is named at least once: letter i owes a slice of each register.
  const owed: string[][] = Array.from({ length: letters }, () => []);
  const spread = (entries: Entry[], file: string, element: string): void => {
    entries.forEach((e, k) => {
      if (file === 'persons.xml' && k < 4) return; // the compilers, named in the header
      owed[k % letters]!.push(`<${element} ref="${file}#${e.id}">${e.name}</${element}>`);
    });
  };
  spread(reg.persons, 'persons.xml', 'persName');
  spread(reg.places, 'places.xml', 'placeName');
  spread(reg.orgs, 'orgs.xml', 'orgName');

  const files = new Map<string, string>();
  files.set('edition.xml', headerFile(letters, seed, reg.persons.slice(0, 4)));
  files.set('persons.xml', personsFile(reg.persons));
  files.set('places.xml', placesFile(reg.places));
  files.set('orgs.xml', orgsFile(reg.orgs));
  let letterBytes = 0;
  let withApparatus = 0;
  for (const plan of plans) {
    const letterRandom = letterSeedRandom.fork(plan.index);
    // A letter that overshoots 20 KB is made again, from the same seed, with a smaller size.
    let made = makeLetter(letterRandom.fork(0), reg, plan, [...owed[plan.index]!], MAX_LETTER);
    for (let attempt = 1; Buffer.byteLength(made.text) > MAX_BYTES && attempt < 8; attempt++) {
      made = makeLetter(letterRandom.fork(attempt), reg, plan, [...owed[plan.index]!], MAX_LETTER - attempt * 1024);
    }
    const { text, apparatus } = made;
    files.set(`${plan.id}.xml`, text);
    letterBytes += Buffer.byteLength(text);
    if (apparatus) withApparatus++;
  }
  return { files, letterNames: ids.map((id) => `${id}.xml`), letterBytes, withApparatus };
}

export interface WriteOptions extends GenerateOptions {
  /** The folder to create (emptied first). */
  folder: string;
  /** The project whose configuration and schema the edition uses. */
  projectRoot: string;
}

/**
 * Write a generated edition: `tei/` and an `edition.config.json` copied from
 * the project's, with `source` pointing at the generated tei/ and `schema` at
 * the project's schema by absolute path.
 */
export function writeEdition(options: WriteOptions): GeneratedEdition {
  const edition = generateEdition(options);
  const folder = resolve(options.folder);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'tei'), { recursive: true });
  for (const [name, content] of edition.files) writeFileSync(join(folder, 'tei', name), content);
  const projectConfigFile = join(options.projectRoot, 'edition.config.json');
  const config = JSON.parse(readFileSync(projectConfigFile, 'utf8')) as Record<string, unknown>;
  const projectSchema = resolve(options.projectRoot, typeof config['schema'] === 'string' ? config['schema'] : 'schema/edition.rng');
  config['title'] = `Synthetic benchmark edition (${options.letters} letters, seed ${options.seed})`;
  config['source'] = 'tei';
  config['schema'] = projectSchema;
  config['output'] = 'dist';
  config['header'] = 'edition.xml';
  config['registers'] = { persons: 'persons.xml', places: 'places.xml', orgs: 'orgs.xml' };
  writeFileSync(join(folder, 'edition.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return edition;
}

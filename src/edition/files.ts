/**
 * What the toolchain knows about each source file after reading and
 * parsing it once: its kind in the edition, its ids, and its pointers.
 * The tree itself is dropped after the per-file rules have run, so a large
 * edition does not hold every tree in memory.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { EditionConfig } from '../config.js';
import type { XmlElement } from '../parse/tree.js';
import { fileKind } from '../site/plan.js';
import { ancestor, childElements, descendants, descendantsNamed, firstChild, localName, textOf } from '../parse/tree.js';

export type FileKind = 'document' | 'register' | 'header';
export type RegisterKind = 'persons' | 'places' | 'orgs';

export interface Located {
  line: number;
  column: number;
}

export interface Pointer extends Located {
  /** The attribute holding it (`ref`, `target`, …). */
  attribute: string;
  /** The element carrying it. */
  element: string;
  /** One URI reference (attributes holding several are split). */
  value: string;
  /** True when the element stands inside a correspContext. */
  inCorrespContext: boolean;
  /** True for the @target of a `ref type="letter"`: a reference to another letter, in the text or the notes. */
  letterRef?: boolean;
  /**
   * True for the @target of an empty `ref` that names a file by a bare name (`<ref target="L00237"/>`,
   * as the Schnitzler letters' commentary writes them; `isEmptyRefTarget`, but not a date): the
   * page reads it as that document's title or date (xslt/common/urls.xsl, f:empty-ref).
   */
  emptyRef?: boolean;
}

export interface IdDeclaration extends Located {
  id: string;
  element: string;
}

/** A register entry as one file describes it (a register's, or one a letter describes in its own lists). */
export interface EntryDescription extends Located {
  id: string;
  /** person, personGrp, place or org. */
  element: string;
  /** A hash of the entry as written, white space around words aside (entryContent): equal hashes, the same description. */
  content: string;
}

export interface FileSummary {
  /** Absolute path. */
  file: string;
  /** File name, as pointers across files use it (`doc068.xml`). */
  name: string;
  kind: FileKind;
  register: RegisterKind | undefined;
  ids: IdDeclaration[];
  pointers: Pointer[];
  /** Every person, personGrp, place and org with an xml:id the file describes, at any depth. */
  entries: EntryDescription[];
  /** The document's number (`TEI/@n`), if any. */
  n: string | undefined;
  /** What a list of the documents shows; only for documents. */
  letter: LetterMetadata | undefined;
  /** For a register: each entry's id and the first name it gives. */
  entryNames: Record<string, string> | undefined;
  /** For a register: each entry's id and every name it gives (source, normalised, transliterated …), for "did you mean". */
  entryAliases?: Record<string, string[]> | undefined;
  /**
   * For a register or the edition header: per entry id, a hash of everything
   * in this file that the entry's page can show (see entryKeys). The build
   * remakes an entry page only when this, or a document naming the entry,
   * changed.
   */
  entryKeys: Record<string, string> | undefined;
}

export interface Correspondent {
  /** The register pointer, if any (`persons.xml#trotsky`). */
  ref: string | undefined;
  name: string;
  place: string | undefined;
}

export interface LetterMetadata {
  title: string;
  /** ISO date of sending (`@when`, else `@notBefore`/`@from`), if known. */
  date: string | undefined;
  /** Every sender and every recipient of the first correspDesc, as the index shows them (see `indexActions`). */
  senders: Correspondent[];
  recipients: Correspondent[];
  /** Notes of the document, the compilers' and the edition's. */
  notes: number;
}

/** Attributes whose values are URI references to other elements or files. */
export const pointerAttributes: ReadonlySet<string> = new Set([
  'ref', 'target', 'corresp', 'resp', 'hand', 'new', 'decls', 'source', 'wit', 'scribeRef', 'sameAs', 'next', 'prev', 'who', 'facs',
]);

const registerLists: Record<string, RegisterKind | undefined> = { listPerson: 'persons', listPlace: 'places', listOrg: 'orgs', listBibl: undefined };

/**
 * The register kind a TEI's body makes it, whatever the file is called: a
 * body made of listPerson, listPlace, listOrg or listBibl (with heads, and
 * divisions made of the same) is a register, of the kind of its first
 * listPerson, listPlace or listOrg (a register of listBibl only has no entry
 * pages: undefined). null when the body holds anything else (a letter that
 * lists some persons among its paragraphs is a letter) or no list at all.
 * A letter's back (its own lists) does not count. Only the body's upper
 * levels are read, never a letter's text.
 */
export function registerByContent(root: XmlElement): RegisterKind | undefined | null {
  const text = firstChild(root, 'text');
  const body = text ? firstChild(text, 'body') : undefined;
  if (!body) return null;
  const lists: Array<RegisterKind | undefined> = [];
  const onlyLists = (e: XmlElement): boolean =>
    childElements(e).every((c) => {
      const name = localName(c.name);
      if (name in registerLists) {
        lists.push(registerLists[name]);
        return true;
      }
      return name === 'head' || (name === 'div' && onlyLists(c));
    });
  if (!onlyLists(body) || lists.length === 0) return null;
  return lists.find((k) => k !== undefined);
}

export function summarise(file: string, root: XmlElement, config: EditionConfig): FileSummary {
  const name = basename(file);
  const { kind, register } = fileKind(name, config, registerByContent(root));
  const ids: IdDeclaration[] = [];
  const pointers: Pointer[] = [];
  const entries: EntryDescription[] = [];
  const visit = (e: XmlElement): void => {
    const entryId = e.attributes['xml:id'];
    if (entryId !== undefined && entryElements.has(localName(e.name))) {
      entries.push({ id: entryId, element: localName(e.name), line: e.line, column: e.column, content: entryContent(e) });
    }
    for (const [attribute, value] of Object.entries(e.attributes)) {
      if (attribute === 'xml:id') ids.push({ id: value, element: localName(e.name), line: e.line, column: e.column });
      else if (pointerAttributes.has(attribute)) {
        const inCorrespContext = localName(e.name) === 'correspContext' || ancestor(e, 'correspContext') !== undefined;
        const letterRef = attribute === 'target' && localName(e.name) === 'ref' && e.attributes['type'] === 'letter';
        const empty = attribute === 'target' && !letterRef && localName(e.name) === 'ref' && e.children.every((c) => typeof c === 'string' && c.trim() === '');
        for (const token of value.split(/\s+/)) {
          const emptyRef = empty && isEmptyRefTarget(token) && !isoDate.test(token);
          if (token) pointers.push({ attribute, element: localName(e.name), value: token, line: e.line, column: e.column, inCorrespContext, ...(letterRef ? { letterRef } : {}), ...(emptyRef ? { emptyRef } : {}) });
        }
      }
    }
  };
  visit(root);
  for (const e of descendants(root)) visit(e);
  return { file, name, kind, register, ids, pointers, entries, n: root.attributes['n'], letter: kind === 'document' ? letterMetadata(root) : undefined,
    entryNames: kind === 'register' ? entryNames(root) : undefined,
    entryAliases: kind === 'register' ? entryAliases(root) : undefined,
    entryKeys: kind === 'document' ? undefined : entryKeys(root),
  };
}

const correspondentElements = new Set(['persName', 'orgName', 'name', 'rs']);

/** The persons and organisations a correspAction names, each with the action's place. */
function correspondents(action: XmlElement): Correspondent[] {
  const place = firstChild(action, 'placeName') ?? firstChild(action, 'settlement');
  return childElements(action)
    .filter((c) => correspondentElements.has(localName(c.name)))
    .map((who) => ({ ref: who.attributes['ref'], name: textOf(who).replace(/\s+/g, ' ').trim(), place: place ? textOf(place).replace(/\s+/g, ' ').trim() : undefined }));
}

/** The steps of a letter redirected or forwarded on its way (correspAction/@subtype). */
const redirections = new Set(['redirecting', 'redirected', 'forwarding', 'forwarded', 'transmitted']);

/**
 * The correspActions of a type that the index shows (as fp:index-actions in
 * xslt/common/registers.xsl does for index.html and json/index.json): every
 * one, an email's several addressees too, but the steps of a redirected or
 * forwarded letter when it has others.
 */
function indexActions(actions: readonly XmlElement[], type: string): XmlElement[] {
  const all = actions.filter((a) => a.attributes['type'] === type);
  const direct = all.filter((a) => !redirections.has((a.attributes['subtype'] ?? '').trim()));
  return direct.length > 0 ? direct : all;
}

function letterMetadata(root: XmlElement): LetterMetadata {
  const title = descendantsNamed(root, 'titleStmt')[0];
  const desc = descendantsNamed(root, 'correspDesc')[0];
  const actions = desc ? childElements(desc, 'correspAction') : [];
  const sent = actions.find((a) => a.attributes['type'] === 'sent');
  const date = sent ? firstChild(sent, 'date') : undefined;
  const text = firstChild(root, 'text');
  return {
    title: title ? textOf(headerTitle(title) ?? title) : '',
    date: date ? (date.attributes['when'] ?? date.attributes['notBefore'] ?? date.attributes['from']) : undefined,
    senders: indexActions(actions, 'sent').flatMap(correspondents),
    recipients: indexActions(actions, 'received').flatMap(correspondents),
    notes: text ? descendantsNamed(text, 'note').length : 0,
  };
}

/**
 * The title the pages give a document (f:header-title, xslt/common/header.xsl): title[@type='main'],
 * else the piece's own (level a, not the series a letter belongs to), else one with neither, else the first.
 */
function headerTitle(titleStmt: XmlElement): XmlElement | undefined {
  const titles = childElements(titleStmt, 'title');
  return titles.find((t) => t.attributes['type'] === 'main') ?? titles.find((t) => t.attributes['level'] === 'a')
    ?? titles.find((t) => t.attributes['level'] === undefined && t.attributes['type'] === undefined) ?? titles[0];
}

/**
 * Is this the target of an empty ref to resolve? A bare name, with or without '.xml' and a fragment
 * (`L00237`, `doc002.xml`, `L1.xml#p2`, `persons.xml#x`), or an ISO date (`1898-05-14`): no scheme
 * (':'), no '#' first, no '/'. The stylesheets read such a ref as what it names and any other as its
 * address; their test is the same expression (f:is-empty-ref-target, xslt/common/urls.xsl). A date
 * names no file: the rules check the others as documents (`Pointer.emptyRef`).
 */
export function isEmptyRefTarget(target: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]*(#\S*)?$/.test(target);
}

const isoDate = /^\d{4}(-\d{2}){0,2}$/;

/** Split a pointer into the file it names (or undefined for the same file) and the fragment. */
export function splitPointer(value: string): { file: string | undefined; fragment: string | undefined } | undefined {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return undefined; // an absolute URI: not ours to resolve
  const hash = value.indexOf('#');
  const file = hash < 0 ? value : value.slice(0, hash);
  const fragment = hash < 0 ? undefined : value.slice(hash + 1);
  return { file: file === '' ? undefined : file, fragment: fragment === '' ? undefined : fragment };
}

const entryElements = new Set(['person', 'personGrp', 'place', 'org']);
const entryNameElements = new Set(['persName', 'placeName', 'orgName', 'name', 'geogName']);

function entryNames(root: XmlElement): Record<string, string> {
  const names: Record<string, string> = {};
  for (const e of descendants(root)) {
    const id = e.attributes['xml:id'];
    if (!id || !entryElements.has(localName(e.name))) continue;
    const name = childElements(e).find((c) => entryNameElements.has(localName(c.name)));
    names[id] = name ? textOf(name) : id;
  }
  return names;
}

function entryAliases(root: XmlElement): Record<string, string[]> {
  const names: Record<string, string[]> = {};
  for (const e of descendants(root)) {
    const id = e.attributes['xml:id'];
    if (!id || !entryElements.has(localName(e.name))) continue;
    names[id] = [...new Set(childElements(e).filter((c) => entryNameElements.has(localName(c.name))).map((c) => textOf(c).trim()).filter(Boolean))];
  }
  return names;
}

/** An element's start tag, unambiguously: its name and attributes in order. */
function canonicalStartTag(e: XmlElement, into: string[]): void {
  into.push('<', e.name);
  for (const [k, v] of Object.entries(e.attributes)) into.push(' ', k, '=', JSON.stringify(v));
  into.push('>');
}

/** An element and everything in it, in one unambiguous string: names, attributes in order, text. */
function canonical(e: XmlElement, into: string[]): void {
  canonicalStartTag(e, into);
  for (const c of e.children) {
    if (typeof c === 'string') into.push(JSON.stringify(c));
    else canonical(c, into);
  }
  into.push('</', e.name, '>');
}

/** Text as it reads: runs of XML white space one space, none at the ends. */
const words = (text: string): string => text.replace(/[ \t\r\n]+/g, ' ').trim();

/**
 * An element and everything in it, white space aside: names, attributes
 * sorted, each text's words. U+0001 and U+0002, which XML 1.0 text cannot
 * hold, mark where an attribute and a text begin, so no two different
 * entries give the same string.
 */
function withoutLayout(e: XmlElement): string {
  let out = `<${e.name}`;
  const names = Object.keys(e.attributes);
  if (names.length > 1) names.sort();
  for (const k of names) out += `\u0001${k}=${words(e.attributes[k]!)}`;
  out += '>';
  for (const c of e.children) {
    if (typeof c !== 'string') out += withoutLayout(c);
    else {
      const text = words(c);
      if (text !== '') out += `\u0002${text}`;
    }
  }
  return `${out}</${e.name}>`;
}

/**
 * What a register entry says, as a hash: the same for two descriptions
 * that differ only in indentation, line breaks or the order of attributes
 * (one letter's copy of a person and another's), different for any other
 * difference (a name, a date, an identifier, an attribute).
 */
export function entryContent(entry: XmlElement): string {
  return createHash('sha256').update(withoutLayout(entry)).digest('hex').slice(0, 32);
}

/**
 * The id a pointer names after its '#', whatever comes before it (the
 * stylesheets read `https://…/persons.xml#id` as an entry too, which
 * splitPointer leaves alone); undefined for none.
 */
export function pointedId(pointer: string): string | undefined {
  const hash = pointer.indexOf('#');
  return hash >= 0 && hash < pointer.length - 1 ? pointer.slice(hash + 1) : undefined;
}

/** The ids named by the pointer attributes of an element (`#id`, `persons.xml#id`). */
function pointedIds(e: XmlElement): string[] {
  const ids: string[] = [];
  for (const [attribute, value] of Object.entries(e.attributes)) {
    if (!pointerAttributes.has(attribute)) continue;
    for (const token of value.split(/\s+/)) {
      const id = pointedId(token);
      if (id !== undefined) ids.push(id);
    }
  }
  return ids;
}

/**
 * Per register entry (person, personGrp, place or org with an xml:id, at any
 * depth), a hash of what its page can take from this file, kept on the side
 * of too much: the entry with all it holds; the start tags of its ancestors
 * (its list tells its kind); the elements its pointers name in this file;
 * and the elements whose pointers name it or anything in it (a note with
 * @target, say). Entries sharing an id share one hash.
 */
function entryKeys(root: XmlElement): Record<string, string> {
  const all = [root, ...descendants(root)];
  const byId = new Map<string, XmlElement>();
  for (const e of all) {
    const id = e.attributes['xml:id'];
    if (id !== undefined && !byId.has(id)) byId.set(id, e);
  }
  // Which elements point at each id.
  const pointingAt = new Map<string, XmlElement[]>();
  for (const e of all) {
    for (const id of pointedIds(e)) {
      const list = pointingAt.get(id);
      if (list) list.push(e);
      else pointingAt.set(id, [e]);
    }
  }
  const material = new Map<string, string[]>();
  for (const e of all) {
    const id = e.attributes['xml:id'];
    if (id === undefined || !entryElements.has(localName(e.name))) continue;
    const parts = material.get(id) ?? [];
    material.set(id, parts);
    for (let a = e.parent; a; a = a.parent) canonicalStartTag(a, parts);
    canonical(e, parts);
    const inside = [e, ...descendants(e)];
    const related = new Set<XmlElement>();
    for (const d of inside) {
      for (const target of pointedIds(d)) {
        const t = byId.get(target);
        if (t) related.add(t);
      }
      const own = d.attributes['xml:id'];
      if (own !== undefined) for (const p of pointingAt.get(own) ?? []) related.add(p);
    }
    for (const r of related) {
      parts.push('\u0000related\u0000');
      canonical(r, parts);
    }
  }
  const keys: Record<string, string> = {};
  for (const [id, parts] of material) keys[id] = createHash('sha256').update(parts.join('')).digest('hex').slice(0, 32);
  return keys;
}


/**
 * The toolchain's one policy on document type declarations, applied before
 * libxml2 or SaxonJS sees a file, so validation and transformation never
 * disagree (libxml2 silently drops an unresolvable external entity and calls
 * the file valid; SaxonJS rejects every entity with a wrong line number).
 *
 * Policy: a bare `<!DOCTYPE TEI>` is accepted (so is an internal subset
 * with only ELEMENT, ATTLIST or NOTATION declarations, comments and
 * processing instructions). Any DOCTYPE that names an external DTD (SYSTEM
 * or PUBLIC) or declares entities is refused: external ones would read
 * files or the network, internal ones can expand without bound ("billion
 * laughs"). Nothing is ever expanded or fetched.
 *
 * The internal subset is read with the XML grammar's own tokens (comments,
 * processing instructions, quoted literals, markup declarations, parameter
 * entity references), so that a `]` or `>` inside a processing instruction
 * or a literal cannot end it early and hide a declaration behind it. When
 * the subset cannot be read, every `<!ENTITY` from the DOCTYPE to the end of
 * the file counts: the check errs on the side of refusing.
 */
export interface DoctypeFinding {
  rule: 'xml-external-dtd' | 'xml-entity-declaration';
  /** UTF-16 offset in the text. */
  offset: number;
  message: string;
}

interface EntityDecl {
  offset: number;
  name: string;
  external: string | undefined;
}

interface ScannedDoctype {
  /** Offset just after the closing `>` (the end of the text when there is none). */
  end: number;
  /** Offset of SYSTEM or PUBLIC after the root name, if any. */
  externalAt: number | undefined;
  externalKind: string | undefined;
  entities: EntityDecl[];
  /** Parameter entity references (`%name;`) in the internal subset. */
  peRefs: Array<{ offset: number; name: string }>;
  /** False when the DOCTYPE could not be read by the grammar (then `end` is the end of the text). */
  complete: boolean;
}

/** Offset just after a comment or processing instruction starting at i, or -1 when none starts there. */
function skipMarkup(text: string, i: number): number {
  if (text.startsWith('<!--', i)) {
    const end = text.indexOf('-->', i + 4);
    return end < 0 ? text.length : end + 3;
  }
  if (text.startsWith('<?', i)) {
    const end = text.indexOf('?>', i + 2);
    return end < 0 ? text.length : end + 2;
  }
  return -1;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

/** Offset just after the quoted literal starting at i (text[i] is the quote), or -1 when it is not closed. */
function skipLiteral(text: string, i: number): number {
  const end = text.indexOf(text[i]!, i + 1);
  return end < 0 ? -1 : end + 1;
}

const entityHead = /^<!ENTITY[ \t\r\n]+(%[ \t\r\n]+)?([^ \t\r\n>"'%]+)[ \t\r\n]*(SYSTEM|PUBLIC)?/;

function scanDoctype(text: string, start: number): ScannedDoctype {
  const result: ScannedDoctype = { end: text.length, externalAt: undefined, externalKind: undefined, entities: [], peRefs: [], complete: false };
  let i = start + '<!DOCTYPE'.length;
  i = skipSpace(text, i);
  while (i < text.length && !isSpace(text[i]) && text[i] !== '[' && text[i] !== '>') i++;
  const afterName = skipSpace(text, i);
  const external = /^(SYSTEM|PUBLIC)(?=[\s"'>[]|$)/.exec(text.slice(afterName, afterName + 7));
  if (external) {
    result.externalAt = afterName;
    result.externalKind = external[1];
  }
  // Up to `[` or `>`, skipping the external ID's literals.
  i = afterName;
  for (;;) {
    if (i >= text.length) return fallback(text, start, result);
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const next = skipLiteral(text, i);
      if (next < 0) return fallback(text, start, result);
      i = next;
    } else if (c === '>') {
      result.end = i + 1;
      result.complete = true;
      return result;
    } else if (c === '[') {
      i++;
      break;
    } else i++;
  }
  // The internal subset: (markupdecl | PEReference | S)* then `]` S? `>`.
  for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return fallback(text, start, result);
    if (text[i] === ']') {
      i = skipSpace(text, i + 1);
      if (text[i] !== '>') return fallback(text, start, result);
      result.end = i + 1;
      result.complete = true;
      return result;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return fallback(text, start, result);
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return fallback(text, start, result);
      i = end + 2;
    } else if (text.startsWith('<!', i)) {
      const declStart = i;
      i += 2;
      while (i < text.length && text[i] !== '>') {
        const c = text[i]!;
        if (c === '"' || c === "'") {
          const next = skipLiteral(text, i);
          if (next < 0) return fallback(text, start, result);
          i = next;
        } else if (c === '<') {
          // A declaration never contains `<` outside a literal: unreadable.
          return fallback(text, start, result);
        } else i++;
      }
      if (i >= text.length) return fallback(text, start, result);
      i++;
      const head = entityHead.exec(text.slice(declStart, Math.min(i, declStart + 400)));
      if (text.startsWith('<!ENTITY', declStart)) {
        result.entities.push({ offset: declStart, name: head?.[2] ?? '?', external: head?.[3] });
      }
    } else if (text[i] === '%') {
      const m = /^%([^;\s<>%]+);/.exec(text.slice(i, i + 200));
      if (!m) return fallback(text, start, result);
      result.peRefs.push({ offset: i, name: m[1]! });
      i += m[0].length;
    } else return fallback(text, start, result);
  }
}

/** The DOCTYPE cannot be read: treat the rest of the text as its subset, so no declaration escapes. */
function fallback(text: string, start: number, result: ScannedDoctype): ScannedDoctype {
  const entities: EntityDecl[] = [];
  const pattern = /<!ENTITY/g;
  pattern.lastIndex = start;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const head = entityHead.exec(text.slice(m.index, m.index + 400));
    entities.push({ offset: m.index, name: head?.[2] ?? '?', external: head?.[3] });
  }
  return { ...result, end: text.length, entities, complete: false };
}

/** The offset at which a DOCTYPE can start: after the XML declaration, comments and processing instructions. */
function doctypeStart(text: string): number | undefined {
  let i = 0;
  // Only the prolog can hold a DOCTYPE: stop at the first start tag.
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return undefined;
    const skipped = skipMarkup(text, lt);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    return text.startsWith('<!DOCTYPE', lt) ? lt : undefined;
  }
  return undefined;
}

export function findDoctype(text: string): { offset: number; end: number } | undefined {
  const offset = doctypeStart(text);
  if (offset === undefined) return undefined;
  return { offset, end: scanDoctype(text, offset).end };
}

export function checkDoctype(text: string): DoctypeFinding[] {
  const offset = doctypeStart(text);
  if (offset === undefined) return [];
  const scanned = scanDoctype(text, offset);
  const findings: DoctypeFinding[] = [];
  if (scanned.externalAt !== undefined) {
    findings.push({
      rule: 'xml-external-dtd',
      offset: scanned.externalAt,
      message: `The DOCTYPE names an external DTD (${scanned.externalKind}); it is never loaded, because reading it could touch files or the network. Remove the DOCTYPE: the edition is validated with RelaxNG`,
    });
  }
  for (const e of scanned.entities) {
    const kind = e.external
      ? `an external entity (${e.external}), which would read a file or the network`
      : 'an entity, and entities can expand without bound';
    findings.push({
      rule: 'xml-entity-declaration',
      offset: e.offset,
      message: `The DOCTYPE declares "${e.name}" as ${kind}; this toolchain never expands DTD entities. Write the text itself or a character reference (&#x…;) instead`,
    });
  }
  if (scanned.complete) {
    for (const p of scanned.peRefs) {
      findings.push({
        rule: 'xml-entity-declaration',
        offset: p.offset,
        message: `The DOCTYPE refers to the parameter entity "%${p.name};"; this toolchain never expands DTD entities. Remove the reference`,
      });
    }
  }
  return findings;
}

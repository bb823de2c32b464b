/**
 * The toolchain's one policy on document type declarations, applied before
 * libxml2 or SaxonJS sees a file, so validation and transformation never
 * disagree (libxml2 silently drops an unresolvable external entity and calls
 * the file valid; SaxonJS rejects every entity with a wrong line number).
 *
 * Policy: a bare `<!DOCTYPE TEI>` is accepted. Any DOCTYPE that names an
 * external DTD (SYSTEM or PUBLIC) or declares entities is refused: external
 * ones would read files or the network, internal ones can expand without
 * bound ("billion laughs"). Nothing is ever expanded or fetched.
 */
export interface DoctypeFinding {
  rule: 'xml-external-dtd' | 'xml-entity-declaration';
  /** UTF-16 offset in the text. */
  offset: number;
  message: string;
}

const nameChar = /[^\s[>]/;

/** Offset just after a comment, processing instruction or quoted literal starting at i, or -1. */
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

export function findDoctype(text: string): { offset: number; end: number } | undefined {
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
    if (text.startsWith('<!DOCTYPE', lt)) {
      return { offset: lt, end: doctypeEnd(text, lt + 9) };
    }
    return undefined;
  }
  return undefined;
}

function doctypeEnd(text: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '<' && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '>' && depth <= 0) return i + 1;
  }
  return text.length;
}

export function checkDoctype(text: string): DoctypeFinding[] {
  const doctype = findDoctype(text);
  if (!doctype) return [];
  const findings: DoctypeFinding[] = [];
  const decl = text.slice(doctype.offset, doctype.end);
  let i = 9;
  while (i < decl.length && /\s/.test(decl[i]!)) i++;
  while (i < decl.length && nameChar.test(decl[i]!)) i++;
  const afterName = decl.slice(i);
  const external = /^\s+(SYSTEM|PUBLIC)\b/.exec(afterName);
  if (external) {
    findings.push({
      rule: 'xml-external-dtd',
      offset: doctype.offset + i + (external.index ?? 0) + external[0].length - external[1]!.length,
      message: `The DOCTYPE names an external DTD (${external[1]}); it is never loaded, because reading it could touch files or the network. Remove the DOCTYPE: the edition is validated with RelaxNG`,
    });
  }
  const entity = /<!ENTITY\s+(%\s+)?([^\s>]+)\s*(SYSTEM|PUBLIC)?/g;
  const subsetStart = decl.indexOf('[');
  if (subsetStart >= 0) {
    const subset = decl.slice(subsetStart);
    for (let m = entity.exec(subset); m; m = entity.exec(subset)) {
      const name = m[2] ?? '';
      const kind = m[3]
        ? `an external entity (${m[3]}), which would read a file or the network`
        : 'an entity, and entities can expand without bound';
      findings.push({
        rule: 'xml-entity-declaration',
        offset: doctype.offset + subsetStart + m.index,
        message: `The DOCTYPE declares "${name}" as ${kind}; this toolchain never expands DTD entities. Write the text itself or a character reference (&#x…;) instead`,
      });
    }
  }
  return findings;
}

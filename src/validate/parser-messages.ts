/**
 * libxml2's parser messages in an editor's words.
 *
 * libxml2 speaks of its own functions (`xmlParseEntityRef: no name`); an
 * editor needs to know what is wrong in the file and how to write it. Each
 * message known here is put into plain words, and libxml2's own text is
 * kept at the end in parentheses, so it can still be searched for:
 *
 *   "&" must begin a reference such as &amp; or &lt;: write a literal & as &amp; (libxml2: xmlParseEntityRef: no name)
 *
 * A message not known here is given as libxml2 wrote it.
 */
import { nearest } from '../rules/suggest.js';

/** Common HTML entities an editor may type, and the numeric reference XML needs instead. */
const htmlEntities: Record<string, [number, string]> = {
  nbsp: [160, 'a no-break space'],
  ensp: [8194, 'an en space'],
  emsp: [8195, 'an em space'],
  thinsp: [8201, 'a thin space'],
  shy: [173, 'a soft hyphen'],
  ndash: [8211, 'an en dash'],
  mdash: [8212, 'an em dash'],
  hellip: [8230, 'an ellipsis'],
  lsquo: [8216, 'a left single quotation mark'],
  rsquo: [8217, 'a right single quotation mark'],
  ldquo: [8220, 'a left double quotation mark'],
  rdquo: [8221, 'a right double quotation mark'],
  bdquo: [8222, 'a low double quotation mark'],
  laquo: [171, 'a left guillemet'],
  raquo: [187, 'a right guillemet'],
  copy: [169, 'a copyright sign'],
  sect: [167, 'a section sign'],
  para: [182, 'a pilcrow'],
  deg: [176, 'a degree sign'],
  middot: [183, 'a middle dot'],
  times: [215, 'a multiplication sign'],
  eacute: [233, 'é'],
  egrave: [232, 'è'],
  ecirc: [234, 'ê'],
  aacute: [225, 'á'],
  agrave: [224, 'à'],
  acirc: [226, 'â'],
  iacute: [237, 'í'],
  oacute: [243, 'ó'],
  uacute: [250, 'ú'],
  auml: [228, 'ä'],
  ouml: [246, 'ö'],
  uuml: [252, 'ü'],
  Auml: [196, 'Ä'],
  Ouml: [214, 'Ö'],
  Uuml: [220, 'Ü'],
  szlig: [223, 'ß'],
  ccedil: [231, 'ç'],
};

/** Namespaces an editor is likely to use with their usual prefix. */
const knownNamespaces: Record<string, string> = {
  xlink: 'http://www.w3.org/1999/xlink',
  xi: 'http://www.w3.org/2001/XInclude',
  tei: 'http://www.tei-c.org/ns/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  rng: 'http://relaxng.org/ns/structure/1.0',
};

function declareHint(prefix: string): string {
  const uri = knownNamespaces[prefix];
  return `declare it (xmlns:${prefix}="${uri ?? '…'}") on this element or one that encloses it, or remove the prefix`;
}

type Rewording = [RegExp, (m: RegExpExecArray) => string];

const rewordings: Rewording[] = [
  [/^Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)$/, (m) => `<${m[1]}> opened at line ${m[2]} is not closed: </${m[3]}> found where </${m[1]}> was expected`],
  [/^Excessive depth in document: (\d+)/, (m) => `The nesting depth exceeds ${Number(m[1]) - 1} levels of elements; libxml2 refuses documents nested this deeply`],
  [/^xmlParseEntityRef: no name$/, () => '"&" must begin a reference such as &amp; or &lt;: write a literal & as &amp;'],
  [/^EntityRef: expecting ';'$/, () => 'A reference that begins with "&" must end with ";" (as in &amp;): write a literal & as &amp;'],
  [
    /^Entity '([^']+)' not defined$/,
    (m) => {
      const name = m[1]!;
      const known = htmlEntities[name];
      const instead = known ? `: write &#${known[0]}; (${known[1]}) or the character itself` : ': write the character itself, or its numeric reference (&#160; for a no-break space)';
      return `&${name}; is not defined: without a DTD only the five XML entities (&amp; &lt; &gt; &quot; &apos;) and numeric references such as &#160; exist${instead}`;
    },
  ],
  [/^Unescaped '<' not allowed in attributes values$/, () => '"<" is not allowed in an attribute value: write it as &lt;'],
  [/^StartTag: invalid element name$/, () => '"<" must begin a tag with an element name: write a literal < as &lt;'],
  [/^Extra content at the end of the document$/, () => 'There is more after the end tag of the root element: a document has one root element, and everything else goes inside it'],
  [/^AttValue: " or ' expected$/, () => 'An attribute value must be in quotes: write name="value"'],
  [/^attributes construct error$/, () => 'The attributes of this tag cannot be read: each must be written name="value"'],
  [/^Specification mandates value for attribute (\S+)$/, (m) => `The attribute ${m[1]} has no value: write ${m[1]}="…", or remove it`],
  [/^Attribute (\S+) redefined$/, (m) => `The attribute ${m[1]} is given twice on this element: keep one`],
  [/^Premature end of data in tag (\S+) line (\d+)$/, (m) => `The file ends before <${m[1]}>, opened at line ${m[2]}, is closed: the rest of the file, or </${m[1]}>, is missing`],
  [/^Couldn't find end of Start Tag (\S+) line (\d+)$/, (m) => `The start tag <${m[1]}> at line ${m[2]} is not closed: a ">" is missing, or an attribute is not written name="value"`],
  [/^expected '>'$/, () => 'A ">" is missing at the end of this tag'],
  [/^Double hyphen within comment/, () => 'A comment may not hold "--": write the dashes apart, or end the comment with -->'],
  [/^XML declaration allowed only at the start of the document$/, () => 'The XML declaration (<?xml …?>) may stand only at the very start of the file, before any space, line or text'],
  [/^Sequence '\]\]>' not allowed in content$/, () => '"]]>" may not stand in text: write it as ]]&gt;'],
  [/^Namespace prefix (\S+) for (\S+) on (\S+) is not defined$/, (m) => `The prefix ${m[1]} of the attribute ${m[1]}:${m[2]} on <${m[3]}> is not declared: ${declareHint(m[1]!)}`],
  [/^Namespace prefix (\S+) on (\S+) is not defined$/, (m) => `The prefix ${m[1]} of <${m[1]}:${m[2]}> is not declared: ${declareHint(m[1]!)}`],
  [/^xml:id : attribute value (.*) is not an NCName$/, (m) => `The xml:id "${m[1]}" is not a valid XML name: it must begin with a letter or "_" and hold only letters, digits, ".", "-" and "_"`],
  [/^Document is empty$/, () => 'The file is empty: an XML document needs at least its root element'],
  [/^Start tag expected, '<' not found$/, () => 'No element found: an XML document begins with its root element (after an optional <?xml …?> declaration)'],
  [/^xmlParseCharRef: invalid xmlChar value (\d+)$/, (m) => `&#${m[1]}; names a character XML does not allow`],
];

/** libxml2's parser message (its "parser error : " prefix removed) in plain words, its own text kept at the end. */
export function plainParserMessage(raw: string): string {
  const text = raw.replace(/^(?:(?:parser|namespace|validity) error|warning) : /, '').trim();
  for (const [pattern, reword] of rewordings) {
    const m = pattern.exec(text);
    if (m) return `${reword(m)} (libxml2: ${text})`;
  }
  return text;
}

/** libxml2's own text of a message made by `plainParserMessage` (the message itself when it was not reworded). */
export function libxml2Text(message: string): string {
  const m = /\(libxml2: (.*)\)$/.exec(message);
  return m ? m[1]! : message;
}

/**
 * Errors about one attribute or one name (an xml:id that is not an
 * NCName, an undeclared prefix, an attribute given twice) stand on their
 * own: they do not follow from an earlier error, nor make later ones.
 */
export function standsAlone(message: string): boolean {
  return /is not an NCName|namespace|xmlns|redefined/i.test(libxml2Text(message));
}

/**
 * "(did you mean persName?)" for a RelaxNG message about an element whose
 * name the schema does not know, when one of the schema's names is near
 * (the same but for case, or a slip of a letter or two); '' otherwise.
 * `schemaNames`: the element names the schema defines.
 */
export function elementSuggestion(message: string, schemaNames: ReadonlySet<string>): string {
  const m = /Did not expect element (\S+) there|Expecting element \S+, got (\S+)$/.exec(message);
  const name = m?.[1] ?? m?.[2];
  if (name === undefined || schemaNames.has(name)) return '';
  const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
  const lower = local.toLowerCase();
  const sameButCase = [...schemaNames].find((n) => n.toLowerCase() === lower);
  const near = sameButCase ?? nearest(local, [...schemaNames].map((id) => ({ id })));
  return near === undefined || near === name ? '' : ` (did you mean ${near}?)`;
}

/** The element names a RelaxNG schema (XML syntax) defines with `<element name="…">`. */
export function schemaElementNames(schemaText: string): Set<string> {
  const names = new Set<string>();
  for (const m of schemaText.matchAll(/<(?:rng:)?element\s+name\s*=\s*["']([^"']+)["']/g)) names.add(m[1]!);
  return names;
}

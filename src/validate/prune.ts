/**
 * Pruning a large RelaxNG schema (tei_all) to the element names a set of
 * files uses, so that libxml2 compiles a fraction of it.
 *
 * Why the verdicts cannot change: an element pattern whose name class
 * matches none of the element names in the files can match no element of
 * any of those files, so what its content says is irrelevant to them. Such
 * an element becomes notAllowed, and notAllowed is simplified away the
 * RelaxNG way (section 4.20 of the specification): a choice loses the
 * branch, a group, interleave, oneOrMore, list, mixed, attribute or element
 * holding it becomes notAllowed, optional and zeroOrMore of it become
 * empty, a define whose content is notAllowed makes its refs notAllowed; a
 * choice, group or interleave left with one pattern is replaced by it. A
 * file that lacks a required element no other file has gets its error at
 * an ancestor.
 *
 * Unreachable defines and annotations (foreign elements such as
 * a:documentation or Schematron) are dropped. Anything this module does
 * not handle (include, externalRef, nested grammars, combine, a start
 * that would become notAllowed) makes it give up and return undefined:
 * the caller then uses the schema as it is. Element patterns named by
 * anyName or nsName are always kept, and so are all attribute patterns.
 */
import type { XmlElement } from '../parse/tree.js';
import { parseXml } from '../parse/tree.js';
import { escapeAttributeExactly, escapeXml } from '../parse/escape.js';

export const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const XMLNS_PREFIX = 'xmlns';

export interface PruneResult {
  /** The pruned schema, RelaxNG XML syntax. */
  text: string;
  /** Element patterns kept. */
  keptElements: number;
  /** Defines kept, of how many. */
  defines: { kept: number; total: number };
}

/** Thrown (and caught in pruneSchema) for any construct the pruner leaves alone. */
class Unsupported extends Error {}

interface RngNode {
  /** Local name in the RelaxNG namespace. */
  kind: string;
  source: XmlElement;
  children: RngNode[];
  /** Text content, kept for value, param, name and nsName. */
  text: string;
}

const TEXT_KINDS = new Set(['value', 'param', 'name', 'nsName']);
const NAME_CLASS_KINDS = new Set(['name', 'anyName', 'nsName', 'choice']);
const KNOWN = new Set([
  'grammar', 'start', 'define', 'div', 'element', 'attribute', 'group', 'interleave', 'choice', 'optional', 'zeroOrMore',
  'oneOrMore', 'list', 'mixed', 'ref', 'empty', 'text', 'value', 'data', 'notAllowed', 'param', 'except', 'name', 'anyName', 'nsName',
]);

function localPart(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** Convert the XML tree to RelaxNG nodes, resolving namespaces and dropping foreign elements. */
function toRng(element: XmlElement, scope: Map<string, string>): RngNode | undefined {
  let inner = scope;
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === XMLNS_PREFIX || name.startsWith(`${XMLNS_PREFIX}:`)) {
      if (inner === scope) inner = new Map(scope);
      inner.set(name === XMLNS_PREFIX ? '' : name.slice(6), value);
    }
  }
  const colon = element.name.indexOf(':');
  const prefix = colon < 0 ? '' : element.name.slice(0, colon);
  if ((inner.get(prefix) ?? '') !== RNG_NS) return undefined;
  const kind = localPart(element.name);
  if (!KNOWN.has(kind)) throw new Unsupported(`<${kind}>`);
  if ((kind === 'define' || kind === 'start') && element.attributes['combine'] !== undefined) throw new Unsupported('combine');
  const node: RngNode = { kind, source: element, children: [], text: '' };
  for (const child of element.children) {
    if (typeof child === 'string') {
      if (TEXT_KINDS.has(kind)) node.text += child;
      continue;
    }
    const c = toRng(child, inner);
    if (c) node.children.push(c);
  }
  return node;
}

/** The pattern children of a node (for element and attribute, without the name class). */
function patternChildren(node: RngNode): RngNode[] {
  if ((node.kind === 'element' || node.kind === 'attribute') && node.source.attributes['name'] === undefined) return node.children.slice(1);
  if (node.kind === 'data') return node.children.filter((c) => c.kind === 'except');
  return node.children;
}

/** The local names an element pattern's name class can match; undefined when it is a wildcard (anyName, nsName). */
function elementNames(node: RngNode): string[] | undefined {
  const name = node.source.attributes['name'];
  if (name !== undefined) return [localPart(name.trim())];
  const names: string[] = [];
  const visit = (nc: RngNode | undefined): boolean => {
    if (!nc || !NAME_CLASS_KINDS.has(nc.kind)) return false;
    if (nc.kind === 'name') {
      names.push(localPart(nc.text.trim()));
      return true;
    }
    if (nc.kind === 'choice') return nc.children.every(visit);
    return false;
  };
  return visit(node.children[0]) ? names : undefined;
}

class Pruner {
  readonly defines = new Map<string, RngNode>();
  readonly dead = new Set<string>();
  kept = 0;

  constructor(
    readonly grammar: RngNode,
    readonly used: ReadonlySet<string>,
  ) {
    const collect = (n: RngNode): void => {
      for (const c of n.children) {
        if (c.kind === 'define') {
          const name = c.source.attributes['name'] ?? '';
          if (this.defines.has(name)) throw new Unsupported(`define ${name} twice`);
          this.defines.set(name, c);
        } else if (c.kind === 'div') collect(c);
        else if (c.kind === 'grammar') throw new Unsupported('nested grammar');
      }
    };
    collect(grammar);
  }

  /** An element pattern no used name can match. */
  unused(node: RngNode): boolean {
    const names = elementNames(node);
    return names !== undefined && names.every((n) => !this.used.has(n));
  }

  /** Whether a pattern is notAllowed, given the defines known to be dead. */
  isDead(node: RngNode): boolean {
    switch (node.kind) {
      case 'notAllowed':
        return true;
      case 'ref':
        return this.dead.has(node.source.attributes['name'] ?? '');
      case 'choice':
        return node.children.every((c) => this.isDead(c));
      case 'optional':
      case 'zeroOrMore':
      case 'empty':
      case 'text':
      case 'value':
      case 'data':
      // name classes
      case 'name':
      case 'anyName':
      case 'nsName':
      case 'except':
        return false;
      case 'element':
        return this.unused(node) || patternChildren(node).some((c) => this.isDead(c));
      case 'group':
      case 'interleave':
      case 'oneOrMore':
      case 'list':
      case 'mixed':
      case 'attribute':
      case 'define':
      case 'start':
        return patternChildren(node).some((c) => this.isDead(c));
      default:
        throw new Unsupported(`<${node.kind}> as a pattern`);
    }
  }

  /** Find every define that is notAllowed (a greatest fixpoint: only what is provably notAllowed). */
  settle(): void {
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, define] of this.defines) {
        if (!this.dead.has(name) && this.isDead(define)) {
          this.dead.add(name);
          changed = true;
        }
      }
    }
  }
}

function startTag(node: RngNode): string {
  let tag = `<${node.source.name}`;
  for (const [name, value] of Object.entries(node.source.attributes)) tag += ` ${name}="${escapeAttributeExactly(value)}"`;
  return tag;
}

/** `<empty/>` in the RelaxNG namespace, whatever prefixes are in scope. */
const EMPTY = `<empty xmlns="${RNG_NS}"/>`;

/**
 * Prune `schemaText` to the element local names in `used`. Returns
 * undefined when the schema uses something the pruner leaves alone.
 */
export function pruneSchema(schemaText: string, used: ReadonlySet<string>): PruneResult | undefined {
  let root: RngNode | undefined;
  try {
    root = toRng(parseXml(schemaText).root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  if (!root || root.kind !== 'grammar') return undefined;
  let pruner: Pruner;
  try {
    pruner = new Pruner(root, used);
    pruner.settle();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const starts = root.children.filter((c) => c.kind === 'start');
  if (starts.length !== 1 || pruner.isDead(starts[0]!)) return undefined;

  // Which defines the pruned start reaches.
  const reached = new Set<string>();
  const queue: RngNode[] = [starts[0]!];
  const walk = (node: RngNode): void => {
    if (node.kind === 'ref') {
      const name = node.source.attributes['name'] ?? '';
      if (!reached.has(name)) {
        const define = pruner.defines.get(name);
        if (!define) throw new Unsupported(`ref to ${name}, which is not defined`);
        reached.add(name);
        queue.push(define);
      }
      return;
    }
    if (node.kind === 'element' && pruner.unused(node)) return;
    if ((node.kind === 'optional' || node.kind === 'zeroOrMore') && node.children.some((c) => pruner.isDead(c))) return;
    if (node.kind === 'choice') {
      for (const c of node.children) if (!pruner.isDead(c)) walk(c);
      return;
    }
    for (const c of node.children) walk(c);
  };
  try {
    while (queue.length > 0) {
      const next = queue.pop()!;
      for (const c of next.children) walk(c);
    }
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }

  /**
   * The children to write: without notAllowed branches of a choice, with
   * `<empty/>` for an optional or zeroOrMore whose content is notAllowed,
   * and without such empties where they are redundant (anywhere but in a
   * choice): libxml2 takes forever to compile some grammars with empty
   * patterns inside groups.
   */
  const emitted = (node: RngNode): Array<RngNode | 'empty'> => {
    const list: Array<RngNode | 'empty'> = [];
    for (const c of node.children) {
      if (node.kind === 'choice' && pruner.isDead(c)) continue;
      if ((c.kind === 'optional' || c.kind === 'zeroOrMore') && c.children.some((p) => pruner.isDead(p))) {
        if (!list.includes('empty')) list.push('empty');
      } else list.push(c);
    }
    if (node.kind === 'choice' || !list.includes('empty')) return list;
    const rest = list.filter((c) => c !== 'empty');
    const nameClass = (node.kind === 'element' || node.kind === 'attribute') && node.source.attributes['name'] === undefined ? node.children[0] : undefined;
    return rest.some((c) => c !== nameClass) ? rest : [...rest, 'empty'];
  };

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const emit = (node: RngNode, depth: number): void => {
    const pad = '\n' + ' '.repeat(depth);
    if (node.kind === 'define' && !reached.has(node.source.attributes['name'] ?? '')) return;
    if (node.kind === 'div' && !node.children.some((c) => c.kind !== 'define' || reached.has(c.source.attributes['name'] ?? ''))) return;
    // (An unused element is dead, so its parent never emits it.)
    if (node.kind === 'element') pruner.kept++;
    const children = emitted(node);
    // A choice, group or interleave left with one pattern is that pattern:
    // libxml2 never finishes compiling some grammars that keep such wrappers.
    if ((node.kind === 'choice' || node.kind === 'group' || node.kind === 'interleave') && children.length === 1 && Object.keys(node.source.attributes).length === 0) {
      const only = children[0]!;
      if (only === 'empty') out.push(pad, EMPTY);
      else emit(only, depth);
      return;
    }
    if (node.kind === 'data') {
      // An except whose every pattern is notAllowed excludes nothing.
      const kept = node.children.filter((c) => c.kind !== 'except' || !c.children.every((p) => pruner.isDead(p)));
      out.push(pad, startTag(node));
      if (kept.length === 0) out.push('/>');
      else {
        out.push('>');
        for (const c of kept) emit(c, depth + 1);
        out.push(pad, `</${node.source.name}>`);
      }
      return;
    }
    if (node.kind === 'except') {
      const kept = node.children.filter((c) => !pruner.isDead(c));
      out.push(pad, startTag(node), '>');
      for (const c of kept) emit(c, depth + 1);
      out.push(pad, `</${node.source.name}>`);
      return;
    }
    if (TEXT_KINDS.has(node.kind) && node.children.length === 0) {
      out.push(pad, startTag(node), '>', escapeXml(node.text), `</${node.source.name}>`);
      return;
    }
    if (children.length === 0) {
      out.push(pad, startTag(node), '/>');
      return;
    }
    out.push(pad, startTag(node), '>');
    for (const c of children) {
      if (c === 'empty') out.push(pad, ' ', EMPTY);
      else emit(c, depth + 1);
    }
    out.push(pad, `</${node.source.name}>`);
  };
  emit(root, 0);
  out.push('\n');
  return {
    text: out.join('').replace(/^(<\?xml[^>]*>)\n\n/, '$1\n'),
    keptElements: pruner.kept,
    defines: { kept: reached.size, total: pruner.defines.size },
  };
}

/**
 * The local names of the elements in XML texts: every start tag's name,
 * prefix removed. Comments and CDATA sections may add names that are no
 * elements; that only keeps more of the schema.
 */
export function elementNamesIn(texts: Iterable<string>, into: Set<string> = new Set()): Set<string> {
  const tag = /<([^\s/>!?]+)/g;
  for (const text of texts) {
    tag.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = tag.exec(text))) into.add(localPart(m[1]!));
  }
  return into;
}

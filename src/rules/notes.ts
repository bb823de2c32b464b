/**
 * Helpers shared by the note rules: which notes stand apart from the text
 * (and so need an anchor), and how their numbers run.
 */
import type { XmlElement } from '../parse/tree.js';
import { ancestor, descendantsNamed } from '../parse/tree.js';

/** Notes kept apart from the text, in `back` (the edition's and the compilers' notes). */
export function detachedNotes(root: XmlElement): XmlElement[] {
  return descendantsNamed(root, 'note').filter((n) => ancestor(n, 'back') !== undefined);
}

/** `"e12"` → `{series: "e", number: 12}`; undefined when @n has no trailing number. */
export function noteNumber(n: string | undefined): { series: string; number: number } | undefined {
  const m = /^(\D*)(\d+)$/.exec(n ?? '');
  if (!m) return undefined;
  return { series: m[1]!, number: Number(m[2]) };
}

export function noteLabel(note: XmlElement): string {
  const n = note.attributes['n'];
  return n ? `Note ${n}` : note.attributes['xml:id'] ? `Note "${note.attributes['xml:id']}"` : 'A note';
}

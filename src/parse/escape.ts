/**
 * Escaping for the XML and HTML this toolchain writes itself (prune's
 * schema, `edition new`'s template, the serve error page), and the
 * reverse for what it reads (the element tree, a foreign edition's titles).
 */

/** Text content, or a double-quoted attribute value: &, <, > and " as entities. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An attribute value that must keep its whitespace characters as they are (an attribute's newlines and tabs are otherwise normalised to spaces). */
export function escapeAttributeExactly(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replace the five predefined entities and character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return predefined[ref] ?? whole;
  });
}

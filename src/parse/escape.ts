/** Escaping for the XML and HTML this toolchain writes itself (prune's schema, `edition new`'s template, the serve error page). */

/** Text content, or a double-quoted attribute value: &, <, > and " as entities. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An attribute value that must keep its whitespace characters as they are (an attribute's newlines and tabs are otherwise normalised to spaces). */
export function escapeAttributeExactly(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * Unset values: what the edition has not decided yet and must not show its
 * readers. The build names each one as a warning (with its rule id and,
 * where there is one, its place); `edition build --strict` refuses to
 * publish while any is left; and the values themselves are kept out of the
 * pages (the build passes '' for an unset base URL or licence, and the
 * stylesheets leave out header text marked as a placeholder, and a register
 * entry's identifiers not verified: `f:is-verified`, xslt/common/entries.xsl).
 *
 *   unset-base-url         `baseUrl` in the configuration is empty or a placeholder
 *   unset-licence          `licence.url` or `licence.label` is empty or a placeholder
 *   placeholder-text       a source holds text marked PLACEHOLDER (or an element of type "placeholder")
 *   unverified-identifier  an `idno` whose certainty (`@cert`) is not high
 *
 * Template text that `edition new` leaves is the validation rule
 * `template-text`, reported by validation in the same list.
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionConfig } from '../config.js';
import { LineIndex } from '../read/positions.js';

/** The word that marks a value still to be decided, in the configuration and in the sources. */
export const PLACEHOLDER_MARK = 'PLACEHOLDER';

/** Whether a configured value is unset: empty, or marked as a placeholder. */
export function isUnset(value: string | undefined): boolean {
  return value === undefined || value.trim() === '' || value.includes(PLACEHOLDER_MARK);
}

/** A source as the build has it: its path and decoded text. */
export interface UnsetValueSource {
  file: string;
  text: string;
}

function warning(file: string, line: number, column: number, rule: string, message: string): Diagnostic {
  return { file, line, column, severity: 'warning', rule, source: 'edition', message };
}

/** Where a key of the configuration file is written (`"baseUrl"`), else line 1, column 1. */
function keyPlace(configText: string, key: string, lines: LineIndex): { line: number; column: number } {
  const at = configText.indexOf(`"${key}"`);
  return at < 0 ? { line: 1, column: 1 } : lines.position(at);
}

const shorten = (s: string): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 90 ? `${one.slice(0, 87)}…` : one;
};

/**
 * The unset values of a configured edition. A foreign folder (no
 * configuration) has none of this edition's settings, so only its sources'
 * placeholders and identifiers are named.
 */
export function unsetValues(config: EditionConfig, sources: readonly UnsetValueSource[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (config.editionRules && config.file !== undefined) {
    let configText = '';
    try {
      configText = readFileSync(config.file, 'utf8');
    } catch {
      // The configuration was read before; a file gone since is named without a place.
    }
    const lines = new LineIndex(configText);
    if (isUnset(config.baseUrl)) {
      const { line, column } = keyPlace(configText, 'baseUrl', lines);
      found.push(warning(config.file, line, column, 'unset-base-url',
        `The base URL is not set (${JSON.stringify(config.baseUrl)}): citations get no permanent link and CMIF no absolute URLs until "baseUrl" names where the edition is published`));
    }
    if (isUnset(config.licence.url) || isUnset(config.licence.label)) {
      const { line, column } = keyPlace(configText, 'licence', lines);
      found.push(warning(config.file, line, column, 'unset-licence',
        `The licence is not set (${JSON.stringify(config.licence.label || config.licence.url)}): the pages name no licence until "licence" gives its url and label`));
    }
  }
  for (const source of sources) {
    if (!source.text.includes(PLACEHOLDER_MARK) && !source.text.includes('cert=')) continue;
    const lines = new LineIndex(source.text);
    for (const m of source.text.matchAll(/PLACEHOLDER[^<]*/g)) {
      // A marked value in an attribute or comment is scaffolding too, but only text reaches readers.
      const { line, column } = lines.position(m.index);
      found.push(warning(source.file, line, column, 'placeholder-text', `Placeholder still in the source: "${shorten(m[0])}"; the pages leave it out until it is replaced`));
    }
    for (const m of source.text.matchAll(/<idno\b[^>]*\bcert\s*=\s*["']([^"']*)["'][^>]*>([^<]*)/g)) {
      if (m[1]!.trim() === 'high') continue;
      const { line, column } = lines.position(m.index);
      found.push(warning(source.file, line, column, 'unverified-identifier',
        `Identifier "${shorten(m[2]!)}" is not verified (cert="${m[1]}"): verify it and remove @cert, or set cert="high"`));
    }
  }
  return found;
}

/** Helpers for the robustness tests: a generic temp edition and a strict check of diagnostics. */
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { validate } from '../../src/validate/index.js';
import type { ValidationResult } from '../../src/validate/index.js';
import { tempEdition } from '../helpers/edition.js';
import type { TempEdition } from '../helpers/edition.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** Every diagnostic is complete: file, line >= 1, column >= 1, severity, rule, source, message. */
export function expectWellFormedDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(typeof d.file, JSON.stringify(d)).toBe('string');
    expect(Number.isInteger(d.line) && d.line >= 1, JSON.stringify(d)).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, JSON.stringify(d)).toBe(true);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.rule).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(['xml', 'relaxng', 'edition']).toContain(d.source);
    expect(d.message.trim()).not.toBe('');
  }
}

export interface Checked {
  edition: TempEdition;
  result: ValidationResult;
  /** Diagnostics of one file, by its name in the source folder. */
  of(name: string): Diagnostic[];
  /** Names of the files without any error. */
  clean(): string[];
}

/** Validate files with the generic checks (no edition rules) and an accept-anything schema, unless one is given. */
export async function check(files: Record<string, string | Uint8Array>, options: { schema?: string; editionRules?: boolean } = {}): Promise<Checked> {
  const edition = tempEdition(files, { editionRules: options.editionRules ?? false, ...(options.schema ? { schema: options.schema } : {}) });
  try {
    const result = await validate({ config: edition.config });
    expectWellFormedDiagnostics(result.diagnostics);
    return {
      edition,
      result,
      of: (name) => result.diagnostics.filter((d) => d.file === `${edition.source}/${name}`),
      clean: () => result.files.filter((f) => f.errors === 0).map((f) => f.name).sort(),
    };
  } finally {
    edition.cleanup();
  }
}

/** A small valid TEI document. */
export function teiDocument(body = '<p>Text.</p>', id = 'd1'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="${TEI_NS}" xml:id="${id}">
  <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
  <text><body>${body}</body></text>
</TEI>
`;
}

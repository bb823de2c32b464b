/** Temporary editions for tests: write files, build a profile, clean up. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EditionConfig } from '../../src/config.js';
import type { StylesheetParams } from '../../src/transform/saxon.js';
import { exampleConfig } from '../../src/rules/examples.js';

/** The edition-wide stylesheet parameters the stylesheet tests transform with (every one given). */
export const testStylesheetParams: StylesheetParams = {
  'edition-title': 'Test edition',
  'edition-version': '1.2.3',
  'base-url': 'https://example.org/edition/',
  licence: 'https://creativecommons.org/licenses/by/4.0/',
  'licence-label': 'CC BY 4.0',
  'generated-date': '2026-01-02',
};

/** A RelaxNG schema that accepts any well-formed XML, to test the rules alone. */
export const anyXmlSchema = `<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><ref name="any"/></start>
  <define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element></define>
</grammar>`;

export interface TempEdition {
  root: string;
  source: string;
  schema: string;
  config: EditionConfig;
  cleanup(): void;
}

export function tempEdition(files: Record<string, string | Uint8Array>, options: { schema?: string; editionRules?: boolean } = {}): TempEdition {
  const root = mkdtempSync(join(tmpdir(), 'edition-test-'));
  const source = join(root, 'tei');
  mkdirSync(source);
  for (const [name, content] of Object.entries(files)) {
    const path = join(source, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  const schema = join(root, 'schema.rng');
  writeFileSync(schema, options.schema ?? anyXmlSchema);
  const config: EditionConfig = {
    file: undefined,
    root,
    title: 'Test edition',
    source,
    schema,
    output: join(root, 'dist'),
    header: exampleConfig.header,
    registers: exampleConfig.registers,
    dateRange: exampleConfig.dateRange,
    rules: {},
    baseUrl: 'https://example.org/edition/',
    licence: { url: 'https://example.org/licence', label: 'Example licence' },
    editionRules: options.editionRules ?? true,
    cacheFolder: undefined,
  };
  return { root, source, schema, config, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

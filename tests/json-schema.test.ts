/** Every JSON output of the edition is valid against schema/edition-json.schema.json (the contract). */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../src/site/index.js';
import { loadConfig } from '../src/config.js';

const root = resolve(import.meta.dirname, '..');
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-json-'));
  const config = { ...loadConfig(join(root, 'edition.config.json')), cacheFolder: join(work, 'cache') };
  const result = await buildEdition({ config, out: join(work, 'dist') });
  expect(result.published).toBe(true);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the JSON edition against its schema', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schema/edition-json.schema.json'), 'utf8')) as Record<string, unknown>;

  test.each(['doc068.json', 'doc069.json'])('json/%s is a valid document', (name) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const data = JSON.parse(readFileSync(join(work, 'dist/json', name), 'utf8')) as unknown;
    expect(validate(data), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  test('every JSON file of the output validates against the schema', () => {
    const files = [
      ...readdirSync(join(work, 'dist/json')).map((n) => join(work, 'dist/json', n)),
      ...readdirSync(join(work, 'dist')).filter((n) => n.endsWith('.json')).map((n) => join(work, 'dist', n)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(6);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    for (const file of files) {
      const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
      expect(ok, `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  test('the schema is strict enough to reject a broken document', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const good = JSON.parse(readFileSync(join(work, 'dist/json/doc068.json'), 'utf8')) as Record<string, unknown>;
    const { text: _text, ...withoutText } = good;
    expect(validate(withoutText)).toBe(false);
    expect(validate({ ...good, entities: [{ type: 'person', ref: 1, start: 'x', end: 2 }] })).toBe(false);
    // The archive's generic fields (country, settlement, shelfmark) are required beside fond/opis/delo.
    const { shelfmark: _shelfmark, ...archive } = good.archive as Record<string, unknown>;
    expect(validate({ ...good, archive })).toBe(false);
    expect(validate({ ...good, archive: { ...archive, shelfmark: 'MSS 31', country: 1 } })).toBe(false);
  });

  test('entity and apparatus offsets index into text by code points, end-exclusive', () => {
    for (const name of ['doc068.json', 'doc069.json']) {
      const doc = JSON.parse(readFileSync(join(work, 'dist/json', name), 'utf8')) as {
        text: string;
        entities: Array<{ start: number; end: number; type: string }>;
      };
      const chars = Array.from(doc.text);
      expect(doc.entities.length).toBeGreaterThan(3);
      for (const e of doc.entities) {
        expect(e.start).toBeLessThan(e.end);
        expect(e.end).toBeLessThanOrEqual(chars.length);
        const span = chars.slice(e.start, e.end).join('');
        expect(span.trim()).toBe(span);
        expect(span.length).toBeGreaterThan(0);
      }
    }
  });
});

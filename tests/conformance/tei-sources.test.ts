// The edition's TEI sources against the shared material: every file in tei/
// is valid against the official tei_all and against the edition's own
// customization, and the documents keep every word of the source.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { sharedFolder } from './shared-folder.ts';
import { textOfTei, wordsOf } from './text-of-tei.ts';
import { findInOrder, sourceParagraphs, WINDOW_SLACK } from './fidelity.ts';

const teiFolder = resolve('tei');
const editionSchema = resolve('schema/edition.rng');
const teiAllSchema = join(sharedFolder(), 'schemas/tei_all.rng');
const seedFile = join(sharedFolder(), 'seeds/bolshevik-correspondence-no68-69.txt');

const teiFiles = readdirSync(teiFolder)
  .filter((name) => name.endsWith('.xml'))
  .sort();

/** Compiling tei_all takes about 10 s in wasm; allow for a slow machine. */
const VALIDATION_TIME_LIMIT_MS = 150_000;

/** Validates all of tei/ in one call (one schema compile), with a time limit. */
async function validateTeiFolder(schemaPath: string): Promise<string[]> {
  // Synthetic names: xmllint-wasm refuses some real ones (a leading "-").
  const inputs = teiFiles.map((name, i) => ({
    fileName: `f${i}.xml`,
    contents: readFileSync(join(teiFolder, name), 'utf8'),
  }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeLimit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`validation against ${schemaPath} took over ${VALIDATION_TIME_LIMIT_MS} ms`)),
      VALIDATION_TIME_LIMIT_MS,
    );
  });
  try {
    const result: XMLValidationResult = await Promise.race([
      validateXML({
        xml: inputs,
        schema: [readFileSync(schemaPath, 'utf8')],
        extension: 'relaxng',
        maxMemoryPages: 65536,
      }),
      timeLimit,
    ]);
    const realName = (synthetic: string): string =>
      teiFiles[Number(/^f(\d+)\.xml$/.exec(synthetic)?.[1] ?? NaN)] ?? synthetic;
    return result.errors.map((error) =>
      error.loc ? `tei/${realName(error.loc.fileName)}:${error.loc.lineNumber}: ${error.message}` : error.rawMessage,
    );
  } finally {
    clearTimeout(timer);
  }
}

describe('tei/ is valid', () => {
  test('there are TEI files to check', () => {
    expect(teiFiles).toEqual(expect.arrayContaining(['doc068.xml', 'doc069.xml', 'edition.xml']));
  });

  test('against tei_all.rng (TEI P5, shared folder)', { timeout: VALIDATION_TIME_LIMIT_MS + 10_000 }, async () => {
    expect(await validateTeiFolder(teiAllSchema)).toEqual([]);
  });

  test('against schema/edition.rng', { timeout: VALIDATION_TIME_LIMIT_MS + 10_000 }, async () => {
    expect(await validateTeiFolder(editionSchema)).toEqual([]);
  });
});

// ---------------------------------------------------------------- fidelity

const paragraphs = sourceParagraphs(readFileSync(seedFile, 'utf8'));
const documentWords = new Map(
  (['doc068', 'doc069'] as const).map((doc) => [
    doc,
    wordsOf(textOfTei(readFileSync(join(teiFolder, `${doc}.xml`), 'utf8'))),
  ]),
);

describe('the documents keep every word of the source', () => {
  test('the seed yields paragraphs for both documents', () => {
    expect(paragraphs.filter((p) => p.doc === 'doc068').length).toBeGreaterThan(10);
    expect(paragraphs.filter((p) => p.doc === 'doc069').length).toBeGreaterThan(5);
    expect(paragraphs[0]?.text).toBe('No. 68');
  });

  test.each(paragraphs.map((p) => [p.doc, p.text.slice(0, 60), p] as const))(
    '%s: %s',
    (doc, _title, paragraph) => {
      const problem = findInOrder(paragraph.words, documentWords.get(doc) ?? []);
      expect(problem, `${doc}.xml: ${problem}\nsource paragraph: ${paragraph.text}`).toBeNull();
    },
  );

  test('the check notices a word taken out of a document', () => {
    const words = documentWords.get('doc068') ?? [];
    const without = [...words];
    without.splice(words.indexOf('navigation'), 1);
    const paragraph = paragraphs.find((p) => p.text.startsWith('After you have captured'));
    expect(paragraph).toBeDefined();
    expect(findInOrder(paragraph?.words ?? [], words)).toBeNull();
    expect(findInOrder(paragraph?.words ?? [], without)).toMatch(/missing word "navigation"/);
  });

  test('the check notices words scattered beyond the window', () => {
    const paragraph = ['a', 'b', 'c'];
    expect(findInOrder(paragraph, ['a', 'b', 'c'])).toBeNull();
    const scattered = ['a', 'b', ...Array<string>(WINDOW_SLACK + 1).fill('x'), 'c'];
    expect(findInOrder(paragraph, scattered)).toMatch(/missing word "c"/);
  });
});

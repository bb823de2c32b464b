// The edition's TEI sources against the shared material: every file in tei/
// is valid against the official tei_all and against the edition's own
// customization, and the documents keep every word of the source.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { sharedFolder } from './shared-folder.ts';
import { textOfTei, wordsOf } from './text-of-tei.ts';

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

interface SourceParagraph {
  doc: 'doc068' | 'doc069';
  text: string;
  words: string[];
}

/**
 * The seed from the line "No. 68" to the end, in paragraphs (separated by
 * blank lines, no-break spaces counting as blank), each assigned to its
 * document: before the line "No. 69" to doc068, from it on to doc069.
 * The site navigation and the collection's title above "No. 68" are not
 * document text.
 */
function sourceParagraphs(seed: string): SourceParagraph[] {
  const lines = seed.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === 'No. 68');
  if (start < 0) throw new Error(`${seedFile} has no line "No. 68"`);
  const paragraphs: SourceParagraph[] = [];
  let doc: SourceParagraph['doc'] = 'doc068';
  let current: string[] = [];
  const flush = (): void => {
    const text = current.join(' ').trim();
    current = [];
    const words = wordsOf(text);
    if (words.length > 0) paragraphs.push({ doc, text, words });
  };
  for (const line of lines.slice(start)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.trim() === 'No. 69') {
      flush();
      doc = 'doc069';
    }
    current.push(line);
  }
  flush();
  return paragraphs;
}

/** The slack a paragraph's words may spread over: its own length plus this. */
const WINDOW_SLACK = 12;

/**
 * Finds the paragraph's words in order in the document's words, spread over at
 * most words.length + WINDOW_SLACK words. Returns null when found, otherwise
 * a message naming the first word that could not be placed, with context.
 */
function findInOrder(paragraph: string[], document: string[]): string | null {
  const window = paragraph.length + WINDOW_SLACK;
  let best = { matched: -1, start: 0, end: 0 };
  for (let start = 0; start < document.length; start++) {
    if (document[start] !== paragraph[0]) continue;
    let matched = 1;
    let position = start;
    for (; matched < paragraph.length; matched++) {
      const limit = Math.min(document.length, start + window);
      let next = position + 1;
      while (next < limit && document[next] !== paragraph[matched]) next++;
      if (next >= limit) break;
      position = next;
    }
    if (matched === paragraph.length) return null;
    if (matched > best.matched) best = { matched, start, end: position };
  }
  if (best.matched < 0) {
    return `first word "${paragraph[0]}" does not occur in the document`;
  }
  const missing = paragraph[best.matched];
  const before = paragraph.slice(Math.max(0, best.matched - 5), best.matched).join(' ');
  const after = paragraph.slice(best.matched + 1, best.matched + 6).join(' ');
  const tei = document.slice(best.start, Math.min(document.length, best.end + 8)).join(' ');
  return (
    `missing word "${missing}" (word ${best.matched + 1} of ${paragraph.length}) ` +
    `in "… ${before} [${missing}] ${after} …"; ` +
    `the best match in the TEI stops at "${tei} …"`
  );
}

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

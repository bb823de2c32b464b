// Fidelity to the source: the seed's paragraphs, and a search for a
// paragraph's words, in order and close together, in a document's words.
import { wordsOf } from './text-of-tei.ts';

export interface SourceParagraph {
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
export function sourceParagraphs(seed: string): SourceParagraph[] {
  const lines = seed.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === 'No. 68');
  if (start < 0) throw new Error('the seed has no line "No. 68"');
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
export const WINDOW_SLACK = 12;

/**
 * Finds the paragraph's words in order in the document's words, spread over at
 * most words.length + WINDOW_SLACK words. Returns null when found, otherwise
 * a message naming the first word that could not be placed, with context.
 */
export function findInOrder(paragraph: string[], document: string[]): string | null {
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


/**
 * The text file without this edition's additions: everything the editorial
 * mark ⟨…⟩ holds (readings after the source's form, changes of hand, the
 * editors' note numbers, …) taken out, innermost first.
 */
export function withoutEditorialMarks(text: string): string {
  let out = text;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(/⟨[^⟨⟩]*⟩/g, ' ');
  }
  return out;
}

/**
 * Whether the paragraph's words stand together, in order and with nothing
 * between them, in the document's words: null when they do, otherwise the
 * paragraph's first words, for the message.
 */
export function findTogether(paragraph: string[], document: string[]): string | null {
  for (let start = 0; start + paragraph.length <= document.length; start++) {
    if (paragraph.every((word, i) => document[start + i] === word)) return null;
  }
  return `the words "${paragraph.slice(0, 8).join(' ')} …" do not stand together`;
}

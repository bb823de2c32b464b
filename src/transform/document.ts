/**
 * One document's outputs: its page, its plain text and its JSON, made from
 * one SaxonJS parse and written into the build's staging folder at paths
 * the main thread has claimed. The same work runs in a pool worker or, for
 * a few documents, in the build's own thread.
 */
import { placeOutput } from '../build/publish.js';
import { searchEntry } from '../build/search-index.js';
import type { SearchEntry } from '../build/search-index.js';
import { parseForTransform, transform, TransformError } from './saxon.js';
import type { StylesheetParams } from './saxon.js';
import type { Stylesheets } from './stylesheets.js';

export interface DocumentJob {
  index: number;
  /** Output base name: `<base>.html`, `text/<base>.txt`, `json/<base>.json`. */
  base: string;
  text: string;
  params: StylesheetParams;
}

/** Only the text and the search entry travel back, for edition.txt and the search index. */
export type DocumentResult =
  | { index: number; ok: true; text: string; search: SearchEntry; linked: number }
  | { index: number; ok: false; message: string };

/** Where outputs go: the published folder (to link unchanged files from) and the staging folder. */
export interface OutputFolders {
  out: string;
  staging: string;
}

/** Transform one document; a stylesheet failure is a result, any other error is thrown. */
export async function transformDocument(sheets: Stylesheets, folders: OutputFolders, job: DocumentJob): Promise<DocumentResult> {
  try {
    const source = await parseForTransform(job.text);
    const html = transform(sheets.html, source, job.params).principal;
    const text = transform(sheets.text, source, job.params).principal;
    const json = transform(sheets.json, source, job.params).principal;
    let linked = 0;
    if (placeOutput(folders.out, folders.staging, `${job.base}.html`, html)) linked++;
    if (placeOutput(folders.out, folders.staging, `text/${job.base}.txt`, text)) linked++;
    if (placeOutput(folders.out, folders.staging, `json/${job.base}.json`, json)) linked++;
    return { index: job.index, ok: true, text, search: searchEntry(json, job.base), linked };
  } catch (error) {
    if (!(error instanceof TransformError)) throw error;
    return { index: job.index, ok: false, message: error.message };
  }
}

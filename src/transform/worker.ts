/**
 * A transform worker: loads the compiled stylesheets once, then turns
 * documents into their page, text and JSON, writing them straight into the
 * build's staging folder (at paths the main thread has claimed). Only the
 * text and the search entry travel back, for edition.txt and the search index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { placeOutput } from '../build/publish.js';
import { searchEntry } from '../build/search-index.js';
import type { SearchEntry } from '../build/search-index.js';
import { parseForTransform, transform } from './saxon.js';
import type { StylesheetParams } from './saxon.js';
import { loadStylesheets } from './stylesheets.js';

export interface WorkerSetup {
  xsltFolder: string;
  stylesheetCacheFolder: string;
  out: string;
  staging: string;
}

export interface DocumentJob {
  index: number;
  base: string;
  text: string;
  params: StylesheetParams;
}

export type DocumentResult =
  | { index: number; ok: true; text: string; search: SearchEntry; linked: number }
  | { index: number; ok: false; message: string };

async function main(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const sheets = await loadStylesheets(setup.xsltFolder, setup.stylesheetCacheFolder);
  parentPort!.on('message', async (job: DocumentJob) => {
    let reply: DocumentResult;
    try {
      const source = await parseForTransform(job.text);
      const html = transform(sheets.html, source, job.params).principal;
      const text = transform(sheets.text, source, job.params).principal;
      const json = transform(sheets.json, source, job.params).principal;
      let linked = 0;
      if (placeOutput(setup.out, setup.staging, `${job.base}.html`, html)) linked++;
      if (placeOutput(setup.out, setup.staging, `text/${job.base}.txt`, text)) linked++;
      if (placeOutput(setup.out, setup.staging, `json/${job.base}.json`, json)) linked++;
      reply = { index: job.index, ok: true, text, search: searchEntry(json, job.base), linked };
    } catch (error) {
      reply = { index: job.index, ok: false, message: (error as Error).message };
    }
    parentPort!.postMessage(reply);
  });
  parentPort!.postMessage({ ready: true });
}

void main();

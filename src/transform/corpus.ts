/**
 * The edition-wide outputs: xslt/corpus.xsl over the edition-wide input
 * the build assembles (src/site/corpus.ts: the edition header, the
 * registers and the documents' summaries), and the schema reference
 * (xslt/schema.xsl over the edition's RelaxNG schema) when the edition has
 * one of its own, both by named template of the build's stylesheet
 * (xslt/build.xsl). The input grows with the summaries (a few kilobytes a
 * letter), not with the texts, so this runs in the build's own thread.
 */
import { applyMode, buildEntry, callTemplate, parseForTransform } from './saxon.js';
import type { StylesheetParams } from './saxon.js';
import type { CompiledStylesheet } from './stylesheets.js';

export interface CorpusJob {
  /** The edition-wide input (src/site/corpus.ts). */
  inputText: string;
  /** The edition's RelaxNG schema, for schema.html; undefined for none. */
  schemaText: string | undefined;
  params: StylesheetParams;
}

/** Make every edition-wide output; each goes to onOutput with its href relative to the output folder. */
export async function makeCorpusOutputs(stylesheet: CompiledStylesheet, job: CorpusJob, onOutput: (href: string, content: string) => void): Promise<void> {
  const input = await parseForTransform(job.inputText);
  callTemplate(stylesheet, buildEntry.edition, input, job.params, onOutput);
  if (job.schemaText !== undefined) {
    const schema = await parseForTransform(job.schemaText);
    applyMode(stylesheet, buildEntry.schemaPage, schema, job.params, onOutput);
  }
}

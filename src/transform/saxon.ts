/**
 * Running the compiled stylesheets with SaxonJS. Each source is parsed
 * once into a SaxonJS document and every stylesheet reuses it.
 */
import type { CompiledStylesheet } from './stylesheets.js';
import { loadSaxonJS } from './load-saxon.js';


interface SaxonResultDelivery {
  destination: 'serialized';
  save: (uri: string | URL, result: string, encoding: string) => void;
}

interface SaxonJSApi {
  getResource(options: { text: string; type: 'xml' }): Promise<unknown>;
  transform(
    options: {
      stylesheetInternal: unknown;
      sourceNode: unknown;
      initialTemplate?: string;
      initialMode?: string;
      destination: 'serialized';
      stylesheetParams: Record<string, unknown>;
      baseOutputURI: string;
      deliverResultDocument: (uri: string) => SaxonResultDelivery;
      deliverMessage: () => void;
    },
    mode: 'sync',
  ): { principalResult: string };
}

// Loaded on first use: SaxonJS takes about half a second to load, and
// `edition validate` never needs it.
let loadedSaxon: SaxonJSApi | undefined;
let codeCacheFolder: string | undefined;
function saxon(): SaxonJSApi {
  loadedSaxon ??= loadSaxonJS(codeCacheFolder) as SaxonJSApi;
  return loadedSaxon;
}

/** Where SaxonJS's compiled code may be cached (see load-saxon.ts). Takes effect if set before SaxonJS is first used. */
export function useSaxonCodeCache(folder: string): void {
  codeCacheFolder ??= folder;
}

/** A source parsed into SaxonJS's tree. */
export type SaxonDocument = unknown;

export async function parseForTransform(text: string): Promise<SaxonDocument> {
  return saxon().getResource({ text, type: 'xml' });
}

/** Base URI against which result-document hrefs are resolved; outputs are mapped back to paths under it. */
export const OUTPUT_BASE = 'file:///edition-output/';

export interface TransformOutput {
  principal: string;
  /** Secondary results, by href relative to the output folder. */
  documents: Map<string, string>;
}

/** Values of xsl:params: a string array is a sequence of xs:string. */
export type StylesheetParams = Record<string, string | number | boolean | readonly string[]>;

export class TransformError extends Error {
  override name = 'TransformError';
}

export function transform(sheet: CompiledStylesheet, source: SaxonDocument, params: StylesheetParams, onDocument?: (href: string, content: string) => void): TransformOutput {
  return run(sheet, source, undefined, params, onDocument);
}

/** The named templates of xslt/build.xsl, the build's one stylesheet (see its comment). */
export const buildEntry = {
  /** build.xsl's initial template: the outputs of several documents (transformBatch). */
  documents: 'Q{http://www.w3.org/1999/XSL/Transform}initial-template',
  /** The outputs of the source document on its own. */
  oneDocument: 'Q{urn:edition:private}one-document',
  /** corpus.xsl: every edition-wide output, from the edition-wide input (src/site/corpus.ts). */
  edition: 'Q{urn:edition:private}edition-outputs',
  /** corpus.xsl: the lists of the documents, from an edition-wide input without registers. */
  editionDocuments: 'Q{urn:edition:private}edition-documents-outputs',
  /** corpus.xsl: the registers' pages and JSON, the entry pages and CMIF. */
  editionRegisters: 'Q{urn:edition:private}edition-registers-outputs',
  /** schema.xsl: schema.html from the RelaxNG grammar, a mode applied to it (applyMode). */
  schemaPage: 'Q{urn:edition:private}schema-output',
} as const;

/** Apply templates in a mode of the stylesheet to `source`, which is also the global context item. */
export function applyMode(sheet: CompiledStylesheet, mode: string, source: SaxonDocument, params: StylesheetParams, onDocument?: (href: string, content: string) => void): TransformOutput {
  return run(sheet, source, { initialMode: mode }, params, onDocument);
}

/** Run a named template of the stylesheet with `source` as the global context item. */
export function callTemplate(sheet: CompiledStylesheet, template: string, source: SaxonDocument, params: StylesheetParams, onDocument?: (href: string, content: string) => void): TransformOutput {
  return run(sheet, source, template, params, onDocument);
}

/** Parameters of a batch transformation (build.xsl's initial template): the sources and, in their order, each one's base name and neighbours. */
export interface BatchParams {
  documents: SaxonDocument[];
  files: string[];
  prev: string[];
  next: string[];
}

/** The error build.xsl's batch raises when its documents must be transformed one at a time. */
const BATCH_UNSUITABLE = 'batch-unsuitable';

/** build.xsl refused the batch (see its documentation); nothing was written. */
export class BatchUnsuitableError extends TransformError {
  override name = 'BatchUnsuitableError';
}

/** Run build.xsl's batch on several documents; every output goes to onDocument, by href relative to the output folder. */
export function transformBatch(sheet: CompiledStylesheet, batch: BatchParams, params: StylesheetParams, onDocument: (href: string, content: string) => void): void {
  try {
    run(sheet, batch.documents[0], buildEntry.documents, {
      ...params,
      'batch-documents': batch.documents,
      'batch-files': batch.files,
      'batch-prev': batch.prev,
      'batch-next': batch.next,
    }, onDocument);
  } catch (error) {
    if (error instanceof TransformError && error.message.includes(BATCH_UNSUITABLE)) throw new BatchUnsuitableError(error.message);
    throw error;
  }
}

function run(
  sheet: CompiledStylesheet,
  source: SaxonDocument,
  entry: string | { initialMode: string } | undefined,
  params: Record<string, unknown>,
  onDocument?: (href: string, content: string) => void,
): TransformOutput {
  const documents = new Map<string, string>();
  let principal: string;
  try {
    principal = saxon().transform(
      {
        stylesheetInternal: sheet.sef,
        sourceNode: source,
        ...(typeof entry === 'string' ? { initialTemplate: entry } : entry ?? {}),
        destination: 'serialized',
        stylesheetParams: params,
        baseOutputURI: OUTPUT_BASE,
        deliverResultDocument: () => ({
          destination: 'serialized',
          save: (uri, result) => {
            // SaxonJS hands over a URL object; an href that resolves outside the base stays absolute and is refused later.
            const absolute = String(uri);
            const href = absolute.startsWith(OUTPUT_BASE) ? decodeURIComponent(absolute.slice(OUTPUT_BASE.length)) : absolute;
            if (onDocument) onDocument(href, result);
            else documents.set(href, result);
          },
        }),
        // SaxonJS would print xsl:message to the console; the library never prints. The stylesheets' messages
        // all terminate, and the error thrown then carries the message.
        deliverMessage: () => undefined,
      },
      'sync',
    ).principalResult;
  } catch (error) {
    const e = error as { message?: string; code?: string };
    throw new TransformError(`${sheet.name}.xsl failed: ${e.code ? `${e.code} ` : ''}${e.message ?? String(error)}`);
  }
  return { principal, documents };
}

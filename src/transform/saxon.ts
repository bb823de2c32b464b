/**
 * Running the compiled stylesheets with SaxonJS. Each source is parsed
 * once into a SaxonJS document and every stylesheet reuses it.
 */
import { createRequire } from 'node:module';
import type { CompiledStylesheet } from './stylesheets.js';

const require = createRequire(import.meta.url);

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
      destination: 'serialized';
      stylesheetParams: Record<string, unknown>;
      baseOutputURI: string;
      deliverResultDocument: (uri: string) => SaxonResultDelivery;
    },
    mode: 'sync',
  ): { principalResult: string };
}

// Loaded on first use: SaxonJS takes about half a second to load, and
// `edition validate` never needs it.
let loadedSaxon: SaxonJSApi | undefined;
function saxon(): SaxonJSApi {
  loadedSaxon ??= require('saxon-js') as SaxonJSApi;
  return loadedSaxon;
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

export type StylesheetParams = Record<string, string | number | boolean>;

export class TransformError extends Error {
  override name = 'TransformError';
}

export function transform(sheet: CompiledStylesheet, source: SaxonDocument, params: StylesheetParams, onDocument?: (href: string, content: string) => void): TransformOutput {
  const documents = new Map<string, string>();
  let principal: string;
  try {
    principal = saxon().transform(
      {
        stylesheetInternal: sheet.sef,
        sourceNode: source,
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
      },
      'sync',
    ).principalResult;
  } catch (error) {
    const e = error as { message?: string; code?: string };
    throw new TransformError(`${sheet.name}.xsl failed: ${e.code ? `${e.code} ` : ''}${e.message ?? String(error)}`);
  }
  return { principal, documents };
}

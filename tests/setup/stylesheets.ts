/**
 * Compile the stylesheets once before the test files run in parallel, so
 * that they share one SEF cache instead of each compiling it.
 */
import { join, resolve } from 'node:path';
import { loadStylesheets } from '../../src/transform/stylesheets.js';

/**
 * The entry stylesheets npm test uses: the build's (committed, not compiled
 * while current) and the four a document's outputs are held to. The
 * edition-wide transformation is tested through build.xsl, which includes
 * corpus.xsl; the other suites compile every entry.
 */
export const testedStylesheets = ['build', 'html', 'text', 'json', 'summary'] as const;

export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  await loadStylesheets(join(root, 'xslt'), join(root, '.cache'), testedStylesheets);
}

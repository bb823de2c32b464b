/**
 * Compile the stylesheets once before the test files run in parallel, so
 * that they share one SEF cache instead of each compiling it.
 */
import { join, resolve } from 'node:path';
import { loadStylesheets } from '../../src/transform/stylesheets.js';

export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  await loadStylesheets(join(root, 'xslt'), join(root, '.cache'));
}

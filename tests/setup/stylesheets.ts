/**
 * Load the build's stylesheet once before the test files run in parallel:
 * the committed xslt/build.sef.json while it is current (nothing to
 * compile), else one compile into the project's SEF cache that every test
 * file then shares.
 */
import { join, resolve } from 'node:path';
import { loadStylesheets } from '../../src/transform/stylesheets.js';

export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  await loadStylesheets(join(root, 'xslt'), join(root, '.cache'), ['build']);
}

/**
 * For the slow suites: compile, once, the entry stylesheets that
 * tests/entry-stylesheets.test.ts holds the build's stylesheet to (html,
 * text, json, summary), into the project's SEF cache. npm test compiles
 * none of them: it uses the committed build stylesheet alone.
 */
import { join, resolve } from 'node:path';
import { loadStylesheets } from '../../src/transform/stylesheets.js';

/** The entry stylesheets a document's outputs are held to. */
export const documentStylesheets = ['html', 'text', 'json', 'summary'] as const;

export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  await loadStylesheets(join(root, 'xslt'), join(root, '.cache'), ['build', ...documentStylesheets]);
}

/**
 * `npm run compile:xslt`: compile xslt/build.xsl into xslt/build.sef.json
 * and record the hash of the stylesheets it was compiled from in
 * xslt/build.sef.hash. Both are committed, so that a fresh clone builds
 * without compiling (src/transform/stylesheets.ts); run this after every
 * change to xslt/*.xsl (tests/stylesheets.test.ts fails until you do).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { committedBuildStylesheet, compileStylesheet, stylesheetsHash } from '../transform/stylesheets.js';

const xslt = resolve(new URL('../../xslt', import.meta.url).pathname);
const { sef, hashFile } = committedBuildStylesheet(xslt);
const started = Date.now();
await compileStylesheet(join(xslt, 'build.xsl'), sef);
writeFileSync(hashFile, `${stylesheetsHash(xslt)}\n`);
process.stdout.write(`compiled xslt/build.xsl into xslt/build.sef.json in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

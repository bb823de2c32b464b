import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The folder of shared material the conformance checks read in place. */
export function sharedFolder(): string {
  return resolve(process.env.EDITION_SHARED ?? '../shared');
}

export default function setup(): void {
  const folder = sharedFolder();
  const wanted = ['seeds', 'schemas/tei_all.rng', 'schemas/cmif', 'fixtures/correspDesc-examples'];
  const missing = wanted.filter((p) => !existsSync(resolve(folder, p)));
  if (missing.length > 0) {
    throw new Error(
      `npm run test:conformance needs the shared folder at ${folder} ` +
        `(set EDITION_SHARED to point elsewhere); missing: ${missing.join(', ')}`,
    );
  }
}

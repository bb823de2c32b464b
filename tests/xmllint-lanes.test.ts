// A libxml2 call that runs out of time fails alone: the worker is replaced and the calls queued
// behind it on the same lane are checked (before, they all failed with it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { XmllintPool } from '../src/validate/xmllint.js';

const encoder = new TextEncoder();
let pool: XmllintPool | undefined;
afterEach(() => pool?.close());

// Enough elements that libxml2 needs far more than 1 ms for them. Fresh bytes for every call:
// the pool hands a file's buffer over to the worker.
const slow = (): Uint8Array => encoder.encode(`<r>${'<p a="1">text</p>'.repeat(200_000)}</r>`);
const small = (): Uint8Array => encoder.encode('<r><p>text</p></r>');

test('a call out of time fails alone; the next call on the lane is checked by a fresh worker', async () => {
  pool = new XmllintPool(1);
  const first = pool.run([{ name: 'f0.xml', data: slow() }], ['--noout', 'f0.xml'], 512, 1);
  const second = pool.run([{ name: 'f0.xml', data: small() }], ['--noout', 'f0.xml'], 256, 60_000);
  await expect(first).rejects.toThrow(/did not finish within/);
  const reply = await second;
  expect(reply.exitCode).toBe(0);
  expect(reply.stderr).toBe('');
});

test('calls queued on one lane are handed to its worker one after another, and each is answered', async () => {
  pool = new XmllintPool(1);
  const calls = [slow(), small(), small(), encoder.encode('<r><p>unclosed</r>')].map((data) => pool!.run([{ name: 'f0.xml', data }], ['--noout', 'f0.xml'], 512, 30_000));
  const replies = await Promise.all(calls);
  expect(replies.map((r) => r.exitCode)).toEqual([0, 0, 0, 4]);
  expect(replies[3]!.stderr).toMatch(/f0\.xml:1:/);
});

test('a cold edition validate waits for libxml2: its worker keeps the process alive while it has a call', () => {
  // While the worker compiled the WebAssembly module, nothing else kept the event loop alive: the
  // process ended with Node's exit code 13 (unsettled top-level await) and printed nothing.
  const folder = mkdtempSync(join(tmpdir(), 'edition-lanes-'));
  try {
    writeFileSync(join(folder, 'a.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body><p>text</p></body></text></TEI>');
    const bin = join(import.meta.dirname, '..', 'bin', 'edition.js');
    const run = spawnSync(process.execPath, [bin, 'validate', folder], { cwd: folder, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1 file/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

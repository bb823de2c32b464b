// A libxml2 call that runs out of time fails alone: the worker is replaced and the calls queued
// behind it on the same lane are checked (before, they all failed with it).
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

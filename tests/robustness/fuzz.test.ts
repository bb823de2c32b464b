import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFiles, diagnosticProblem, fuzz, projectRoot } from '../../src/dev/fuzz/harness.js';
import { mutateCase, mutations } from '../../src/dev/fuzz/mutate.js';
import { Prng } from '../../src/dev/fuzz/prng.js';

const regressions = join(projectRoot, 'tests', 'fixtures', 'regressions');

describe('the fuzzer itself', () => {
  test('the PRNG and the cases are deterministic per (seed, case)', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
    const inputs = [{ name: 'a.xml', bytes: Buffer.from('<TEI><p n="1">x</p></TEI>') }];
    const one = mutateCase(17, inputs, Prng.forCase(9, 17));
    const again = mutateCase(17, inputs, Prng.forCase(9, 17));
    expect(again.bytes.equals(one.bytes)).toBe(true);
    expect(again.applied).toEqual(one.applied);
  });

  test('every mutation changes some input and none throws', () => {
    const input = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="x" xml:id="a"><p n="1" rend="b">text</p>\n</TEI>\n');
    for (const m of mutations) {
      let changed = false;
      for (let seed = 0; seed < 20; seed++) if (!m.apply(input, new Prng(seed)).equals(input)) changed = true;
      expect(changed, m.name).toBe(true);
    }
  });

  test('diagnosticProblem finds every kind of malformed diagnostic', () => {
    const good = { file: 'tei/a.xml', line: 1, column: 1, severity: 'error', rule: 'xml-not-well-formed', source: 'xml', message: 'm' };
    expect(diagnosticProblem(good)).toBeUndefined();
    for (const bad of [null, 'x', { ...good, file: '' }, { ...good, line: 0 }, { ...good, line: 1.5 }, { ...good, column: 0 }, { ...good, column: Number.NaN }, { ...good, severity: 'fatal' }, { ...good, rule: '' }, { ...good, source: 'saxon' }, { ...good, message: ' ' }]) {
      expect(diagnosticProblem(bad), JSON.stringify(bad)).toBeDefined();
    }
  });

  test('a run that does not end in time is a failure, attributed to each file', async () => {
    // 1 ms in all: no CLI starts that fast. (With 200 ms more for the second file, a fast machine once finished in time.)
    const outcomes = await checkFiles([{ name: 'a.xml', bytes: Buffer.from('<TEI/>') }, { name: 'b.xml', bytes: Buffer.from('<TEI/>') }], { caseTimeoutMs: 1, perFileMs: 0, companions: [] });
    expect(outcomes.map((o) => [o.name, o.ok])).toEqual([['a.xml', false], ['b.xml', false]]);
    expect(outcomes[0]!.failure).toMatch(/did not finish within/);
  });
});

describe('fuzzing validation (a bounded slice; `npm run fuzz -- --cases N --seed S` runs more)', () => {
  test('200 mutated inputs: every run ends within 5 s per file with exit 0 or 1 and well-formed diagnostics', async () => {
    const report = await fuzz({ seed: 20240501, cases: 200, batch: 50, saveFailuresTo: regressions });
    console.log(`fuzz: ${report.cases} cases, ${report.failures.length} failures, median ${report.medianMs.toFixed(1)} ms, max ${report.maxMs.toFixed(1)} ms per case, ${(report.totalMs / 1000).toFixed(1)} s`);
    expect(report.cases).toBe(200);
    // Each case was really checked: they carry diagnostics from the CLI's JSON output.
    expect(report.outcomes.filter((o) => o.diagnostics.length > 0).length).toBeGreaterThan(100);
    expect(report.failures.map((f) => `case ${f.index} (${f.applied.join(', ')}): ${f.failure}`)).toEqual([]);
  }, 300_000);
});

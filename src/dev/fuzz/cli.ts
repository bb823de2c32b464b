/**
 * `npm run fuzz -- --cases N [--seed S] [--batch B] [--start K] [--no-save]`:
 * run the seeded mutation fuzzer and print figures. Failing inputs are
 * saved to tests/fixtures/regressions/, which the test suite replays.
 * Exit code 0 when no case failed, 1 when some did, 2 for bad arguments.
 */
import { join } from 'node:path';
import { fuzz, projectRoot } from './harness.js';

function parse(argv: string[]): { cases: number; seed: number; batch: number; start: number; save: boolean } {
  const options = { cases: 200, seed: 1, batch: 50, start: 0, save: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${arg} needs a whole number`);
      return v;
    };
    if (arg === '--cases') options.cases = value();
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--batch') options.batch = Math.max(1, value());
    else if (arg === '--start') options.start = value();
    else if (arg === '--no-save') options.save = false;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

let options;
try {
  options = parse(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`fuzz: ${(error as Error).message}\nusage: npm run fuzz -- --cases N [--seed S] [--batch B] [--start K] [--no-save]\n`);
  process.exit(2);
}
const folder = join(projectRoot, 'tests', 'fixtures', 'regressions');
const report = await fuzz({
  seed: options.seed,
  cases: options.cases,
  start: options.start,
  batch: options.batch,
  ...(options.save ? { saveFailuresTo: folder } : {}),
  onProgress: (done, total, failures) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} cases, ${failures} failures`);
  },
});
if (process.stderr.isTTY) process.stderr.write('\n');
const byMutation = new Map<string, number>();
for (const o of report.outcomes) for (const m of new Set(o.applied)) byMutation.set(m, (byMutation.get(m) ?? 0) + 1);
const withErrors = report.outcomes.filter((o) => o.diagnostics.some((d) => (d as { severity?: string }).severity === 'error')).length;
process.stdout.write(
  [
    `seed ${report.seed}, cases ${options.start}..${options.start + report.cases - 1} (${report.cases}), batch ${options.batch}`,
    `failures: ${report.failures.length}`,
    `cases with error diagnostics: ${withErrors}, without: ${report.cases - withErrors}`,
    `ms per case: median ${report.medianMs.toFixed(1)}, max ${report.maxMs.toFixed(1)}${options.batch > 1 ? ' (run time / files in the run)' : ''}`,
    `total: ${(report.totalMs / 1000).toFixed(1)} s`,
    `mutations used: ${[...byMutation].sort().map(([m, n]) => `${m} ${n}`).join(', ')}`,
    ...report.failures.map((f) => `FAIL case ${f.index} (${f.from}; ${f.applied.join(', ')}): ${f.failure}`),
    ...report.saved.map((s) => `saved ${s}`),
    '',
  ].join('\n'),
);
process.exitCode = report.failures.length > 0 ? 1 : 0;

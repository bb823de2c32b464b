/**
 * The fuzz harness: write files into a temporary edition, run the real CLI
 * (`node bin/edition.js validate --format json`, a child process so that a
 * hang can be killed and a crash cannot take the harness with it), and
 * check the outcome of every file:
 *
 * - the command ends within the time limit, with exit code 0 or 1;
 * - stdout is a JSON array of diagnostics;
 * - every diagnostic names a file, has integer line >= 1 and column >= 1,
 *   a severity, a rule id, a source and a message.
 *
 * Many files go into one run; when a run fails as a whole (time limit,
 * exit code, output), each of its files is run again alone, so failures
 * are always attributed to the file that causes them.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MutatedCase } from './mutate.js';
import { mutateCase } from './mutate.js';
import { Prng } from './prng.js';
import { seedInputs } from './seeds.js';

/** The project's root (this file is src/dev/fuzz/harness.ts or build/dev/fuzz/harness.js). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const binEdition = join(projectRoot, 'bin', 'edition.js');

export const severities = new Set(['error', 'warning']);
export const sources = new Set(['xml', 'relaxng', 'edition']);

export interface FuzzFile {
  /** File name in the temporary source folder (safe: letters, digits, "-", "."). */
  name: string;
  bytes: Buffer;
}

export interface FileOutcome {
  name: string;
  ok: boolean;
  /** Why the file failed, when it did. */
  failure: string | undefined;
  /** Wall time of the run that decided the outcome, divided by the files in it. */
  ms: number;
  diagnostics: unknown[];
  exitCode: number | null;
}

export interface CheckOptions {
  /** RelaxNG schema (default: the edition's schema/edition.rng). */
  schema?: string;
  /** Time limit for a run of one file, in ms (default 5000). */
  caseTimeoutMs?: number;
  /** What a run of n files gets on top of caseTimeoutMs for each file after the first, in ms (default 200). */
  perFileMs?: number;
  /** Files of the edition put beside the files under test (default: the project's tei/*.xml), so the edition rules have registers. */
  companions?: FuzzFile[];
}

interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

function runCli(cwd: string, timeoutMs: number): Promise<RunResult> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [binEdition, 'validate', '--format', 'json'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      done({ exitCode, signal, timedOut, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** What is wrong with one diagnostic, or undefined when nothing is. */
export function diagnosticProblem(d: unknown): string | undefined {
  if (typeof d !== 'object' || d === null) return 'not an object';
  const r = d as Record<string, unknown>;
  if (typeof r['file'] !== 'string' || r['file'] === '') return 'no file';
  if (typeof r['line'] !== 'number' || !Number.isInteger(r['line']) || r['line'] < 1) return `line ${String(r['line'])}`;
  if (typeof r['column'] !== 'number' || !Number.isInteger(r['column']) || r['column'] < 1) return `column ${String(r['column'])}`;
  if (!severities.has(r['severity'] as string)) return `severity ${String(r['severity'])}`;
  if (typeof r['rule'] !== 'string' || !/^[a-z][a-z0-9-]*$/.test(r['rule'])) return `rule ${String(r['rule'])}`;
  if (!sources.has(r['source'] as string)) return `source ${String(r['source'])}`;
  if (typeof r['message'] !== 'string' || r['message'].trim() === '') return 'empty message';
  return undefined;
}

/** Lines a file can have at most, counting every LF and every CR as a line end. */
function maxLines(bytes: Buffer): number {
  let n = 1;
  for (const b of bytes) if (b === 0x0a || b === 0x0d) n++;
  return n;
}

export function defaultCompanions(): FuzzFile[] {
  const folder = join(projectRoot, 'tei');
  return readdirSync(folder)
    .filter((n) => n.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
}

function writeEdition(files: readonly FuzzFile[], options: CheckOptions): string {
  const root = mkdtempSync(join(tmpdir(), 'edition-fuzz-'));
  const source = join(root, 'tei');
  mkdirSync(source);
  const config = JSON.parse(readFileSync(join(projectRoot, 'edition.config.json'), 'utf8')) as Record<string, unknown>;
  config['source'] = 'tei';
  config['schema'] = options.schema ?? join(projectRoot, 'schema', 'edition.rng');
  config['output'] = 'dist';
  writeFileSync(join(root, 'edition.config.json'), JSON.stringify(config));
  for (const c of options.companions ?? defaultCompanions()) writeFileSync(join(source, c.name), c.bytes);
  for (const f of files) writeFileSync(join(source, f.name), f.bytes);
  return root;
}

async function checkRun(files: readonly FuzzFile[], options: CheckOptions): Promise<{ outcomes: FileOutcome[]; whole: string | undefined }> {
  const limitMs = (options.caseTimeoutMs ?? 5000) + (options.perFileMs ?? 200) * (files.length - 1);
  const root = writeEdition(files, options);
  try {
    const run = await runCli(root, limitMs);
    const per = run.ms / Math.max(1, files.length);
    const outcome = (f: FuzzFile, failure: string | undefined, diagnostics: unknown[]): FileOutcome => ({
      name: f.name, ok: failure === undefined, failure, ms: per, diagnostics, exitCode: run.exitCode,
    });
    let whole: string | undefined;
    let parsed: unknown;
    if (run.timedOut) whole = `did not finish within ${limitMs} ms`;
    else if (run.exitCode !== 0 && run.exitCode !== 1) whole = `exit code ${run.exitCode ?? `signal ${run.signal}`}: ${run.stderr.trim().slice(0, 500)}`;
    else {
      try {
        parsed = JSON.parse(run.stdout);
        if (!Array.isArray(parsed)) whole = 'stdout is not a JSON array';
      } catch {
        whole = `stdout is not JSON: ${run.stdout.slice(0, 200)}`;
      }
    }
    if (whole) return { outcomes: files.map((f) => outcome(f, whole, [])), whole };
    const diagnostics = parsed as unknown[];
    const byFile = new Map<string, unknown[]>();
    const names = new Set(files.map((f) => `tei/${f.name}`));
    for (const d of diagnostics) {
      const file = (d as { file?: unknown } | null)?.file;
      const key = typeof file === 'string' && names.has(file) ? file : '';
      if (!byFile.has(key)) byFile.set(key, []);
      byFile.get(key)!.push(d);
    }
    // A diagnostic no file under test owns must still be well-formed; if not, the run as a whole failed.
    for (const d of byFile.get('') ?? []) {
      const problem = diagnosticProblem(d);
      if (problem) whole = `a diagnostic (${problem}) names no file under test: ${JSON.stringify(d).slice(0, 300)}`;
    }
    if (run.exitCode === 1 && diagnostics.every((d) => (d as { severity?: unknown }).severity !== 'error')) whole = 'exit code 1 without an error diagnostic';
    if (run.exitCode === 0 && diagnostics.some((d) => (d as { severity?: unknown }).severity === 'error')) whole = 'exit code 0 with an error diagnostic';
    if (whole) return { outcomes: files.map((f) => outcome(f, whole, [])), whole };
    return {
      whole: undefined,
      outcomes: files.map((f) => {
        const own = byFile.get(`tei/${f.name}`) ?? [];
        const lines = maxLines(f.bytes);
        for (const d of own) {
          const problem = diagnosticProblem(d) ?? ((d as { line: number }).line > lines ? `line ${(d as { line: number }).line} beyond the file's ${lines} lines` : undefined);
          if (problem) return outcome(f, `malformed diagnostic (${problem}): ${JSON.stringify(d).slice(0, 300)}`, own);
        }
        return outcome(f, undefined, own);
      }),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Check files in one run; when the run fails as a whole, check each file alone. */
export async function checkFiles(files: readonly FuzzFile[], options: CheckOptions = {}): Promise<FileOutcome[]> {
  if (files.length === 0) return [];
  const { outcomes, whole } = await checkRun(files, options);
  if (!whole || files.length === 1) return outcomes;
  const alone: FileOutcome[] = [];
  for (const f of files) alone.push(...(await checkRun([f], options)).outcomes);
  return alone;
}

export interface FuzzOptions extends CheckOptions {
  seed: number;
  cases: number;
  /** First case number (default 0). */
  start?: number;
  /** Files per run (default 50). */
  batch?: number;
  /** Inputs to mutate (default: the project's tei/*.xml and the small seeds). */
  inputs?: FuzzFile[];
  /** Folder to save failing inputs in (with a .json note beside each). */
  saveFailuresTo?: string;
  onProgress?: (done: number, total: number, failures: number) => void;
}

export interface CaseOutcome extends FileOutcome {
  index: number;
  from: string;
  applied: string[];
  bytes: number;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  failures: CaseOutcome[];
  outcomes: CaseOutcome[];
  medianMs: number;
  maxMs: number;
  totalMs: number;
  /** Files saved for replay. */
  saved: string[];
}

export function caseName(seed: number, index: number): string {
  return `fuzz-s${seed}-c${index}.xml`;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const inputs = options.inputs ?? [...defaultCompanions(), ...seedInputs];
  const start = options.start ?? 0;
  const batch = Math.max(1, options.batch ?? 50);
  const outcomes: CaseOutcome[] = [];
  const saved: string[] = [];
  for (let first = start; first < start + options.cases; first += batch) {
    const cases: MutatedCase[] = [];
    for (let index = first; index < Math.min(start + options.cases, first + batch); index++) {
      cases.push(mutateCase(index, inputs, Prng.forCase(options.seed, index)));
    }
    const files = cases.map((c) => ({ name: caseName(options.seed, c.index), bytes: c.bytes }));
    const results = await checkFiles(files, options);
    results.forEach((r, k) => {
      const c = cases[k]!;
      outcomes.push({ ...r, index: c.index, from: c.from, applied: c.applied, bytes: c.bytes.length });
      if (!r.ok && options.saveFailuresTo) {
        mkdirSync(options.saveFailuresTo, { recursive: true });
        const path = join(options.saveFailuresTo, files[k]!.name);
        writeFileSync(path, c.bytes);
        writeFileSync(path.replace(/\.xml$/, '.json'), `${JSON.stringify({ seed: options.seed, index: c.index, from: c.from, applied: c.applied, failure: r.failure }, null, 2)}\n`);
        saved.push(path);
      }
    });
    options.onProgress?.(outcomes.length, options.cases, outcomes.filter((o) => !o.ok).length);
  }
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    seed: options.seed,
    cases: outcomes.length,
    failures: outcomes.filter((o) => !o.ok),
    outcomes,
    medianMs: times.length ? times[Math.floor((times.length - 1) / 2)]! : 0,
    maxMs: times.length ? times[times.length - 1]! : 0,
    totalMs: performance.now() - started,
    saved,
  };
}

/** The regression files saved by earlier runs. */
export function regressionFiles(folder: string): FuzzFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
}

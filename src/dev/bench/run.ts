/**
 * `npm run bench`: generate synthetic editions of N letters, time the
 * toolchain on them as a user runs it (a fresh `node bin/edition.js …`
 * process per run), time the Java pipeline (jing, Saxon-HE) on the same
 * files in the same run, and write BENCHMARKS.md.
 *
 *   npm run bench -- --sizes 100,1000 --runs 3 --seed 1 --out BENCHMARKS.md
 *
 * Options: --sizes (default 100,1000,10000), --runs (default 3, at least 3),
 * --seed (default 1), --out (default BENCHMARKS.md), --merge (keep the
 * results of sizes not run now from the existing report), --keep (keep the
 * generated folders), --work DIR (where to generate; default the system's
 * temporary folder), --tei-all FILE, --skip java,teiall,incremental,project,per-letter,foreign
 * (leave out task groups; project = the project's own two-document edition; per-letter = the stylesheets' cost per
 * letter against the yardstick (src/dev/bench/per-letter.ts); e.g. to shorten a 10,000-letter run; they are reported as
 * skipped), --timeout SECONDS (limit of one run, default 1800; a run killed
 * at it ends its series and is reported as more than the limit).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeEdition } from './generate.js';
import { javaTools, machine } from './machine.js';
import type { JavaTools } from './machine.js';
import { runOnce, stats } from './measure.js';
import type { Sample } from './measure.js';
import { measurePerLetter, sharedFolder } from './per-letter.js';
import { handWrittenPart, readPrevious, renderReport } from './report.js';
import type { BenchData, CorpusInfo, ForeignResult, SizeResult, TaskResult } from './report.js';
import { committedBuildHash, stylesheetsHash } from '../../transform/stylesheets.js';

const projectRoot = resolve(new URL('../../..', import.meta.url).pathname);
/** The toolchain measured: a snapshot of the project taken when the bench starts (see snapshotToolchain). */
let toolRoot = projectRoot;
let editionBin = join(projectRoot, 'bin', 'edition.js');

/**
 * Others edit the tree while a long bench runs; a stylesheet edited between
 * two runs would make the next build compile its SEF again and mix versions.
 * So the bench measures a frozen copy of the toolchain (bin/, build/, xslt/,
 * schema/, package.json; node_modules linked), Java included.
 */
function snapshotToolchain(work: string): string {
  const root = join(work, 'toolchain');
  mkdirSync(root, { recursive: true });
  for (const name of ['bin', 'build', 'xslt', 'schema']) {
    if (existsSync(join(projectRoot, name))) cpSync(join(projectRoot, name), join(root, name), { recursive: true });
  }
  cpSync(join(projectRoot, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** Copy compiled stylesheets from one edition folder's cache to another's (the toolchain keeps them per edition folder). */
function shareSef(from: string, to: string): number {
  const files = sefFiles(from);
  if (files.length === 0) return 0;
  mkdirSync(join(to, '.cache', 'sef'), { recursive: true });
  for (const f of files) cpSync(f, join(to, '.cache', 'sef', basename(f)));
  return files.length;
}

export interface BenchOptions {
  sizes: number[];
  runs: number;
  seed: number;
  out: string;
  merge: boolean;
  keep: boolean;
  work: string | undefined;
  teiAll: string | undefined;
  /** Time limit of one run, in seconds; a run killed at it ends its series, reported as "> limit". */
  timeoutSeconds: number;
  /** Task groups to leave out: java, teiall, incremental. */
  skip: Set<string>;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: npm run bench -- [--sizes 100,1000,10000] [--runs 3] [--seed 1] [--out BENCHMARKS.md] [--merge] [--keep] [--work DIR] [--tei-all FILE] [--skip java,teiall,incremental,project,per-letter,foreign] [--timeout SECONDS]\n`);
  process.exit(2);
}

export function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { sizes: [100, 1000, 10000], runs: 3, seed: 1, out: 'BENCHMARKS.md', merge: false, keep: false, work: undefined, teiAll: undefined, timeoutSeconds: 1800, skip: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--sizes':
        options.sizes = value().split(',').map((s) => Number.parseInt(s.trim().replace(/_/g, ''), 10));
        if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) usage('--sizes takes positive integers, e.g. 100,1000');
        break;
      case '--runs':
        options.runs = Number.parseInt(value(), 10);
        if (!Number.isInteger(options.runs) || options.runs < 3) usage('--runs must be at least 3 (the medians need three runs)');
        break;
      case '--seed':
        options.seed = Number.parseInt(value(), 10);
        if (!Number.isInteger(options.seed)) usage('--seed takes an integer');
        break;
      case '--out':
        options.out = value();
        break;
      case '--work':
        options.work = value();
        break;
      case '--tei-all':
        options.teiAll = value();
        break;
      case '--skip':
        options.skip = new Set(value().split(',').map((s) => s.trim()).filter(Boolean));
        for (const g of options.skip) if (!['java', 'teiall', 'incremental', 'project', 'per-letter', 'foreign'].includes(g)) usage(`--skip takes java, teiall, incremental, project, per-letter, foreign; got ${g}`);
        break;
      case '--timeout':
        options.timeoutSeconds = Number.parseInt(value(), 10);
        if (!Number.isInteger(options.timeoutSeconds) || options.timeoutSeconds < 1) usage('--timeout takes seconds');
        break;
      case '--merge':
        options.merge = true;
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--help':
      case '-h':
        usage('help');
        break;
      default:
        usage(`unknown option ${arg}`);
    }
  }
  return options;
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function teiAllPath(explicit: string | undefined): string | undefined {
  const candidates = [
    explicit,
    process.env['EDITION_SHARED'] ? join(process.env['EDITION_SHARED'], 'schemas', 'tei_all.rng') : undefined,
    resolve(projectRoot, '..', 'shared', 'schemas', 'tei_all.rng'),
  ];
  for (const c of candidates) if (c && existsSync(c)) return resolve(c);
  return undefined;
}

/** Remove the generated folder's caches (validation, build manifest); keep the SEF cache unless asked. */
function clearCaches(folder: string, keepSef: boolean): void {
  const cache = join(folder, '.cache');
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) {
    if (keepSef && name === 'sef') continue;
    rmSync(join(cache, name), { recursive: true, force: true });
  }
}

function sefFiles(folder: string): string[] {
  const sef = join(folder, '.cache', 'sef');
  if (!existsSync(sef)) return [];
  return readdirSync(sef).filter((n) => n.endsWith('.sef.json')).map((n) => join(sef, n));
}

function firstLines(s: string, n = 3): string {
  return s.split('\n').filter((l) => l.trim() !== '').slice(0, n).join(' / ').slice(0, 400);
}

interface Task {
  id: string;
  task: string;
  tool: 'ours' | 'java';
  /** Exit codes that still count as a completed run (validate exits 1 when it finds errors). */
  okCodes?: number[];
  prepare?: (run: number) => void;
  command: string;
  args: string[];
  cwd: string;
  runs: number;
  timeoutMs?: number;
  note?: string;
  /** For builds: the folder whose SEF cache to watch, to flag runs that compiled the stylesheets again. */
  watchSef?: string;
}

async function measureTask(t: Task): Promise<TaskResult> {
  const samples: Sample[] = [];
  let recompiled = 0;
  for (let i = 0; i < t.runs; i++) {
    t.prepare?.(i);
    const sefBefore = t.watchSef ? new Set([...sefFiles(t.watchSef), ...sefFiles(toolRoot)]) : undefined;
    const s = await runOnce(t.command, t.args, { cwd: t.cwd, ...(t.timeoutMs ? { timeoutMs: t.timeoutMs } : {}) });
    if (sefBefore && [...sefFiles(t.watchSef!), ...sefFiles(toolRoot)].some((f) => !sefBefore.has(f))) recompiled++;
    samples.push(s);
    log(`  ${t.id} run ${i + 1}/${t.runs}: ${s.wall.toFixed(2)} s, exit ${s.exitCode}${s.rssKiB ? `, ${(s.rssKiB / 1024).toFixed(0)} MB` : ''}`);
    if (s.timedOut) {
      return {
        id: t.id, task: t.task, tool: t.tool, status: 'timeout', stats: stats(samples),
        note: [t.note, `run ${i + 1} killed at the time limit of ${Math.round((t.timeoutMs ?? 0) / 1000)} s (--timeout); the series stops there`].filter(Boolean).join('; '),
      };
    }
    if (!(t.okCodes ?? [0]).includes(s.exitCode)) {
      return {
        id: t.id,
        task: t.task,
        tool: t.tool,
        status: 'failed',
        stats: stats(samples),
        note: `exit ${s.exitCode}: ${firstLines(s.stderrTail || s.stdoutTail)}`,
      };
    }
  }
  const st = stats(samples);
  const codes = [...new Set(samples.map((s) => s.exitCode))];
  const noteParts = [t.note, recompiled > 0 ? `${recompiled} of ${t.runs} runs compiled stylesheets (xslt/ changed, or no SEF cache)` : undefined, codes.some((c) => c !== 0) ? `exit ${codes.join('/')}: ${firstLines(samples[0]!.stdoutTail, 1)}` : undefined].filter(Boolean);
  return { id: t.id, task: t.task, tool: t.tool, status: 'ok', stats: st, ...(noteParts.length ? { note: noteParts.join('; ') } : {}) };
}

function missing(id: string, task: string, tool: 'ours' | 'java', note: string): TaskResult {
  return { id, task, tool, status: 'missing', note };
}

function skipped(id: string, task: string, tool: 'ours' | 'java'): TaskResult {
  return { id, task, tool, status: 'skipped', note: 'left out with --skip' };
}

function corpusInfo(folder: string, letters: number, seed: number, generateSeconds: number, withApparatus: number): CorpusInfo {
  const tei = join(folder, 'tei');
  const sizes = readdirSync(tei).filter((n) => /^doc\d+\.xml$/.test(n)).map((n) => statSync(join(tei, n)).size);
  const reg = (name: string, element: string): number => (readFileSync(join(tei, name), 'utf8').match(new RegExp(`<${element} xml:id=`, 'g')) ?? []).length;
  return {
    letters,
    seed,
    totalMiB: sizes.reduce((a, b) => a + b, 0) / 1024 / 1024,
    meanKiB: sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024,
    minKiB: Math.min(...sizes) / 1024,
    maxKiB: Math.max(...sizes) / 1024,
    withApparatus,
    persons: reg('persons.xml', 'person'),
    places: reg('places.xml', 'place'),
    orgs: reg('orgs.xml', 'org'),
    generateSeconds,
  };
}

/** Replace the first match after `after`, or fail loudly: an incremental run must really change the file. */
function edit(file: string, after: string, find: string, replacement: string): void {
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(after);
  const at = text.indexOf(find, from < 0 ? 0 : from);
  if (from < 0 || at < 0) throw new Error(`bench: cannot find ${JSON.stringify(find)} in ${file}`);
  writeFileSync(file, text.slice(0, at) + replacement + text.slice(at + find.length));
}

async function benchEdition(folder: string, letters: number, options: BenchOptions, java: JavaTools, teiAll: string | undefined, letterNames: string[], sefStore: string): Promise<TaskResult[]> {
  const runs = options.runs;
  const node = process.execPath;
  const results: TaskResult[] = [];
  const tei = join(folder, 'tei');
  const dist = join(folder, 'dist');
  const timeoutMs = options.timeoutSeconds * 1000;

  // validate, cold: no validation cache.
  results.push(await measureTask({
    id: 'validate', task: '`edition validate` (edition schema), cold', tool: 'ours', okCodes: [0, 1],
    prepare: () => clearCaches(folder, true), command: node, args: [editionBin, 'validate'], cwd: folder, runs, timeoutMs,
  }));
  // validate again with the cache the last run left (if the toolchain keeps one).
  results.push(await measureTask({
    id: 'validate-warm', task: '`edition validate`, again (caches as the previous run left them)', tool: 'ours', okCodes: [0, 1],
    command: node, args: [editionBin, 'validate'], cwd: folder, runs, timeoutMs,
  }));

  // build: the stylesheets compiled by the first build (of the project's edition) are copied in, so every
  // cold run here has a warm SEF cache; the toolchain keeps that cache per edition folder.
  const buildArgs = [editionBin, 'build', '--quiet'];
  clearCaches(folder, false);
  const seeded = shareSef(sefStore, folder);
  const cold = await measureTask({
    id: 'build-cold', task: 'cold `edition build` (out dir and the folder\'s .cache removed; SEF cache warm)', tool: 'ours',
    prepare: () => {
      rmSync(dist, { recursive: true, force: true });
      clearCaches(folder, true);
    },
    command: node, args: buildArgs, cwd: folder, runs, timeoutMs, watchSef: folder,
    note: seeded > 0 ? 'SEF cache warm (copied from the first build)' : committedBuildHash(join(toolRoot, 'xslt')) === stylesheetsHash(join(toolRoot, 'xslt')) ? 'the committed build.sef.json (current)' : sefFiles(toolRoot).length > 0 ? 'SEF cache at tool level' : 'no SEF cache to copy: the first run compiles',
  });
  results.push(cold);
  if (cold.status !== 'ok') {
    const why = cold.status === 'timeout' ? 'not measured: no cold build finished within the time limit, and an incremental build needs one' : 'not measured: the cold build failed';
    results.push(missing('build-incr-letter', 'incremental `edition build`, one letter\'s text changed', 'ours', why));
    results.push(missing('build-incr-register', 'incremental `edition build`, one register entry changed', 'ours', why));
  } else {
    if (options.skip.has('incremental')) {
      results.push(skipped('build-incr-letter', 'incremental `edition build`, one letter\'s text changed', 'ours'));
      results.push(skipped('build-incr-register', 'incremental `edition build`, one register entry changed', 'ours'));
    } else {
    const middle = join(tei, letterNames[Math.floor(letterNames.length / 2)]!);
    const originalLetter = readFileSync(middle, 'utf8');
    results.push(await measureTask({
      id: 'build-incr-letter', task: 'incremental `edition build`, one letter\'s text changed', tool: 'ours',
      prepare: (i) => edit(middle, '<body>', '<p>', `<p>Revised ${i + 1}. `),
      command: node, args: buildArgs, cwd: folder, runs, timeoutMs, watchSef: folder,
    }));
    writeFileSync(middle, originalLetter);
    const persons = join(tei, 'persons.xml');
    const originalPersons = readFileSync(persons, 'utf8');
    results.push(await measureTask({
      id: 'build-incr-register', task: 'incremental `edition build`, one register entry changed', tool: 'ours',
      prepare: (i) => edit(persons, '<listPerson>', '<note type="identification">', `<note type="identification">Revised ${i + 1}. `),
      command: node, args: buildArgs, cwd: folder, runs, timeoutMs, watchSef: folder,
    }));
    writeFileSync(persons, originalPersons);
    }
  }

  // jing over the same files, one JVM.
  const files = readdirSync(tei).filter((n) => n.endsWith('.xml')).sort().map((n) => `tei/${n}`);
  const configured = JSON.parse(readFileSync(join(folder, 'edition.config.json'), 'utf8')) as { schema: string };
  if (options.skip.has('java')) results.push(skipped('jing', 'jing, edition schema', 'java'));
  else if (java.jing) {
    results.push(await measureTask({
      id: 'jing', task: 'jing, edition schema, all files in one run', tool: 'java', okCodes: [0, 1],
      command: java.jing, args: [configured.schema, ...files], cwd: folder, runs, timeoutMs,
    }));
  } else results.push(missing('jing', 'jing, edition schema', 'java', 'jing is not installed (Debian package jing)'));

  // Saxon-HE, one run per output over the folder.
  for (const output of ['html', 'text', 'json'] as const) {
    const id = `saxon-${output}`;
    const task = `Saxon-HE, xslt/${output}.xsl over the folder (directory mode)`;
    const xsl = join(toolRoot, 'xslt', `${output}.xsl`);
    if (options.skip.has('java')) results.push(skipped(id, task, 'java'));
    else if (!java.java || !java.saxonJar) results.push(missing(id, task, 'java', 'Saxon-HE is not installed (Debian package libsaxonhe-java)'));
    else if (!existsSync(xsl)) results.push(missing(id, task, 'java', `the project has no xslt/${output}.xsl yet`));
    else {
      const outDir = join(folder, 'java-out', output);
      results.push(await measureTask({
        id, task, tool: 'java',
        prepare: () => {
          // Saxon's directory mode wants the output folder to exist.
          rmSync(outDir, { recursive: true, force: true });
          mkdirSync(outDir, { recursive: true });
        },
        command: java.java, args: ['-cp', java.saxonJar, 'net.sf.saxon.Transform', '-s:tei', `-o:${outDir}`, `-xsl:${xsl}`], cwd: folder, runs, timeoutMs,
      }));
    }
  }
  rmSync(join(folder, 'java-out'), { recursive: true, force: true });

  // tei_all: ours (schema compile included) and jing.
  if (options.skip.has('teiall')) {
    results.push(skipped('validate-teiall', '`edition validate --schema tei_all.rng`', 'ours'));
    results.push(skipped('jing-teiall', 'jing, tei_all.rng', 'java'));
  } else if (!teiAll) {
    results.push(missing('validate-teiall', '`edition validate --schema tei_all.rng`', 'ours', 'tei_all.rng not found ($EDITION_SHARED/schemas or ../shared/schemas)'));
    results.push(missing('jing-teiall', 'jing, tei_all.rng', 'java', 'tei_all.rng not found'));
  } else {
    results.push(await measureTask({
      id: 'validate-teiall', task: '`edition validate --schema tei_all.rng`, cold', tool: 'ours', okCodes: [0, 1],
      prepare: () => clearCaches(folder, true), command: node, args: [editionBin, 'validate', '--schema', teiAll], cwd: folder, runs, timeoutMs,
    }));
    if (options.skip.has('java')) results.push(skipped('jing-teiall', 'jing, tei_all.rng', 'java'));
    else if (java.jing) {
      results.push(await measureTask({
        id: 'jing-teiall', task: 'jing, tei_all.rng, all files in one run', tool: 'java', okCodes: [0, 1],
        command: java.jing, args: [teiAll, ...files], cwd: folder, runs, timeoutMs,
      }));
    } else results.push(missing('jing-teiall', 'jing, tei_all.rng', 'java', 'jing is not installed'));
  }
  return results;
}

/** The project's own two-document edition, copied so that its caches can be cleared without touching the project's. */
async function benchProjectEdition(options: BenchOptions, work: string, sefStore: string): Promise<SizeResult> {
  const folder = join(work, 'project-edition');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(join(projectRoot, 'tei'), join(folder, 'tei'), { recursive: true });
  const config = JSON.parse(readFileSync(join(projectRoot, 'edition.config.json'), 'utf8')) as Record<string, unknown>;
  config['schema'] = resolve(projectRoot, typeof config['schema'] === 'string' ? config['schema'] : 'schema/edition.rng');
  config['source'] = 'tei';
  config['output'] = 'dist';
  writeFileSync(join(folder, 'edition.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const documents = readdirSync(join(folder, 'tei')).filter((n) => /^doc\d+\.xml$/.test(n)).length;
  const loadBefore = loadavg()[0]!;
  log(`the project's edition (${documents} documents)`);
  const tasks: TaskResult[] = [];
  tasks.push(await measureTask({
    id: 'validate', task: '`edition validate`, cold (no validation cache)', tool: 'ours', okCodes: [0, 1],
    prepare: () => clearCaches(folder, true), command: process.execPath, args: [editionBin, 'validate'], cwd: folder, runs: options.runs, timeoutMs: options.timeoutSeconds * 1000,
  }));
  const buildFirst = await measureTask({
    id: 'build-first', task: 'first `edition build`: no caches in the edition folder', tool: 'ours',
    prepare: () => clearCaches(folder, false),
    command: process.execPath, args: [editionBin, 'build', '--quiet'], cwd: folder, runs: 1,
  });
  buildFirst.note = [buildFirst.note, sefFiles(folder).length > 0 ? 'includes compiling the stylesheets to SEF (xslt3), cached in the edition folder\'s .cache/sef' : ''].filter(Boolean).join('; ');
  tasks.push(buildFirst);
  if (buildFirst.status === 'ok') tasks.push(await measureTask({
    id: 'build-cold', task: 'cold `edition build` (out dir and the folder\'s .cache removed; SEF cache warm)', tool: 'ours',
    prepare: () => {
      rmSync(join(folder, 'dist'), { recursive: true, force: true });
      clearCaches(folder, true);
    },
    command: process.execPath, args: [editionBin, 'build', '--quiet'], cwd: folder, runs: options.runs, watchSef: folder,
  }));
  // An editor's one-line change to a stylesheet: a copy of the toolchain with a comment added to xslt/common/dates.xsl,
  // so its first build compiles the build stylesheet again.
  const edited = join(work, 'toolchain-xslt-edited');
  for (const name of ['bin', 'build', 'xslt', 'schema', 'package.json']) cpSync(join(toolRoot, name), join(edited, name), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(edited, 'node_modules'), 'dir');
  const dates = join(edited, 'xslt', 'common', 'dates.xsl');
  writeFileSync(dates, readFileSync(dates, 'utf8').replace('</xsl:stylesheet>', '  <!-- edited by the bench -->\n</xsl:stylesheet>'));
  tasks.push(await measureTask({
    id: 'build-xslt-edit', task: '`edition build` after a one-line edit of xslt/common/dates.xsl (compiles the build stylesheet)', tool: 'ours',
    command: process.execPath, args: [join(edited, 'bin', 'edition.js'), 'build', '--quiet'], cwd: folder, runs: 1, timeoutMs: options.timeoutSeconds * 1000,
  }));
  rmSync(edited, { recursive: true, force: true });
  shareSef(folder, sefStore);
  rmSync(folder, { recursive: true, force: true });
  return { letters: documents, label: 'the project\'s edition (tei/)', date: new Date().toISOString(), command: '', corpus: undefined, tasks, load: [loadBefore, loadavg()[0]!] };
}

/** One cold build of the Schnitzler letters (../shared, read in place) as a foreign folder. */
async function benchForeignFolder(options: BenchOptions, work: string): Promise<ForeignResult> {
  const shared = resolve(projectRoot, process.env['EDITION_SHARED'] ?? '../shared');
  const folder = join(shared, 'fixtures', 'schnitzler-letters');
  const date = new Date().toISOString();
  if (!existsSync(folder)) return { folder, files: 0, date, seconds: undefined, rssKiB: undefined, exitCode: undefined, note: `${folder} not found` };
  const files = readdirSync(folder).filter((n) => n.endsWith('.xml')).length;
  const cwd = join(work, 'foreign');
  mkdirSync(cwd, { recursive: true });
  log(`building ${folder} as a foreign folder (${files} files, one cold run)`);
  const loadBefore = loadavg()[0]!;
  const s = await runOnce(process.execPath, [editionBin, 'build', '--src', folder, '--out', join(cwd, 'site'), '--quiet'], { cwd, timeoutMs: options.timeoutSeconds * 1000 });
  rmSync(cwd, { recursive: true, force: true });
  return {
    folder: 'fixtures/schnitzler-letters', files, date, seconds: s.wall, rssKiB: s.rssKiB, exitCode: s.exitCode,
    note: s.timedOut ? 'killed at the time limit' : s.exitCode !== 0 ? `FAILED: ${s.stderrTail.trim().split('\n').slice(-1)[0] ?? ''}` : '',
    load: [loadBefore, loadavg()[0]!],
  };
}

export async function main(argv: string[]): Promise<void> {
  const options = parseArgs(argv);
  const out = resolve(options.out);
  const work = mkdtempSync(join(options.work ? resolve(options.work) : tmpdir(), 'edition-bench-'));
  toolRoot = snapshotToolchain(work);
  editionBin = join(toolRoot, 'bin', 'edition.js');
  const java = javaTools();
  const teiAll = teiAllPath(options.teiAll);
  const command = `npm run bench -- ${argv.join(' ')}`.trim();
  const started = new Date().toISOString();
  log(`work folder ${work}; toolchain snapshot ${toolRoot}; java ${java.java ? 'yes' : 'missing'}, jing ${java.jing ? 'yes' : 'missing'}, Saxon-HE ${java.saxonJar ? 'yes' : 'missing'}, tei_all ${teiAll ?? 'missing'}`);

  const previous = options.merge ? readPrevious(out) : undefined;
  const handNotes = existsSync(out) ? handWrittenPart(readFileSync(out, 'utf8')) : '';
  const data: BenchData = {
    machine: machine(),
    java,
    date: started,
    command,
    runs: options.runs,
    seed: options.seed,
    teiAll: teiAll ?? undefined,
    project: undefined,
    sizes: [],
  };
  const save = (): void => {
    const merged: BenchData = { ...data, sizes: [...data.sizes] };
    if (previous) {
      for (const s of previous.sizes) if (!merged.sizes.some((m) => m.letters === s.letters)) merged.sizes.push(s);
      if (!merged.project && previous.project) merged.project = previous.project;
      if (!merged.perLetter && previous.perLetter) merged.perLetter = previous.perLetter;
      if (!merged.foreign && previous.foreign) merged.foreign = previous.foreign;
    }
    merged.sizes.sort((a, b) => a.letters - b.letters);
    writeFileSync(out, renderReport(merged) + handNotes);
  };

  const sefStore = join(work, 'sef-store');
  if (!options.skip.has('project')) {
    data.project = await benchProjectEdition(options, work, sefStore);
    data.project.command = command;
    save();
  } else {
    // Compile the stylesheets once, untimed, on a tiny edition, so that the cold builds below have a warm SEF cache.
    const warm = join(work, 'sef-warmup');
    writeEdition({ letters: 3, seed: options.seed, folder: warm, projectRoot });
    log('compiling the stylesheets once (untimed)');
    const s = await runOnce(process.execPath, [editionBin, 'build', '--quiet'], { cwd: warm, timeoutMs: options.timeoutSeconds * 1000 });
    log(`  ${s.wall.toFixed(1)} s, exit ${s.exitCode}`);
    shareSef(warm, sefStore);
    rmSync(warm, { recursive: true, force: true });
  }

  if (!options.skip.has('per-letter')) {
    log('per-letter cost of html.xsl, text.xsl and json.xsl against the yardstick');
    data.perLetter = await measurePerLetter(toolRoot, sharedFolder(projectRoot), join(work, 'per-letter-cache'));
    log(`  ${data.perLetter.status}: ${data.perLetter.sheets.map((x) => `${x.name} ${x.ratio}×`).join(', ')}${data.perLetter.note ? ` (${data.perLetter.note})` : ''}`);
    save();
  }

  if (!options.skip.has('foreign')) {
    data.foreign = await benchForeignFolder(options, work);
    log(`  ${data.foreign.seconds !== undefined ? `${data.foreign.seconds.toFixed(1)} s, exit ${data.foreign.exitCode}` : data.foreign.note}`);
    save();
  }

  for (const letters of options.sizes) {
    const folder = join(work, `letters-${letters}`);
    log(`generating ${letters} letters (seed ${options.seed}) in ${folder}`);
    const t0 = performance.now();
    const edition = writeEdition({ letters, seed: options.seed, folder, projectRoot });
    const generateSeconds = (performance.now() - t0) / 1000;
    const corpus = corpusInfo(folder, letters, options.seed, generateSeconds, edition.withApparatus);
    log(`  ${corpus.totalMiB.toFixed(1)} MiB, ${corpus.meanKiB.toFixed(1)} KiB a letter, in ${generateSeconds.toFixed(1)} s`);
    const loadBefore = loadavg()[0]!;
    const tasks = await benchEdition(folder, letters, options, java, teiAll, edition.letterNames, sefStore);
    data.sizes.push({ letters, label: `${letters} letters`, date: new Date().toISOString(), command, corpus, tasks, load: [loadBefore, loadavg()[0]!] });
    save();
    if (!options.keep) rmSync(folder, { recursive: true, force: true });
    else log(`  kept ${folder}`);
  }
  if (!options.keep) rmSync(work, { recursive: true, force: true });
  log(`wrote ${out}`);
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  });
}

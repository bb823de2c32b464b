/** BENCHMARKS.md: the figures, the ratios against the Java pipeline and the targets. */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const cores = cpus().length;
import type { JavaTools, Machine } from './machine.js';
import type { Stats } from './measure.js';
import type { PerLetterResult, PerLetterSheet } from './per-letter.js';

export interface TaskResult {
  id: string;
  task: string;
  tool: 'ours' | 'java';
  status: 'ok' | 'failed' | 'missing' | 'skipped' | 'timeout';
  stats?: Stats;
  note?: string;
}

export interface CorpusInfo {
  letters: number;
  seed: number;
  totalMiB: number;
  meanKiB: number;
  minKiB: number;
  maxKiB: number;
  withApparatus: number;
  persons: number;
  places: number;
  orgs: number;
  generateSeconds: number;
}

export interface SizeResult {
  letters: number;
  label: string;
  date: string;
  command: string;
  corpus: CorpusInfo | undefined;
  tasks: TaskResult[];
  /** 1-minute load average when the size started and when it ended: other work on the machine skews the figures. */
  load?: [number, number];
}

export interface BenchData {
  machine: Machine;
  java: JavaTools;
  date: string;
  command: string;
  runs: number;
  seed: number;
  teiAll: string | undefined;
  project: SizeResult | undefined;
  /** The entry stylesheets' cost per letter against the yardstick (src/dev/bench/per-letter.ts). */
  perLetter?: PerLetterResult;
  /** Building ../shared/fixtures/schnitzler-letters as a foreign folder (issue 14), one cold run. */
  foreign?: ForeignResult;
  sizes: SizeResult[];
}

export interface ForeignResult {
  folder: string;
  files: number;
  date: string;
  /** Wall seconds of one cold build (no cache, no output; stylesheets compiled). */
  seconds: number | undefined;
  rssKiB: number | undefined;
  exitCode: number | undefined;
  note: string;
  load?: [number, number];
}

const DATA_START = '<!-- bench-data ';
const DATA_END = ' -->';

/**
 * What was written by hand below the embedded results of an earlier report
 * (notes on runs the bench does not make): kept when the report is written
 * again, whether or not --merge is given.
 */
export function handWrittenPart(text: string): string {
  const at = text.lastIndexOf(DATA_START);
  if (at < 0) return '';
  const end = text.indexOf(DATA_END, at + DATA_START.length);
  if (end < 0) return '';
  const rest = text.slice(end + DATA_END.length).replace(/^\n+/, '');
  return rest.trim() === '' ? '' : `\n${rest}`;
}

/** The results embedded in an earlier report, for --merge. */
export function readPrevious(file: string): BenchData | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const at = text.lastIndexOf(DATA_START);
  if (at < 0) return undefined;
  const end = text.indexOf(DATA_END, at + DATA_START.length);
  try {
    return JSON.parse(text.slice(at + DATA_START.length, end)) as BenchData;
  } catch {
    return undefined;
  }
}

function seconds(s: number): string {
  return s < 10 ? s.toFixed(2) : s.toFixed(1);
}

function mb(kib: number | undefined): string {
  return kib === undefined ? '–' : (kib / 1024).toFixed(0);
}

function task(size: SizeResult | undefined, id: string): TaskResult | undefined {
  return size?.tasks.find((t) => t.id === id);
}

function median(size: SizeResult | undefined, id: string): number | undefined {
  const t = task(size, id);
  return t?.status === 'ok' ? t.stats?.median : undefined;
}

/** A run killed at the time limit: the task takes more than this. */
function atLeast(size: SizeResult | undefined, id: string): number | undefined {
  const t = task(size, id);
  return t?.status === 'timeout' ? t.stats?.max : undefined;
}

function status(t: TaskResult): string {
  if (t.status === 'missing') return 'missing';
  if (t.status === 'skipped') return 'skipped';
  if (t.status === 'timeout') return 'TIME LIMIT';
  if (t.status === 'failed') return 'FAILED';
  return '';
}

function taskTable(size: SizeResult): string {
  const rows = [
    '| Task | Tool | Median s | Min s | Max s | Peak RSS MB | Runs | Notes |',
    '|---|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const t of size.tasks) {
    const tool = t.tool === 'ours' ? 'edition (Node)' : 'Java';
    const st = t.stats;
    const flag = status(t);
    const note = [flag, t.note].filter(Boolean).join(': ').replace(/\|/g, '\\|');
    if (!st || t.status === 'missing' || t.status === 'skipped') rows.push(`| ${t.task} | ${tool} | – | – | – | – | 0 | ${note} |`);
    else if (t.status === 'timeout') rows.push(`| ${t.task} | ${tool} | **> ${seconds(st.max)}** | – | – | ${mb(st.rssKiB)} | ${st.runs} | ${note} |`);
    else rows.push(`| ${t.task} | ${tool} | ${t.status === 'ok' ? `**${seconds(st.median)}**` : seconds(st.median)} | ${seconds(st.min)} | ${seconds(st.max)} | ${mb(st.rssKiB)} | ${st.runs} | ${note} |`);
  }
  return rows.join('\n');
}

/** The Java pipeline that builds what we build: jing, then Saxon-HE once per output. */
function javaPipeline(size: SizeResult | undefined): { total: number | undefined; why: string } {
  const parts = ['jing', 'saxon-html', 'saxon-text', 'saxon-json'];
  const missingParts = parts.filter((id) => median(size, id) === undefined);
  if (missingParts.length > 0) return { total: undefined, why: `missing: ${missingParts.join(', ')}` };
  return { total: parts.reduce((sum, id) => sum + median(size, id)!, 0), why: '' };
}

function ratio(ours: number | undefined, theirs: number | undefined): string {
  if (ours === undefined || theirs === undefined) return 'missing';
  return `${(ours / theirs).toFixed(2)}×`;
}

function ratioTable(size: SizeResult): string {
  const pipeline = javaPipeline(size);
  const rows = [
    '| Comparison | Ours (median s) | Java (median s) | Ours / Java |',
    '|---|---:|---:|---:|',
  ];
  const line = (what: string, ours: number | undefined, theirs: number | undefined, why = ''): void => {
    rows.push(`| ${what} | ${ours === undefined ? 'missing' : seconds(ours)} | ${theirs === undefined ? `missing${why ? ` (${why})` : ''}` : seconds(theirs)} | ${ratio(ours, theirs)} |`);
  };
  line('`edition validate` vs jing, edition schema', median(size, 'validate'), median(size, 'jing'));
  line('`edition validate --schema tei_all.rng` vs jing, tei_all', median(size, 'validate-teiall'), median(size, 'jing-teiall'));
  line('cold `edition build` vs jing + Saxon-HE (html, text, json)', median(size, 'build-cold'), pipeline.total, pipeline.why);
  for (const output of ['html', 'text', 'json']) {
    const t = task(size, `saxon-${output}`);
    if (t && t.status !== 'ok') rows.push(`| Saxon-HE ${output}.xsl | | ${t.status}${t.note ? `: ${t.note.replace(/\|/g, '\\|')}` : ''} | |`);
  }
  return rows.join('\n');
}

interface Target {
  what: string;
  limit: string;
  measured: string;
  verdict: string;
}

function verdictLimit(value: number | undefined, limit: number, unit: string): string {
  if (value === undefined) return 'not measured';
  if (value <= limit) return 'met';
  return `missed by ${(value - limit).toFixed(unit === 'MB' ? 0 : 2)} ${unit} (+${Math.round(((value - limit) / limit) * 100)}%)`;
}

function verdictFaster(ours: number | undefined, theirs: number | undefined, strict: boolean): string {
  if (ours === undefined || theirs === undefined) return 'not measured';
  const ok = strict ? ours < theirs : ours <= theirs;
  return ok ? 'met' : `missed: ${(ours / theirs).toFixed(2)}× the Java time`;
}

function both(a: string, b: string): string {
  if (a === 'met' && b === 'met') return 'met';
  if (a === 'not measured' && b === 'not measured') return 'not measured';
  return [a === 'met' ? '' : a, b === 'met' ? '' : b].filter(Boolean).join('; ');
}

/** The limits of issue "Lean stylesheets and a build made of summaries" (2-core machine). */
const PER_LETTER_LIMITS: ReadonlyArray<[string, number]> = [['html', 3], ['text', 1.5], ['json', 2.5]];

function targets(data: BenchData): Target[] {
  const s1000 = data.sizes.find((s) => s.letters === 1000);
  const s10000 = data.sizes.find((s) => s.letters === 10000);
  const fmt = (v: number | undefined): string => (v === undefined ? 'not measured' : `${seconds(v)} s`);
  const out: Target[] = [];

  for (const [name, limit] of PER_LETTER_LIMITS) {
    const sheet = data.perLetter?.sheets.find((x) => x.name === name);
    out.push({
      what: `\`${name}.xsl\` per letter, against the yardstick (real letters)`,
      limit: `≤ ${limit}×`,
      measured: sheet ? `${sheet.ratio.toFixed(1)}× (${sheet.ms.toFixed(1)} ms; yardstick ${data.perLetter!.yardstickMs!.toFixed(1)} ms)` : `not measured${data.perLetter?.note ? ` (${data.perLetter.note})` : ''}`,
      verdict: sheet ? (sheet.ratio <= limit ? 'met' : `missed: ${sheet.ratio.toFixed(1)}×`) : 'not measured',
    });
  }

  const vt = median(s1000, 'validate-teiall');
  const jt = median(s1000, 'jing-teiall');
  out.push({ what: '`edition validate --schema tei_all.rng`, 1,000 letters', limit: 'never slower than jing', measured: `${fmt(vt)}; jing ${fmt(jt)} (${ratio(vt, jt)})`, verdict: verdictFaster(vt, jt, false) });

  const b = median(s1000, 'build-cold');
  const bMin = atLeast(s1000, 'build-cold');
  const pipeline = javaPipeline(s1000).total;
  out.push({
    what: 'cold full build, 1,000 letters',
    limit: '≤ 10 s, and faster than the Java pipeline in the same run',
    measured: bMin !== undefined ? `> ${seconds(bMin)} s (killed at the time limit); Java ${fmt(pipeline)} (> ${ratio(bMin, pipeline)})` : `${fmt(b)}; Java ${fmt(pipeline)} (${ratio(b, pipeline)})`,
    verdict: bMin !== undefined ? `missed: more than ${seconds(bMin)} s${pipeline !== undefined ? `, more than ${(bMin / pipeline).toFixed(1)}× the Java pipeline` : ''}` : both(verdictLimit(b, 10, 's'), verdictFaster(b, pipeline, true)),
  });

  const inc = median(s1000, 'build-incr-letter');
  const incMin = atLeast(s1000, 'build-incr-letter');
  out.push({ what: 'one letter\'s wording changed, in 1,000', limit: '≤ 1 s', measured: incMin !== undefined ? `> ${seconds(incMin)} s` : fmt(inc), verdict: incMin !== undefined ? `missed: more than ${seconds(incMin)} s` : verdictLimit(inc, 1, 's') });

  const reg = median(s1000, 'build-incr-register');
  const regMin = atLeast(s1000, 'build-incr-register');
  out.push({ what: 'one register entry changed, in 1,000', limit: '≤ 3 s', measured: regMin !== undefined ? `> ${seconds(regMin)} s` : fmt(reg), verdict: regMin !== undefined ? `missed: more than ${seconds(regMin)} s` : verdictLimit(reg, 3, 's') });

  const first = median(data.project, 'build-first');
  out.push({
    what: 'first `edition build` of this edition, nothing cached (a fresh clone\'s; `npm install` is timed by hand)',
    limit: '≤ 25 s together with `npm install`',
    measured: fmt(first),
    verdict: first === undefined ? 'not measured' : 'see the hand-timed `npm install` (BENCHMARKS.md notes)',
  });

  const edit = median(data.project, 'build-xslt-edit');
  out.push({ what: 'rebuild after a one-line stylesheet edit', limit: '≤ 20 s', measured: fmt(edit), verdict: verdictLimit(edit, 20, 's') });

  const b10 = median(s10000, 'build-cold');
  const b10Min = atLeast(s10000, 'build-cold');
  out.push({ what: 'cold full build, 10,000 letters', limit: '≤ 120 s', measured: b10Min !== undefined ? `> ${seconds(b10Min)} s` : fmt(b10), verdict: b10Min !== undefined ? `missed: more than ${seconds(b10Min)} s` : verdictLimit(b10, 120, 's') });

  // A run killed at the time limit counts too: its peak so far is a lower bound of the real one.
  const rss = s10000?.tasks.filter((t) => t.tool === 'ours' && (t.status === 'ok' || t.status === 'timeout') && t.id !== 'validate-teiall' && t.stats?.rssKiB !== undefined).map((t) => ({ id: t.status === 'timeout' ? `${t.id}, at least: killed at the time limit` : t.id, kib: t.stats!.rssKiB! }));
  const peak = rss && rss.length > 0 ? rss.reduce((a, c) => (c.kib > a.kib ? c : a)) : undefined;
  out.push({
    what: 'peak resident memory, 10,000 letters',
    limit: '≤ 1.5 GB',
    measured: peak ? `${mb(peak.kib)} MB (${peak.id})` : 'not measured',
    verdict: peak ? verdictLimit(peak.kib / 1024, 1536, 'MB') : 'not measured',
  });
  return out;
}

function perLetterSection(p: PerLetterResult): string[] {
  const lines = ['## Per letter, against the yardstick', ''];
  lines.push(`\`${p.command}\` (src/dev/bench/per-letter.ts): the shared \`bench/xslt-cost.mjs\` runs the lean \`bench/yardstick.xsl\` and each entry stylesheet on the same real letters in one process, rounds alternating; each letter's time is the median of its rounds.${p.letters ? ` ${p.letters}.` : ''}`);
  lines.push('');
  if (p.status !== 'ok') {
    lines.push(`${p.status}${p.note ? `: ${p.note}` : ''}`);
    lines.push('');
    return lines;
  }
  const floor = (name: string): PerLetterSheet | undefined => p.floor?.sheets.find((x) => x.name === name);
  lines.push('| Stylesheet | ms per letter | × yardstick | an empty letter: ms | an empty letter: × the yardstick\'s real letter |');
  lines.push('|---|---:|---:|---:|---:|');
  lines.push(`| yardstick.xsl | ${p.yardstickMs!.toFixed(1)} | 1.0 | | |`);
  for (const x of p.sheets) {
    const f = floor(x.name);
    lines.push(`| ${x.name}.xsl | ${x.ms.toFixed(1)} | ${x.ratio.toFixed(1)} | ${f ? f.ms.toFixed(1) : 'not measured'} | ${f ? f.ratio.toFixed(1) : ''} |`);
  }
  lines.push('');
  if (p.floor) {
    lines.push(`The last two columns: \`${p.floor.command}\`, the same compiled stylesheets in a run of their own. What a transformation costs before it reads a word (SaxonJS sets the whole compiled stylesheet up for each transformation), as a multiple of the yardstick's time for a real letter in the run above: the part of each ratio no change to the templates can remove.`);
    lines.push('');
  }
  return lines;
}

function loadNote(size: SizeResult): string {
  return size.load ? `; load average ${size.load[0].toFixed(1)} at the start, ${size.load[1].toFixed(1)} at the end (${cores} cores)` : '';
}

function corpusLine(c: CorpusInfo): string {
  return `${c.letters} letters, seed ${c.seed}: ${c.totalMiB.toFixed(1)} MiB of letters, ${c.minKiB.toFixed(1)}–${c.maxKiB.toFixed(1)} KiB each (mean ${c.meanKiB.toFixed(1)}), ${c.withApparatus} with an apparatus; registers of ${c.persons} persons, ${c.places} places, ${c.orgs} organisations; generated in ${c.generateSeconds.toFixed(1)} s.`;
}

export function renderReport(data: BenchData): string {
  const m = data.machine;
  const j = data.java;
  const lines: string[] = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push('Written by `npm run bench` (src/dev/bench/). Every figure is the wall time of a fresh process (`node bin/edition.js …`, or `jing` / `java … net.sf.saxon.Transform`), process start included, spawned from the harness; peak RSS is GNU time\'s `%M` of that process (for a run killed at its time limit, the largest VmHWM polled from /proc over its process tree). Medians of the runs shown; each synthetic edition is generated from a seeded PRNG in a temporary folder, so the same seed gives byte-identical letters.');
  lines.push('');
  lines.push('## Machine and run');
  lines.push('');
  lines.push(`- Machine: ${m.cores} cores, ${m.cpuModel}, ${m.ramGiB} GiB RAM, ${m.os}`);
  lines.push(`- Node ${m.node}; Java: ${j.javaVersion ?? 'missing'}; jing: ${j.jing ? (j.jingVersion ?? 'installed') : 'missing'}; Saxon-HE: ${j.saxonJar ? (j.saxonVersion ?? 'installed') : 'missing'}`);
  lines.push(`- Date: ${data.date}`);
  lines.push(`- Command: \`${data.command}\` (runs: ${data.runs}, seed: ${data.seed})`);
  lines.push(`- tei_all.rng: ${data.teiAll ?? 'missing'}`);
  lines.push('');
  lines.push('## Targets (2-core machine)');
  lines.push('');
  lines.push('| Target | Limit | Measured (median) | Verdict |');
  lines.push('|---|---|---|---|');
  for (const t of targets(data)) lines.push(`| ${t.what} | ${t.limit} | ${t.measured} | ${t.verdict} |`);
  lines.push('');
  lines.push('"Java pipeline" is jing (edition schema) plus one Saxon-HE run per output (html, text, json), the sum of their medians. Our build does more than that (edition-wide pages, CMIF, downloads, ZIP).');
  lines.push('');
  if (data.project) {
    lines.push(`## ${data.project.label}`);
    lines.push('');
    lines.push(`Measured ${data.project.date}${loadNote(data.project)}. A copy of tei/ with the project's configuration (schema by absolute path) in a temporary folder, so that "cold" can clear its caches without touching the project's.`);
    lines.push('');
    lines.push(taskTable(data.project));
    lines.push('');
  }
  if (data.perLetter) lines.push(...perLetterSection(data.perLetter));
  if (data.foreign) {
    const f = data.foreign;
    lines.push('## A foreign folder: the Schnitzler letters');
    lines.push('');
    lines.push(`\`edition build --src ${f.folder}\` (${f.files} files: 294 letters and the registers listplace.xml and listorg.xml; no schema), one cold run (no cache, no output), measured ${f.date}${f.load ? ` (1-minute load ${f.load[0].toFixed(1)} → ${f.load[1].toFixed(1)})` : ''}.`);
    lines.push('');
    lines.push(f.seconds !== undefined
      ? `**${f.seconds.toFixed(1)} s** wall${f.rssKiB !== undefined ? `, peak RSS ${(f.rssKiB / 1024).toFixed(0)} MiB` : ''}, exit ${f.exitCode}${f.note ? ` (${f.note})` : ''}.`
      : `not measured: ${f.note}`);
    lines.push('');
  }
  for (const size of data.sizes) {
    lines.push(`## ${size.label}`);
    lines.push('');
    if (size.corpus) lines.push(corpusLine(size.corpus));
    lines.push('');
    lines.push(`Measured ${size.date}${size.command !== data.command ? ` by \`${size.command}\`` : ''}${loadNote(size)}.`);
    lines.push('');
    lines.push(taskTable(size));
    lines.push('');
    lines.push(ratioTable(size));
    lines.push('');
  }
  lines.push('## Method');
  lines.push('');
  lines.push('- **validate, cold**: the generated folder\'s `.cache/` (validation cache, build manifest) is removed before each run; **again** runs with whatever the previous run left.');
  lines.push('- **Toolchain snapshot**: the bench copies bin/, build/, xslt/ and schema/ when it starts and measures that copy (Saxon-HE runs its xslt/ too), so edits to the tree during a long run cannot mix versions or force a stylesheet recompile mid-series.');
  lines.push('- **first build** (the project\'s edition only, one run): nothing cached in the edition folder; the build stylesheet comes compiled with the toolchain (xslt/build.sef.json, used while xslt/ is as it was compiled), as on a fresh clone. **after a stylesheet edit**: a copy of the toolchain with a comment line added to xslt/common/dates.xsl, so the build compiles xslt/build.xsl first. **cold build**: the output folder and the folder\'s `.cache/` (validation cache, build manifest) are removed before each run. A run that compiled stylesheets anyway is flagged in the Notes column.');
  lines.push('- **incremental, one letter**: after a build, the middle letter gets a new word in its first paragraph before each run. **incremental, one register entry**: the first person\'s identification note changes before each run. Both files are restored afterwards.');
  lines.push('- **jing**: `jing SCHEMA tei/*.xml`, one JVM for all files. **Saxon-HE**: `java -cp Saxon-HE.jar net.sf.saxon.Transform -s:tei -o:OUT -xsl:xslt/NAME.xsl`, directory mode, one JVM per output.');
  lines.push('- **Time limit** (`--timeout`, per run): a run killed at it ends its series; the table shows "> limit" and the targets count it as missed by at least that much.');
  lines.push('- `edition validate` exits 1 when it finds errors; the run still counts and the Notes column shows the exit code and the first message. A build that exits non-zero is reported as FAILED and not timed further.');
  lines.push('');
  lines.push(`${DATA_START}${JSON.stringify(data).replace(/--/g, '-\\u002d')}${DATA_END}`);
  lines.push('');
  return lines.join('\n');
}

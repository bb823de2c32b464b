/**
 * validate: read → decode → DOCTYPE policy → libxml2 (well-formedness and
 * RelaxNG, batched) → parse once for positions → file rules; then the
 * edition rules across every file's summary. Every file is checked; an
 * error in one never stops the others.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { EditionConfig } from '../config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics, UsageError } from '../diagnostics/diagnostic.js';
import type { FileSummary } from '../edition/files.js';
import { summarise } from '../edition/files.js';
import { checkDoctype } from '../parse/doctype.js';
import { parseXml } from '../parse/tree.js';
import { declareUtf8, decodeSource } from '../read/decode.js';
import { LineIndex } from '../read/positions.js';
import { rules } from '../rules/index.js';
import type { Finding, Rule } from '../rules/index.js';
import { ACKNOWLEDGEMENT_UNUSED, loadAcknowledgements, markAcknowledged, unusedAcknowledgements } from './acknowledged.js';
import { standsAlone } from './parser-messages.js';
import { hashText, ValidationCache } from './cache.js';
import { schemaFor, shouldPrune } from './schema.js';
import type { LintFile, LintSchema } from './xmllint.js';
import { LintSession, takePool } from './xmllint.js';

export interface Progress {
  stage: 'read' | 'schema' | 'rules';
  done: number;
  total: number;
}

export interface ValidateOptions {
  config: EditionConfig;
  /** Files or folders to check; default: the configured source folder. */
  paths?: readonly string[];
  onProgress?: (progress: Progress) => void;
  /** Folder for the validation cache; without it every file is checked afresh. */
  cacheFolder?: string;
  /** The toolchain's version, part of the cache key. */
  toolVersion?: string;
}

/**
 * One source file after validation: read, decoded and hashed once, here.
 * The build uses this record as it is (src/site/plan.ts, `Source`).
 */
export interface CheckedFile {
  /** Absolute path. */
  file: string;
  name: string;
  /** The file's bytes as read (the build's TEI downloads and ZIP). */
  bytes: Uint8Array;
  /** The decoded text, its declaration naming UTF-8; undefined when it could not be read or was refused. */
  text: string | undefined;
  /** Present when the file is well-formed and was parsed. */
  summary: FileSummary | undefined;
  /** Hash of the file's bytes as read (what a build keys its outputs on). */
  hash: string;
  errors: number;
  warnings: number;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  files: CheckedFile[];
  errors: number;
  warnings: number;
  /** Files whose findings came from the cache. */
  cached: number;
  /** Warnings the editor has acknowledged (counted in `warnings`, marked `acknowledged`). */
  acknowledged: number;
  /**
   * Names of the files the cross-document rules left out because they
   * could not be read as XML (not well-formed, undecodable, refused): each
   * has its own located error, and no finding elsewhere blames its absence.
   */
  skipped: string[];
  /** Why each skipped file could not be read: `not well-formed`, `not readable: …`, `refused: …`. */
  skippedCauses: Record<string, string>;
}

/** Why a file could not be read as XML, from the rules of its errors. */
function unreadableCause(rules: ReadonlySet<string>): string {
  if (rules.has('encoding-invalid')) return 'not readable: bytes not valid in its encoding';
  if (rules.has('encoding-unsupported')) return 'not readable: its encoding is not supported';
  if (rules.has('xml-external-dtd') || rules.has('xml-entity-declaration')) return 'refused: its DOCTYPE';
  if (rules.has('xml-validator-failed')) return 'not checked: libxml2 failed on it';
  return 'not well-formed';
}

/** The .xml files a path names: the file itself, or a folder's .xml files in name order. */
export function listSourceFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    if (!existsSync(absolute)) throw new UsageError(`No such file or folder: ${path}`);
    if (statSync(absolute).isDirectory()) {
      for (const name of readdirSync(absolute).sort()) {
        if (name.endsWith('.xml') && statSync(join(absolute, name)).isFile()) files.push(join(absolute, name));
      }
    } else files.push(absolute);
  }
  return [...new Set(files)];
}

interface ActiveRule {
  rule: Rule;
  severity: Diagnostic['severity'];
}

function activeRules(config: EditionConfig): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    if (rule.scope === 'edition' && !config.editionRules) continue;
    // In a foreign folder the rules inform: their findings are warnings.
    const severity = config.rules[rule.id] ?? (config.editionRules ? rule.severity : 'warning');
    if (severity !== 'off') active.push({ rule, severity });
  }
  return active;
}

function toDiagnostic({ rule, severity }: ActiveRule, f: Finding): Diagnostic {
  return { file: f.file, line: f.line, column: f.column, severity, rule: rule.id, source: 'edition', message: f.message };
}

/** Everything about the checks that, when it changes, makes cached findings stale. */
function checksKey(config: EditionConfig, schemaText: string, toolVersion: string): string {
  return hashText(
    toolVersion,
    schemaText,
    JSON.stringify({ editionRules: config.editionRules, header: config.header, registers: config.registers, dateRange: config.dateRange, rules: config.rules }),
  );
}

interface PendingFile {
  checked: CheckedFile;
  key: string;
  lint: LintFile | undefined;
  /** Diagnostics found before libxml2 (decoding, DOCTYPE). */
  early: Diagnostic[];
}

export async function validate(options: ValidateOptions): Promise<ValidationResult> {
  const { config, onProgress } = options;
  if (config.schema !== undefined && !existsSync(config.schema)) throw new UsageError(`No schema at ${config.schema}`);
  // No schema (a foreign folder without --schema): libxml2 checks well-formedness only.
  const schemaText = config.schema !== undefined ? readFileSync(config.schema, 'utf8') : '';
  const requested = options.paths && options.paths.length > 0 ? listSourceFiles(options.paths) : undefined;
  // Files of the source folder are checked with the whole folder, so that the edition rules see the
  // registers and the other letters they point at; only the requested files' findings are reported.
  const sourceFiles = requested === undefined || existsSync(config.source) ? listSourceFiles([config.source]) : [];
  const inSource = new Set(sourceFiles);
  const paths = requested === undefined || (requested.length > 0 && requested.every((f) => inSource.has(f))) ? sourceFiles : requested;
  const cache = options.cacheFolder ? ValidationCache.forSource(options.cacheFolder, config.source) : undefined;
  const checks = checksKey(config, schemaText, options.toolVersion ?? '');
  const active = activeRules(config);
  const fileRules = active.filter((a) => a.rule.kind === 'file');
  const editionRules = active.filter((a) => a.rule.kind === 'edition');

  const diagnostics: Diagnostic[] = [];
  const files: CheckedFile[] = [];
  const pending: PendingFile[] = [];
  let cached = 0;

  // libxml2 runs on worker threads: they start before the files are read
  // (the CLI starts the first one while it loads) and compile the
  // WebAssembly module meanwhile. A small schema compiles in milliseconds,
  // so many files pay for a second worker on the second core.
  // A large schema (tei_all) is first pruned to the element names the files
  // use, so it needs every file read first; it then compiles in a tenth of
  // a second, once per worker.
  const fullSchema: LintSchema | undefined = config.schema !== undefined ? { file: config.schema, text: schemaText } : undefined;
  const prune = fullSchema !== undefined && shouldPrune(schemaText);
  const pool = takePool(paths.length >= 64 ? 2 : 1);
  // One call per worker: every call pays for a fresh instance and a schema
  // compile, which costs more than an earlier start gains (BENCHMARKS.md).
  let session = prune ? undefined : new LintSession(fullSchema, { pool, perCall: Math.ceil(paths.length / pool.size) });
  const held: LintFile[] = [];
  let linted = 0;
  try {
    paths.forEach((file, i) => {
      const bytes = readFileSync(file);
      const hash = hashText(bytes);
      const checked: CheckedFile = { file, name: basename(file), bytes, text: undefined, summary: undefined, hash, errors: 0, warnings: 0 };
      files.push(checked);
      const key = hashText(checks, file, hash);
      const hit = cache?.get(file, key);
      const decoded = decodeSource(bytes);
      if (hit) {
        cached++;
        diagnostics.push(...hit.diagnostics);
        checked.summary = hit.summary;
        if (hit.usable && decoded.ok) checked.text = declareUtf8(decoded.source.text);
        return;
      }
      if (pending.length === 0) pool.warm();
      const entry: PendingFile = { checked, key, lint: undefined, early: [] };
      pending.push(entry);
      if (!decoded.ok) {
        const { problem } = decoded;
        entry.early.push({ file, line: problem.line, column: problem.column, severity: 'error', rule: problem.rule, source: 'xml', message: problem.message });
        return;
      }
      const text = declareUtf8(decoded.source.text);
      const lines = new LineIndex(text);
      for (const r of checkDoctype(text)) {
        const { line, column } = lines.position(r.offset);
        entry.early.push({ file, line, column, severity: 'error', rule: r.rule, source: 'xml', message: r.message });
      }
      if (entry.early.length > 0) return;
      // The file's own bytes when they are already the UTF-8 libxml2 gets.
      const same = decoded.source.encoding === 'utf-8' && text === decoded.source.text;
      entry.lint = { file, text, lines, ...(same ? { bytes: decoded.source.hadBom ? bytes.subarray(3) : bytes } : {}) };
      if (session) session.add(entry.lint);
      else held.push(entry.lint);
      linted++;
      onProgress?.({ stage: 'read', done: i + 1, total: paths.length });
    });
    if (!session) {
      const choice = schemaFor(fullSchema!, held.map((f) => f.text), { ...(options.cacheFolder ? { cacheFolder: options.cacheFolder } : {}), toolVersion: options.toolVersion ?? '' });
      session = new LintSession(choice.schema, { pool, perCall: Math.ceil(held.length / pool.size), ...(choice.full ? { fallback: choice.full } : {}) });
      for (const f of held) session.add(f);
      held.length = 0;
    }
  } catch (error) {
    pool.close();
    throw error;
  }

  onProgress?.({ stage: 'schema', done: 0, total: linted });
  // Parse and run the file rules while libxml2 works, and keep their
  // findings only for files libxml2 finds well-formed.
  const linting = session.finish().finally(() => pool.close());

  const parsedFindings = new Map<PendingFile, { summary: FileSummary | undefined; found: Diagnostic[]; parsed: boolean }>();
  let done = 0;
  for (const p of pending) {
    done++;
    if (!p.lint) continue;
    const found: Diagnostic[] = [];
    try {
      const parsed = parseXml(p.lint.text, p.lint.lines);
      const summary = summarise(p.checked.file, parsed.root, config);
      for (const a of fileRules) {
        if (a.rule.kind !== 'file') continue;
        for (const f of a.rule.check({ summary, root: parsed.root, config })) found.push(toDiagnostic(a, f));
      }
      parsedFindings.set(p, { summary, found, parsed: true });
    } catch (error) {
      found.push({
        file: p.checked.file, line: 1, column: 1, severity: 'error', rule: 'xml-not-well-formed', source: 'xml',
        message: `The file could not be parsed: ${(error as Error).message}`,
      });
      parsedFindings.set(p, { summary: undefined, found, parsed: false });
    }
    onProgress?.({ stage: 'rules', done, total: pending.length });
  }

  const lint = await linting;
  if (lint.schemaProblem) diagnostics.push(lint.schemaProblem);
  onProgress?.({ stage: 'schema', done: linted, total: linted });

  for (const p of pending) {
    const found = [...p.early, ...(lint.byFile.get(p.checked.file) ?? [])];
    const wellFormed = p.lint !== undefined && !lint.notWellFormed.has(p.checked.file);
    const parsed = parsedFindings.get(p);
    if (!wellFormed) keepFirstParserError(found);
    let usable = false;
    if (wellFormed && parsed) {
      found.push(...parsed.found);
      dropSchemaRepeats(found);
      p.checked.summary = parsed.summary;
      usable = parsed.parsed && lint.schemaProblem === undefined;
    }
    if (usable) p.checked.text = p.lint!.text;
    diagnostics.push(...found);
    // A schema that failed to compile says nothing about the files: don't remember that.
    if (!lint.schemaProblem) cache?.set(p.checked.file, { key: p.key, diagnostics: found, summary: p.checked.summary, usable });
  }

  const summaries = files.flatMap((f) => (f.summary ? [f.summary] : []));
  const skipped = files.filter((f) => !f.summary).map((f) => f.name);
  const errorRules = new Map<string, Set<string>>();
  for (const d of diagnostics) if (d.severity === 'error') errorRules.set(d.file, (errorRules.get(d.file) ?? new Set()).add(d.rule));
  const skippedCauses: Record<string, string> = {};
  for (const f of files) if (!f.summary) skippedCauses[f.name] = unreadableCause(errorRules.get(f.file) ?? new Set());
  for (const a of editionRules) {
    if (a.rule.kind !== 'edition') continue;
    for (const f of a.rule.check({ files: summaries, config, skipped: new Set(skipped) })) diagnostics.push(toDiagnostic(a, f));
  }
  if (cache && !options.paths?.length) cache.retain(new Set(paths));
  cache?.save();

  if (requested !== undefined && paths !== requested) {
    const wanted = new Set(requested);
    diagnostics.splice(0, diagnostics.length, ...diagnostics.filter((d) => wanted.has(d.file) || !inSource.has(d.file)));
    files.splice(0, files.length, ...files.filter((f) => wanted.has(f.file)));
  }
  const acknowledgements = loadAcknowledgements(config.acknowledged);
  const marked = markAcknowledged(diagnostics, acknowledgements, config.root);
  if (acknowledgements.length > 0 && config.acknowledged !== undefined && config.rules[ACKNOWLEDGEMENT_UNUSED] !== 'off') {
    const relativeName = (f: CheckedFile): string => relative(config.root, f.file).split(sep).join('/');
    marked.push(...unusedAcknowledgements(diagnostics, acknowledgements, {
      root: config.root,
      path: config.acknowledged,
      checked: new Set(files.filter((f) => f.summary).map(relativeName)),
      unreadable: new Set(files.filter((f) => !f.summary).map(relativeName)),
      all: requested === undefined,
    }));
  }
  marked.sort(compareDiagnostics);
  const byPath = new Map(files.map((f) => [f.file, f]));
  let errors = 0;
  let warnings = 0;
  let acknowledged = 0;
  for (const d of marked) {
    if (d.acknowledged) acknowledged++;
    const f = byPath.get(d.file);
    if (d.severity === 'error') {
      errors++;
      if (f) f.errors++;
    } else {
      warnings++;
      if (f) f.warnings++;
    }
  }
  return { diagnostics: marked, files, errors, warnings, cached, acknowledged, skipped, skippedCauses };
}

/**
 * One mistake, one message: where a rule of the edition has already said
 * what is wrong with an attribute (`@when="1920-02-30" is not a valid date:
 * 1920-02 has no day 30`), libxml2's "Invalid attribute when for element
 * date" at the same element says it again, less precisely, and is left out.
 * A RelaxNG error about anything else at that element stays.
 */
function dropSchemaRepeats(found: Diagnostic[]): void {
  const saidByRules = new Set<string>();
  for (const d of found) {
    if (d.severity !== 'error' || d.source !== 'edition') continue;
    for (const m of d.message.matchAll(/@([\w:.-]+)=/g)) saidByRules.add(`${d.line}:${d.column}:${m[1]}`);
  }
  if (saidByRules.size === 0) return;
  const repeats = found.filter((d) => {
    if (d.rule !== 'relaxng-invalid') return false;
    const attribute = /Invalid attribute (\S+) for element /.exec(d.message)?.[1];
    return attribute !== undefined && saidByRules.has(`${d.line}:${d.column}:${attribute}`);
  });
  if (repeats.length > 0) found.splice(0, found.length, ...found.filter((d) => !repeats.includes(d)));
}

/**
 * A file that is not well-formed gets one message for its structure:
 * libxml2's first error, which is where the file goes wrong (a missing
 * `</p>` makes every enclosing end tag mismatch after it). The others
 * follow from it and would change once it is fixed, so they are counted,
 * not listed. Errors about one attribute or name (an xml:id that is not an
 * NCName, a namespace problem: `standsAlone`) are all kept. The messages
 * are already in plain words (src/validate/parser-messages.ts).
 */
function keepFirstParserError(found: Diagnostic[]): void {
  const structural = found.filter((d) => d.rule === 'xml-not-well-formed' && !standsAlone(d.message));
  const first = structural[0];
  if (!first) return;
  const others = structural.length - 1;
  const count = `${others} more error${others === 1 ? ', which follows' : 's, which follow'} from this one`;
  const message =
    others === 0 ? first.message : first.message.endsWith(')') && first.message.includes('(libxml2: ') ? `${first.message.slice(0, -1)}; it reported ${count})` : `${first.message} (libxml2 reported ${count})`;
  const kept = { ...first, message };
  const dropped = new Set(structural.slice(1));
  found.splice(0, found.length, ...found.flatMap((d) => (d === first ? [kept] : dropped.has(d) ? [] : [d])));
}

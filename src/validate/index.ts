/**
 * validate: read → decode → DOCTYPE policy → libxml2 (well-formedness and
 * RelaxNG, batched) → parse once for positions → edition rules.
 * Every file is checked; an error in one never stops the others.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
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
import type { LintFile } from './xmllint.js';
import { lintFiles } from './xmllint.js';

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
}

/** One source file after validation. */
export interface CheckedFile {
  /** Absolute path. */
  file: string;
  name: string;
  /** The decoded text, its declaration naming UTF-8; undefined when it could not be read. */
  text: string | undefined;
  /** Present when the file is well-formed and was parsed. */
  summary: FileSummary | undefined;
  errors: number;
  warnings: number;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  files: CheckedFile[];
  errors: number;
  warnings: number;
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

function severityOf(rule: Rule, config: EditionConfig): Diagnostic['severity'] | 'off' {
  return config.rules[rule.id] ?? rule.severity;
}

function toDiagnostic(rule: Rule, severity: Diagnostic['severity'], f: Finding): Diagnostic {
  return { file: f.file, line: f.line, column: f.column, severity, rule: rule.id, source: 'edition', message: f.message };
}

function activeRules(config: EditionConfig): Array<{ rule: Rule; severity: Diagnostic['severity'] }> {
  const active: Array<{ rule: Rule; severity: Diagnostic['severity'] }> = [];
  for (const rule of rules) {
    if (rule.scope === 'edition' && !config.editionRules) continue;
    const severity = severityOf(rule, config);
    if (severity !== 'off') active.push({ rule, severity });
  }
  return active;
}

export async function validate(options: ValidateOptions): Promise<ValidationResult> {
  const { config, onProgress } = options;
  if (!existsSync(config.schema)) throw new UsageError(`No schema at ${config.schema}`);
  const schemaText = readFileSync(config.schema, 'utf8');
  const paths = listSourceFiles(options.paths && options.paths.length > 0 ? options.paths : [config.source]);
  const diagnostics: Diagnostic[] = [];
  const files: CheckedFile[] = [];
  const toLint: LintFile[] = [];

  paths.forEach((file, i) => {
    const checked: CheckedFile = { file, name: basename(file), text: undefined, summary: undefined, errors: 0, warnings: 0 };
    files.push(checked);
    const decoded = decodeSource(readFileSync(file));
    if (!decoded.ok) {
      const { problem } = decoded;
      diagnostics.push({ file, line: problem.line, column: problem.column, severity: 'error', rule: problem.rule, source: 'xml', message: problem.message });
      return;
    }
    const text = declareUtf8(decoded.source.text);
    const lines = new LineIndex(text);
    const refused = checkDoctype(text);
    for (const r of refused) {
      const { line, column } = lines.position(r.offset);
      diagnostics.push({ file, line, column, severity: 'error', rule: r.rule, source: 'xml', message: r.message });
    }
    if (refused.length > 0) return;
    checked.text = text;
    toLint.push({ file, text, lines });
    onProgress?.({ stage: 'read', done: i + 1, total: paths.length });
  });

  onProgress?.({ stage: 'schema', done: 0, total: toLint.length });
  const lint = await lintFiles(toLint, { file: config.schema, text: schemaText });
  if (lint.schemaProblem) diagnostics.push(lint.schemaProblem);
  for (const list of lint.byFile.values()) diagnostics.push(...list);
  onProgress?.({ stage: 'schema', done: toLint.length, total: toLint.length });

  const active = activeRules(config);
  const fileRules = active.filter((a) => a.rule.kind === 'file');
  const editionRules = active.filter((a) => a.rule.kind === 'edition');
  const byPath = new Map(files.map((f) => [f.file, f]));
  let done = 0;
  for (const lintFile of toLint) {
    done++;
    if (lint.notWellFormed.has(lintFile.file)) continue;
    const checked = byPath.get(lintFile.file)!;
    let parsed;
    try {
      parsed = parseXml(lintFile.text);
    } catch (error) {
      diagnostics.push({
        file: lintFile.file, line: 1, column: 1, severity: 'error', rule: 'xml-not-well-formed', source: 'xml',
        message: `The file could not be parsed: ${(error as Error).message}`,
      });
      continue;
    }
    const summary = summarise(lintFile.file, parsed.root, config);
    checked.summary = summary;
    for (const { rule, severity } of fileRules) {
      if (rule.kind !== 'file') continue;
      for (const f of rule.check({ summary, root: parsed.root, config })) diagnostics.push(toDiagnostic(rule, severity, f));
    }
    onProgress?.({ stage: 'rules', done, total: toLint.length });
  }
  const summaries = files.flatMap((f) => (f.summary ? [f.summary] : []));
  for (const { rule, severity } of editionRules) {
    if (rule.kind !== 'edition') continue;
    for (const f of rule.check({ files: summaries, config })) diagnostics.push(toDiagnostic(rule, severity, f));
  }

  diagnostics.sort(compareDiagnostics);
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    const f = byPath.get(d.file);
    if (d.severity === 'error') {
      errors++;
      if (f) f.errors++;
    } else {
      warnings++;
      if (f) f.warnings++;
    }
  }
  return { diagnostics, files, errors, warnings };
}

/**
 * Well-formedness and RelaxNG through libxml2 (xmllint-wasm).
 *
 * Measured facts this module follows (DESIGN.md, "xmllint-wasm in practice"):
 * every call compiles the schema again, so files go in batches (at most
 * 1,000 per call); names are synthetic (`f0.xml`) and mapped back; memory
 * is raised; every call has a time limit; messages carry a line but no
 * column, so the column comes from the source text.
 *
 * The worker is xmllint-wasm's own `xmllint-node.js`, started here rather
 * than through `validateXML` so that a call past its time limit can be
 * terminated instead of left running.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codePointCount, LineIndex } from '../read/positions.js';

const require = createRequire(import.meta.url);
const workerScript = require.resolve('xmllint-wasm/xmllint-node.js');

export const MAX_FILES_PER_CALL = 1000;
/** Files larger than this are validated in a call of their own. */
export const LARGE_FILE_CHARS = 8 * 1024 * 1024;
const MEMORY_PAGES_PER_MIB = 16;

export interface LintFile {
  /** The path reported in diagnostics. */
  file: string;
  /** UTF-8 text, its declaration already naming UTF-8. */
  text: string;
  lines: LineIndex;
}

export interface LintSchema {
  file: string;
  text: string;
}

export interface LintResult {
  /** Diagnostics per reported path; every input file has an entry. */
  byFile: Map<string, Diagnostic[]>;
  /** Files libxml2 could not parse (so no later stage should look at them). */
  notWellFormed: Set<string>;
  /** A problem with the schema itself, reported once. */
  schemaProblem: Diagnostic | undefined;
}

interface WorkerReply {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function runWorker(inputFiles: Array<{ fileName: string; contents: string }>, args: string[], maxMemoryMiB: number, timeoutMs: number): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript);
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`libxml2 did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    worker.on('message', (message: WorkerReply & Record<string, unknown>) => {
      if (!message || message['xmllint-wasm'] !== true) return;
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      void worker.terminate();
      reject(error);
    });
    worker.postMessage({
      'xmllint-wasm': true,
      inputFiles,
      args,
      initialMemory: 256,
      maxMemory: Math.min(65536, maxMemoryMiB * MEMORY_PAGES_PER_MIB),
    });
  });
}

/** Split files into calls: large files alone, the rest in chunks of at most MAX_FILES_PER_CALL. */
export function planCalls<T extends { text: string }>(files: readonly T[], perCall: number = MAX_FILES_PER_CALL): T[][] {
  const calls: T[][] = [];
  let current: T[] = [];
  let currentChars = 0;
  for (const f of files) {
    if (f.text.length >= LARGE_FILE_CHARS) {
      calls.push([f]);
      continue;
    }
    if (current.length >= perCall || currentChars + f.text.length > 4 * LARGE_FILE_CHARS) {
      calls.push(current);
      current = [];
      currentChars = 0;
    }
    current.push(f);
    currentChars += f.text.length;
  }
  if (current.length > 0) calls.push(current);
  return calls;
}

const headLine = /^(f\d+\.xml):(\d+): (.*)$/;

interface RawMessage {
  fileName: string;
  line: number;
  text: string;
  context: string | undefined;
  caret: number | undefined;
}

/** Parse xmllint's stderr into messages, each with its context and caret lines. */
export function parseXmllintOutput(stderr: string): { messages: RawMessage[]; failed: Set<string>; other: string[] } {
  const lines = stderr.split('\n');
  const messages: RawMessage[] = [];
  const failed = new Set<string>();
  const other: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const head = headLine.exec(line);
    if (head) {
      const message: RawMessage = { fileName: head[1]!, line: Number(head[2]), text: head[3]!, context: undefined, caret: undefined };
      // A parser error is followed by the source line and a caret line.
      const next = lines[i + 1];
      const after = lines[i + 2];
      if (next !== undefined && after !== undefined && !headLine.test(next) && /^ *\^$/.test(after)) {
        message.context = next;
        message.caret = after.length - 1;
        i += 2;
      }
      messages.push(message);
      continue;
    }
    const verdict = /^(f\d+\.xml) (fails to validate|validates|fails to compile)/.exec(line);
    if (verdict) {
      if (verdict[2] !== 'validates') failed.add(verdict[1]!);
      continue;
    }
    if (line.trim() !== '') other.push(line);
  }
  return { messages, failed, other };
}

/** Column of the error from libxml2's context line and caret. */
function columnFromContext(lines: LineIndex, lineNumber: number, context: string | undefined, caret: number | undefined): number {
  if (context === undefined || caret === undefined) return 1;
  const source = lines.lineText(lineNumber);
  const at = source.indexOf(context);
  if (at < 0) return Math.max(1, caret + 1);
  // The caret counts bytes of libxml2's context; the context is the source line's text.
  return codePointCount(source, 0, at) + codePointCount(context, 0, Math.min(caret, context.length)) + 1;
}

/** Column of the start tag of `element` on the line; the nth one when several messages name it. */
function columnOfElement(lines: LineIndex, lineNumber: number, element: string, nth: number): number {
  const source = lines.lineText(lineNumber);
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${element.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s/>]|$)`, 'g');
  let match: RegExpExecArray | null;
  let index = 0;
  let column = 0;
  while ((match = pattern.exec(source))) {
    column = codePointCount(source, 0, match.index) + 1;
    if (index === nth) return column;
    index++;
  }
  return column || 1;
}

function tidyRelaxNgMessage(text: string): { element: string | undefined; message: string } {
  const m = /^element ([^:\s]+): Relax-NG validity error : (.*)$/.exec(text);
  if (m) return { element: m[1], message: m[2]! };
  return { element: undefined, message: text.replace(/^Relax-NG validity error : /, '') };
}

function tidyParserMessage(text: string): string {
  const depth = /Excessive depth in document: (\d+)/.exec(text);
  if (depth) return `The nesting depth exceeds ${Number(depth[1]) - 1} levels of elements; libxml2 refuses documents nested this deeply`;
  return text.replace(/^(parser error|namespace error|validity error|warning) : /, '').replace(/^parser error : /, '');
}

/**
 * Validate files against one RelaxNG schema. libxml2 parses each file, so
 * the same call reports well-formedness errors (source "xml") and schema
 * errors (source "relaxng").
 */
export async function lintFiles(files: readonly LintFile[], schema: LintSchema, options: { timeoutMs?: number } = {}): Promise<LintResult> {
  const result: LintResult = { byFile: new Map(), notWellFormed: new Set(), schemaProblem: undefined };
  for (const f of files) result.byFile.set(f.file, []);
  /** One libxml2 call: a batch of small files, or one large file. */
  const check = async (call: LintFile[]): Promise<void> => {
    if (result.schemaProblem) return;
    const names = new Map<string, LintFile>();
    const inputFiles = call.map((f, i) => {
      names.set(`f${i}.xml`, f);
      return { fileName: `f${i}.xml`, contents: f.text };
    });
    inputFiles.push({ fileName: 'schema.rng', contents: schema.text });
    const args = ['--relaxng', 'schema.rng', '--noout', '--nonet', ...call.map((_, i) => `f${i}.xml`)];
    const largest = Math.max(...call.map((f) => f.text.length));
    const memoryMiB = Math.min(4095, 256 + Math.ceil((largest * 40) / (1024 * 1024)));
    // A limit that grows with the work but never lets one call stall the others for long.
    const timeoutMs = options.timeoutMs ?? Math.min(180_000, 30_000 + call.length * 50 + Math.ceil(largest / 1_000_000) * 2_000);
    let reply: WorkerReply;
    try {
      reply = await runWorker(inputFiles, args, memoryMiB, timeoutMs);
    } catch (error) {
      for (const f of call) {
        result.notWellFormed.add(f.file);
        result.byFile.get(f.file)!.push({
          file: f.file, line: 1, column: 1, severity: 'error', rule: 'xml-validator-failed', source: 'xml',
          message: `libxml2 could not check this file: ${(error as Error).message}`,
        });
      }
      return;
    }
    const parsed = parseXmllintOutput(reply.stderr);
    if (/failed to compile|Relax-NG parser error|xmlRelaxNGParse/.test(reply.stderr) && reply.exitCode === 5) {
      const detail = parsed.other.find((l) => l.includes('schema.rng')) ?? parsed.other[0] ?? 'the schema failed to compile';
      result.schemaProblem = {
        file: schema.file, line: 1, column: 1, severity: 'error', rule: 'schema-invalid', source: 'relaxng',
        message: `The RelaxNG schema could not be compiled: ${detail.replace(/^schema\.rng:?/, '').trim()}`,
      };
      return;
    }
    if (reply.exitCode === -1) {
      for (const f of call) {
        result.notWellFormed.add(f.file);
        result.byFile.get(f.file)!.push({
          file: f.file, line: 1, column: 1, severity: 'error', rule: 'xml-validator-failed', source: 'xml',
          message: `libxml2 stopped: ${reply.stderr.trim().slice(0, 200)}`,
        });
      }
      return;
    }
    const elementSeen = new Map<string, number>();
    for (const m of parsed.messages) {
      const f = names.get(m.fileName);
      if (!f) continue;
      const list = result.byFile.get(f.file)!;
      const line = Math.max(1, Math.min(m.line, f.lines.lineCount));
      if (/Relax-NG validity error/.test(m.text)) {
        const { element, message } = tidyRelaxNgMessage(m.text);
        let column = 1;
        if (element) {
          const key = `${line}\u0000${element}`;
          const nth = elementSeen.get(key) ?? 0;
          elementSeen.set(key, nth + 1);
          column = columnOfElement(f.lines, line, element, nth);
        }
        list.push({
          file: f.file, line, column, severity: 'error', rule: 'relaxng-invalid', source: 'relaxng',
          message: element ? `<${element}>: ${message}` : message,
        });
      } else if (/^warning: failed to load external entity/.test(m.text)) {
        // The DOCTYPE policy refuses these before libxml2 runs; nothing to add.
      } else {
        const isError = /error/.test(m.text);
        if (isError) result.notWellFormed.add(f.file);
        list.push({
          file: f.file, line, column: columnFromContext(f.lines, line, m.context, m.caret),
          severity: isError ? 'error' : 'warning', rule: isError ? 'xml-not-well-formed' : 'xml-warning', source: 'xml',
          message: tidyParserMessage(m.text),
        });
      }
    }
    for (const name of parsed.failed) {
      const f = names.get(name);
      if (f && result.byFile.get(f.file)!.length === 0) {
        result.byFile.get(f.file)!.push({
          file: f.file, line: 1, column: 1, severity: 'error', rule: 'relaxng-invalid', source: 'relaxng',
          message: 'The file does not match the schema (libxml2 gave no detail)',
        });
      }
    }
    };
  // Two calls at a time: a large file validated alone does not hold up the batch of small ones.
  // A small schema compiles in milliseconds, so even a middling batch pays for
  // a second call on the second core; a large one (tei_all) compiles once.
  const lanes = schema.text.length < 300_000 && files.length >= 64 ? 2 : 1;
  const calls = planCalls(files, Math.min(MAX_FILES_PER_CALL, Math.ceil(files.length / lanes)));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < calls.length) await check(calls[next++]!);
  };
  await Promise.all([lane(), lane()]);
  return result;
}

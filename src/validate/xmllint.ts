/**
 * Well-formedness and RelaxNG through libxml2 (xmllint-wasm).
 *
 * Facts about xmllint-wasm, measured while writing this module, that it follows:
 * every call compiles the schema again, so files go in batches (at most
 * 1,000 per call); names are synthetic (`f0.xml`) and mapped back; memory
 * is raised; every call has a time limit; messages carry a line but no
 * column, so the column comes from the source text.
 *
 * The workers (src/validate/xmllint-worker.ts) run xmllint-wasm's
 * Emscripten module, started here rather than through `validateXML`: they
 * compile the WebAssembly once and serve many calls, and a call past its
 * time limit can be terminated instead of left running.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codePointCount, LineIndex } from '../read/positions.js';
import type { XmllintCall, XmllintReply } from './xmllint-worker.js';
import { startWorker } from '../workers.js';
import { elementSuggestion, plainParserMessage, schemaElementNames } from './parser-messages.js';
import type { StartedWorker } from '../workers.js';

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
  /** The text as UTF-8 bytes, when the caller has them already (the file's own bytes, which are copied, not handed over). */
  bytes?: Uint8Array;
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

interface PendingCall {
  call: XmllintCall;
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * One worker thread and the calls given to it, in order. Only the first is
 * handed to the worker; the others keep their bytes here until it is done,
 * so that a call that runs out of time fails alone: the worker is stopped
 * and the next call goes to a fresh one. A call's time starts when the
 * worker begins it (it says so), not while it waits for the WebAssembly
 * compile, the calls before it, or a busy machine.
 */
class Lane {
  private worker: StartedWorker | undefined;
  readonly pending: PendingCall[] = [];
  /** The first pending call is with the worker. */
  private handedOver = false;

  private start(): StartedWorker {
    const started = startWorker<{ xmllintReply?: XmllintReply; xmllintStarted?: number }>(import.meta.url, 'xmllint-worker', {
      what: 'the libxml2 worker',
      onMessage: (message) => {
        const head = this.pending[0];
        if (message?.xmllintStarted !== undefined) {
          if (head && head.call.id === message.xmllintStarted) this.armHead(head);
          return;
        }
        const reply = message?.xmllintReply;
        if (!reply || !head || head.call.id !== reply.id) return;
        this.pending.shift();
        clearTimeout(head.timer);
        this.handedOver = false;
        head.resolve({ exitCode: reply.exitCode, stdout: '', stderr: reply.stderr });
        // An idle worker does not keep the process alive.
        if (this.pending.length === 0) started.worker.unref();
        this.handOver();
      },
      onFailure: (error) => {
        this.worker = undefined;
        this.handedOver = false;
        void started.stop();
        this.rejectAll(() => error);
      },
    });
    // Idle until it is handed a call (after the listeners: adding a 'message' listener refs the worker again).
    started.worker.unref();
    this.worker = started;
    return started;
  }

  /** Fail every call of the lane, the one with the worker and those waiting. */
  private rejectAll(error: (call: PendingCall) => Error): void {
    for (const p of this.pending.splice(0)) {
      clearTimeout(p.timer);
      p.reject(error(p));
    }
  }

  /** Start the worker now, so that it compiles the WebAssembly module while the caller reads files. */
  warm(): void {
    if (!this.worker) this.start();
  }

  /** Give the first pending call to the worker, unless it has it already. */
  private handOver(): void {
    const head = this.pending[0];
    if (!head || this.handedOver) return;
    const { worker } = this.worker ?? this.start();
    try {
      worker.postMessage({ xmllintCall: head.call }, head.transfer);
      this.handedOver = true;
      // A worker with a call keeps the process alive until it answers (its time limit runs only once it begins).
      worker.ref();
    } catch (error) {
      // The call cannot be sent (its bytes were handed to another thread already): it fails, the next goes.
      this.pending.shift();
      head.reject(error as Error);
      this.handOver();
    }
  }

  /** The worker has begun the call: its time runs. Out of time, it fails alone and the worker is replaced. */
  private armHead(head: PendingCall): void {
    head.timer = setTimeout(() => {
      this.close();
      this.handedOver = false;
      if (this.pending[0] === head) this.pending.shift();
      head.reject(new Error(`libxml2 did not finish within ${Math.round(head.timeoutMs / 1000)} s`));
      this.handOver();
    }, head.timeoutMs);
  }

  run(call: XmllintCall, transfer: ArrayBuffer[], timeoutMs: number): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.pending.push({ call, transfer, timeoutMs, resolve, reject });
      this.handOver();
    });
  }

  close(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.stop();
  }
}

/**
 * Worker threads running libxml2. Start them early (`warm`), give them
 * calls, close them at the end. Calls go to the lane with the least work.
 */
export class XmllintPool {
  private readonly lanes: Lane[];
  private nextId = 0;

  constructor(size: number) {
    this.lanes = Array.from({ length: Math.max(1, size) }, () => new Lane());
  }

  get size(): number {
    return this.lanes.length;
  }

  /** Add lanes up to `size` (not started until `warm` or a call). */
  grow(size: number): this {
    while (this.lanes.length < size) this.lanes.push(new Lane());
    return this;
  }

  warm(): this {
    for (const lane of this.lanes) lane.warm();
    return this;
  }

  run(files: Array<{ name: string; data: Uint8Array; shared?: boolean }>, args: string[], maxMemoryMiB: number, timeoutMs: number): Promise<WorkerReply> {
    // A file's bytes that fill their own buffer (fs.readFileSync gives those for
    // all but small files) are handed over rather than copied; the rest, and
    // what the caller still needs (`shared`), are copied.
    const transfer: ArrayBuffer[] = [];
    const handed = new Set<ArrayBufferLike>();
    const sent = files.map((f) => {
      const { data } = f;
      const own = !f.shared && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer && !handed.has(data.buffer);
      if (own) {
        handed.add(data.buffer);
        transfer.push(data.buffer as ArrayBuffer);
        return { name: f.name, data };
      }
      return { name: f.name, data: new Uint8Array(data) };
    });
    const lane = this.lanes.reduce((best, l) => (l.pending.length < best.pending.length ? l : best));
    const call: XmllintCall = { id: this.nextId++, files: sent, args, maxMemoryPages: Math.min(65536, maxMemoryMiB * MEMORY_PAGES_PER_MIB) };
    return lane.run(call, transfer, timeoutMs);
  }

  close(): void {
    for (const lane of this.lanes) lane.close();
  }
}

const encoder = new TextEncoder();

let prewarmed: XmllintPool | undefined;

/**
 * Start one libxml2 worker now, before the caller has loaded the rest of
 * its modules and read its files (the CLI does this for `validate`): the
 * worker's start and the WebAssembly compile then overlap with that work.
 * The next `takePool` adopts it.
 */
export function prewarmXmllint(): void {
  prewarmed ??= new XmllintPool(1).warm();
}

/** Stop the prewarmed worker if no call took it (the command ended early, e.g. on a usage error). */
export function releasePrewarmed(): void {
  prewarmed?.close();
  prewarmed = undefined;
}

/** A pool of `size` lanes: the prewarmed one if there is one, else a new one. */
export function takePool(size: number): XmllintPool {
  const pool = prewarmed ?? new XmllintPool(size);
  prewarmed = undefined;
  return pool.grow(size);
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
  const m = /^element (\S+?): Relax-NG validity error : (.*)$/.exec(text);
  if (m) return { element: m[1], message: m[2]!.replace(/Relax-NG validity error : /g, '') };
  return { element: undefined, message: text.replace(/Relax-NG validity error : /g, '') };
}

/** How a LintSession calls libxml2. */
export interface LintOptions {
  timeoutMs?: number;
  /** Worker threads to use (a pool started early with `warm`); one is made for the call otherwise. */
  pool?: XmllintPool;
  /** Files per libxml2 call; every call compiles the schema once. */
  perCall?: number;
  /**
   * The full schema, when the session's schema is a pruned one: should the
   * pruned one fail to compile, every file is checked against this instead.
   */
  fallback?: LintSchema;
}

/** Validate files against one RelaxNG schema, all given at once (a LintSession). */
export async function lintFiles(files: readonly LintFile[], schema: LintSchema | undefined, options: LintOptions = {}): Promise<LintResult> {
  const session = new LintSession(schema, options);
  for (const f of files) session.add(f);
  return session.finish();
}

/**
 * Validate files against one RelaxNG schema. libxml2 parses each file, so
 * the same call reports well-formedness errors (source "xml") and schema
 * errors (source "relaxng"). Files can be added while earlier calls run;
 * a call starts whenever `perCall` files have gathered.
 */
export class LintSession {
  private readonly result: LintResult = { byFile: new Map(), notWellFormed: new Set(), schemaProblem: undefined };
  private readonly calls: Promise<void>[] = [];
  private readonly added: LintFile[] = [];
  /** A call that failed (time limit, crashed worker). */
  private failed = false;
  private batch: LintFile[] = [];
  private batchChars = 0;
  private readonly pool: XmllintPool;
  private readonly ownPool: boolean;
  private readonly schemaBytes: Uint8Array;
  private readonly perCall: number;
  /** The element names of the schema (the full one when this is a pruned one), for "did you mean"; read when first needed. */
  private elementNames: Set<string> | undefined;

  /** `schema` undefined: well-formedness only (a foreign folder validated without --schema). */
  constructor(private readonly schema: LintSchema | undefined, private readonly options: LintOptions = {}) {
    this.ownPool = options.pool === undefined;
    this.pool = options.pool ?? new XmllintPool(1);
    this.schemaBytes = encoder.encode(schema?.text ?? '');
    this.perCall = Math.max(1, Math.min(MAX_FILES_PER_CALL, options.perCall ?? MAX_FILES_PER_CALL));
  }

  add(file: LintFile): void {
    this.result.byFile.set(file.file, []);
    if (this.options.fallback) this.added.push(file);
    if (file.text.length >= LARGE_FILE_CHARS) {
      this.dispatch([file]);
      return;
    }
    if (this.batch.length >= this.perCall || this.batchChars + file.text.length > 4 * LARGE_FILE_CHARS) this.flush();
    this.batch.push(file);
    this.batchChars += file.text.length;
  }

  /** Send the files gathered so far. */
  flush(): void {
    if (this.batch.length > 0) this.dispatch(this.batch);
    this.batch = [];
    this.batchChars = 0;
  }

  async finish(): Promise<LintResult> {
    this.flush();
    try {
      await Promise.all(this.calls);
      const { fallback, ...rest } = this.options;
      if ((this.result.schemaProblem || this.failed) && fallback) {
        // The pruned schema did not compile, or libxml2 stalled on it (neither should
        // happen; libxml2 has been seen to stall on some grammars): the full schema decides.
        return await lintFiles(this.added, fallback, { ...rest, pool: this.pool });
      }
    } finally {
      if (this.ownPool) this.pool.close();
    }
    return this.result;
  }

  private dispatch(call: LintFile[]): void {
    this.calls.push(this.check(call));
  }

  /** One libxml2 call: a batch of small files, or one large file. */
  private async check(call: LintFile[]): Promise<void> {
    const { result, schema, options } = this;
    const names = new Map<string, LintFile>();
    const inputFiles: Array<{ name: string; data: Uint8Array; shared?: boolean }> = call.map((f, i) => {
      names.set(`f${i}.xml`, f);
      // The file's own bytes stay with the caller (the build writes them as they are): a copy goes to libxml2.
      const data = f.bytes ? new Uint8Array(f.bytes) : encoder.encode(f.text);
      delete f.bytes;
      return { name: `f${i}.xml`, data };
    });
    if (schema) inputFiles.push({ name: 'schema.rng', data: this.schemaBytes, shared: true });
    const args = [...(schema ? ['--relaxng', 'schema.rng'] : []), '--noout', '--nonet', ...call.map((_, i) => `f${i}.xml`)];
    const largest = Math.max(...call.map((f) => f.text.length));
    const memoryMiB = Math.min(4095, 256 + Math.ceil((largest * 40) / (1024 * 1024)));
    // A limit that grows with the work but never lets one call stall the others for long.
    const timeoutMs = options.timeoutMs ?? Math.min(180_000, 30_000 + call.length * 50 + Math.ceil(largest / 1_000_000) * 2_000);
    let reply: WorkerReply;
    try {
      reply = await this.pool.run(inputFiles, args, memoryMiB, timeoutMs);
    } catch (error) {
      this.failed = true;
      for (const f of call) {
        result.notWellFormed.add(f.file);
        result.byFile.get(f.file)!.push({
          file: f.file, line: 1, column: 1, severity: 'error', rule: 'xml-validator-failed', source: 'xml',
          message: `libxml2 could not check this file: ${(error as Error).message}`,
        });
      }
      return;
    }
    if (result.schemaProblem) return;
    const parsed = parseXmllintOutput(reply.stderr);
    if (schema && /failed to compile|Relax-NG parser error|xmlRelaxNGParse/.test(reply.stderr) && reply.exitCode === 5) {
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
        this.elementNames ??= schemaElementNames(options.fallback?.text ?? schema?.text ?? '');
        const suggestion = elementSuggestion(message, this.elementNames);
        list.push({
          file: f.file, line, column, severity: 'error', rule: 'relaxng-invalid', source: 'relaxng',
          message: (element ? `<${element}>: ${message}` : message) + suggestion,
        });
      } else if (/^warning: failed to load external entity/.test(m.text)) {
        // The DOCTYPE policy refuses these before libxml2 runs; nothing to add.
      } else {
        const isError = /error/.test(m.text);
        if (isError) result.notWellFormed.add(f.file);
        list.push({
          file: f.file, line, column: columnFromContext(f.lines, line, m.context, m.caret),
          severity: isError ? 'error' : 'warning', rule: isError ? 'xml-not-well-formed' : 'xml-warning', source: 'xml',
          message: plainParserMessage(m.text),
        });
      }
    }
    // The validity of a file that is not well-formed means nothing: libxml2
    // validates what it recovered (an undeclared prefix read as part of the
    // name), so its RelaxNG findings are about a document that does not exist.
    for (const f of call) {
      if (!result.notWellFormed.has(f.file)) continue;
      const list = result.byFile.get(f.file)!;
      list.splice(0, list.length, ...list.filter((d) => d.source !== 'relaxng'));
    }
    for (const name of parsed.failed) {
      const f = names.get(name);
      if (f && result.notWellFormed.has(f.file)) continue;
      if (f && result.byFile.get(f.file)!.length === 0) {
        result.byFile.get(f.file)!.push({
          file: f.file, line: 1, column: 1, severity: 'error', rule: 'relaxng-invalid', source: 'relaxng',
          message: 'The file does not match the schema (libxml2 gave no detail)',
        });
      }
    }
  }
}

/**
 * A worker thread that runs xmllint (libxml2 compiled to WebAssembly) many
 * times. It compiles the WebAssembly module once, as soon as it starts (so
 * that the compile overlaps with the main thread reading files), and gives
 * every call a fresh instance and memory of that module. The input files
 * arrive as bytes (UTF-8), so nothing re-encodes them.
 *
 * xmllint-wasm's own worker (`xmllint-node.js`) starts one worker per call
 * and compiles the module each time; this one uses the same Emscripten
 * factory from that file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

export interface XmllintCall {
  id: number;
  /** File names (synthetic) and their UTF-8 bytes. */
  files: Array<{ name: string; data: Uint8Array }>;
  args: string[];
  maxMemoryPages: number;
}

export interface XmllintReply {
  id: number;
  exitCode: number;
  stderr: string;
}

interface EmscriptenOptions {
  inputFiles: Array<{ fileName: string; contents: Uint8Array }>;
  arguments: string[];
  print: (text: string) => void;
  printErr: (text: string) => void;
  onExit: (code: number) => void;
  onAbort: (reason: unknown) => void;
  wasmMemory: WebAssembly.Memory;
  instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
}

const require = createRequire(import.meta.url);
const compiled: Promise<WebAssembly.Module> = WebAssembly.compile(readFileSync(require.resolve('xmllint-wasm/xmllint.wasm')));
// Loading this file also registers xmllint-wasm's own message handler, which ignores messages that lack its tag.
const factory = require('xmllint-wasm/xmllint-node.js') as (options: EmscriptenOptions) => Promise<unknown>;

function run(call: XmllintCall, module: WebAssembly.Module): Promise<XmllintReply> {
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    const finish = (exitCode: number, extra = ''): void => {
      if (settled) return;
      settled = true;
      resolve({ id: call.id, exitCode, stderr: stderr + extra });
    };
    factory({
      inputFiles: call.files.map((f) => ({ fileName: f.name, contents: f.data })),
      arguments: call.args,
      print: () => {},
      printErr: (text) => {
        stderr += `${text}\n`;
      },
      onExit: (code) => finish(code),
      onAbort: (reason) => finish(-1, `WASM Abort: ${String(reason)}`),
      wasmMemory: new WebAssembly.Memory({ initial: 256, maximum: call.maxMemoryPages }),
      instantiateWasm: (imports, done) => {
        WebAssembly.instantiate(module, imports).then(
          (instance) => done(instance, module),
          (error: unknown) => finish(-1, `WASM instantiate: ${String(error)}`),
        );
        return {};
      },
    }).catch((error: unknown) => finish(-1, `WASM: ${String(error)}`));
  });
}

let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (message: { xmllintCall?: XmllintCall }) => {
  const call = message?.xmllintCall;
  if (!call) return;
  // One call at a time: each has its own instance, and they would only compete for the same core.
  queue = queue.then(async () => {
    const module = await compiled;
    // The caller's time limit for the call runs from here, not while the module compiles.
    parentPort!.postMessage({ xmllintStarted: call.id });
    const reply = await run(call, module);
    parentPort!.postMessage({ xmllintReply: reply });
  });
});

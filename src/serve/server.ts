/**
 * The preview server for editors: build, serve the output on loopback,
 * watch the sources, schema and stylesheets, rebuild incrementally on
 * change, and reload open pages. The library reports through callbacks;
 * the CLI decides what to print.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';
import type { EditionConfig } from '../config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BuildResult } from '../site/index.js';
import { buildEdition } from '../site/index.js';
import { ERROR_PAGE_CSS_PATH, errorPage, errorPageCss } from './error-page.js';
import { RELOAD_PATH, reloadClient, VERSION_PATH, versionScript } from './live-reload.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface ServeOptions {
  config: EditionConfig;
  out?: string;
  port?: number;
  host?: string;
  /** Where to print paths from, for the error page. */
  cwd?: string;
  xsltFolder?: string;
  onBuild?: (result: BuildResult, build: number, milliseconds: number) => void;
  onBuildFailure?: (error: Error) => void;
}

export interface PreviewServer {
  url: string;
  /** Number of the last finished build (increments on every rebuild). */
  readonly build: number;
  /** Wait for the rebuilds already triggered to finish. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** The path a request names, inside `root`, or undefined when it would leave it. */
export function resolveRequestPath(root: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const path = resolve(root, `.${pathname}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  // A folder's page: also when the folder does not exist yet (no build has succeeded), so that
  // `/` is a request for an HTML page and gets the error page rather than a 404.
  if (pathname.endsWith('/') || (existsSync(path) && statSync(path).isDirectory())) return join(path, 'index.html');
  return path;
}

export async function startPreview(options: ServeOptions): Promise<PreviewServer> {
  const { config } = options;
  const out = resolve(options.out ?? config.output);
  const xsltFolder = resolve(options.xsltFolder ?? resolve(new URL('../..', import.meta.url).pathname, 'xslt'));
  const host = options.host ?? '127.0.0.1';
  let build = 0;
  let failed: Diagnostic[] | undefined;
  let skipped: string[] = [];
  let skippedCauses: Record<string, string> = {};
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let busy = false;

  const rebuild = async (): Promise<void> => {
    const started = Date.now();
    try {
      const result = await buildEdition({ config, out, ...(options.xsltFolder ? { xsltFolder: options.xsltFolder } : {}) });
      failed = result.published ? undefined : [...result.validation.diagnostics, ...result.problems];
      skipped = result.validation.skipped;
      skippedCauses = result.validation.skippedCauses;
      build++;
      options.onBuild?.(result, build, Date.now() - started);
    } catch (error) {
      skipped = [];
      skippedCauses = {};
      failed = [{ file: config.source, line: 1, column: 1, severity: 'error', rule: 'build-failed', source: 'edition', message: (error as Error).message }];
      build++;
      options.onBuildFailure?.(error as Error);
    }
  };
  /** Rebuild, coalescing changes that arrive during a build into one more build. */
  const schedule = (): void => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = (async () => {
      do {
        again = false;
        await rebuild();
      } while (again);
      busy = false;
    })();
  };

  schedule();
  await running;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = request.url ?? '/';
    const noStore = { 'Cache-Control': 'no-store' };
    if (url.startsWith(RELOAD_PATH)) {
      response.writeHead(200, { 'Content-Type': contentTypes['.js']!, ...noStore }).end(reloadClient);
      return;
    }
    if (url.startsWith(VERSION_PATH)) {
      response.writeHead(200, { 'Content-Type': contentTypes['.js']!, ...noStore }).end(versionScript(build));
      return;
    }
    if (url.startsWith(ERROR_PAGE_CSS_PATH)) {
      response.writeHead(200, { 'Content-Type': contentTypes['.css']!, ...noStore }).end(errorPageCss);
      return;
    }
    let path = resolveRequestPath(out, url);
    // Before a first good build there is no dist/: the stylesheets' own assets stand in (the error page's CSS).
    if (path && !existsSync(path) && path.startsWith(join(out, 'assets') + sep)) {
      const own = resolveRequestPath(xsltFolder, url);
      if (own && existsSync(own)) path = own;
    }
    const type = path ? (contentTypes[extname(path)] ?? 'application/octet-stream') : undefined;
    if (failed && (type === contentTypes['.html'] || !path)) {
      response.writeHead(500, { 'Content-Type': contentTypes['.html']!, ...noStore }).end(errorPage(failed, options.cwd ?? process.cwd(), { skipped, skippedCauses }));
      return;
    }
    if (!path || !existsSync(path) || !statSync(path).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (type === contentTypes['.html']) {
      // The reload client is a script file, so the pages' CSP (script-src 'self') allows it.
      const html = readFileSync(path, 'utf8').replace(/<\/body>/i, `<script src="${RELOAD_PATH}"></script></body>`);
      response.writeHead(200, { 'Content-Type': type, ...noStore }).end(request.method === 'HEAD' ? undefined : html);
      return;
    }
    response.writeHead(200, { 'Content-Type': type!, ...noStore });
    if (request.method === 'HEAD') response.end();
    else createReadStream(path).pipe(response);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;

  const watched = [config.source, ...(config.schema !== undefined ? [dirname(config.schema)] : []), xsltFolder];
  if (config.file) watched.push(config.file);
  // An acknowledgement added or removed changes what the page and the terminal list.
  if (config.acknowledged) watched.push(config.acknowledged);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(watched, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(schedule, 50);
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`,
    get build() {
      return build;
    },
    settled: () => running,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await running;
    },
  };
}

/**
 * Per-letter cost of the entry stylesheets against the yardstick: the
 * shared material's `bench/xslt-cost.mjs` (a lean page stylesheet,
 * `bench/yardstick.xsl`, and each compiled stylesheet on the same letters,
 * in one process, rounds alternating), run on the shared real letters. Read
 * in place from `$EDITION_SHARED` (default `../shared`); when that folder is
 * missing the rows say so.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { loadStylesheets } from '../../transform/stylesheets.js';

const run = promisify(execFile);

export interface PerLetterSheet {
  name: string;
  /** Mean over the letters of each letter's median time. */
  ms: number;
  /** ms divided by the yardstick's. */
  ratio: number;
}

export interface PerLetterResult {
  status: 'ok' | 'missing' | 'failed';
  command: string;
  /** The first line xslt-cost prints: how many letters, their mean size, the parse time. */
  letters?: string;
  yardstickMs?: number;
  sheets: PerLetterSheet[];
  note?: string;
}

/** The shared material's folder, if present. */
export function sharedFolder(projectRoot: string): string | undefined {
  const folder = resolve(projectRoot, process.env['EDITION_SHARED'] ?? '../shared');
  return existsSync(join(folder, 'bench', 'xslt-cost.mjs')) ? folder : undefined;
}

/** Parse what xslt-cost.mjs prints. */
export function parseXsltCost(output: string): Pick<PerLetterResult, 'letters' | 'yardstickMs' | 'sheets'> {
  const lines = output.split('\n');
  const sheets: PerLetterSheet[] = [];
  let yardstickMs: number | undefined;
  for (const line of lines) {
    const m = /^(\S+)\s+([\d.]+) ms\/letter\s+([\d.]+)x yardstick/.exec(line);
    if (!m) continue;
    if (m[1] === 'yardstick') yardstickMs = Number(m[2]);
    else sheets.push({ name: m[1]!, ms: Number(m[2]), ratio: Number(m[3]) });
  }
  return { letters: lines[0]?.trim(), ...(yardstickMs !== undefined ? { yardstickMs } : {}), sheets };
}

/**
 * Compile html.xsl, text.xsl and json.xsl of the toolchain at `toolRoot`
 * into `cacheFolder` and measure them on `n` of the shared real letters.
 */
export async function measurePerLetter(toolRoot: string, shared: string | undefined, cacheFolder: string, n = 200, rounds = 5): Promise<PerLetterResult> {
  const letters = shared ? join(shared, 'fixtures', 'schnitzler-letters') : '';
  const script = shared ? join(shared, 'bench', 'xslt-cost.mjs') : '';
  const command = `node ${script || '../shared/bench/xslt-cost.mjs'} --letters ${letters || '../shared/fixtures/schnitzler-letters'} --n ${n} --rounds ${rounds} html=… text=… json=…`;
  if (!shared) return { status: 'missing', command, sheets: [], note: 'no shared material ($EDITION_SHARED or ../shared)' };
  const sheets = await loadStylesheets(join(toolRoot, 'xslt'), cacheFolder, ['html', 'text', 'json']);
  const hash = sheets.html.hash;
  const args = [script, '--letters', letters, '--n', String(n), '--rounds', String(rounds),
    ...(['html', 'text', 'json'] as const).map((name) => `${name}=${join(cacheFolder, 'sef', `${name}-${hash}.sef.json`)}`)];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: toolRoot, maxBuffer: 16 * 1024 * 1024 });
    const parsed = parseXsltCost(stdout);
    if (parsed.yardstickMs === undefined || parsed.sheets.length !== 3) return { status: 'failed', command, sheets: parsed.sheets, note: `unexpected output: ${stdout.slice(0, 300)}` };
    return { status: 'ok', command, ...parsed };
  } catch (error) {
    return { status: 'failed', command, sheets: [], note: String((error as Error).message).slice(0, 300) };
  }
}

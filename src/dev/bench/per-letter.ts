/**
 * Per-letter cost of the entry stylesheets against the yardstick: the
 * shared material's `bench/xslt-cost.mjs` (a lean page stylesheet,
 * `bench/yardstick.xsl`, and each compiled stylesheet on the same letters,
 * in one process, rounds alternating), run on the shared real letters. Read
 * in place from `$EDITION_SHARED` (default `../shared`); when that folder is
 * missing the rows say so.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
  /**
   * The same stylesheets over letters that are an empty TEI document: what a
   * transformation costs before it reads a word (SaxonJS sets the compiled
   * stylesheet up again for each), against the yardstick's time for a real
   * letter above.
   */
  floor?: { command: string; sheets: PerLetterSheet[] };
  note?: string;
}

/** A letter with nothing in it: a title and an empty paragraph. */
const EMPTY_LETTER = '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Empty</title></titleStmt>'
  + '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p/></body></text></TEI>\n';

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
  const sheetArgs = (['html', 'text', 'json'] as const).map((name) => `${name}=${join(cacheFolder, 'sef', `${name}-${hash}.sef.json`)}`);
  const args = [script, '--letters', letters, '--n', String(n), '--rounds', String(rounds), ...sheetArgs];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: toolRoot, maxBuffer: 16 * 1024 * 1024 });
    const parsed = parseXsltCost(stdout);
    if (parsed.yardstickMs === undefined || parsed.sheets.length !== 3) return { status: 'failed', command, sheets: parsed.sheets, note: `unexpected output: ${stdout.slice(0, 300)}` };
    // The floor: the same compiled stylesheets over empty letters, in a run of their own. Its failure leaves the figures above standing.
    const floor = await measureFloor(script, join(cacheFolder, 'empty-letters'), rounds, sheetArgs, toolRoot, parsed.yardstickMs);
    return { status: 'ok', command, ...parsed, ...(floor ? { floor } : {}) };
  } catch (error) {
    return { status: 'failed', command, sheets: [], note: String((error as Error).message).slice(0, 300) };
  }
}

/** The stylesheets (sheetArgs, as xslt-cost takes them) over 50 empty letters written into `folder`; undefined when the run fails. */
async function measureFloor(script: string, folder: string, rounds: number, sheetArgs: readonly string[], toolRoot: string, yardstickMs: number): Promise<PerLetterResult['floor']> {
  try {
    mkdirSync(folder, { recursive: true });
    for (let i = 1; i <= 50; i++) writeFileSync(join(folder, `empty${String(i).padStart(2, '0')}.xml`), EMPTY_LETTER);
    const args = [script, '--letters', folder, '--n', '50', '--rounds', String(rounds), ...sheetArgs];
    const { sheets } = parseXsltCost((await run(process.execPath, args, { cwd: toolRoot, maxBuffer: 16 * 1024 * 1024 })).stdout);
    if (sheets.length !== sheetArgs.length) return undefined;
    return {
      command: `node ${script} --letters EMPTY --n 50 --rounds ${rounds} html=… text=… json=… (EMPTY: 50 copies of an empty TEI letter)`,
      sheets: sheets.map((x) => ({ name: x.name, ms: x.ms, ratio: Math.round((x.ms / yardstickMs) * 10) / 10 })),
    };
  } catch {
    return undefined;
  }
}

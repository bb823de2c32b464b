/**
 * Timing child processes: wall time from spawn to exit (process start
 * included) and peak resident set size, through GNU time when it is there,
 * else through a preload probe that reports a Node child's own maxRSS.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Sample {
  /** Wall time in seconds. */
  wall: number;
  /** Peak RSS in KiB, when it could be measured. */
  rssKiB: number | undefined;
  exitCode: number;
  /** The end of stdout and stderr, for diagnosing failures. */
  stdoutTail: string;
  stderrTail: string;
}

export interface Series {
  label: string;
  samples: Sample[];
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  /** Largest peak RSS of the runs, in KiB. */
  rssKiB: number | undefined;
  runs: number;
  /** Exit codes that were not 0, with how often. */
  failures: number;
}

const GNU_TIME = '/usr/bin/time';
const TAIL = 4000;

let probeFolder: string | undefined;

/** A module Node preloads (--import) to write its own peak RSS on exit, when GNU time is missing. */
function probeModule(): string {
  if (!probeFolder) {
    probeFolder = mkdtempSync(join(tmpdir(), 'edition-bench-probe-'));
    writeFileSync(
      join(probeFolder, 'rss-probe.mjs'),
      "import { writeFileSync } from 'node:fs';\n" +
        "process.on('exit', () => { const f = process.env.EDITION_BENCH_RSS_FILE; if (f) writeFileSync(f, String(process.resourceUsage().maxRSS)); });\n",
    );
  }
  return join(probeFolder, 'rss-probe.mjs');
}

export function haveGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** Find an executable on PATH. */
export function which(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

function tail(s: string): string {
  return s.length > TAIL ? s.slice(s.length - TAIL) : s;
}

/**
 * Run one command to completion. `command` is an executable path; for Node
 * scripts pass process.execPath so the probe can be preloaded when needed.
 */
export function runOnce(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Sample> {
  const scratch = mkdtempSync(join(tmpdir(), 'edition-bench-run-'));
  const rssFile = join(scratch, 'rss');
  let file = command;
  let argv = args;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (haveGnuTime()) {
    file = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, command, ...args];
  } else if (command === process.execPath) {
    argv = ['--import', `file://${probeModule()}`, ...args];
    env['EDITION_BENCH_RSS_FILE'] = rssFile;
  }
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout = tail(stdout + d);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = tail(stderr + d);
    });
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code, signal) => {
      const wall = (performance.now() - started) / 1000;
      if (timer) clearTimeout(timer);
      let rssKiB: number | undefined;
      try {
        // GNU time prints "Command exited with non-zero status N" before the figure.
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const value = Number.parseInt(lines[lines.length - 1] ?? '', 10);
        if (Number.isFinite(value) && value > 0) rssKiB = value;
      } catch {
        // no figure
      }
      rmSync(scratch, { recursive: true, force: true });
      resolvePromise({ wall, rssKiB, exitCode: code ?? (signal ? 128 : 1), stdoutTail: stdout, stderrTail: stderr });
    });
  });
}

export function stats(samples: readonly Sample[]): Stats {
  const walls = samples.map((s) => s.wall).sort((a, b) => a - b);
  const mid = Math.floor(walls.length / 2);
  const median = walls.length % 2 === 1 ? walls[mid]! : (walls[mid - 1]! + walls[mid]!) / 2;
  const rss = samples.map((s) => s.rssKiB).filter((v): v is number => v !== undefined);
  return {
    median,
    min: walls[0]!,
    max: walls[walls.length - 1]!,
    rssKiB: rss.length > 0 ? Math.max(...rss) : undefined,
    runs: samples.length,
    failures: samples.filter((s) => s.exitCode !== 0).length,
  };
}

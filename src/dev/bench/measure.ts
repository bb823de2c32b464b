/**
 * Timing child processes: wall time from spawn to exit (process start
 * included) and peak resident set size, through GNU time when it is there,
 * else through a preload probe that reports a Node child's own maxRSS.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Sample {
  /** Wall time in seconds. */
  wall: number;
  /** Peak RSS in KiB, when it could be measured. */
  rssKiB: number | undefined;
  exitCode: number;
  /** True when the run was killed at its time limit (wall is then the limit). */
  timedOut: boolean;
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
    // Its own process group, so that a time limit kills the command and its children, not only GNU time.
    const child = spawn(file, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let timedOut = false;
    // Peak RSS by polling /proc as well: the figure that survives a run killed at its time limit.
    let polledKiB = 0;
    const poll = setInterval(() => {
      if (child.pid !== undefined) polledKiB = Math.max(polledKiB, treePeakKiB(child.pid));
    }, 1000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout = tail(stdout + d);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = tail(stderr + d);
    });
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      clearInterval(poll);
      rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code, signal) => {
      const wall = (performance.now() - started) / 1000;
      if (timer) clearTimeout(timer);
      clearInterval(poll);
      let rssKiB: number | undefined;
      try {
        // GNU time prints "Command exited with non-zero status N" before the figure.
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const value = Number.parseInt(lines[lines.length - 1] ?? '', 10);
        if (Number.isFinite(value) && value > 0) rssKiB = value;
      } catch {
        // no figure
      }
      if (rssKiB === undefined && polledKiB > 0) rssKiB = polledKiB;
      rmSync(scratch, { recursive: true, force: true });
      resolvePromise({ wall, rssKiB, exitCode: code ?? (signal ? 128 : 1), timedOut, stdoutTail: stdout, stderrTail: stderr });
    });
  });
}

/** The process and its descendants, from /proc (Linux); empty elsewhere. */
function processTree(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number): void => {
    out.push(p);
    try {
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) for (const c of children.split(/\s+/)) visit(Number(c));
      }
    } catch {
      // gone, or not Linux
    }
  };
  visit(pid);
  return out;
}

/** Largest peak RSS (VmHWM, KiB) among a process tree right now. */
function treePeakKiB(pid: number): number {
  let max = 0;
  for (const p of processTree(pid)) {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) max = Math.max(max, Number(m[1]));
    } catch {
      // gone
    }
  }
  return max;
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

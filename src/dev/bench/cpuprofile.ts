/**
 * Summarise a V8 .cpuprofile (from `node --cpu-prof`): self time by
 * function and by module (an npm package, a file of build/, or a V8
 * category such as (garbage collector)).
 *
 *   node build/dev/bench/cpuprofile.js FILE.cpuprofile [--top 25] [--by-caller /build/site/]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Row {
  name: string;
  ms: number;
  share: number;
}

export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (path.startsWith('node:')) return path;
  const build = path.indexOf('/build/');
  if (build >= 0) return path.slice(build + 1);
  return path;
}

export function summarise(profile: CpuProfile): { total: number; functions: Row[]; modules: Row[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const mod = moduleOf(url, functionName);
    const fn = `${functionName || '(anonymous)'} ${url ? `${mod}:${lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    modules.set(mod, (modules.get(mod) ?? 0) + us);
    total += us;
  }
  const rows = (m: Map<string, number>): Row[] =>
    [...m.entries()].map(([name, us]) => ({ name, ms: us / 1000, share: total > 0 ? us / total : 0 })).sort((a, b) => b.ms - a.ms);
  return { total: total / 1000, functions: rows(functions), modules: rows(modules) };
}

/**
 * Inclusive time by the innermost frame whose URL contains `pattern` (e.g.
 * "/build/site/"): which call site of our code the time is spent under.
 */
export function byCaller(profile: CpuProfile, pattern: string): Row[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const owner = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    let result: string;
    if (node.callFrame.url.includes(pattern)) result = `${node.callFrame.functionName || '(anonymous)'} ${moduleOf(node.callFrame.url, '')}:${node.callFrame.lineNumber + 1}`;
    else {
      const p = parent.get(id);
      result = p === undefined ? '(outside)' : ownerOf(p);
    }
    owner.set(id, result);
    return result;
  };
  const totals = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i] ?? 0;
    const key = ownerOf(profile.samples[i]!);
    totals.set(key, (totals.get(key) ?? 0) + us);
    total += us;
  }
  return [...totals.entries()].map(([name, us]) => ({ name, ms: us / 1000, share: total > 0 ? us / total : 0 })).sort((a, b) => b.ms - a.ms);
}

function main(argv: string[]): void {
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--top' && argv[i - 1] !== '--by-caller');
  const topAt = argv.indexOf('--top');
  const top = topAt >= 0 ? Number.parseInt(argv[topAt + 1] ?? '25', 10) : 25;
  if (!file) {
    process.stderr.write('usage: node build/dev/bench/cpuprofile.js FILE.cpuprofile [--top 25]\n');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(resolve(file), 'utf8')) as CpuProfile;
  const s = summarise(profile);
  const line = (r: Row): string => `${r.ms.toFixed(0).padStart(8)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}`;
  process.stdout.write(`${file}: ${s.total.toFixed(0)} ms sampled\n\nSelf time by module:\n`);
  for (const r of s.modules.slice(0, top)) process.stdout.write(`${line(r)}\n`);
  process.stdout.write('\nSelf time by function:\n');
  for (const r of s.functions.slice(0, top)) process.stdout.write(`${line(r)}\n`);
  const callerAt = argv.indexOf('--by-caller');
  if (callerAt >= 0) {
    const pattern = argv[callerAt + 1] ?? '/build/';
    process.stdout.write(`\nInclusive time by the innermost frame in ${pattern}:\n`);
    for (const r of byCaller(profile, pattern).slice(0, top)) process.stdout.write(`${line(r)}\n`);
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) main(process.argv.slice(2));

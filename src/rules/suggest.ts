/**
 * "Did you mean …?": the register entry (or id) nearest to one that does
 * not exist, by its id or by any of its names (`moskva` finds the entry
 * `moscow`, whose names include "Moskva"). Names are compared as their
 * words, lower-cased and without accents, so `trotsky` also finds
 * "L. D. Trotsky".
 */

export interface Candidate {
  id: string;
  /** The entry's names as written (persName, placeName … children). */
  names?: readonly string[];
}

/** Lower case, accents off, runs of anything else than letters and digits as one hyphen. */
export function normaliseKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** Optimal string alignment distance (Levenshtein with transpositions), stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** The keys an entry answers to: its id, each of its names whole, and each word of them. */
function keysOf(c: Candidate): string[] {
  const keys = new Set([normaliseKey(c.id)]);
  for (const name of c.names ?? []) {
    const whole = normaliseKey(name);
    if (!whole) continue;
    keys.add(whole);
    for (const word of whole.split('-')) if (word.length >= 3) keys.add(word);
  }
  return [...keys];
}

/** The id of the nearest candidate, or undefined when none is near enough to be a likely slip. */
export function nearest(wanted: string, candidates: readonly Candidate[]): string | undefined {
  const key = normaliseKey(wanted);
  if (!key) return undefined;
  // A slip: up to a third of the letters, at least one, at most three.
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  let best: { id: string; distance: number } | undefined;
  for (const c of candidates) {
    if (c.id === wanted) continue;
    for (const k of keysOf(c)) {
      const distance = editDistance(key, k, limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { id: c.id, distance };
    }
  }
  return best?.id;
}

/** `; did you mean trotsky?`, or '' when nothing is near. */
export function didYouMean(wanted: string, candidates: readonly Candidate[]): string {
  const id = nearest(wanted, candidates);
  return id === undefined ? '' : ` (did you mean ${id}?)`;
}

/**
 * Writing a file so that no reader ever sees half of it: the content goes
 * to a partial file beside it (named by process and a random suffix, so
 * that two writers never share one), which is then renamed over the
 * target. The folder is made when missing; a failed write leaves no
 * partial file behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    writeFileSync(partial, content);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

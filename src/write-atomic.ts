/**
 * Writing a file so that no reader ever sees half of it: the content goes
 * to a partial file beside it (named by process and a random suffix, so
 * that two writers never share one), which is then renamed over the
 * target. The folder is made when missing; a failed write leaves no
 * partial file behind.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** `content` may be given in chunks, written one after the other (a large file need never be one string). */
export function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string>): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(partial, content);
    else {
      const fd = openSync(partial, 'wx');
      try {
        for (const chunk of content) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

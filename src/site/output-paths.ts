/**
 * Every output path is relative, made of safe segments, and stays inside
 * the output folder, whatever an xml:id or a file name says.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

const safeSegment = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
/** Names Windows reserves for devices, with any extension (`con.html`, `NUL`, `com1.txt`). */
const reservedName = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

export class OutputPathError extends Error {
  override name = 'OutputPathError';
}

/** Whether a relative output path is acceptable: `/`-separated safe segments, no `..`. */
export function isSafeOutputPath(path: string): boolean {
  if (path === '' || path.length > 255 || isAbsolute(path) || path.includes('\\')) return false;
  return path
    .split('/')
    .every((segment) => segment.length <= 200 && safeSegment.test(segment) && !segment.includes('..') && !segment.endsWith('.') && !reservedName.test(segment));
}

/** The absolute path of `path` inside `root`, or an OutputPathError. */
export function outputPath(root: string, path: string): string {
  if (!isSafeOutputPath(path)) throw new OutputPathError(`Refused output path "${path}": it must be made of letters, digits, ".", "_" and "-" and stay inside the output folder`);
  const absolute = resolve(root, path);
  const rel = relative(root, absolute);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) throw new OutputPathError(`Refused output path "${path}": it leaves the output folder`);
  return absolute;
}

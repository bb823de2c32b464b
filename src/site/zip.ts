/**
 * tei/edition.zip, written by fflate: deflate in JavaScript, so the same
 * files give the same bytes on every machine, and every member dated by
 * one fixed moment (1980-01-01, or $SOURCE_DATE_EPOCH), with no extra
 * fields that would carry a date of their own. Members keep the given order
 * (fflate takes them as an object's keys, whose order holds for names that
 * are not numbers, as file names with an extension are not).
 */
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export interface ZipEntry {
  name: string;
  content: Uint8Array;
}

const EARLIEST = Date.UTC(1980, 0, 1);
const LATEST = Date.UTC(2099, 11, 31, 23, 59, 58);

/** fflate's deflate level: on sources of a few KB each the level barely changes the time, and 9 gives the smallest ZIP (BENCHMARKS.md). */
const LEVEL = 9;

export function createZip(entries: readonly ZipEntry[], modified: Date = new Date(EARLIEST)): Uint8Array {
  // ZIP dates have no time zone, and fflate writes the local time of the date it is given:
  // give it the local moment whose fields are the UTC fields wanted, so the zone of the machine does not count
  // (but for a moment in the hour a local clock skips in spring, which that clock cannot show).
  const utc = new Date(Math.min(Math.max(modified.getTime(), EARLIEST), LATEST));
  const mtime = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
  const files: Zippable = {};
  for (const { name, content } of entries) files[name] = [content, { level: LEVEL, mtime }];
  return zipSync(files);
}

/**
 * The edition's configuration, `edition.config.json` at the project root.
 * Paths in it are relative to the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './diagnostics/diagnostic.js';
import type { Severity } from './diagnostics/diagnostic.js';
import { ACKNOWLEDGED_FILE } from './validate/acknowledged.js';

export type RuleSetting = Severity | 'off';

export interface EditionConfig {
  /** Absolute path of the configuration file, or undefined for the generic profile. */
  file: string | undefined;
  /** The folder the paths are relative to. */
  root: string;
  title: string;
  /** Absolute path of the source folder. */
  source: string;
  /** Absolute path of the RelaxNG schema; undefined for a foreign folder given no --schema (well-formedness only). */
  schema: string | undefined;
  /** Absolute path of the output folder. */
  output: string;
  /** File name (in the source folder) of the edition header. */
  header: string | undefined;
  /** Register kind → file name in the source folder. */
  registers: { persons?: string; places?: string; orgs?: string };
  /** Inclusive year range of the documents. */
  dateRange: { from: number; to: number } | undefined;
  /** Per-rule overrides: off, warning or error. */
  rules: Record<string, RuleSetting>;
  baseUrl: string;
  licence: { url: string; label: string };
  /** True when edition-specific rules apply (a configured edition), false for generic checks only. */
  editionRules: boolean;
  /** Absolute path of the file of acknowledged findings (src/validate/acknowledged.ts); undefined: none. */
  acknowledged?: string | undefined;
  /** Where caches go (`.cache/` beside the configuration); undefined for a foreign folder without one. */
  cacheFolder: string | undefined;
  /** The language of texts that do not state theirs (`--lang`), e.g. `de`; undefined: none. */
  lang?: string;
}

export const CONFIG_FILE = 'edition.config.json';

interface RawConfig {
  title?: string;
  source?: string;
  schema?: string;
  output?: string;
  header?: string;
  registers?: { persons?: string; places?: string; orgs?: string };
  dateRange?: { from?: number | string; to?: number | string };
  rules?: Record<string, string>;
  baseUrl?: string;
  licence?: { url?: string; label?: string };
  acknowledged?: string;
}

function asYear(value: number | string | undefined, what: string, file: string): number {
  const year = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  if (!Number.isInteger(year)) throw new UsageError(`${file}: dateRange.${what} must be a year, got ${JSON.stringify(value)}`);
  return year;
}

export function loadConfig(file: string): EditionConfig {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`No configuration file at ${path}`);
  let raw: RawConfig;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as RawConfig;
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const root = dirname(path);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (setting !== 'off' && setting !== 'warning' && setting !== 'error') {
      throw new UsageError(`${path}: rule "${id}" must be "off", "warning" or "error", got ${JSON.stringify(setting)}`);
    }
    rules[id] = setting;
  }
  return {
    file: path,
    root,
    title: raw.title ?? 'Untitled edition',
    source: resolve(root, raw.source ?? 'tei'),
    schema: resolve(root, raw.schema ?? 'schema/edition.rng'),
    output: resolve(root, raw.output ?? 'dist'),
    header: raw.header,
    registers: raw.registers ?? {},
    dateRange: raw.dateRange ? { from: asYear(raw.dateRange.from, 'from', path), to: asYear(raw.dateRange.to, 'to', path) } : undefined,
    rules,
    baseUrl: raw.baseUrl ?? '',
    licence: { url: raw.licence?.url ?? '', label: raw.licence?.label ?? '' },
    editionRules: true,
    acknowledged: resolve(root, raw.acknowledged ?? ACKNOWLEDGED_FILE),
    cacheFolder: join(root, '.cache'),
  };
}

/**
 * The generic profile for a foreign folder: well-formedness, RelaxNG when a
 * schema is given, and pointers across its files; nothing specific to this
 * edition, and every rule's finding a warning.
 */
export function genericConfig(source: string, schema: string | undefined, base?: EditionConfig): EditionConfig {
  return {
    file: undefined,
    root: process.cwd(),
    // Nothing of this edition's identity: a foreign corpus takes its title and licence from its own headers (or --title).
    title: '',
    source: resolve(source),
    schema: schema === undefined ? undefined : resolve(schema),
    output: base?.output ?? resolve('dist'),
    header: undefined,
    registers: {},
    dateRange: undefined,
    rules: {},
    // Nothing of this edition's address either: a foreign corpus is published elsewhere (--base-url).
    baseUrl: '',
    licence: { url: '', label: '' },
    editionRules: false,
    cacheFolder: base?.cacheFolder,
  };
}

export interface ProfileOptions {
  /** Explicit configuration file (--config). */
  config?: string;
  /** Source folder (--src) or the folder the given paths are in. */
  source?: string;
  /** The given paths lie in several folders: the generic profile applies (an edition's rules apply only to its own folder). */
  severalFolders?: boolean;
  /** Explicit schema (--schema). */
  schema?: string;
  /** Folder to look for edition.config.json in (default: cwd). */
  cwd?: string;
  /** The site's title (--title), over the configured one or the corpus's own. */
  title?: string;
  /** The language of texts that do not state theirs (--lang). */
  lang?: string;
  /** Where the site is published (--base-url), over the configured one; a foreign folder has none otherwise. */
  baseUrl?: string;
}

/**
 * A base URL as given (--base-url): an absolute http(s) URL without query or
 * fragment, ending in '/' (added when missing), so that a page's address is
 * the base URL and its path.
 */
export function checkBaseUrl(given: string): string {
  const text = given.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url must be an absolute URL such as https://example.org/letters/, got ${JSON.stringify(given)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--base-url must be an http or https URL, got ${JSON.stringify(given)}`);
  if (url.search !== '' || url.hash !== '') throw new UsageError(`--base-url must have no query or fragment, got ${JSON.stringify(given)}`);
  return text.endsWith('/') ? text : `${text}/`;
}

/**
 * Decide which profile applies: the configured edition, or the generic
 * checks for a foreign folder (README.md, "edition validate"). A foreign
 * folder is checked against a RelaxNG schema only when --schema names one:
 * this edition's customization says nothing about someone else's TEI.
 */
export function resolveProfile(options: ProfileOptions): EditionConfig {
  const profile = resolveBaseProfile(options);
  return {
    ...profile,
    ...(options.title !== undefined && options.title.trim() !== '' ? { title: options.title.trim() } : {}),
    ...(options.lang !== undefined && options.lang.trim() !== '' ? { lang: options.lang.trim() } : {}),
    ...(options.baseUrl !== undefined ? { baseUrl: checkBaseUrl(options.baseUrl) } : {}),
  };
}

function resolveBaseProfile(options: ProfileOptions): EditionConfig {
  const cwd = options.cwd ?? process.cwd();
  let config: EditionConfig | undefined;
  if (options.config) config = loadConfig(resolve(cwd, options.config));
  else if (existsSync(resolve(cwd, CONFIG_FILE))) config = loadConfig(resolve(cwd, CONFIG_FILE));
  const source = options.source ? resolve(cwd, options.source) : undefined;
  if (source && options.severalFolders) return genericConfig(source, options.schema ? resolve(cwd, options.schema) : undefined, config);
  if (!config) {
    if (!source) throw new UsageError(`No ${CONFIG_FILE} here (${cwd}); give --src DIR or --config FILE`);
    return genericConfig(source, options.schema ? resolve(cwd, options.schema) : undefined);
  }
  if (source && source !== config.source && !options.config) {
    return genericConfig(source, options.schema ? resolve(cwd, options.schema) : undefined, config);
  }
  return { ...config, source: source ?? config.source, schema: options.schema ? resolve(cwd, options.schema) : config.schema };
}

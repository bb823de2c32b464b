/**
 * write: staging and publish. Everything the build puts into the output
 * folder goes through here, into a staging folder (publish.ts) that is
 * swapped in for the published output at the end, with the manifest and
 * the summaries the next build plans from.
 *
 * What is written is decided by the plan (plan.ts) and made by the
 * transform stage (transform.ts); this stage takes published files over,
 * claims output paths, writes what the transform hands it, and records
 * every output in the next manifest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { filesUnder } from '../read/folders.js';
import type { EntryParts, KeptEntryParts } from './entry-pages.js';
import { parseEntryPages, parseEntryParts, writeEntryParts } from './entry-pages.js';
import type { BuildManifest, OutputGroup } from './manifest.js';
import { emptyManifest, writeManifest } from './manifest.js';
import { OutputPathError } from './output-paths.js';
import type { BuildPlan, DocumentPlan, EditionPart, EditionRegistersPlan } from './plan.js';
import type { StagedOutput } from './publish.js';
import type { SearchEntry } from './search-index.js';
import { searchEntry, searchIndexEntries, searchIndexFiles } from './search-index.js';
import type { KeptSummary } from './summaries.js';
import { writeSummaries } from './summaries.js';
import type { DocumentJob, DocumentResult } from './transform.js';
import { createZip, ZipTooLargeError } from './zip.js';

export function problem(file: string, rule: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule, source: 'edition', message };
}

/** Every file in the published output folder, relative and `/`-separated (what a plan may take over). */
export function publishedFiles(out: string): Set<string> {
  const found = new Set<string>();
  const walk = (folder: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(join(folder, e.name), `${prefix}${e.name}/`);
      else found.add(`${prefix}${e.name}`);
    }
  };
  walk(out, '');
  return found;
}

/** What a document gives the outputs made after it: edition.txt, the search index, the edition-wide pages. */
interface DocumentParts {
  /** Its plain text ('' when it has none); for a document taken over, read from the published output when first asked for. */
  text: string | undefined;
  /** Its summary ('' when it has none). */
  summary: string;
  search: SearchEntry | undefined;
  /** Taken over: its text and search entry are the published ones. */
  kept?: Extract<DocumentPlan, { action: 'reuse' }>;
}

export class SiteWriter {
  /** The manifest of this build, written on publish. */
  readonly next: BuildManifest = emptyManifest();
  /** The documents' summaries of this build, by source file name, written on publish. */
  readonly summaries = new Map<string, KeptSummary>();
  /** What each document gives, in collection order. */
  readonly parts: DocumentParts[] = [];
  /** The register entries' parts of this build, written on publish; undefined when the registers' outputs were taken over (the file stays as it is). */
  private entryParts: KeptEntryParts | undefined;
  /** Output files staged (written or taken over). */
  outputs = 0;
  /** Documents transformed and written. */
  transformed = 0;
  /** The search entries of the published build, read when the first unchanged document needs its own. */
  private publishedEntries: Map<string, SearchEntry> | undefined;
  /** Plans of the documents being transformed, by index. */
  private readonly making = new Map<number, Extract<DocumentPlan, { action: 'make' }>>();

  constructor(
    private readonly staged: StagedOutput,
    private readonly problems: Diagnostic[],
  ) {}

  /** Write one output; a refused path is a problem of `source`. */
  write(path: string, content: string | Uint8Array, source: string): boolean {
    try {
      this.staged.write(path, content);
      this.outputs++;
      return true;
    } catch (error) {
      if (error instanceof OutputPathError) {
        this.problems.push(problem(source, 'output-path-unsafe', error.message));
        return false;
      }
      throw error;
    }
  }

  /** Take a group of published outputs over. */
  private reuse(group: OutputGroup): void {
    for (const o of group.outputs) this.staged.reuse(o);
    this.outputs += group.outputs.length;
  }

  /**
   * Stage the documents as planned: take the unchanged ones over (with
   * their text and search entry from the published output), claim the
   * outputs of those to make. Returns the jobs to transform.
   */
  stageDocuments(documents: readonly DocumentPlan[]): DocumentJob[] {
    const jobs: DocumentJob[] = [];
    for (const d of documents) {
      this.parts[d.index] = { text: '', summary: '', search: undefined };
      if (d.action === 'refuse') {
        this.problems.push(problem(d.source.file, 'output-path-unsafe', d.message));
        continue;
      }
      if (d.action === 'reuse') {
        this.reuse(d.group);
        this.next.documents[d.source.name] = d.group;
        this.summaries.set(d.source.name, d.summary);
        this.parts[d.index] = { text: undefined, summary: d.summary.summary, search: undefined, kept: d };
        continue;
      }
      const outputs = [d.outputs.page, d.outputs.text, d.outputs.json];
      try {
        for (const o of outputs) this.staged.claim(o);
      } catch (error) {
        if (!(error instanceof OutputPathError)) throw error;
        this.problems.push(problem(d.source.file, 'output-path-unsafe', error.message));
        continue;
      }
      this.outputs += outputs.length;
      this.making.set(d.index, d);
      jobs.push({ index: d.index, base: d.base, outputs: d.outputs, text: d.source.text, prev: d.prev, next: d.next, registerEntries: d.registerEntries, documentFiles: d.documentFiles });
    }
    return jobs;
  }

  private publishedSearch(d: Extract<DocumentPlan, { action: 'reuse' }>): SearchEntry | undefined {
    this.publishedEntries ??= searchIndexEntries((path) => this.staged.readPublished(path));
    const entry = this.publishedEntries.get(d.outputs.page);
    if (entry !== undefined) return entry;
    const json = this.staged.readPublished(d.outputs.json);
    return json !== undefined ? searchEntry(json, d.base, d.outputs.page) : undefined;
  }

  /** Write a transformed document's outputs into the paths claimed for it, or record its failure. */
  writeDocument(r: DocumentResult): void {
    const d = this.making.get(r.index)!;
    if (!r.ok) {
      this.problems.push(problem(d.source.file, 'transform-failed', r.message));
      return;
    }
    this.staged.fill(d.outputs.page, r.page);
    this.staged.fill(d.outputs.text, r.text);
    this.staged.fill(d.outputs.json, r.json);
    this.parts[r.index] = { text: r.text, summary: r.summary, search: r.search };
    this.summaries.set(d.source.name, { key: d.key, summary: r.summary });
    this.next.documents[d.source.name] = { key: d.key, outputs: [d.outputs.page, d.outputs.text, d.outputs.json] };
    this.transformed++;
  }

  /** The lists of the documents unchanged: take them over. Returns the head of edition.txt the last build kept. */
  reuseEditionDocuments(previous: BuildManifest): string {
    this.reuse(previous.editionDocuments!);
    this.next.editionDocuments = previous.editionDocuments;
    return previous.editionHeader;
  }

  /** The registers' outputs unchanged: take them over, with every entry page and what they gave CMIF. */
  reuseEditionRegisters(previous: BuildManifest): void {
    this.reuse(previous.editionRegisters!);
    this.next.editionRegisters = previous.editionRegisters;
    this.next.authorityUris = previous.authorityUris;
    for (const [id, group] of Object.entries(previous.entries)) {
      this.reuse(group);
      this.next.entries[id] = group;
    }
  }

  /**
   * The lists of the documents made again: write what the transform hands
   * `onOutput`; `finish` files them under their group and returns the head
   * of edition.txt.
   */
  editionDocuments(part: EditionPart, source: string): { onOutput: (href: string, content: string) => void; finish: () => string } {
    const made: string[] = [];
    let headerText = '';
    return {
      onOutput: (href, content) => {
        if (href === 'edition-header.txt') headerText = content;
        else if (this.write(href, content, source)) made.push(href);
      },
      finish: () => {
        this.next.editionDocuments = { key: part.key, outputs: made };
        return headerText;
      },
    };
  }

  /**
   * The registers' outputs made again: take the kept entry pages over, then
   * write what the transform hands `onOutput`; `finish` files the pages
   * made under their groups (an entry page under its entry's) and the
   * entries' parts (src/site/entry-pages.ts) for the next build.
   * `keptParts` are the parts of the kept entries, from `previousParts`
   * when made under the same key, for corpus.xsl's $kept-entry-parts.
   */
  editionRegisters(plan: EditionRegistersPlan, previous: BuildManifest, previousParts: KeptEntryParts, source: string): { keptParts: string[]; onOutput: (href: string, content: string) => void; finish: () => void } {
    const nextParts: KeptEntryParts = new Map();
    for (const id of plan.keptEntries) {
      this.reuse(previous.entries[id]!);
      this.next.entries[id] = previous.entries[id]!;
      const parts = previousParts.get(id);
      if (parts && parts.key === plan.entryKeys.get(id)) nextParts.set(id, parts);
    }
    const keptParts = [...nextParts.values()].flatMap((p) => p.parts.flat());
    const made: string[] = [];
    let entryPagesText = '';
    const madeParts: EntryParts[] = [];
    return {
      keptParts,
      // The list of entry pages and the parts made are kept for below, the authority URIs for the lists of the documents.
      onOutput: (href, content) => {
        if (href === 'entry-pages.txt') entryPagesText = content;
        else if (href.startsWith('entry-parts/')) madeParts.push(...parseEntryParts(content));
        else if (href === 'authority-uris.txt') this.next.authorityUris = content;
        else if (this.write(href, content, source)) made.push(href);
      },
      finish: () => {
        const entryPages = new Set<string>();
        const kept = new Set(plan.keptEntries);
        const written = new Set(made);
        for (const { id, page } of parseEntryPages(entryPagesText)) {
          entryPages.add(page);
          if (kept.has(id) || !written.has(page)) continue;
          const group = (this.next.entries[id] ??= { key: plan.entryKeys.get(id) ?? '', outputs: [] });
          group.outputs.push(page);
        }
        this.next.editionRegisters = { key: plan.registers.key, outputs: made.filter((o) => !entryPages.has(o)) };
        for (const parts of madeParts) {
          const id = parts[1]!;
          const key = plan.entryKeys.get(id);
          if (key === undefined) continue;
          const entry = nextParts.get(id);
          if (!entry || entry.key !== key) nextParts.set(id, { key, parts: [parts] });
          else if (!entry.parts.some((p) => p[0] === parts[0])) entry.parts.push(parts);
        }
        this.entryParts = nextParts;
      },
    };
  }

  /**
   * The search index (search-index.js and its parts in search/) and
   * text/edition.txt, from the documents' parts and the head the
   * edition-wide pages gave; each taken over when planned so (no document
   * changed), without reading a document's published text or entry.
   */
  writeEditionText(plan: BuildPlan, editionText: { key: string; reuse: boolean }, editionHeader: string, previous: BuildManifest, source: string): void {
    this.next.editionHeader = editionHeader;
    if (plan.search.reuse) {
      this.reuse(previous.search!);
      this.next.search = previous.search;
    } else {
      const searchEntries = this.parts.map((p) => (p.kept ? this.publishedSearch(p.kept) : p.search)).filter((e): e is SearchEntry => e !== undefined);
      const outputs: string[] = [];
      for (const [path, content] of searchIndexFiles(searchEntries)) if (this.write(path, content, source)) outputs.push(path);
      this.next.search = { key: plan.search.key, outputs };
    }
    if (editionText.reuse) {
      this.reuse(previous.editionText!);
      this.next.editionText = previous.editionText;
    } else {
      const texts = this.parts.filter((_, i) => plan.documents[i]!.action !== 'refuse').map((p) => p.text ?? (p.kept ? this.staged.readPublished(p.kept.outputs.text) : undefined) ?? '');
      if (this.write('text/edition.txt', `${[editionHeader, ...texts].map((t) => t.trimEnd()).join('\n\n\n')}\n`, source)) this.next.editionText = { key: editionText.key, outputs: ['text/edition.txt'] };
    }
  }

  /** The sources for download, as they are, and the whole edition as one ZIP. */
  writeDownloads(plan: BuildPlan, previous: BuildManifest, epoch: number | undefined, zipSource: string): void {
    for (const { source, path, reuse } of plan.downloads) {
      if (reuse) {
        const group = previous.sources[source.name]!;
        this.reuse(group);
        this.next.sources[source.name] = group;
      } else if (this.write(path, source.bytes, source.file)) this.next.sources[source.name] = { key: source.hash, outputs: [path] };
    }
    const { zip } = plan;
    if (zip.reuse) {
      this.reuse(previous.zip!);
      this.next.zip = previous.zip;
      return;
    }
    const entries = zip.members.map((source) => ({ name: source.name, content: source.bytes }));
    // The published ZIP, made from the sources of the previous build, lends the compressed data of those whose hash is unchanged.
    const published = previous.zip ? this.staged.readPublishedBytes('tei/edition.zip') : undefined;
    const unchanged = new Set(zip.members.filter((source) => previous.sources[source.name]?.key === source.hash).map((source) => source.name));
    const reusable = published ? { bytes: published, unchanged } : undefined;
    let bytes: Uint8Array;
    try {
      bytes = createZip(entries, epoch !== undefined ? new Date(epoch * 1000) : undefined, reusable);
    } catch (error) {
      if (!(error instanceof ZipTooLargeError)) throw error;
      this.problems.push(problem(zipSource, 'zip-too-large', `tei/edition.zip is not written: ${error.message}`));
      return;
    }
    this.next.zip = this.write('tei/edition.zip', bytes, zipSource) ? { key: zip.key, outputs: ['tei/edition.zip'] } : undefined;
  }

  /** The stylesheets' assets (CSS, scripts, fonts). */
  writeAssets(xsltFolder: string): void {
    const assets = join(xsltFolder, 'assets');
    for (const asset of filesUnder(assets)) {
      this.write(`assets/${relative(assets, asset).split('\\').join('/')}`, readFileSync(asset), asset);
    }
  }

  /** Swap the staging folder in, then record what it holds for the next build. Returns how many files were unchanged (hard links). */
  publish(manifestFile: string, summariesFile: string, entryPartsFile: string): number {
    this.staged.publish();
    writeManifest(manifestFile, this.next);
    writeSummaries(summariesFile, this.summaries);
    if (this.entryParts) writeEntryParts(entryPartsFile, this.entryParts);
    return this.staged.linked;
  }

  discard(): void {
    this.staged.discard();
  }
}

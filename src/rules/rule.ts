/**
 * An edition rule finds problems; it does not decide how they are shown.
 * File rules look at one parsed file while its tree is in memory; edition
 * rules look across the summaries of all files.
 */
import type { EditionConfig } from '../config.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { FileSummary, Located } from '../edition/files.js';
import type { XmlElement } from '../parse/tree.js';

export interface Finding extends Located {
  file: string;
  message: string;
}

/** A small edition, file name → XML, used in a rule's documentation and tests. */
export type ExampleFiles = Record<string, string>;

export interface RuleDoc {
  /** What the rule checks, in one sentence. */
  summary: string;
  /** A failing example and the message it produces. */
  failing: ExampleFiles;
  message: string;
  /** The same example, corrected. */
  passing: ExampleFiles;
}

interface RuleBase {
  id: string;
  severity: Severity;
  /** Generic rules run for any TEI folder; edition rules only for a configured edition. */
  scope: 'generic' | 'edition';
  doc: RuleDoc;
}

export interface FileRuleContext {
  summary: FileSummary;
  root: XmlElement;
  config: EditionConfig;
}

export interface FileRule extends RuleBase {
  kind: 'file';
  check(context: FileRuleContext): Finding[];
}

export interface EditionRuleContext {
  files: readonly FileSummary[];
  config: EditionConfig;
  /**
   * Names of files of the edition that could not be read as XML (they have
   * their own error and no summary). A rule does not report their absence,
   * and a rule that needs every file (who refers to a register entry) does
   * not run.
   */
  skipped?: ReadonlySet<string>;
}

export interface EditionRule extends RuleBase {
  kind: 'edition';
  check(context: EditionRuleContext): Finding[];
}

export type Rule = FileRule | EditionRule;

export function at(file: string, place: Located, message: string): Finding {
  return { file, line: place.line, column: place.column, message };
}

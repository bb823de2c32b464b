/**
 * A diagnostic is plain data: a finding about one place in one source file.
 * Rules only find; severity comes from the rule's definition (and --strict
 * only changes the exit code); formatting lives in ./format.ts.
 */
export type Severity = 'error' | 'warning';

/** Which stage found it: the XML parser, the RelaxNG schema, or an edition rule. */
export type DiagnosticSource = 'xml' | 'relaxng' | 'edition';

export interface Diagnostic {
  /** Path of the file as given to the library (absolute or relative); formatters relativise it. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in Unicode code points. */
  column: number;
  severity: Severity;
  rule: string;
  source: DiagnosticSource;
  message: string;
  /**
   * True when the editor has acknowledged this finding (a known defect of
   * the source, listed in the acknowledgements file): it is counted, kept in
   * the JSON output, but not repeated in the pretty output.
   */
  acknowledged?: boolean;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Thrown by the library for usage problems (bad option, missing config); the CLI maps it to exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

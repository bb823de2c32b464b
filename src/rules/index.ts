/** Every rule, in the order their messages are documented. */
import type { Rule } from './rule.js';
import { refUnresolved } from './ref-unresolved.js';
import { idDuplicate } from './id-duplicate.js';
import { registerEntryConflict } from './register-entry-conflict.js';
import { anchorWithoutNote } from './anchor-without-note.js';
import { noteWithoutAnchor } from './note-without-anchor.js';
import { noteNumberGap } from './note-number-gap.js';
import { dateInvalid } from './date-invalid.js';
import { dateOutOfRange } from './date-out-of-range.js';
import { correspondentMissing } from './correspondent-missing.js';
import { correspContextTarget } from './corresp-context-target.js';
import { registerEntryUnused } from './register-entry-unused.js';
import { archivalSignatureMissing } from './archival-signature-missing.js';
import { pointerUnresolved } from './pointer-unresolved.js';
import { templateText } from './template-text.js';

export const rules: readonly Rule[] = [
  refUnresolved,
  idDuplicate,
  registerEntryConflict,
  anchorWithoutNote,
  noteWithoutAnchor,
  noteNumberGap,
  dateInvalid,
  dateOutOfRange,
  correspondentMissing,
  correspContextTarget,
  registerEntryUnused,
  archivalSignatureMissing,
  pointerUnresolved,
  templateText,
];

export type { Rule, FileRule, EditionRule, Finding } from './rule.js';

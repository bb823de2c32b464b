import type { FileRule, Finding } from './rule.js';
import { at } from './rule.js';
import { descendants } from '../parse/tree.js';
import { templateMessage, templateTexts } from '../edition/new-document.js';
import { letter, withRegisters } from './examples.js';

/** The last word of each template text, which normalising the spaces between words leaves as it is. */
const lastWords = templateTexts.map((t) => t.text.slice(t.text.lastIndexOf(' ') + 1));

/**
 * `edition new` writes a document that validates, with template text where
 * the editor has still to write (the transcription, the signature, the
 * physical description). Until it is replaced, each place is a warning, so
 * a template never reaches readers unnoticed.
 */
export const templateText: FileRule = {
  id: 'template-text',
  kind: 'file',
  scope: 'edition',
  severity: 'warning',
  doc: {
    summary: 'No document still holds the template text `edition new` wrote ("Text to be transcribed." and the like).',
    failing: withRegisters({ 'doc001.xml': letter({ body: '<div type="telegram"><p>Text to be transcribed.</p></div>' }) }),
    message: 'Template text "Text to be transcribed." is still here: replace it with the transcription',
    passing: withRegisters({ 'doc001.xml': letter({ body: '<div type="telegram"><p>Kharkov. To Stalin.</p></div>' }) }),
  },
  check({ root, summary }) {
    if (summary.kind !== 'document') return [];
    const findings: Finding[] = [];
    for (const e of descendants(root)) {
      let own = '';
      for (const c of e.children) if (typeof c === 'string') own += c;
      // Normalising the spaces is what costs: only text holding a template's last word can be one.
      if (!lastWords.some((w) => own.includes(w))) continue;
      const normal = own.replace(/\s+/g, ' ').trim();
      const template = templateTexts.find((t) => t.text === normal);
      if (template) findings.push(at(summary.file, e, templateMessage(template)));
    }
    return findings;
  },
};

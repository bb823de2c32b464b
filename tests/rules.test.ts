import { describe, expect, test } from 'vitest';
import { rules } from '../src/rules/index.js';
import { validate } from '../src/validate/index.js';
import { tempEdition } from './helpers/edition.js';

async function messagesOf(ruleId: string, files: Record<string, string>): Promise<string[]> {
  const edition = tempEdition(files);
  try {
    const result = await validate({ config: edition.config });
    return result.diagnostics.filter((d) => d.rule === ruleId).map((d) => d.message);
  } finally {
    edition.cleanup();
  }
}

describe('every rule documents a failing and a passing example, and both hold', () => {
  test('the rule ids are the documented set', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(
      [
        'anchor-without-note', 'archival-signature-missing', 'corresp-context-target', 'correspondent-missing',
        'date-invalid', 'date-out-of-range', 'id-duplicate', 'note-number-gap', 'note-without-anchor',
        'pointer-unresolved', 'ref-unresolved', 'register-entry-unused',
      ].sort(),
    );
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s: the failing example gives the documented message', async (id, rule) => {
    const messages = await messagesOf(id, rule.doc.failing);
    expect(messages).toEqual([rule.doc.message]);
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s: the passing example gives no message', async (id, rule) => {
    expect(await messagesOf(id, rule.doc.passing)).toEqual([]);
  });
});

describe('positions', () => {
  test('a rule message points at the element, line and column counted in code points', async () => {
    const edition = tempEdition({
      'persons.xml': rules.find((r) => r.id === 'ref-unresolved')!.doc.passing['persons.xml']!,
      'doc001.xml':
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>\n<text><body><p>Ёж 𝔸 <persName ref="persons.xml#nobody">X</persName></p></body></text></TEI>',
    });
    try {
      const result = await validate({ config: edition.config });
      const d = result.diagnostics.find((x) => x.rule === 'ref-unresolved')!;
      expect(d).toMatchObject({ line: 2, column: 21, severity: 'error', source: 'edition' });
    } finally {
      edition.cleanup();
    }
  });
});

describe('severity from the configuration', () => {
  test('a rule can be switched off or made an error', async () => {
    const rule = rules.find((r) => r.id === 'note-without-anchor')!;
    const edition = tempEdition(rule.doc.failing);
    try {
      edition.config.rules = { 'note-without-anchor': 'error' };
      let result = await validate({ config: edition.config });
      expect(result.diagnostics.filter((d) => d.rule === rule.id).map((d) => d.severity)).toEqual(['error']);
      edition.config.rules = { 'note-without-anchor': 'off' };
      result = await validate({ config: edition.config });
      expect(result.diagnostics.filter((d) => d.rule === rule.id)).toEqual([]);
    } finally {
      edition.cleanup();
    }
  });

  test('the generic profile runs only the generic rules', async () => {
    const rule = rules.find((r) => r.id === 'ref-unresolved')!;
    const edition = tempEdition(rule.doc.failing, { editionRules: false });
    try {
      edition.config.editionRules = false;
      const result = await validate({ config: edition.config });
      expect(result.diagnostics.filter((d) => d.source === 'edition' && d.rule !== 'pointer-unresolved')).toEqual([]);
    } finally {
      edition.cleanup();
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { check, TEI_NS, teiDocument } from './helpers.js';

const editionSchema = readFileSync(new URL('../../schema/edition.rng', import.meta.url), 'utf8');
const doc068 = readFileSync(new URL('../../tei/doc068.xml', import.meta.url), 'utf8');

/** doc068 with paragraphs added to its body until the file is at least `bytes` long; still valid against the edition schema. */
function bigLetter(bytes: number): string {
  const para = '<p>Лев Троцкий — письмо, строка текста с пометкой <foreign xml:lang="ru">курсив</foreign> and <placeName ref="places.xml#moscow">Moscow</placeName>.</p>\n';
  const n = Math.ceil((bytes - Buffer.byteLength(doc068)) / Buffer.byteLength(para));
  const text = doc068.replace(/(<body>\s*)(<div)/, (_, a: string, b: string) => `${a}<div type="letter">${para.repeat(n)}</div>${b}`);
  expect(text.length).toBeGreaterThan(doc068.length);
  return text;
}

describe('very large input: processed or refused with a message, never a crash or a stall of the other files', () => {
  test('a 50 MB document is validated against the edition schema; a broken small file beside it still gets its message', async () => {
    const big = bigLetter(50 * 1024 * 1024);
    expect(Buffer.byteLength(big)).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const started = performance.now();
    const checked = await check({ 'big.xml': big, 'small-bad.xml': '<TEI>\n<p>x</TEI>', 'small-good.xml': teiDocument() }, { schema: editionSchema });
    const seconds = (performance.now() - started) / 1000;
    console.log(`50 MB document: validate() took ${seconds.toFixed(1)} s`);
    // Valid against the schema; the only finding is the generic warning that its related letter (doc069.xml) is not beside it.
    expect(checked.of('big.xml').filter((d) => d.rule !== 'corresp-context-target')).toEqual([]);
    expect(checked.of('small-bad.xml')[0]).toMatchObject({ rule: 'xml-not-well-formed', line: 2 });
    // small-good.xml is a minimal TEI document: the edition schema may ask more of it, but it was checked.
    expect(checked.result.files.map((f) => f.name).sort()).toEqual(['big.xml', 'small-bad.xml', 'small-good.xml']);
    expect(seconds).toBeLessThan(60);
  }, 180_000);

  test('10,000 levels of nesting are refused with a located message; the other files go on', async () => {
    const depth = 10_000;
    const deep = `<TEI xmlns="${TEI_NS}">\n<text><body><p>${'<hi>'.repeat(depth)}x${'</hi>'.repeat(depth)}</p></body></text></TEI>`;
    const started = performance.now();
    const checked = await check({ 'deep.xml': deep, 'good.xml': teiDocument() });
    console.log(`10,000 levels: ${(performance.now() - started).toFixed(0)} ms`);
    const errors = checked.of('deep.xml');
    expect(errors[0]).toMatchObject({ rule: 'xml-not-well-formed', severity: 'error', line: 2 });
    expect(errors[0]!.message).toMatch(/depth/i);
    expect(checked.clean()).toEqual(['good.xml']);
  });

  test('moderate nesting (200 levels) is accepted all the way through the parser and the rules', async () => {
    const depth = 200;
    const checked = await check({ 'nested.xml': `<TEI xmlns="${TEI_NS}"><text><body><p>${'<hi>'.repeat(depth)}x${'</hi>'.repeat(depth)}</p></body></text></TEI>` }, { editionRules: true });
    expect(checked.of('nested.xml').filter((d) => d.severity === 'error' && d.source === 'xml')).toEqual([]);
    expect(checked.result.files[0]!.summary).toBeDefined();
  });

  test('a 1 MB attribute value and a 1 MB text node are processed', async () => {
    const mb = 1024 * 1024;
    const started = performance.now();
    const checked = await check({
      'attribute.xml': `<TEI xmlns="${TEI_NS}" n="${'x'.repeat(mb)}"><text><body><p rend="${'й'.repeat(mb / 2)}">y</p></body></text></TEI>`,
      'text.xml': `<TEI xmlns="${TEI_NS}"><text><body><p>${'слово '.repeat(mb / 6)}</p></body></text></TEI>`,
      'attribute-broken.xml': `<TEI xmlns="${TEI_NS}" n="${'x'.repeat(mb)}><text/></TEI>`,
    });
    console.log(`1 MB attribute and text: ${(performance.now() - started).toFixed(0)} ms`);
    expect(checked.clean()).toEqual(['attribute.xml', 'text.xml']);
    expect(checked.of('attribute-broken.xml')[0]).toMatchObject({ rule: 'xml-not-well-formed', line: 1 });
  });
});

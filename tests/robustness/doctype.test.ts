import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDoctype, findDoctype } from '../../src/parse/doctype.js';
import { check, TEI_NS } from './helpers.js';

const root = `<TEI xmlns="${TEI_NS}"><text><body><p>x</p></body></text></TEI>`;

/** A billion laughs: 10 levels of 10 references, 10^10 expansions of "lol". */
function billionLaughs(levels = 10): string {
  const decls = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i < levels; i++) decls.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE TEI [\n${decls.join('\n')}\n]>\n<TEI xmlns="${TEI_NS}"><text><body><p>&lol${levels - 1};</p></body></text></TEI>\n`;
}

describe('checkDoctype (unit)', () => {
  test.each([
    ['no DOCTYPE', root],
    ['a bare DOCTYPE', `<!DOCTYPE TEI>\n${root}`],
    ['a DOCTYPE after a comment and a PI', `<?xml version="1.0"?><!-- c --><?pi x?>\n<!DOCTYPE TEI>${root}`],
    ['an internal subset without entities', `<!DOCTYPE TEI [ <!ELEMENT TEI ANY> <!ATTLIST TEI n CDATA "1"> <!-- <!ENTITY in a comment> --> <?pi <!ENTITY in a PI?> ]>${root}`],
    ['"<!ENTITY" in the text', `${root.replace('x', '&lt;!ENTITY x "y"&gt;')}`],
  ])('%s is accepted', (_, text) => {
    expect(checkDoctype(text)).toEqual([]);
  });

  test.each([
    ['SYSTEM file:///etc/passwd', '<!DOCTYPE TEI SYSTEM "file:///etc/passwd">', 'xml-external-dtd', /external DTD \(SYSTEM\).*never loaded/],
    ['PUBLIC with an http URL', '<!DOCTYPE TEI PUBLIC "-//TEI//DTD" "http://example.org/tei.dtd">', 'xml-external-dtd', /external DTD \(PUBLIC\)/],
    ['an external entity', '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 'xml-entity-declaration', /"x" as an external entity \(SYSTEM\), which would read a file or the network/],
    ['an internal entity', '<!DOCTYPE TEI [<!ENTITY x "text">]>', 'xml-entity-declaration', /"x" as an entity, and entities can expand without bound; this toolchain never expands DTD entities/],
    ['a parameter entity', '<!DOCTYPE TEI [<!ENTITY % p SYSTEM "http://example.org/p">]>', 'xml-entity-declaration', /"p" as an external entity/],
    ['an entity hidden behind "]>" in a PI', '<!DOCTYPE TEI [ <?pi ]> ?> <!ENTITY x "hidden"> ]>', 'xml-entity-declaration', /"x"/],
    ['an entity hidden behind "]>" in a literal', '<!DOCTYPE TEI [ <!ATTLIST TEI n CDATA "]>"> <!ENTITY x "hidden"> ]>', 'xml-entity-declaration', /"x"/],
    ['an entity hidden behind "]>" in a comment', '<!DOCTYPE TEI [ <!-- ]> --> <!ENTITY x "hidden"> ]>', 'xml-entity-declaration', /"x"/],
    ['an entity in an unreadable subset', '<!DOCTYPE TEI [ junk <!ENTITY x "hidden"> ]>', 'xml-entity-declaration', /"x"/],
    ['an entity after an unclosed literal', '<!DOCTYPE TEI SYSTEM "x> [<!ENTITY y "hidden">]>', 'xml-entity-declaration', /"y"/],
  ])('%s is refused', (_, decl, rule, message) => {
    const findings = checkDoctype(`<?xml version="1.0"?>\n${decl}\n${root}`);
    const finding = findings.find((f) => f.rule === rule);
    expect(finding, JSON.stringify(findings)).toBeDefined();
    expect(finding!.message).toMatch(message);
  });

  test('findDoctype spans the whole declaration, internal subset included', () => {
    const decl = '<!DOCTYPE TEI [ <?pi ]> ?> <!ATTLIST TEI n CDATA "]>"> ]>';
    const text = `<?xml version="1.0"?>\n${decl}\n${root}`;
    expect(findDoctype(text)).toEqual({ offset: text.indexOf('<!DOCTYPE'), end: text.indexOf(decl) + decl.length });
  });
});

describe('DOCTYPEs in validation: never resolved, refused with a message saying why', () => {
  let server: ReturnType<typeof createServer>;
  let port = 0;
  let connections = 0;
  const folder = mkdtempSync(join(tmpdir(), 'edition-secret-'));
  const secret = join(folder, 'secret.txt');
  const marker = 'SECRET-MARKER-7f3a9c';

  beforeAll(async () => {
    writeFileSync(secret, marker);
    server = createServer((socket) => {
      connections++;
      socket.end(`<!ENTITY x "${marker}">`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  });

  test('external DTDs and entities (file:// and http://) are refused without any file read or connection', async () => {
    const url = `http://127.0.0.1:${port}/tei.dtd`;
    const checked = await check({
      'system-file.xml': `<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "file://${secret}">\n${root}`,
      'system-http.xml': `<!DOCTYPE TEI SYSTEM "${url}">\n${root}`,
      'public-http.xml': `<!DOCTYPE TEI PUBLIC "-//X//DTD X//EN" "${url}">\n${root}`,
      'entity-file.xml': `<!DOCTYPE TEI [\n  <!ENTITY x SYSTEM "file://${secret}">\n]>\n${root.replace('<p>x', '<p>&x;')}`,
      'entity-passwd.xml': `<!DOCTYPE TEI [\n  <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n${root.replace('<p>x', '<p>&x;')}`,
      'entity-http.xml': `<!DOCTYPE TEI [\n  <!ENTITY % p SYSTEM "${url}">\n  %p;\n]>\n${root}`,
      'internal.xml': `<!DOCTYPE TEI [\n  <!ENTITY ed "editor">\n]>\n${root.replace('<p>x', '<p>&ed;')}`,
      'bare.xml': `<!DOCTYPE TEI>\n${root}`,
    });
    expect(connections).toBe(0);
    expect(JSON.stringify(checked.result)).not.toContain(marker);
    expect(checked.clean()).toEqual(['bare.xml']);
    expect(checked.of('system-file.xml')).toMatchObject([{ line: 2, column: 15, rule: 'xml-external-dtd', severity: 'error', source: 'xml' }]);
    expect(checked.of('system-http.xml')).toMatchObject([{ line: 1, column: 15, rule: 'xml-external-dtd' }]);
    expect(checked.of('public-http.xml')).toMatchObject([{ line: 1, column: 15, rule: 'xml-external-dtd' }]);
    expect(checked.of('entity-file.xml')).toMatchObject([{ line: 2, column: 3, rule: 'xml-entity-declaration', message: expect.stringMatching(/external entity \(SYSTEM\), which would read a file or the network/) }]);
    expect(checked.of('entity-passwd.xml')).toMatchObject([{ line: 2, column: 3, rule: 'xml-entity-declaration' }]);
    expect(checked.of('entity-http.xml').map((d) => [d.line, d.rule])).toEqual([[2, 'xml-entity-declaration'], [3, 'xml-entity-declaration']]);
    expect(checked.of('internal.xml')).toMatchObject([{ line: 2, column: 3, rule: 'xml-entity-declaration', message: expect.stringMatching(/never expands DTD entities/) }]);
    // Refused files never reach libxml2, so no second, confusing message about them.
    for (const name of ['system-file.xml', 'entity-file.xml', 'internal.xml']) expect(checked.of(name).every((d) => d.source === 'xml' && d.rule.startsWith('xml-e'))).toBe(true);
  });

  test('billion laughs (10^10 expansions) is refused in well under a second, with bounded memory, and the other files go on', async () => {
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const checked = await check({ 'bomb.xml': billionLaughs(10), 'good.xml': root, 'quadratic.xml': `<!DOCTYPE TEI [<!ENTITY a "${'a'.repeat(100_000)}">]>\n<TEI>${'&a;'.repeat(10_000)}</TEI>` });
    const ms = performance.now() - started;
    const grownMiB = (process.memoryUsage().rss - before) / (1024 * 1024);
    console.log(`entity bombs: ${ms.toFixed(0)} ms for validate() of 3 files, rss grew ${grownMiB.toFixed(1)} MiB`);
    expect(ms).toBeLessThan(5000); // loose for a noisy CI; measured figure in the log
    expect(grownMiB).toBeLessThan(200);
    expect(checked.of('bomb.xml').map((d) => d.rule)).toEqual(Array(10).fill('xml-entity-declaration'));
    expect(checked.of('bomb.xml')[0]).toMatchObject({ line: 3, column: 1 });
    expect(checked.of('quadratic.xml')).toMatchObject([{ rule: 'xml-entity-declaration', line: 1, column: 16 }]);
    expect(checked.clean()).toEqual(['good.xml']);
  });
});

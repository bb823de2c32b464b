import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../src/cli/main.js';
import { rules } from '../src/rules/index.js';
import { tempEdition } from './helpers/edition.js';
import { fakeTerminal } from './helpers/terminal.js';
import { exampleConfig } from '../src/rules/examples.js';


/** A configured edition in a temp folder, from a rule's example files. */
function configuredEdition(files: Record<string, string>) {
  const edition = tempEdition(files);
  writeFileSync(
    join(edition.root, 'edition.config.json'),
    JSON.stringify({ source: 'tei', schema: 'schema.rng', ...exampleConfig }),
  );
  return edition;
}

const noteWithoutAnchor = rules.find((r) => r.id === 'note-without-anchor')!;
const refUnresolved = rules.find((r) => r.id === 'ref-unresolved')!;


/** A configured edition with a foreign folder beside its sources (`foreign/`, holding `files`); removed after `body`. */
async function withForeignFolder(files: Record<string, string>, body: (root: string) => Promise<void>): Promise<void> {
  const edition = configuredEdition(refUnresolved.doc.passing);
  try {
    const foreign = join(edition.root, 'foreign');
    mkdirSync(foreign);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(foreign, name), text);
    await body(edition.root);
  } finally {
    edition.cleanup();
  }
}

describe('edition validate', () => {
  test('pretty lines are path:line:column: severity rule message, relative with /', async () => {
    const edition = configuredEdition(refUnresolved.doc.failing);
    try {
      const t = fakeTerminal(edition.root);
      const { exitCode } = await run(['node', 'edition', 'validate'], t);
      expect(exitCode).toBe(1);
      expect(t.out).toMatch(/^tei\/doc001\.xml:\d+:\d+: error ref-unresolved @ref "persons\.xml#trotski" does not resolve/m);
    } finally {
      edition.cleanup();
    }
  });

  test('warnings alone exit 0; --strict makes them exit 1 and changes nothing else', async () => {
    const edition = configuredEdition(noteWithoutAnchor.doc.failing);
    try {
      const plain = fakeTerminal(edition.root);
      expect((await run(['node', 'edition', 'validate'], plain)).exitCode).toBe(0);
      expect(plain.out).toContain('warning note-without-anchor Note 1 has no anchor in the text');
      const strict = fakeTerminal(edition.root);
      expect((await run(['node', 'edition', 'validate', '--strict'], strict)).exitCode).toBe(1);
      expect(strict.out).toBe(plain.out);
    } finally {
      edition.cleanup();
    }
  });

  test('--format json gives the documented fields', async () => {
    const edition = configuredEdition(noteWithoutAnchor.doc.failing);
    try {
      const t = fakeTerminal(edition.root);
      await run(['node', 'edition', 'validate', '--format', 'json'], t);
      const rows = JSON.parse(t.out) as Array<Record<string, unknown>>;
      expect(rows).toEqual([
        expect.objectContaining({ file: 'tei/doc001.xml', severity: 'warning', rule: 'note-without-anchor', source: 'edition', message: 'Note 1 has no anchor in the text (no @target)' }),
      ]);
      expect(Object.keys(rows[0]!).sort()).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity', 'source']);
    } finally {
      edition.cleanup();
    }
  });

  test('--format github gives workflow annotations', async () => {
    const edition = configuredEdition(refUnresolved.doc.failing);
    try {
      const t = fakeTerminal(edition.root);
      await run(['node', 'edition', 'validate', '--format', 'github'], t);
      expect(t.out).toMatch(/^::error file=tei\/doc001\.xml,line=\d+,col=\d+,title=ref-unresolved::@ref "persons\.xml#trotski"/m);
    } finally {
      edition.cleanup();
    }
  });

  test('usage errors exit 2', async () => {
    const edition = configuredEdition(refUnresolved.doc.passing);
    try {
      const t = fakeTerminal(edition.root);
      expect((await run(['node', 'edition', 'validate', '--format', 'xml'], t)).exitCode).toBe(2);
      expect((await run(['node', 'edition', 'validate', 'no-such-folder'], fakeTerminal(edition.root))).exitCode).toBe(2);
      expect((await run(['node', 'edition', 'frobnicate'], fakeTerminal(edition.root))).exitCode).toBe(2);
    } finally {
      edition.cleanup();
    }
  });

  test('a usage error ends the process at once: the libxml2 worker started early does not keep it alive', () => {
    const edition = configuredEdition(refUnresolved.doc.passing);
    try {
      const started = Date.now();
      const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'edition.js'), 'validate', '--no-such-option'], {
        cwd: edition.root, encoding: 'utf8', timeout: 30_000,
      });
      expect(result.signal).toBeNull(); // not killed by the time limit
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("unknown option '--no-such-option'");
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      edition.cleanup();
    }
  });

  test('a foreign folder gets only the generic checks, as warnings', async () => {
    // Would fail ref-unresolved and correspondent-missing in the configured edition.
    const letter = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><persName ref="persons.xml#x">X</persName><ref target="#nowhere">y</ref></p></body></text></TEI>';
    await withForeignFolder({ 'letter.xml': letter }, async (root) => {
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', 'foreign'], t)).exitCode).toBe(0);
      const lines = t.out.trim().split('\n').map((l) => l.split(' ').slice(1, 3).join(' '));
      expect(lines).toEqual(['warning pointer-unresolved']);
      expect((await run(['node', 'edition', 'validate', '--strict', 'foreign'], fakeTerminal(root))).exitCode).toBe(1);
    });
  });

  test('in a foreign folder, #id pointers resolve in any of its files, and an id found nowhere is one warning with its count', async () => {
    const tei = (body: string): string => `<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>${body}</body></text></TEI>`;
    await withForeignFolder({
      'listperson.xml': tei('<listPerson><person xml:id="pmb2121"><persName>Schnitzler</persName></person></listPerson>'),
      'L1.xml': tei('<p><rs ref="#pmb2121">A. S.</rs> <rs ref="#pmb9">X</rs> <rs ref="#pmb9">X</rs></p>'),
      'L2.xml': tei('<p><rs ref="#pmb2121">Arthur</rs>\n<rs ref="#pmb9">X</rs></p>'),
    }, async (root) => {
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', 'foreign'], t)).exitCode).toBe(0);
      expect(t.out.trim().split('\n')).toEqual([
        'foreign/L1.xml:1:87: warning pointer-unresolved #pmb9 does not resolve: no file of the folder has xml:id "pmb9" (@ref here; used 3 times in 2 files)',
      ]);
    });
  });

  test('a foreign folder is checked against a RelaxNG schema only when --schema names one; not well-formed is an error either way', async () => {
    await withForeignFolder({ 'odd.xml': '<TEI xmlns="http://www.tei-c.org/ns/1.0"><notTei/></TEI>' }, async (root) => {
      writeFileSync(join(root, 'strict.rng'), '<element name="TEI" ns="http://www.tei-c.org/ns/1.0" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>');
      const plain = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', 'foreign'], plain)).exitCode).toBe(0);
      expect(plain.out).toBe('');
      const checked = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', '--schema', 'strict.rng', 'foreign'], checked)).exitCode).toBe(1);
      expect(checked.out).toMatch(/^foreign\/odd\.xml:1:\d+: error relaxng-invalid /m);
      writeFileSync(join(root, 'foreign', 'broken.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>unclosed</TEI>');
      const broken = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', 'foreign'], broken)).exitCode).toBe(1);
      expect(broken.out).toMatch(/^foreign\/broken\.xml:1:\d+: error xml-not-well-formed /m);
    });
  });

  test('every file is reported, and the others go on after a broken one', async () => {
    const edition = configuredEdition({
      ...refUnresolved.doc.passing,
      'broken.xml': '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>unclosed</TEI>',
      'bad-ref.xml': refUnresolved.doc.failing['doc001.xml']!.replace(/doc001/g, 'doc002'),
    });
    try {
      const t = fakeTerminal(edition.root);
      await run(['node', 'edition', 'validate'], t);
      expect(t.out).toMatch(/^tei\/broken\.xml:1:\d+: error xml-not-well-formed /m);
      expect(t.out).toMatch(/^tei\/bad-ref\.xml:\d+:\d+: error ref-unresolved /m);
    } finally {
      edition.cleanup();
    }
  });
});

describe('edition build of a foreign folder', () => {
  test('what is not well-formed is reported and left out, the rest is built and published, and the build exits 1; --strict writes nothing', async () => {
    const letter = (words: string): string => `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>${words}</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>${words}</p></body></text></TEI>`;
    await withForeignFolder({
      'a.xml': letter('Lieber Richard'),
      'b.xml': letter('Herzlichst'),
      'broken.xml': '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>unclosed</TEI>',
    }, async (root) => {
      const strict = fakeTerminal(root);
      expect((await run(['node', 'edition', 'build', '--src', 'foreign', '--out', 'strict-out', '--strict'], strict)).exitCode).toBe(1);
      expect(existsSync(join(root, 'strict-out'))).toBe(false);

      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'build', '--src', 'foreign', '--out', 'out'], t)).exitCode).toBe(1);
      expect(t.out).toMatch(/^foreign\/broken\.xml:1:\d+: error xml-not-well-formed /m);
      const out = join(root, 'out');
      for (const made of ['a.html', 'b.html', 'text/a.txt', 'json/b.json', 'index.html']) expect(existsSync(join(out, made)), made).toBe(true);
      expect(readFileSync(join(out, 'text/a.txt'), 'utf8')).toContain('Lieber Richard');
      expect(existsSync(join(out, 'broken.html'))).toBe(false);
    });
  }, 120_000);
});

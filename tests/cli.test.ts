import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
      expect(Object.keys(rows[0]!).sort()).toEqual(['acknowledged', 'column', 'file', 'line', 'message', 'rule', 'severity', 'source']);
      expect(rows[0]!['acknowledged']).toBe(false);
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
      const lines = t.out.trim().split('\n');
      expect(lines.slice(0, -1).map((l) => l.split(' ').slice(1, 3).join(' '))).toEqual(['warning pointer-unresolved']);
      expect(lines.at(-1)).toBe('1 file: 0 errors, 1 warning');
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
        '3 files: 0 errors, 1 warning',
      ]);
    });
  });

  test('a foreign folder is checked against a RelaxNG schema only when --schema names one; not well-formed is an error either way', async () => {
    await withForeignFolder({ 'odd.xml': '<TEI xmlns="http://www.tei-c.org/ns/1.0"><notTei/></TEI>' }, async (root) => {
      writeFileSync(join(root, 'strict.rng'), '<element name="TEI" ns="http://www.tei-c.org/ns/1.0" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>');
      const plain = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', 'foreign'], plain)).exitCode).toBe(0);
      expect(plain.out).toBe('1 file: 0 errors, 0 warnings\n');
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

/** A copy of this edition (sources, schema, configuration, acknowledgements); removed after `body`. */
async function withEditionCopy(body: (root: string) => Promise<void>): Promise<void> {
  const repo = resolve(import.meta.dirname, '..');
  const copy = mkdtempSync(join(tmpdir(), 'edition-tools-'));
  try {
    for (const part of ['tei', 'schema', 'edition.config.json', 'edition.acknowledged.json']) cpSync(join(repo, part), join(copy, part), { recursive: true });
    await body(copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The pretty output's message lines (everything before the summary). */
const messageLines = (out: string): string[] => out.trim().split('\n').slice(0, -1);

describe("the editor's tools", () => {
  test('one file of the edition is checked against the whole edition: its pointers into the registers resolve, and only its findings are shown', async () => {
    await withEditionCopy(async (root) => {
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', 'tei/doc068.xml'], t)).exitCode).toBe(0);
      expect(messageLines(t.out)).toEqual([]);
      expect(t.out.trim().split('\n').at(-1)).toBe('1 file: 0 errors, 2 warnings (2 acknowledged, not shown)');
      // A broken pointer in another file is not this file's finding; one in this file is.
      const other = join(root, 'tei/doc069.xml');
      writeFileSync(other, readFileSync(other, 'utf8').replace('persons.xml#trotsky', 'persons.xml#trotski'));
      const again = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', 'tei/doc068.xml'], again)).exitCode).toBe(0);
      const mine = join(root, 'tei/doc068.xml');
      writeFileSync(mine, readFileSync(mine, 'utf8').replace('persons.xml#stalin', 'persons.xml#stalinn'));
      const third = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', 'tei/doc068.xml'], third)).exitCode).toBe(1);
      expect(messageLines(third.out).every((l) => l.startsWith('tei/doc068.xml:') && l.includes('ref-unresolved'))).toBe(true);
      expect(messageLines(third.out).length).toBeGreaterThan(0);
    });
  }, 60_000);

  test('one typo, one message: a missing </p> in doc068 is one located error; the cross-document rules skip the file and say so once', async () => {
    await withEditionCopy(async (root) => {
      const file = join(root, 'tei/doc068.xml');
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines[79]).toMatch(/<\/p>$/);
      lines[79] = lines[79]!.replace(/<\/p>$/, '');
      writeFileSync(file, lines.join('\n'));
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate'], t)).exitCode).toBe(1);
      expect(messageLines(t.out)).toEqual([
        'tei/doc068.xml:101:13: error xml-not-well-formed <p> opened at line 80 is not closed: </div> found where </p> was expected (libxml2: Opening and ending tag mismatch: p line 80 and div; it reported 3 more errors, which follow from this one)',
      ]);
      expect(t.out.trim().split('\n').at(-1)).toBe('6 files: 1 error, 0 warnings; the cross-document rules skipped doc068.xml (not well-formed)');
      const json = fakeTerminal(root);
      await run(['node', 'edition', 'validate', '--format', 'json'], json);
      expect((JSON.parse(json.out) as Array<{ rule: string }>).map((r) => r.rule)).toEqual(['xml-not-well-formed']);
    });
  }, 60_000);

  test('a namespace error is one message: a file that is not well-formed gets no RelaxNG findings', async () => {
    await withEditionCopy(async (root) => {
      const file = join(root, 'tei/doc068.xml');
      const original = readFileSync(file, 'utf8');
      expect(original.split('\n')[89]).toBe('        <p>Let me know your thoughts.</p>');
      for (const [edit, column] of [['<p><foo:bar>x</foo:bar>Let me know', 20], ['<p xlink:href="x">Let me know', 26]] as const) {
        writeFileSync(file, original.replace('<p>Let me know', edit));
        const t = fakeTerminal(root);
        expect((await run(['node', 'edition', 'validate'], t)).exitCode).toBe(1);
        const lines = messageLines(t.out);
        expect(lines, edit).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^tei/doc068\\.xml:90:${column}: error xml-not-well-formed `));
        expect(t.out).not.toMatch(/relaxng-invalid|Relax-NG/);
        const json = fakeTerminal(root);
        await run(['node', 'edition', 'validate', '--format', 'json'], json);
        expect((JSON.parse(json.out) as Array<{ rule: string }>).map((r) => r.rule)).toEqual(['xml-not-well-formed']);
      }
    });
  }, 60_000);

  test("an invalid date is one message, the date rule's; a RelaxNG error about another attribute of the same element stays", async () => {
    await withEditionCopy(async (root) => {
      const file = join(root, 'tei/doc069.xml');
      const original = readFileSync(file, 'utf8');
      expect(original.split('\n')[90]).toContain('<date when="1920-03-21" cert="high" evidence="internal">');
      writeFileSync(file, original.replace('<date when="1920-03-21" cert="high"', '<date when="1920-02-30" cert="high"'));
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate'], t)).exitCode).toBe(1);
      expect(messageLines(t.out)).toEqual(['tei/doc069.xml:91:100: error date-invalid @when="1920-02-30" is not a valid date: 1920-02 has no day 30']);
      // The same element with a second mistake the rules do not know (libxml2 names the first invalid attribute
      // of an element only, so it comes first): that one is still RelaxNG's to report.
      writeFileSync(file, original.replace('<date when="1920-03-21" cert="high"', '<date cert="sure" when="1920-02-30"'));
      const both = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate'], both)).exitCode).toBe(1);
      const lines = messageLines(both.out);
      expect(lines.filter((l) => l.includes('date-invalid'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes('relaxng-invalid') && l.includes('cert'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes('relaxng-invalid') && / when /.test(l))).toEqual([]);
    });
  }, 60_000);

  test('list counts acknowledged warnings apart, as validate does, and lists a file it cannot read, exiting 1 as validate does', async () => {
    await withEditionCopy(async (root) => {
      type Row = { file: string; n: string | null; warnings: number; acknowledged: number; errors: number; readable: boolean };
      const clean = fakeTerminal(root);
      expect((await run(['node', 'edition', 'list', '--json'], clean)).exitCode).toBe(0);
      expect((JSON.parse(clean.out) as Row[]).map((r) => [r.file, r.n, r.warnings, r.acknowledged, r.errors, r.readable])).toEqual([
        ['doc068.xml', '68', 0, 2, 0, true],
        ['doc069.xml', '69', 0, 0, 0, true],
      ]);
      const table = fakeTerminal(root);
      expect((await run(['node', 'edition', 'list'], table)).exitCode).toBe(0);
      expect(table.out.split('\n')[0]).toMatch(/^No\.\s+Date\s+Sender\s+Recipient\s+Notes\s+Errors\s+Warnings\s+File$/);
      expect(table.out).toMatch(/^68 .* 0 +0 \(\+2 acknowledged\) +doc068\.xml$/m);
      expect(table.err).toBe('');

      const file = join(root, 'tei/doc068.xml');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines[79] = lines[79]!.replace(/<\/p>$/, '');
      writeFileSync(file, lines.join('\n'));
      const broken = fakeTerminal(root);
      expect((await run(['node', 'edition', 'list', '--json'], broken)).exitCode).toBe(1);
      expect((JSON.parse(broken.out) as Row[]).map((r) => [r.file, r.n, r.errors, r.readable])).toEqual([
        ['doc069.xml', '69', 0, true],
        ['doc068.xml', null, 1, false],
      ]);
      expect(broken.err).toBe('edition list: 1 file could not be read and is listed without details: doc068.xml (1 error); edition validate shows where\n');
      const brokenTable = fakeTerminal(root);
      expect((await run(['node', 'edition', 'list'], brokenTable)).exitCode).toBe(1);
      expect(brokenTable.out).toMatch(/^– .*not readable \(edition validate shows why\) .* 1 +0 +doc068\.xml$/m);
    });
  }, 60_000);

  test('the summary gives the cause of a skipped file: invalid bytes are "not readable", not "not well-formed"', async () => {
    await withEditionCopy(async (root) => {
      const file = join(root, 'tei/doc068.xml');
      writeFileSync(file, Buffer.from(readFileSync(file, 'latin1').replace('Let me know', 'Let m\u00f6w know'), 'latin1'));
      const other = join(root, 'tei/doc069.xml');
      writeFileSync(other, readFileSync(other, 'utf8').replace('</TEI>', ''));
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate'], t)).exitCode).toBe(1);
      expect(messageLines(t.out).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
        'tei/doc068.xml:90:17: error encoding-invalid',
        expect.stringMatching(/^tei\/doc069\.xml:\d+:\d+: error xml-not-well-formed$/),
      ]);
      expect(t.out.trim().split('\n').at(-1)).toBe('6 files: 2 errors, 0 warnings; the cross-document rules skipped doc068.xml (not readable: bytes not valid in its encoding) and doc069.xml (not well-formed)');
    });
  }, 60_000);

  test('a broken register is not blamed on every @ref that names it', async () => {
    await withEditionCopy(async (root) => {
      const file = join(root, 'tei/places.xml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('</listPlace>', ''));
      const t = fakeTerminal(root);
      await run(['node', 'edition', 'validate'], t);
      const rules = messageLines(t.out).map((l) => l.split(' ')[2]);
      expect(rules).toEqual(['xml-not-well-formed']);
      expect(t.out).toMatch(/^tei\/places\.xml:\d+:\d+: error xml-not-well-formed /m);
    });
  }, 60_000);

  test('acknowledged: the two documented defects are counted, not repeated; JSON keeps them with "acknowledged": true; --strict passes', async () => {
    await withEditionCopy(async (root) => {
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate', '--strict'], t)).exitCode).toBe(0);
      expect(t.out).toBe('6 files: 0 errors, 2 warnings (2 acknowledged, not shown)\n');
      const json = fakeTerminal(root);
      await run(['node', 'edition', 'validate', '--format', 'json'], json);
      const rows = JSON.parse(json.out) as Array<{ rule: string; acknowledged: boolean }>;
      expect(rows.map((r) => [r.rule, r.acknowledged])).toEqual([['note-number-gap', true], ['note-without-anchor', true]]);
      const github = fakeTerminal(root);
      await run(['node', 'edition', 'validate', '--format', 'github'], github);
      expect(github.out.trim()).toBe('');
    });
  }, 60_000);

  test('unset values: build names each with its rule and place; --strict makes them fail the build and writes nothing; set, they are gone', async () => {
    await withEditionCopy(async (root) => {
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'build', '--out', 'out'], t)).exitCode).toBe(0);
      expect(t.out).toMatch(/^edition\.config\.json:\d+:\d+: warning unset-base-url /m);
      expect(t.out).toMatch(/^edition\.config\.json:\d+:\d+: warning unset-licence /m);
      expect(t.out).toMatch(/^tei\/edition\.xml:18:\d+: warning placeholder-text Placeholder still in the source: "PLACEHOLDER: the names of this edition's editors/m);
      expect(t.out.match(/ placeholder-text /g)).toHaveLength(7);
      // The outputs leave them out: only the TEI downloads, the sources as they are, still hold them.
      const holding: string[] = [];
      const walk = (dir: string, rel: string): void => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const path = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) { if (path !== 'tei') walk(join(dir, e.name), path); }
          else if (!e.name.endsWith('.zip') && readFileSync(join(dir, e.name), 'utf8').includes('PLACEHOLDER')) holding.push(path);
        }
      };
      walk(join(root, 'out'), '');
      expect(holding).toEqual([]);
      const strict = fakeTerminal(root);
      expect((await run(['node', 'edition', 'build', '--out', 'strict-out', '--strict'], strict)).exitCode).toBe(1);
      expect(existsSync(join(root, 'strict-out'))).toBe(false);
      expect(strict.err).toMatch(/nothing written: --strict and 9 warnings/);
      // An unverified identifier is named too.
      const places = join(root, 'tei', 'places.xml');
      writeFileSync(places, readFileSync(places, 'utf8').replace('<idno type="geonames">524901</idno>', '<idno type="geonames" cert="low">524901</idno>'));
      // Set the base URL and the licence, replace the header's placeholders: nothing is left to name.
      const config = JSON.parse(readFileSync(join(root, 'edition.config.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(root, 'edition.config.json'), JSON.stringify({ ...config, baseUrl: 'https://example.net/edition/', licence: { url: 'https://creativecommons.org/licenses/by/4.0/', label: 'CC BY 4.0' } }, null, 2));
      const header = join(root, 'tei', 'edition.xml');
      writeFileSync(header, readFileSync(header, 'utf8').replace(/PLACEHOLDER: [^<]*/g, 'settled'));
      const set = fakeTerminal(root);
      expect((await run(['node', 'edition', 'build', '--out', 'set-out', '--strict'], set)).exitCode).toBe(1);
      expect(set.out).toMatch(/^tei\/places\.xml:\d+:\d+: warning unverified-identifier Identifier "524901" is not verified \(cert="low"\)/m);
      expect(set.out).not.toMatch(/unset-base-url|unset-licence|placeholder-text/);
      writeFileSync(places, readFileSync(places, 'utf8').replace(' cert="low"', ''));
      const clean = fakeTerminal(root);
      expect((await run(['node', 'edition', 'build', '--out', 'set-out', '--strict'], clean)).exitCode).toBe(0);
      const page = readFileSync(join(root, 'set-out', 'doc068.html'), 'utf8');
      expect(page).toContain('<a href="https://example.net/edition/doc068.html" class="permalink">https://example.net/edition/doc068.html</a>, accessed …');
      expect(page).toContain('<meta name="citation_public_url" content="https://example.net/edition/doc068.html">');
      const cmif = readFileSync(join(root, 'set-out', 'cmif.xml'), 'utf8');
      expect(cmif).toContain('https://example.net/edition/');
      expect(cmif).toContain('https://creativecommons.org/licenses/by/4.0/');
    });
  }, 300_000);

  test('acknowledged: a new finding is shown, also of an acknowledged rule in an acknowledged file; errors cannot be acknowledged', async () => {
    const edition = configuredEdition({
      ...noteWithoutAnchor.doc.failing,
      'doc001.xml': noteWithoutAnchor.doc.failing['doc001.xml']!.replace('</note></div>', '</note><note n="2"><p>Another.</p></note></div>'),
    });
    try {
      writeFileSync(join(edition.root, 'edition.acknowledged.json'), JSON.stringify({
        acknowledged: [
          { file: 'tei/doc001.xml', rule: 'note-without-anchor', message: 'Note 1 has no anchor in the text (no @target)', reason: 'as printed' },
          { file: 'tei/doc001.xml', rule: 'correspondent-missing', message: 'anything' },
        ],
      }));
      const t = fakeTerminal(edition.root);
      expect((await run(['node', 'edition', 'validate', '--strict'], t)).exitCode).toBe(1);
      // The entry that matches nothing is reported where it stands (acknowledgement-unused).
      expect(messageLines(t.out)).toEqual([
        'edition.acknowledged.json:1:153: warning acknowledgement-unused The acknowledgement of correspondent-missing in tei/doc001.xml ("anything") matches no finding: the defect is fixed or its message has changed; remove the entry, or copy the new message from edition validate --format json',
        expect.stringMatching(/^tei\/doc001\.xml:\d+:\d+: warning note-without-anchor Note 2 has no anchor/),
      ]);
      expect(t.out.trim().split('\n').at(-1)).toBe('2 files: 0 errors, 3 warnings (1 acknowledged, not shown)');

      const refEdition = configuredEdition(refUnresolved.doc.failing);
      try {
        writeFileSync(join(refEdition.root, 'edition.acknowledged.json'), JSON.stringify({
          acknowledged: [{ file: 'tei/doc001.xml', rule: 'ref-unresolved', message: refUnresolved.doc.message }],
        }));
        const e = fakeTerminal(refEdition.root);
        expect((await run(['node', 'edition', 'validate'], e)).exitCode).toBe(1);
        // The error is shown; the entry that tries to acknowledge it is named as one that cannot.
        expect(messageLines(e.out)).toEqual([
          expect.stringMatching(/^edition\.acknowledged\.json:1:18: warning acknowledgement-unused The acknowledgement of ref-unresolved in tei\/doc001\.xml \(".*"\) names an error, and only warnings can be acknowledged/),
          expect.stringMatching(/^tei\/doc001\.xml:\d+:\d+: error ref-unresolved /),
        ]);
      } finally {
        refEdition.cleanup();
      }
    } finally {
      edition.cleanup();
    }
  });

  test('acknowledged: an entry that matches no finding is a warning at its line and column in edition.acknowledged.json, so a fixed defect does not stay acknowledged', async () => {
    await withEditionCopy(async (root) => {
      const ackFile = join(root, 'edition.acknowledged.json');
      writeFileSync(ackFile, readFileSync(ackFile, 'utf8').replace('Note 3 is missing: the notes go from 2 to 4', 'Note 3 is lost'));
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'validate'], t)).exitCode).toBe(0);
      expect(messageLines(t.out)).toEqual([
        'edition.acknowledged.json:3:5: warning acknowledgement-unused The acknowledgement of note-number-gap in tei/doc068.xml ("Note 3 is lost") matches no finding: the defect is fixed or its message has changed; remove the entry, or copy the new message from edition validate --format json',
        'tei/doc068.xml:113:9: warning note-number-gap Note 3 is missing: the notes go from 2 to 4',
      ]);
      expect((await run(['node', 'edition', 'validate', '--strict'], fakeTerminal(root))).exitCode).toBe(1);
      // The second entry, now a fixed defect (its note anchored), is named at its own place.
      const doc = join(root, 'tei/doc068.xml');
      writeFileSync(ackFile, readFileSync(join(resolve(import.meta.dirname, '..'), 'edition.acknowledged.json'), 'utf8').replace('"file": "tei/doc068.xml",\n      "rule": "note-without-anchor"', '"file": "tei/doc099.xml",\n      "rule": "note-without-anchor"'));
      const missing = fakeTerminal(root);
      await run(['node', 'edition', 'validate'], missing);
      expect(messageLines(missing.out)).toEqual([
        expect.stringMatching(/^edition\.acknowledged\.json:9:5: warning acknowledgement-unused The acknowledgement of note-without-anchor in tei\/doc099\.xml \("Note 5 has no anchor in the text \(no @target\)"\) matches no finding: there is no file tei\/doc099\.xml among the sources/),
        'tei/doc068.xml:116:9: warning note-without-anchor Note 5 has no anchor in the text (no @target)',
      ]);
      // Checking one other file says nothing about entries of files not checked; an unreadable file's entries wait until it is readable.
      const one = fakeTerminal(root);
      await run(['node', 'edition', 'validate', 'tei/doc069.xml'], one);
      expect(one.out).not.toContain('acknowledgement-unused');
      writeFileSync(ackFile, readFileSync(join(resolve(import.meta.dirname, '..'), 'edition.acknowledged.json'), 'utf8'));
      writeFileSync(doc, readFileSync(doc, 'utf8').replace('<p>Let me know', '<p>Marx & Engels'));
      const broken = fakeTerminal(root);
      await run(['node', 'edition', 'validate'], broken);
      expect(broken.out).not.toContain('acknowledgement-unused');
      expect(messageLines(broken.out)).toHaveLength(1);
    });
  }, 60_000);

  test('a malformed acknowledgements file is a usage error', async () => {
    const edition = configuredEdition(noteWithoutAnchor.doc.failing);
    try {
      writeFileSync(join(edition.root, 'edition.acknowledged.json'), '{"acknowledged": [{"file": "tei/doc001.xml"}]}');
      const t = fakeTerminal(edition.root);
      expect((await run(['node', 'edition', 'validate'], t)).exitCode).toBe(2);
      expect(t.err).toContain('acknowledged[0] needs "file", "rule" and "message"');
    } finally {
      edition.cleanup();
    }
  });

  test('summary last, on stdout when piped, with the grammar right', async () => {
    const one = configuredEdition(refUnresolved.doc.failing);
    try {
      const t = fakeTerminal(one.root); // not a TTY: as when piped
      await run(['node', 'edition', 'validate'], t);
      const lines = t.out.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/ error ref-unresolved /);
      expect(lines[1]).toBe('2 files: 1 error, 0 warnings');
      const json = fakeTerminal(one.root);
      await run(['node', 'edition', 'validate', '--format', 'json'], json);
      expect(() => JSON.parse(json.out) as unknown).not.toThrow(); // no summary in machine formats
    } finally {
      one.cleanup();
    }
    const two = configuredEdition({
      ...refUnresolved.doc.failing,
      'doc002.xml': refUnresolved.doc.failing['doc001.xml']!.replace(/doc001/g, 'doc002'),
    });
    try {
      const t = fakeTerminal(two.root);
      await run(['node', 'edition', 'validate'], t);
      expect(t.out.trim().split('\n').at(-1)).toBe('3 files: 2 errors, 0 warnings');
    } finally {
      two.cleanup();
    }
  });
});

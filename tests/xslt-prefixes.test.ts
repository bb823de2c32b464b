// Every prefix a stylesheet module uses in the QNames of its declarations (mode, name, as the
// instructions that name modes, templates and functions) is declared in that module. xslt3, which
// compiles for SaxonJS, let `mode="m:html m:plain"` through in a module without xmlns:m; Saxon-HE
// refuses the module (XTSE0550), and the stylesheets must run under both.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', 'xslt');

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : name.endsWith('.xsl') ? [path] : [];
  });
}

test('each module declares the prefixes of the modes, templates, functions and variables it names', () => {
  const undeclared: string[] = [];
  for (const file of modules(root)) {
    const text = readFileSync(file, 'utf8');
    const declared = new Set([...text.matchAll(/xmlns:([A-Za-z][\w.-]*)\s*=/g)].map((m) => m[1]!));
    declared.add('xml');
    for (const m of text.matchAll(/<xsl:[\w-]+\b[^>]*?\s(mode|name)\s*=\s*"([^"]*)"/g)) {
      for (const token of m[2]!.split(/\s+/)) {
        const prefix = /^([A-Za-z][\w.-]*):[A-Za-z_]/.exec(token)?.[1];
        if (prefix && !declared.has(prefix)) undeclared.push(`${relative(root, file)}: ${m[1]}="${m[2]}" uses ${prefix}:`);
      }
    }
  }
  expect(undeclared).toEqual([]);
});

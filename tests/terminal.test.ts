/** Colour follows NO_COLOR and the TTY; formatted messages carry colour only when asked. */
import { afterEach, describe, expect, test } from 'vitest';
import { processTerminal } from '../src/cli/terminal.js';
import { ansiColours, formatPretty } from '../src/diagnostics/format.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';

const tty = process.stdout.isTTY;
const noColor = process.env['NO_COLOR'];
afterEach(() => {
  process.stdout.isTTY = tty;
  if (noColor === undefined) delete process.env['NO_COLOR'];
  else process.env['NO_COLOR'] = noColor;
});

const message: Diagnostic = { file: 'tei/doc068.xml', line: 3, column: 5, severity: 'warning', rule: 'note-number-gap', source: 'edition', message: 'Note 3 is missing' };

describe('colour', () => {
  test('on a terminal without NO_COLOR, messages are coloured', () => {
    process.stdout.isTTY = true;
    delete process.env['NO_COLOR'];
    expect(processTerminal().colours).toBe(ansiColours);
    expect(formatPretty([message], process.cwd(), ansiColours)).toContain('\u001b[33mwarning\u001b[39m');
  });

  test('NO_COLOR turns colour off, and so does a pipe', () => {
    process.stdout.isTTY = true;
    process.env['NO_COLOR'] = '1';
    expect(processTerminal().colours).toBeUndefined();
    delete process.env['NO_COLOR'];
    process.stdout.isTTY = false;
    expect(processTerminal().colours).toBeUndefined();
    expect(formatPretty([message], process.cwd())).toBe('tei/doc068.xml:3:5: warning note-number-gap Note 3 is missing');
  });
});

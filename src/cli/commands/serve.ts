import { resolve } from 'node:path';
import { Command } from 'commander';
import { resolveProfile } from '../../config.js';
import { count, formatDiagnostics } from '../../diagnostics/format.js';
import { startPreview } from '../../serve/server.js';
import type { Terminal } from '../terminal.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { BuildResult } from '../../site/index.js';

/** What the terminal lists after a build: its messages, the unset values among them as edition build names them (validate does not: README, "Unset values"). */
export function serveMessages(result: Pick<BuildResult, 'validation' | 'unsetValues' | 'problems'>): Diagnostic[] {
  return [...result.validation.diagnostics, ...result.unsetValues, ...result.problems];
}

export function serveCommand(terminal: Terminal, setExitCode: (code: number) => void): Command {
  return new Command('serve')
    .description('build, serve the edition on loopback, and rebuild and reload on every change')
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--out <dir>', 'output folder (default: the configured one)')
    .option('--config <file>', 'edition configuration (default: ./edition.config.json)')
    .action(async (opts: { port: string; host: string; out?: string; config?: string }) => {
      const config = resolveProfile({ cwd: terminal.cwd, ...(opts.config ? { config: opts.config } : {}) });
      const preview = await startPreview({
        config,
        port: Number(opts.port),
        host: opts.host,
        cwd: terminal.cwd,
        ...(opts.out ? { out: resolve(terminal.cwd, opts.out) } : {}),
        onBuild: (result, build, ms) => {
          const messages = serveMessages(result);
          // Acknowledged findings are not repeated (formatDiagnostics leaves them out).
          const text = formatDiagnostics(messages, 'pretty', { cwd: terminal.cwd, ...(terminal.colours ? { colours: terminal.colours } : {}) });
          if (text) terminal.stdout(`${text}\n`);
          terminal.stderr(
            result.published
              ? `build ${build}: ${result.transformed} of ${result.documents} documents transformed in ${ms} ms\n`
              : `build ${build}: not published, ${count(messages.filter((m) => m.severity === 'error').length, 'error')} (the browser shows them)\n`,
          );
        },
        onBuildFailure: (error) => terminal.stderr(`build failed: ${error.message}\n`),
      });
      terminal.stderr(`serving ${preview.url} — Ctrl-C stops\n`);
      await new Promise<void>((stop) => {
        const onSignal = (): void => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          stop();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      await preview.close();
      terminal.stderr('stopped\n');
      setExitCode(0);
    });
}

#!/usr/bin/env node
import { run } from '../build/cli/main.js';

// A reader that stops early (`edition rules | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { exitCode } = await run(process.argv);
process.exitCode = exitCode;

#!/usr/bin/env node
import { run } from '../build/cli/main.js';

const { exitCode } = await run(process.argv);
process.exitCode = exitCode;

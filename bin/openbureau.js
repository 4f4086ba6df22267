#!/usr/bin/env node
// The openbureau command. Runs the compiled CLI (built by `npm install` through the prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`openbureau: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

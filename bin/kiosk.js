#!/usr/bin/env node
// Entry point of the `kiosk` command: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../runtime/cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;

#!/usr/bin/env node
// pressx command-line entry point. The TypeScript sources are compiled to dist/ by `npm ci`
// (the package's "prepare" script); this file only loads them.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('pressx: dist/ is missing; run `npm ci` (or `npm run build`) in the pressx folder first\n');
  process.exit(2);
}
const { main } = await import(cli.href);
await main(process.argv);

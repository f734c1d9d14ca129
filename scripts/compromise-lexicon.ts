// Writes models/compromise-lex.txt.gz: compromise's English lexicon (word, tab, its tags joined by commas; one entry a
// line, in the package's order). pressx reads its given names, family names, organizations, places and dictionary
// words from this file (src/extract/entities/lexicon.ts) instead of loading compromise into every worker (about 45 MB
// each). Run after upgrading compromise: `npm run lexicon`; a test checks the file against the installed package.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { lexiconText } from '../src/extract/entities/lexicon-source.js';

const out = fileURLToPath(new URL('../models/compromise-lex.txt.gz', import.meta.url));
const text = await lexiconText();
writeFileSync(out, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
console.log(`models/compromise-lex.txt.gz: ${text.split('\n').length - 1} entries`);

// Writes models/eld-xs.json.gz: eld's extra-small n-gram database in the compact form src/extract/eld-data.ts loads
// (about 3 MB of heap a worker instead of 29). Run after upgrading eld: `npm run eld-data`; a test checks the file
// against the installed package.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ELD_DATA_PATH, eldPackageData } from '../src/extract/eld-data.js';

const data = await eldPackageData();
for (const [ngram, pairs] of data.ngrams) {
  if (pairs.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) throw new Error(`eld-data: ${JSON.stringify(ngram)} has a value outside 0-255`);
}
writeFileSync(ELD_DATA_PATH, gzipSync(Buffer.from(JSON.stringify(data), 'utf8'), { level: 9 }));
console.log(`models/eld-xs.json.gz: ${data.ngrams.length} n-grams`);

// Measures the figures stage before the CLI exists.
// usage: npx tsx scripts/eval-figures.ts [seeds|en|fr|de|es|pt|all] [--verbose] [--speed]
//   seeds: ../shared/seeds (language detected with franc, as the pipeline would);
//   en…pt: ../shared/corpora/recognizers-figures-<lang> (language from the corpus name).
// Writes NDJSON records to /tmp/pressx-figures-<set>.ndjson and scores them with shared/tools/score.mjs.
// --speed: MB/s on the seed texts repeated to about 8 MB (English and French releases).
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { franc } from 'franc';
import { readCorpus, readSeeds, SHARED } from './corpus.js';
import { extractFigures } from '../src/extract/figures.js';

const SCORE = join(SHARED, 'tools/score.mjs');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const speed = args.includes('--speed');
const sets = args.filter((a) => !a.startsWith('--'));
const wanted = sets.length === 0 || sets.includes('all') ? ['seeds', 'en', 'fr', 'de', 'es', 'pt'] : sets;

const ISO3: Record<string, string> = { eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', nld: 'nl' };

interface Doc { uri: string; text: string; lang: string }

function seeds(): Doc[] {
  return readSeeds().docs.map((d) => ({ uri: d.id, text: d.text, lang: ISO3[franc(d.text)] ?? 'und' }));
}

function corpus(lang: string): { docs: Doc[]; gold: string } {
  const { docs, goldPath } = readCorpus(`recognizers-figures-${lang}`);
  return { docs: docs.map((d) => ({ uri: d.id, text: d.text, lang })), gold: goldPath };
}

function run(name: string, docs: Doc[], gold: string): void {
  const out = `/tmp/pressx-figures-${name}.ndjson`;
  let bad = 0;
  const lines = docs.map((d) => {
    const figures = extractFigures(d.text, d.lang);
    for (const f of figures) if (d.text.slice(f.start, f.end) !== f.text) bad++;
    return JSON.stringify({ source: { uri: d.uri }, status: 'ok', text: d.text, figures });
  });
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`== ${name} (${docs.length} docs)${bad ? `  OFFSET ERRORS: ${bad}` : ''}`);
  const res = execFileSync('node', [SCORE, out, gold, ...(verbose ? ['--verbose'] : [])], { encoding: 'utf8' });
  console.log(res.split('\n').filter((l) => verbose || /figure/i.test(l)).join('\n'));
}

for (const set of wanted) {
  if (set === 'seeds') run('seeds', seeds(), join(SHARED, 'seeds'));
  else { const c = corpus(set); run(set, c.docs, c.gold); }
}

if (speed) {
  const docs = seeds();
  for (const lang of ['en', 'fr']) {
    const base = docs.filter((d) => d.lang === lang).map((d) => d.text).join('\n\n');
    const big = base.repeat(Math.ceil(8e6 / base.length));
    extractFigures(base, lang); // warm up
    const t0 = performance.now();
    const n = extractFigures(big, lang).length;
    const ms = performance.now() - t0;
    console.log(`speed ${lang}: ${(big.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms = ${(big.length / 1e6 / (ms / 1000)).toFixed(2)} MB/s (${n} figures)`);
  }
}

// Runs extractDates on the seeds and the dev corpora and scores them with ../shared/tools/score.mjs.
// usage: npx tsx scripts/eval-dates.ts [name …] [--verbose] [--speed]
//   names: seeds, tempeval3-en, timebank-fr, … (default: all date corpora)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractDates } from '../src/extract/dates.js';
import { readCorpus, readSeeds, SHARED } from './corpus.js';

const OUT = '/tmp/pressx-eval-dates';
const ALL = [
  'seeds', 'tempeval3-en', 'timebank-fr', 'timebank-es', 'meantime-en', 'meantime-es',
  'recognizers-dates-en', 'recognizers-dates-fr', 'recognizers-dates-de', 'recognizers-dates-es', 'recognizers-dates-pt',
];
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const speed = args.includes('--speed');
const names = args.filter((a) => !a.startsWith('--'));
mkdirSync(OUT, { recursive: true });

interface Doc { id: string; text: string; published: string | null; lang: string }

function load(name: string): { docs: Doc[]; gold: string } {
  const { docs, goldPath } = name === 'seeds' ? readSeeds() : readCorpus(name);
  return { docs: docs.map((d) => ({ ...d, lang: d.lang === 'und' ? 'en' : d.lang })), gold: goldPath };
}

for (const name of names.length ? names : ALL) {
  const { docs, gold } = load(name);
  const lines = docs.map((d) => {
    const dates = extractDates(d.text, d.lang, d.published);
    for (const x of dates) if (d.text.slice(x.start, x.end) !== x.text) throw new Error(`offset mismatch in ${d.id}`);
    return JSON.stringify({ source: { uri: d.id }, status: 'ok', text: d.text, dates });
  });
  const out = join(OUT, `${basename(name)}.ndjson`);
  writeFileSync(out, lines.join('\n') + '\n');
  const res = execFileSync('node', [join(SHARED, 'tools/score.mjs'), out, gold, ...(verbose ? ['--verbose'] : [])], { encoding: 'utf8' });
  const pick = res.split('\n').filter((l) => verbose ? !/^(entities|figures|figure units|aliases|fragments|truncations|text as|language|kind)/.test(l) : /^dates/.test(l));
  console.log(`== ${name}`);
  console.log(pick.join('\n'));
}

if (speed) {
  const seeds = load('seeds').docs;
  for (const lang of ['en', 'fr']) {
    const big = seeds.map((d) => d.text).join('\n\n').repeat(60);
    extractDates(big.slice(0, 20000), lang, '2023-05-01');
    const t0 = performance.now();
    let n = 0;
    for (let i = 0; i < 3; i++) n += extractDates(big, lang, '2023-05-01').length;
    const s = (performance.now() - t0) / 1000;
    console.log(`speed ${lang}: ${((3 * big.length) / 1e6 / s).toFixed(2)} MB/s (${(big.length / 1e6).toFixed(2)} MB x3, ${n} dates)`);
  }
}

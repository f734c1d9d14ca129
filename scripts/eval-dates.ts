// Runs extractDates on the seeds and the dev corpora and scores them with /work/shared/tools/score.mjs.
// usage: npx tsx scripts/eval-dates.ts [name …] [--verbose] [--speed]
//   names: seeds, tempeval3-en, timebank-fr, … (default: all date corpora)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractDates } from '../src/extract/dates.js';

const SHARED = '/work/shared';
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

function langOf(name: string): string {
  const m = /-(en|fr|de|es|pt)$/.exec(name);
  return m ? m[1] : 'en';
}

function load(name: string): { docs: Doc[]; gold: string } {
  if (name === 'seeds') {
    const dir = join(SHARED, 'seeds');
    const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
      const g = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.gold.json')), 'utf8'));
      return { id: f, text: readFileSync(join(dir, f), 'utf8'), published: null, lang: g.language ?? 'en' };
    });
    return { docs, gold: dir };
  }
  const dir = join(SHARED, 'corpora', name);
  const docs = readFileSync(join(dir, 'input.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
    const o = JSON.parse(l);
    return { id: o.id, text: o.text, published: o.published ?? null, lang: langOf(name) };
  });
  return { docs, gold: join(dir, `${name}.gold.ndjson`) };
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

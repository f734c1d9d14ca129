// Measures the figures stage before the CLI exists.
// usage: npx tsx scripts/eval-figures.ts [seeds|en|fr|de|es|pt|all] [--verbose] [--speed]
//   seeds: /work/shared/seeds (language detected with franc, as the pipeline would);
//   en…pt: /work/shared/corpora/recognizers-figures-<lang> (language from the corpus name).
// Writes NDJSON records to /tmp/pressx-figures-<set>.ndjson and scores them with shared/tools/score.mjs.
// --speed: MB/s on the seed texts repeated to about 8 MB (English and French releases).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { franc } from 'franc';
import { extractFigures } from '../src/extract/figures.js';

const SHARED = '/work/shared';
const SCORE = join(SHARED, 'tools/score.mjs');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const speed = args.includes('--speed');
const sets = args.filter((a) => !a.startsWith('--'));
const wanted = sets.length === 0 || sets.includes('all') ? ['seeds', 'en', 'fr', 'de', 'es', 'pt'] : sets;

const ISO3: Record<string, string> = { eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', nld: 'nl' };

interface Doc { uri: string; text: string; lang: string }

function seeds(): Doc[] {
  const dir = join(SHARED, 'seeds');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    return { uri: f, text, lang: ISO3[franc(text)] ?? 'und' };
  });
}

function corpus(lang: string): { docs: Doc[]; gold: string } {
  const dir = join(SHARED, 'corpora', `recognizers-figures-${lang}`);
  const docs = readFileSync(join(dir, 'input.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string }).map((o) => ({ uri: o.id, text: o.text, lang }));
  return { docs, gold: join(dir, `recognizers-figures-${lang}.gold.ndjson`) };
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

// Runs extractEntities over the seeds or a dev corpus and writes NDJSON records for shared/tools/score.mjs.
// usage: npx tsx scripts/eval-entities.ts seeds|<corpus> OUT.ndjson [--untyped=organization|none] [--compromise=type|add] [--tagger=add|lead|off] [--tagger-score=S] [--speed]
import { writeFileSync } from 'node:fs';
import { readCorpus, readSeeds } from './corpus.js';
import { extractEntities, type EntityOptions } from '../src/extract/entities.js';

const [set = 'seeds', out = '/tmp/entities.ndjson', ...flags] = process.argv.slice(2);
const opts: EntityOptions = {};
for (const f of flags) {
  if (f.startsWith('--compromise=')) opts.compromise = f.slice(13) as 'type' | 'add';
  if (f.startsWith('--tagger=')) { const v = f.slice(9); opts.tagger = v === 'off' ? false : (v as 'add' | 'lead'); }
  if (f.startsWith('--tagger-score=')) opts.taggerScore = Number(f.slice(15));
  if (f.startsWith('--tagger-common=')) opts.taggerCommonScore = Number(f.slice(16));
  if (f.startsWith('--untyped=')) { const v = f.slice(10); opts.untyped = v === 'none' ? null : (v as EntityOptions['untyped']); }
}

interface Doc { id: string; text: string; lang: string }
const docs: Doc[] = (set === 'seeds' ? readSeeds() : readCorpus(set)).docs.map((d) => ({ id: d.id, text: d.text, lang: d.lang === 'und' ? 'en' : d.lang }));

const lines: string[] = [];
let bad = 0;
const t0 = performance.now();
for (const d of docs) {
  const entities = extractEntities(d.text, d.lang, opts);
  for (const e of entities) for (const m of e.mentions) if (m.start < 0 || m.end > d.text.length || m.end <= m.start) bad++;
  lines.push(JSON.stringify({ source: { uri: d.id }, status: 'ok', text: d.text, entities }));
}
const ms = performance.now() - t0;
writeFileSync(out, lines.join('\n') + '\n');
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
console.error(`${docs.length} docs, ${(bytes / 1e6).toFixed(3)} MB in ${ms.toFixed(0)} ms = ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s; bad offsets ${bad}`);

if (flags.includes('--speed')) {
  // Speed on the seeds repeated: one long stream of documents, warm.
  const all = docs.map((d) => d);
  const reps = 40;
  const t1 = performance.now();
  for (let r = 0; r < reps; r++) for (const d of all) extractEntities(d.text, d.lang, opts);
  const s = (performance.now() - t1) / 1000;
  console.error(`speed: ${((bytes * reps) / 1e6 / s).toFixed(2)} MB/s over ${reps} repetitions`);
}

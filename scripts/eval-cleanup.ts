// Runs cleanup() over the seeds and the ftfy-mojibake corpus and writes NDJSON for shared/tools/score.mjs.
// usage: npx tsx scripts/eval-cleanup.ts [outdir]   (default /tmp/eval-cleanup)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readCorpus, readSeeds, SHARED } from './corpus.js';
import { cleanup } from '../src/extract/cleanup.js';

const outDir = process.argv[2] ?? '/tmp/eval-cleanup';
mkdirSync(outDir, { recursive: true });

const record = (uri: string, r: ReturnType<typeof cleanup>) =>
  JSON.stringify({ source: { uri }, status: 'ok', text: r.text, kind: r.kind, title: r.title, dateline: r.dateline, removed: r.removed, repairs: r.repairs, truncated: r.truncated });

// Seeds (language from the gold file is not used: pass 'und' unless the record says otherwise).
const { docs: seedDocs, goldPath: seedDir } = readSeeds();
const seedOut: string[] = [];
const titles: string[] = [];
for (const { id: f, text: raw, gold: g } of seedDocs) {
  const gold = g as { title?: string | null; dateline?: { place?: string; source?: string } };
  const r = cleanup(raw, seedDocs.find((d) => d.id === f)!.lang);
  seedOut.push(record(f, r));
  const tOk = (gold.title ?? null) === r.title;
  const dOk = gold.dateline === undefined ? (r.dateline === null ? 'ok' : `extra ${JSON.stringify(r.dateline)}`) : r.dateline && r.dateline.place === gold.dateline.place && (gold.dateline.source === undefined || r.dateline.source === gold.dateline.source) ? 'ok' : `want ${JSON.stringify(gold.dateline)} got ${JSON.stringify(r.dateline)}`;
  titles.push(`${f}: title ${tOk ? 'ok' : `want ${JSON.stringify(gold.title)} got ${JSON.stringify(r.title)}`}; dateline ${dOk}`);
}
writeFileSync(join(outDir, 'seeds.ndjson'), seedOut.join('\n') + '\n');

const corp = 'ftfy-mojibake';
const lines = readCorpus(corp).docs.map((d) => JSON.stringify({ id: d.id, text: d.text }));
const t0 = performance.now();
let bytes = 0;
const out: string[] = [];
for (const l of lines) {
  const d = JSON.parse(l);
  bytes += Buffer.byteLength(d.text);
  out.push(record(d.id, cleanup(d.text, 'und')));
}
const ms = performance.now() - t0;
writeFileSync(join(outDir, `${corp}.ndjson`), out.join('\n') + '\n');

const score = (recs: string, gold: string) => execFileSync('node', [join(SHARED, 'tools/score.mjs'), recs, gold, '--verbose'], { encoding: 'utf8' });
console.log('== seeds');
console.log(titles.join('\n'));
console.log(score(join(outDir, 'seeds.ndjson'), seedDir).split('\n').filter((x) => !/^(entities|dates|figures|figure units|aliases|language)/.test(x) && !/missed (organization|person|place|product|event|dates|figures)/.test(x)).join('\n'));
console.log(`== ${corp} (${lines.length} docs, ${(bytes / 1024).toFixed(1)} kB in ${ms.toFixed(1)} ms)`);
console.log(score(join(outDir, `${corp}.ndjson`), join(SHARED, 'corpora', corp, `${corp}.gold.ndjson`)).split('\n').filter((x) => /text|documents/.test(x)).join('\n'));

// Throughput on a synthetic release-like text.
const big = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedDir, f), 'utf8')).join('\n\n').repeat(40);
const t1 = performance.now();
cleanup(big, 'en');
const secs = (performance.now() - t1) / 1000;
console.log(`== speed: ${(Buffer.byteLength(big) / 1e6).toFixed(2)} MB in ${(secs * 1000).toFixed(0)} ms = ${(Buffer.byteLength(big) / 1e6 / secs).toFixed(1)} MB/s`);

// Evaluate language identification on a corpus directory holding input.jsonl ({id, text} a line) and
// a *.gold.ndjson ({file, language} a line).
//
//   npx tsx scripts/eval-langid.ts [corpus-dir] [--variant=NAME|all] [--out=records.ndjson] [--errors=N]
//
// Prints accuracy overall and per language, the commonest confusions and throughput (sentences/s,
// MB/s). --out writes pressx-shaped records for shared/tools/score.mjs.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './corpus.js';
import { detectLanguageWith, type LangIdVariant } from '../src/extract/language.js';

const VARIANTS: LangIdVariant[] = ['franc', 'franc-script', 'franc-script-markers', 'eld', 'eld-script', 'combined'];

const args = process.argv.slice(2);
const opt = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dir = args.find((a) => !a.startsWith('--')) ?? join(SHARED, 'corpora', 'ud-langid');
const variantArg = opt('variant') ?? 'combined';
const variants = variantArg === 'all' ? VARIANTS : [variantArg as LangIdVariant];
const outPath = opt('out');
const showErrors = Number(opt('errors') ?? 0);

const inputs = readFileSync(join(dir, 'input.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string });
const goldFile = readdirSync(dir).find((f) => f.endsWith('.gold.ndjson'));
const gold = new Map<string, string>();
if (goldFile) {
  for (const l of readFileSync(join(dir, goldFile), 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const g = JSON.parse(l) as { file: string; language?: string };
    if (g.language) gold.set(g.file, g.language);
  }
}
const bytes = inputs.reduce((a, d) => a + Buffer.byteLength(d.text, 'utf8'), 0);

for (const variant of variants) {
  // Warm-up (module data, JIT) outside the timed loop.
  for (const d of inputs.slice(0, 50)) detectLanguageWith(d.text, variant);
  const preds: string[] = new Array(inputs.length);
  const confs: number[] = new Array(inputs.length);
  const t0 = performance.now();
  for (let i = 0; i < inputs.length; i++) {
    const r = detectLanguageWith(inputs[i].text, variant);
    preds[i] = r.code;
    confs[i] = r.confidence;
  }
  const ms = performance.now() - t0;

  const per = new Map<string, { ok: number; n: number }>();
  const confusions = new Map<string, number>();
  const errors: string[] = [];
  let ok = 0;
  let n = 0;
  for (let i = 0; i < inputs.length; i++) {
    const g = gold.get(inputs[i].id);
    if (!g) continue;
    n++;
    const e = per.get(g) ?? { ok: 0, n: 0 };
    e.n++;
    if (preds[i] === g) { ok++; e.ok++; } else {
      const k = `${g}>${preds[i]}`;
      confusions.set(k, (confusions.get(k) ?? 0) + 1);
      if (errors.length < showErrors) errors.push(`${inputs[i].id} ${g}>${preds[i]} (${confs[i]}): ${inputs[i].text.slice(0, 120)}`);
    }
    per.set(g, e);
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) : 'n/a');
  console.log(`\n== ${variant} ==`);
  console.log(`accuracy ${pct(ok, n)}% (${ok}/${n})`);
  console.log(
    'per language: ' +
      [...per.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([l, e]) => `${l} ${pct(e.ok, e.n)}`).join(' | '),
  );
  console.log(
    'confusions (gold>pred): ' +
      [...confusions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${k}:${v}`).join(' '),
  );
  console.log(
    `throughput: ${inputs.length} docs in ${(ms / 1000).toFixed(2)} s = ${Math.round((inputs.length / ms) * 1000)} docs/s, ` +
      `${((bytes / 1e6 / ms) * 1000).toFixed(2)} MB/s`,
  );
  for (const e of errors) console.log('  ' + e);
  // Press-release-sized documents: sentences of one language joined until >= 5 kB.
  const docs: { lang: string; text: string }[] = [];
  const buf = new Map<string, string>();
  for (const d of inputs) {
    const g = gold.get(d.id);
    if (!g) continue;
    const t = (buf.get(g) ?? '') + d.text + ' ';
    if (Buffer.byteLength(t) >= 5000) { docs.push({ lang: g, text: t }); buf.set(g, ''); } else buf.set(g, t);
  }
  if (docs.length) {
    const dbytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text, 'utf8'), 0);
    let dok = 0;
    const t1 = performance.now();
    for (const d of docs) if (detectLanguageWith(d.text, variant).code === d.lang) dok++;
    const dms = performance.now() - t1;
    console.log(
      `5 kB documents: accuracy ${pct(dok, docs.length)}% (${dok}/${docs.length}); ` +
        `${Math.round((docs.length / dms) * 1000)} docs/s, ${((dbytes / 1e6 / dms) * 1000).toFixed(2)} MB/s of input`,
    );
  }
  if (outPath && variants.length === 1) {
    const lines = inputs.map((d, i) =>
      JSON.stringify({ source: { uri: d.id }, status: 'ok', language: { code: preds[i], confidence: confs[i] } }),
    );
    writeFileSync(outPath, lines.join('\n') + '\n');
    console.log(`records written to ${outPath}`);
  }
}

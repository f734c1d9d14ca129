// Trains one entity-tagger model per language from ../shared/corpora/*/raw/*.train and writes models/<lang>.bin.
// usage: npm run train [-- --langs=en,es,nl] [--epochs=N] [--bits=N] [--check]
//   --check: also trains on 90% of the sentences and prints span F1 on the other 10% (float and quantized weights).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tagLexicon } from '../src/extract/tagger/features.js';
import { deserialize, serialize, spansOf, tagWords, type TaggerModel } from '../src/extract/tagger/model.js';
import { readConll, train, type Sentence } from '../src/extract/tagger/train.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = resolve(root, '..', 'shared', 'corpora');
const SOURCES: Record<string, string> = {
  en: 'conll2003-en/raw/eng.train',
  es: 'conll2002-es/raw/esp.train',
  nl: 'conll2002-nl/raw/ned.train',
};
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const langs = (arg('langs') ?? 'en,es,nl').split(',');
const epochs = Number(arg('epochs') ?? 8);
const bits = Number(arg('bits') ?? 19);
const seed = 1;

function spanF1(model: TaggerModel, test: Sentence[], lang: string): string {
  const lx = tagLexicon(lang);
  let tp = 0, pn = 0, gn = 0;
  for (const s of test) {
    const pred = spansOf(tagWords(model, s.words, lx)).map((x) => `${x.start}:${x.end}:${x.type}`);
    const gold = new Set(spansOf(s.tags).map((x) => `${x.start}:${x.end}:${x.type}`));
    pn += pred.length; gn += gold.size;
    for (const p of pred) if (gold.has(p)) tp++;
  }
  const p = tp / Math.max(1, pn), r = tp / Math.max(1, gn);
  return `F1 ${(200 * p * r / Math.max(1e-9, p + r)).toFixed(1)} (P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)})`;
}

mkdirSync(join(root, 'models'), { recursive: true });
for (const lang of langs) {
  const file = join(corpora, SOURCES[lang] ?? '');
  if (!SOURCES[lang] || !existsSync(file)) { console.log(`${lang}: no training file, skipped`); continue; }
  const sents = readConll(readFileSync(file, 'utf8'));
  const t0 = Date.now();
  if (process.argv.includes('--check')) {
    const cut = Math.floor(sents.length * 0.9);
    const w = train(sents.slice(0, cut), lang, { bits, epochs, seed });
    const float: TaggerModel = { lang, bits, w, scale: 1 };
    const quant = deserialize(serialize(lang, bits, w));
    console.log(`${lang} check: float ${spanF1(float, sents.slice(cut), lang)}; int8 ${spanF1(quant, sents.slice(cut), lang)}`);
  }
  const w = train(sents, lang, { bits, epochs, seed, log: (s) => console.log(s) });
  const buf = serialize(lang, bits, w);
  writeFileSync(join(root, 'models', `${lang}.bin`), buf);
  console.log(`${lang}: ${sents.length} sentences, ${((Date.now() - t0) / 1000).toFixed(1)} s, models/${lang}.bin ${(buf.length / 1024).toFixed(0)} kB`);
}

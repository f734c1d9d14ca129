// Trains one entity-tagger model per language from ../shared/corpora/*/raw/*.train and writes models/<lang>.bin.
// usage: npm run train [-- --langs=en,es,nl,de] [--epochs=N] [--bits=N] [--check]
//   de: no German training data exists; the German model is trained on the Dutch file made to look German (common
//   nouns capitalized) with cross-lingual features (src/extract/tagger/xling.ts), see germanFromDutch below.
//   --check: also trains on 90% of the sentences and prints span F1 on the other 10% (float and quantized weights).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INNER_WORDS, tagLexicon, xlingLexicon } from '../src/extract/tagger/features.js';
import { CANON, xlingLists } from '../src/extract/tagger/xling.js';
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
const langs = (arg('langs') ?? 'en,es,nl,de').split(',');
/** Cross-lingual models: the training file they are made from. */
const XLING: Record<string, string[]> = { de: (arg('from') ?? 'nl,en').split(',') };
const FOLDS = Number(arg('folds') ?? 10);
/** Word dropout of the cross-lingual models (see TrainOptions.dropout). */
const DROPOUT = Number(arg('dropout') ?? 0.3);
const epochs = Number(arg('epochs') ?? 8);
const bits = Number(arg('bits') ?? 19);
const seed = 1;

function spanF1(model: TaggerModel, test: Sentence[], lang: string): string {
  const lx = tagLexicon(lang);
  let tp = 0, pn = 0, gn = 0;
  for (const s of test) {
    const pred = spansOf(tagWords(model, s.words, s.lx ?? lx)).map((x) => `${x.start}:${x.end}:${x.type}`);
    const gold = new Set(spansOf(s.tags).map((x) => `${x.start}:${x.end}:${x.type}`));
    pn += pred.length; gn += gold.size;
    for (const p of pred) if (gold.has(p)) tp++;
  }
  const p = tp / Math.max(1, pn), r = tp / Math.max(1, gn);
  return `F1 ${(200 * p * r / Math.max(1e-9, p + r)).toFixed(1)} (P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)})`;
}

/**
 * German-looking training data: every common noun (POS N in the Dutch file, NN/NNS in the English one, outside
 * names) gets a capital initial, as German writes it, and each sentence's lexicons (common nouns, other lower-case
 * words) are the words of the other FOLDS-1 folds of documents, so that they know most but not all of the words
 * they meet, as a German dictionary knows most of a German text's. Function words are mapped to Dutch (CANON).
 */
function germanLooking(sents: Sentence[], lang: string): Sentence[] {
  const isNoun = lang === 'en' ? (p?: string) => p === 'NN' || p === 'NNS' : (p?: string) => p === 'N';
  const isWord = lang === 'en' ? (p?: string) => !!p && /^[A-Z]/.test(p) && p !== 'CD' && p !== 'NNP' && p !== 'NNPS' : (p?: string) => p !== 'Punc' && p !== 'Num';
  const foldOf = (s: Sentence) => (s.doc ?? 0) % FOLDS;
  const nounsIn: Array<Set<string>> = Array.from({ length: FOLDS }, () => new Set());
  const otherIn: Array<Set<string>> = Array.from({ length: FOLDS }, () => new Set());
  for (const s of sents) {
    s.words.forEach((w, k) => {
      if (!/^\p{Ll}/u.test(w)) return;
      if (isNoun(s.pos?.[k])) nounsIn[foldOf(s)].add(w.toLowerCase());
      else if (isWord(s.pos?.[k])) otherIn[foldOf(s)].add(w.toLowerCase());
    });
  }
  const stop = lang === 'en' ? new Set(tagLexicon('en').common) : xlingLists().stopNl;
  const lexicons = nounsIn.map((_, f) => {
    const nouns = new Set<string>(), other = new Set<string>();
    nounsIn.forEach((set, g) => { if (g !== f) for (const w of set) nouns.add(w); });
    otherIn.forEach((set, g) => { if (g !== f) for (const w of set) other.add(w); });
    return xlingLexicon(lang, { canon: CANON[lang] ?? new Map(), nouns, stop: lang === 'en' ? new Set() : stop, other, inner: INNER_WORDS });
  });
  return sents.map((s) => ({
    words: s.words.map((w, k) => (isNoun(s.pos?.[k]) && s.tags[k] === 0 && /^\p{Ll}/u.test(w) ? w[0].toUpperCase() + w.slice(1) : w)),
    tags: s.tags,
    doc: s.doc,
    lx: lexicons[foldOf(s)],
  }));
}

mkdirSync(join(root, 'models'), { recursive: true });
for (const lang of langs) {
  const files = (XLING[lang] ?? [lang]).map((l) => SOURCES[l] && join(corpora, SOURCES[l]));
  if (!files.every((f) => f && existsSync(f))) { console.log(`${lang}: no training file, skipped`); continue; }
  let sents: Sentence[] = [];
  if (XLING[lang]) {
    // Cross-lingual: the sources' data made German-looking, interleaved so that the held-back tenth of --check has both.
    const parts = XLING[lang].map((l, k) => germanLooking(readConll(readFileSync(files[k]!, 'utf8')), l));
    const n = Math.max(...parts.map((p) => p.length));
    for (let i = 0; i < n; i++) for (const p of parts) if (i < p.length) sents.push(p[i]);
  } else sents = readConll(readFileSync(files[0]!, 'utf8'));
  const t0 = Date.now();
  if (process.argv.includes('--check')) {
    const cut = Math.floor(sents.length * 0.9);
    const w = train(sents.slice(0, cut), lang, { bits, epochs, seed, dropout: XLING[lang] ? DROPOUT : 0 });
    const float: TaggerModel = { lang, bits, w, scale: 1 };
    const quant = deserialize(serialize(lang, bits, w));
    console.log(`${lang} check: float ${spanF1(float, sents.slice(cut), lang)}; compact int16 ${spanF1(quant, sents.slice(cut), lang)}`);
  }
  const w = train(sents, lang, { bits, epochs, seed, log: (s) => console.log(s), dropout: XLING[lang] ? DROPOUT : 0 });
  const buf = serialize(lang, bits, w);
  writeFileSync(join(root, 'models', `${lang}.bin`), buf);
  console.log(`${lang}: ${sents.length} sentences, ${((Date.now() - t0) / 1000).toFixed(1)} s, models/${lang}.bin ${(buf.length / 1024).toFixed(0)} kB`);
}

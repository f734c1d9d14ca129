// Training of the entity tagger (used by scripts/train.ts and the determinism test): CoNLL reading and the
// averaged perceptron. Deterministic: sentences are shuffled by a seeded generator; all arithmetic is in Float64.
import { hashStr, sentenceFeatures, tagLexicon, type TagLexicon } from './features.js';
import { decode, NT, staticRows, TAGS } from './model.js';

export interface Sentence {
  words: string[];
  tags: number[];
  /** Part-of-speech column (CoNLL files with three or more columns: the second). */
  pos?: string[];
  /** Index of the document (-DOCSTART- sections) the sentence belongs to. */
  doc?: number;
  /** Lexicon of this sentence's features (cross-lingual training); default tagLexicon(lang). */
  lx?: TagLexicon;
}

const TAG_INDEX = new Map<string, number>(TAGS.map((t, k) => [t, k]));

/**
 * Reads CoNLL column files (word first, IOB tag last; `-DOCSTART-` lines and blank lines end sentences). IOB1 tags
 * (CoNLL-2003: I- everywhere, B- only between two adjacent names of one type) become IOB2.
 */
export function readConll(text: string): Sentence[] {
  const out: Sentence[] = [];
  let words: string[] = [], tags: number[] = [], pos: string[] = [];
  let doc = 0;
  const flush = () => { if (words.length) out.push({ words, tags, pos, doc }); words = []; tags = []; pos = []; };
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim() || cols[0] === '-DOCSTART-') { flush(); if (cols[0] === '-DOCSTART-') doc++; continue; }
    pos.push(cols.length >= 3 ? cols[1] : '');
    const word = cols[0];
    let tag = cols[cols.length - 1];
    if (!TAG_INDEX.has(tag)) tag = 'O';
    if (tag.startsWith('I-')) {
      const prev = tags.length ? TAGS[tags[tags.length - 1]] : 'O';
      if (prev === 'O' || prev.slice(2) !== tag.slice(2)) tag = 'B-' + tag.slice(2);
    }
    words.push(word);
    tags.push(TAG_INDEX.get(tag)!);
  }
  flush();
  return out;
}

/** mulberry32: a small seeded generator (the training shuffles; the kill-and-resume test's delays). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  bits?: number; epochs?: number; seed?: number; log?: (s: string) => void;
  /**
   * Word dropout (cross-lingual training): each epoch, each token that is not a function word loses its word-identity
   * features with this probability, as if it were a word the model never saw, so that the model learns to decide
   * from features that carry over to another language (capitalization, lexicons, context). 0 (default): off.
   */
  dropout?: number;
}

/** Static slots of a token's own identity (lower-case form, raw form, bigrams with it, long affixes), see features.ts. */
const IDENTITY_SLOTS = [1, 10, 11, 22, 23, 34];
const UNK = hashStr('<unk>', 2);

/** Trains an averaged perceptron; returns the averaged weights (bucket-major, NT per bucket). */
export function train(sentences: Sentence[], lang: string, opts: TrainOptions = {}): Float64Array {
  const bits = opts.bits ?? 19, epochs = opts.epochs ?? 8;
  const lx = tagLexicon(lang);
  const dropout = opts.dropout ?? 0;
  const prepared = sentences.map((s) => {
    const { feats, lowers, shapes, infos, stride } = sentenceFeatures(s.words, s.lx ?? lx);
    const droppable = dropout > 0 ? Uint8Array.from(infos, (wi) => (wi.noun === 3 || !wi.hasLetter ? 0 : 1)) : undefined;
    return { rows: staticRows(feats, bits), lowers, shapes, gold: s.tags, droppable, stride };
  });
  const dropRandom = rng((opts.seed ?? 1) ^ 0x5eed);
  let rowsD = new Int32Array(0), lowersD = new Uint32Array(0);
  const size = (1 << bits) * NT;
  const w = new Float64Array(size), u = new Float64Array(size);
  let c = 1;
  const random = rng(opts.seed ?? 1);
  const order = prepared.map((_, k) => k);
  for (let ep = 0; ep < epochs; ep++) {
    for (let k = order.length - 1; k > 0; k--) { const j = Math.floor(random() * (k + 1)); const t = order[k]; order[k] = order[j]; order[j] = t; }
    let errors = 0, tokens = 0;
    for (const idx of order) {
      let p = prepared[idx];
      if (p.droppable) {
        // Word dropout: a copy of the sentence's rows and word hashes with some tokens made unknown.
        if (rowsD.length < p.rows.length) rowsD = new Int32Array(2 * p.rows.length);
        if (lowersD.length < p.lowers.length) lowersD = new Uint32Array(2 * p.lowers.length);
        const rows = rowsD.subarray(0, p.rows.length), lowers = lowersD.subarray(0, p.lowers.length);
        rows.set(p.rows); lowers.set(p.lowers);
        for (let i = 0; i < lowers.length; i++) {
          if (!p.droppable[i] || dropRandom() >= dropout) continue;
          lowers[i] = UNK;
          for (const k of IDENTITY_SLOTS) rows[i * p.stride + k] = -1;
        }
        p = { ...p, rows, lowers };
      }
      decode(w, bits, p.rows, p.lowers, p.shapes, (i, pred, dyn) => {
        const gold = p.gold[i];
        tokens++;
        if (pred !== gold) {
          errors++;
          const upd = (r: number) => { w[r + gold] += 1; u[r + gold] += c; w[r + pred] -= 1; u[r + pred] -= c; };
          const o = i * p.stride;
          for (let k = 0; k < p.stride; k++) { const r = p.rows[o + k]; if (r >= 0) upd(r); }
          for (let k = 0; k < dyn.length; k++) upd(dyn[k]);
        }
        c++;
        return pred;
      }, undefined, p.stride);
    }
    opts.log?.(`  epoch ${ep + 1}: token error ${(100 * errors / Math.max(1, tokens)).toFixed(2)}%`);
  }
  for (let k = 0; k < size; k++) w[k] -= u[k] / c;
  return w;
}

// The entity tagger: a greedy left-to-right averaged perceptron over BIO tags with hashed features.
//
// Training keeps a full table of 2^bits buckets × TAGS.length Float64 weights; a feature's weights are the row at
// (hash & mask). The model file, and the model in memory for tagging, hold its compact form (see `compact`): only
// the buckets some feature trained, as Int16 rows, behind a rank bitmap (see `rowOf`).
import { gunzipSync, gzipSync } from 'node:zlib';
import { dynamicFeatures, featureScratch, N_BASE, N_DYNAMIC, N_STATIC, NONE, sentenceFeatures, WORD_SLOTS, writeWordSlots, type TagLexicon } from './features.js';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
/** Number of tags (decode unrolls its inner loop over exactly these 9). */
export const NT: number = TAGS.length;
const MAGIC = 0x32545850; // "PXT2"

/** Tag t may follow tag p: I-X only after B-X or I-X. */
const ALLOWED: boolean[][] = TAGS.map((p) => TAGS.map((t) => !t.startsWith('I-') || (p !== 'O' && p.slice(2) === t.slice(2))));
/** Index of "previous tag" at the sentence start (one past the last tag). */
export const START = NT;

export interface TaggerModel {
  lang: string;
  bits: number;
  /**
   * Weights, row-major (NT per row). Without `index`, row = bucket (w[bucket * NT + tag]); with it, only the buckets
   * some feature trained have a row, in bucket order, and `index` says which (see rowOf).
   */
  w: Float64Array | Float32Array | Int16Array;
  /**
   * A rank bitmap of the buckets that have a row: for each 32 buckets, a word of bits (index[2j]) and the number of
   * rows before them (index[2j + 1]). 2^19 buckets take 128 kB, which stays in the CPU's cache.
   */
  index?: Int32Array;
  /** A weight's value is w[k] * scale (scores are only compared, so decoding never multiplies). */
  scale: number;
}

/** Offset of a feature hash's weight row in `model.w`, or -1 when the feature has no weights. */
export function rowOf(bits: number, index: Int32Array | undefined, hash: number): number {
  const b = hash & ((1 << bits) - 1);
  if (!index) return b * NT;
  const j = (b >>> 5) << 1, bit = b & 31;
  const word = index[j];
  if (((word >>> bit) & 1) === 0) return -1;
  // Rows before this bucket: those of the earlier words, plus the set bits below it in this word (a popcount).
  let x = bit === 0 ? 0 : word << (32 - bit);
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return (index[j + 1] + (Math.imul(x, 0x01010101) >>> 24)) * NT;
}

/** Bucket rows (already multiplied by NT) of each token's static features; NONE-features point at row -1. */
export function staticRows(feats: Uint32Array, bits: number): Int32Array {
  const rows = new Int32Array(feats.length);
  for (let k = 0; k < feats.length; k++) rows[k] = feats[k] === NONE ? -1 : rowOf(bits, undefined, feats[k]);
  return rows;
}

// Scratch of decode (not re-entrant; `onToken` sees `dyn` only during its call).
const SCORES = new Float64Array(NT);
const DYN_H = new Uint32Array(N_DYNAMIC);
const DYN = new Int32Array(N_DYNAMIC);

/**
 * Greedy decoding of one sentence. `onToken` (training) sees each token's predicted tag and the rows used, before
 * the next token is decoded.
 */
export function decode(
  w: ArrayLike<number>, bits: number, rows: Int32Array, lowers: Uint32Array, shapes: Uint32Array,
  onToken?: (i: number, pred: number, dyn: Int32Array) => number,
  base?: Float64Array,
  stride: number = N_BASE,
  index?: Int32Array,
): Uint8Array {
  const n = lowers.length;
  const tags = new Uint8Array(n);
  const scores = SCORES, dynH = DYN_H, dyn = DYN;
  let p1: number = START, p2: number = START;
  for (let i = 0; i < n; i++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    if (base) {
      const b = i * NT;
      s0 = base[b]; s1 = base[b + 1]; s2 = base[b + 2]; s3 = base[b + 3]; s4 = base[b + 4];
      s5 = base[b + 5]; s6 = base[b + 6]; s7 = base[b + 7]; s8 = base[b + 8];
    }
    const o = i * stride;
    dynamicFeatures(dynH, p1, p2, lowers[i], shapes[i], i + 1 < n ? lowers[i + 1] : 0);
    for (let k = 0; k < N_DYNAMIC; k++) dyn[k] = rowOf(bits, index, dynH[k]);
    for (let k = -N_DYNAMIC; k < stride; k++) {
      const r = k < 0 ? dyn[k + N_DYNAMIC] : rows[o + k];
      if (r < 0) continue;
      s0 += w[r]; s1 += w[r + 1]; s2 += w[r + 2]; s3 += w[r + 3]; s4 += w[r + 4];
      s5 += w[r + 5]; s6 += w[r + 6]; s7 += w[r + 7]; s8 += w[r + 8];
    }
    scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4;
    scores[5] = s5; scores[6] = s6; scores[7] = s7; scores[8] = s8;
    let best = 0, bs = -Infinity;
    const allowed = ALLOWED[p1 === START ? 0 : p1];
    for (let t = 0; t < NT; t++) if (allowed[t] && scores[t] > bs) { bs = scores[t]; best = t; }
    const tag = onToken ? onToken(i, best, dyn) : best;
    tags[i] = tag;
    p2 = p1; p1 = tag;
  }
  return tags;
}

// The word-only slots (WORD_SLOTS, written by writeWordSlots): their summed weights are computed once per distinct
// word and model (kept on the word's WordInfo), so decoding reads 14 fewer scattered rows per token.
const WORD_HASHES = new Uint32Array(WORD_SLOTS.length);
const WORD_SUM = new Float64Array(NT);
/** The other static slots (context, lexicons), per stride: those read for every token. */
const contextSlots = (stride: number) => Int32Array.from({ length: stride }, (_, k) => k).filter((k) => !WORD_SLOTS.includes(k));
const CONTEXT_SLOTS = new Map([N_BASE, N_STATIC].map((st) => [st, contextSlots(st)]));

/** Tags the words of one sentence. */
const scratch = featureScratch();
let rowsBuf = new Int32Array(0);
let baseBuf = new Float64Array(0);

export function tagWords(model: TaggerModel, words: string[], lx: TagLexicon): Uint8Array {
  const { feats, lowers, shapes, infos, stride } = sentenceFeatures(words, lx, scratch, false);
  const ctx = CONTEXT_SLOTS.get(stride) ?? contextSlots(stride);
  const nc = ctx.length;
  const n = words.length;
  if (rowsBuf.length < n * nc) rowsBuf = new Int32Array(Math.max(n * nc, 2 * rowsBuf.length));
  const rows = rowsBuf.subarray(0, n * nc);
  const { bits, index, w } = model;
  if (baseBuf.length < n * NT) baseBuf = new Float64Array(Math.max(n * NT, 2 * baseBuf.length));
  const base = baseBuf.subarray(0, n * NT);
  for (let i = 0; i < n; i++) {
    const o = i * stride;
    const wi = infos[i];
    let b = wi.scoresOf === model ? wi.scores : undefined;
    if (!b) {
      const sum = WORD_SUM.fill(0);
      writeWordSlots(WORD_HASHES, writeWordSlots(WORD_HASHES, 0, wi, 0), wi, 1);
      for (const f of WORD_HASHES) {
        const r = f === NONE ? -1 : rowOf(bits, index, f);
        if (r < 0) continue;
        for (let t = 0; t < NT; t++) sum[t] += w[r + t];
      }
      // (An exact-size array of unboxed doubles: about 130 bytes a word, where Array.from leaves spare capacity
      // and a Float64Array per word costs several times more.)
      b = new Array<number>(NT);
      for (let t = 0; t < NT; t++) b[t] = sum[t];
      wi.scores = b; wi.scoresOf = model;
    }
    for (let t = 0, bi = i * NT; t < NT; t++) base[bi + t] = b[t];
    for (let c = 0, oc = i * nc; c < nc; c++) {
      const f = feats[o + ctx[c]];
      rows[oc + c] = f === NONE ? -1 : rowOf(bits, index, f);
    }
    // Cross-lingual: the Dutch-trained model would run a name on over German lower-case words ("Champions League zu
    // stehen"); inside a name only connectors ("von", "der", "and"), punctuation and capitalized words that are not
    // function words may continue it.
    if (lx.xling && wi.hasLetter && (wi.isCap ? wi.noun === 3 && i > 0 : !lx.xling.inner.has(wi.lowerStr))) {
      for (let t = 2; t < NT; t += 2) base[i * NT + t] -= 1e9;
    }
  }
  return decode(w, bits, rows, lowers, shapes, undefined, base, nc, index);
}

/** Spans [start, end) of entities in a BIO tag sequence, with their type (PER, ORG, LOC, MISC). */
export function spansOf(tags: ArrayLike<number>): Array<{ start: number; end: number; type: string }> {
  const out: Array<{ start: number; end: number; type: string }> = [];
  let i = 0;
  while (i < tags.length) {
    const t = TAGS[tags[i]];
    if (t === 'O') { i++; continue; }
    const type = t.slice(2);
    let j = i + 1;
    while (j < tags.length && TAGS[tags[j]] === `I-${type}`) j++;
    out.push({ start: i, end: j, type });
    i = j;
  }
  return out;
}

// The model file holds the compact form (see `compact`): a 32-byte header (magic, bits, tags, rows, scale, language)
// and, gzipped, the rank bitmap then the Int16 rows. Loading is a gunzip and two typed-array views: no dense table
// is ever built outside training. Weights are first rounded to bfloat16 (8 bits of mantissa), which the Int16 rows
// then hold exactly relative to the largest weight.
/** Rounds a weight to bfloat16 (the upper half of its float32, to nearest even). */
function bfloat16(x: number): number {
  F32[0] = x;
  const u = U32[0];
  U32[0] = ((u + 0x7fff + ((u >>> 16) & 1)) >>> 16) << 16;
  return F32[0];
}
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** Serializes averaged weights (a dense training table) as a model file. */
export function serialize(lang: string, bits: number, w: Float64Array | Float32Array): Buffer {
  const rounded = new Float32Array(w.length);
  for (let k = 0; k < w.length; k++) rounded[k] = bfloat16(w[k]);
  const m = compact({ lang, bits, scale: 1, w: rounded });
  const index = m.index!, rows = m.w as Int16Array;
  const head = Buffer.alloc(32);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(bits, 4);
  head.writeUInt32LE(NT, 8);
  head.writeUInt32LE(rows.length / NT, 12);
  head.writeDoubleLE(m.scale, 16);
  Buffer.from(lang.padEnd(8, ' ').slice(0, 8), 'latin1').copy(head, 24);
  const body = Buffer.concat([Buffer.from(index.buffer, index.byteOffset, index.byteLength), Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength)]);
  return Buffer.concat([head, gzipSync(body, { level: 9 })]);
}

export function deserialize(buf: Uint8Array): TaggerModel {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 32 || b.readUInt32LE(0) !== MAGIC) throw new Error('tagger model: bad header (retrain with `npm run train`)');
  const bits = b.readUInt32LE(4);
  if (b.readUInt32LE(8) !== NT || bits < 8 || bits > 24) throw new Error('tagger model: unexpected shape');
  const rows = b.readUInt32LE(12);
  const scale = b.readDoubleLE(16);
  const lang = b.subarray(24, 32).toString('latin1').trim();
  const raw = gunzipSync(b.subarray(32));
  const indexLen = Math.max(2, (1 << bits) >>> 4);
  if (raw.length !== indexLen * 4 + rows * NT * 2 || raw.byteOffset % 4 !== 0) throw new Error('tagger model: truncated weights');
  const index = new Int32Array(raw.buffer, raw.byteOffset, indexLen);
  const w = new Int16Array(raw.buffer, raw.byteOffset + indexLen * 4, rows * NT);
  return { lang, bits, scale, w, index };
}

/**
 * The compact form of a dense weight table: rows of the buckets some feature trained (one in four to seven), as Int16
 * scaled to the largest weight, behind a rank bitmap. The English model goes from 19 MB of Float32 to 1.6 MB, so the
 * lookups of decoding mostly hit the CPU's caches, and each worker thread holds a few MB per language instead of 19.
 */
export function compact(model: TaggerModel): TaggerModel {
  const { w, bits } = model;
  const buckets = 1 << bits;
  let max = 0;
  for (let k = 0; k < buckets * NT; k++) { const a = Math.abs(w[k]); if (a > max) max = a; }
  const scale = max > 0 ? max / 32767 : 1;
  // A bucket keeps a row when one of its weights is not 0 once quantized.
  const index = new Int32Array(Math.max(2, buckets >>> 4));
  let rows = 0;
  for (let bk = 0; bk < buckets; bk++) {
    const j = (bk >>> 5) << 1;
    if ((bk & 31) === 0) index[j + 1] = rows;
    for (let t = 0; t < NT; t++) if (Math.round(w[bk * NT + t] / scale) !== 0) { index[j] |= 1 << (bk & 31); rows++; break; }
  }
  const q = new Int16Array(rows * NT);
  for (let bk = 0, o = 0; bk < buckets; bk++) {
    if (((index[(bk >>> 5) << 1] >>> (bk & 31)) & 1) === 0) continue;
    for (let t = 0; t < NT; t++) q[o++] = Math.round(w[bk * NT + t] / scale);
  }
  return { lang: model.lang, bits, scale: model.scale * scale, w: q, index };
}

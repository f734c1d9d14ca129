// Features of the entity tagger: tokenization of running text into CoNLL-like tokens, and hashed feature ids.
//
// Features are never built as strings: each is a 32-bit hash of (slot id, value hash), value hashes are computed once
// per distinct word (memoized), and neighbour features reuse the neighbour's hashes. The same code serves training
// (tokens from the CoNLL columns) and tagging (tokens from `tokenizeForTagger`), so both see identical features.
import { ALL_LEGAL_FORMS, ALL_TITLES, entityLocale } from '../../locale/entities.js';
import { charClass, DIGIT, LETTER, LOWER, MARK, ownString, SURROGATE, UPPER } from '../entities/charclass.js';
import { gazKey, placeGazetteer } from '../entities/gazetteer.js';
import { compromiseWords } from '../entities/lexicon.js';
import { CANON, XLING_LANGS, xlingLists, type WordSet } from './xling.js';

/** A token for the tagger: its text and offsets (offsets are -1 for training tokens). */
export interface TagToken {
  text: string;
  s: number;
  e: number;
}

// Words (with inner apostrophes, hyphens, ampersands and abbreviation dots), numbers, any other non-space character.
const TAG_TOKEN_RE = /\p{L}[\p{L}\p{M}\p{N}]*(?:(?:['’\-&]|\.(?=\p{L}))[\p{L}\p{M}\p{N}]+){0,20}|\p{N}+(?:[.,:/\-]\p{N}+){0,10}|\S/gu;
const POSS_RE = /['’]s$/;
const SENT_END = new Set(['.', '!', '?', '…']);
const UPPER_FIRST = /^\p{Lu}/u;
const ORDINAL = /^\d{1,2}$/;

/** Longest sentence the tagger sees at once (longer runs are cut; features only look ±2 tokens away). */
const MAX_SENT = 300;

/**
 * Splits text into sentences of tokens: a line is at least one sentence; a sentence also ends after . ! ? when the
 * next token starts with a capital (not after a word of `abbrev` or, with `abbrev`, a one- or two-digit ordinal). Possessive 's is its own token, as in CoNLL; "U.S."
 * keeps its final dot.
 */
export function tokenizeForTagger(text: string, abbrev?: Set<string>): TagToken[][] {
  const sents: TagToken[][] = [];
  let cur: TagToken[] = [];
  let nextNl = text.indexOf('\n');
  const flush = () => { if (cur.length) sents.push(cur); cur = []; };
  const n = text.length;
  let i = 0;
  while (i < n) {
    // The next token: TAG_TOKEN_RE's match, by a scan of character classes (the regex itself around surrogates).
    let s = i;
    while (s < n && isSpaceUnit(text.charCodeAt(s))) s++;
    if (s >= n) break;
    let e = scanTagToken(text, s);
    if (e < 0) {
      TAG_TOKEN_RE.lastIndex = s;
      const m = TAG_TOKEN_RE.exec(text);
      if (!m) break;
      s = m.index; e = s + m[0].length;
    }
    let t = text.slice(s, e);
    i = e;
    if (nextNl !== -1 && nextNl < s) { flush(); nextNl = text.indexOf('\n', s); }
    const prev = cur.length ? cur[cur.length - 1] : undefined;
    // (`abbrev`: a dot after one of these words, or after a German ordinal, ends no sentence: "St. Nikolaus",
    // "Dr. Meier", "1. FC Nürnberg".)
    if (prev && SENT_END.has(prev.text) && UPPER_FIRST.test(t) && !(abbrev && prev.text === '.' && cur.length > 1 && (abbrev.has(cur[cur.length - 2].text.toLowerCase()) || ORDINAL.test(cur[cur.length - 2].text)))) flush();
    if (cur.length >= MAX_SENT) flush();
    if (t.length > 2 && POSS_RE.test(t) && /\p{L}/u.test(t[0])) {
      cur.push({ text: t.slice(0, -2), s, e: e - 2 });
      s = e - 2; t = t.slice(-2);
    } else if (t.includes('.') && text[e] === '.') { e++; t += '.'; }
    cur.push({ text: t, s, e });
    i = Math.max(i, e);
  }
  flush();
  return sents;
}

/** JavaScript's \s (what \S excludes), for one UTF-16 code unit. */
function isSpaceUnit(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const isWordClass = (k: number) => k === UPPER || k === LOWER || k === LETTER || k === MARK || k === DIGIT;

/**
 * End of the token TAG_TOKEN_RE matches at `s` (not a space), or -1 when a surrogate is involved (the caller asks the
 * regex): a word (a letter, then letters, marks and digits, with up to 20 inner ' ’ - & or a dot before a letter, each
 * followed by more of them), a number (digits, with up to 10 inner . , : / -), or one other character.
 */
function scanTagToken(text: string, s: number): number {
  const n = text.length;
  const k0 = charClass(text.charCodeAt(s));
  if (k0 === SURROGATE) return -1;
  const isLetter = k0 === UPPER || k0 === LOWER || k0 === LETTER;
  if (!isLetter && k0 !== DIGIT) return s + 1;
  const inner = isLetter ? isWordClass : (k: number) => k === DIGIT;
  const maxGroups = isLetter ? 20 : 10;
  let p = s + 1;
  const run = () => {
    while (p < n) {
      const k = charClass(text.charCodeAt(p));
      if (k === SURROGATE) return false;
      if (!inner(k)) break;
      p++;
    }
    return true;
  };
  if (!run()) return -1;
  for (let g = 0; g < maxGroups && p + 1 < n; g++) {
    const c = text.charCodeAt(p);
    const k1 = charClass(text.charCodeAt(p + 1));
    if (k1 === SURROGATE) return -1;
    const sep = isLetter
      ? c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x26 || (c === 0x2e && (k1 === UPPER || k1 === LOWER || k1 === LETTER))
      : c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f || c === 0x2d;
    if (!sep || !inner(k1)) break;
    p += 2;
    if (!run()) return -1;
  }
  return p;
}

// ---- hashing ----

export function hashStr(s: string, seed: number): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0xc2b2ae35);
  h ^= h >>> 15; h = Math.imul(h, 0x27d4eb2f); h ^= h >>> 13;
  return h >>> 0;
}

/** Word shape: X for upper, x for lower, d for digits, other characters kept; runs of one class collapsed to two. */
export function wordShape(w: string): string {
  let out = '';
  let last = '', run = 0;
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}|\p{Lo}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c === last) { run++; if (run > 2) continue; } else { last = c; run = 1; }
    out += c;
    if (out.length > 12) break;
  }
  return out;
}
function shortShape(w: string): string {
  let out = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}|\p{Lo}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

// Slot ids (any distinct constants).
const S = {
  bias: 1, lower: 2, shape: 3, sshape: 4, p1: 5, p2: 6, p3: 7, p4: 8, s1: 9, s2: 10, s3: 11, s4: 12, cap: 13, pos: 14,
  wm1: 15, wp1: 16, wm2: 17, wp2: 18, shm1: 19, shp1: 20, shm2: 21, shp2: 22, bim: 23, bip: 24, gaz: 25, legal: 26, legalNext: 27,
  title: 28, first: 29, last: 30, orgkw: 31, placekw: 32, orgkwNext: 33, len: 34, raw: 35, shapeCtx: 36, gazm1: 37, gazp1: 38,
  firstm1: 39, capNext: 40, common: 41, xcap: 42, xcapm1: 43, xcapp1: 44, xnoun2: 45, pt1: 101, pt2: 102, ptw: 103, pts: 104, ptwp1: 105,
} as const;

/** Number of static feature slots per token (absent features are 0xFFFFFFFF and skipped). */
export const N_BASE = 41;
/** Extra slots of cross-lingual lexicons (see xlingLexicon); the others keep N_BASE slots, exactly the en/es/nl features. */
export const N_XLING = 4;
/** Most static slots per token. */
export const N_STATIC = N_BASE + N_XLING;
/** Static slots per token of a lexicon's features. */
export function strideOf(lx: TagLexicon): number {
  return lx.xling ? N_STATIC : N_BASE;
}
export const NONE = 0xffffffff;

export interface WordInfo {
  /** The word itself (the cache's key). */
  key: string; gazKey: string; flags: number;
  /** Cross-lingual lexicons: 0 unknown, 1 a known common noun (form), 2 a compound ending in one, 3 a function word. */
  noun: number; lower: number; shape: number; sshape: number; affix: number[]; raw: number; lenB: number; isCap: boolean; isUpper: boolean; hasLetter: boolean; lowerStr: string;
  /** Tagging: the summed weights of this word's word-only features under `scoresOf` (see tagWords); a plain array of doubles, far smaller than a typed array per word. */
  scores?: number[]; scoresOf?: unknown }

/** Per-language lexicons the features consult (built once per language). */
export interface TagLexicon {
  places: Map<string, unknown>;
  legal: Set<string>;
  titles: Set<string>;
  firstNames: Set<string>;
  lastNames: Set<string>;
  common: Set<string>;
  orgKw: Set<string>;
  placeKw: Set<string>;
  /** The word cache (see wordInfo): current and previous generation. */
  words: Map<string, WordInfo>;
  oldWords?: Map<string, WordInfo>;
  /**
   * Cross-lingual tagging (a model trained on another language's data, see scripts/train.ts): word identity of
   * function words mapped to the training language (`canon`), and a lexicon of common nouns, since in German every
   * noun is capitalized and capitalization alone says little.
   */
  xling?: XlingWords;
}

/** The word lists of a cross-lingual lexicon (lower case). */
export interface XlingWords {
  canon: Map<string, string>;
  /** Common nouns (every form). */
  nouns: WordSet;
  /** Function words. */
  stop: WordSet;
  /** Other words written in lower case (verb forms, adjectives, adverbs). */
  other: WordSet;
  /** Adjective lemmas, matched with their inflection endings. */
  adj?: WordSet;
  /** Lower-case words that may stand inside a name ("von", "der", "and"). */
  inner: Set<string>;
  /** The language's place gazetteer without the shared city list (set by xlingLexicon). */
  gaz?: Map<string, unknown>;
}

/** Lower-case words that may stand inside a name, in any language the texts quote names from. */
export const INNER_WORDS = new Set(('von vom van der den dem des de la le les du di da del della dello y e et i and of the for on at '
  + 'zu zum zur am an im in auf bei unter über für und & upon ter ten te \'t het op aan bin ibn al el dos das do').split(' '));

const lexCache = new Map<string, TagLexicon>();

const dropDot = (s: string) => gazKey(s).replace(/\.$/, '');

export function tagLexicon(lang: string): TagLexicon {
  const hit = lexCache.get(lang);
  if (hit) return hit;
  let lx: TagLexicon;
  if (XLING_LANGS.has(lang)) {
    const l = xlingLists();
    lx = xlingLexicon(lang, { canon: CANON[lang] ?? new Map(), nouns: l.nouns, stop: l.stop, other: l.verbs, adj: l.adj, inner: INNER_WORDS });
  } else lx = baseLexicon(lang);
  lexCache.set(lang, lx);
  return lx;
}

function baseLexicon(lang: string): TagLexicon {
  const loc = entityLocale(lang);
  const names = compromiseWords();
  const legal = new Set<string>();
  for (const f of ALL_LEGAL_FORMS) { const parts = f.split(/[\s,]+/).filter(Boolean); legal.add(dropDot(parts[parts.length - 1])); }
  return {
    places: placeGazetteer(lang),
    legal,
    titles: new Set([...ALL_TITLES, ...loc.titles].map(dropDot)),
    firstNames: new Set([...names.first, ...loc.givenNames.map(gazKey)]),
    lastNames: names.last,
    common: lang === 'en' ? names.dictionary : new Set(loc.stopwords.map(gazKey)),
    orgKw: new Set(loc.orgKeywords.map(gazKey)),
    placeKw: new Set(loc.placeKeywords.map(gazKey)),
    words: new Map(),
  };
}

/**
 * A cross-lingual lexicon for text (or training data) in `lang`: the language's own lists, plus the shared lists of
 * models/xling-lex.txt.gz (given and family names, cities), `nouns` as its common-noun lexicon, and its function
 * words mapped to Dutch. The same construction serves the Dutch training data and German text, so that the
 * features mean the same in both.
 */
export function xlingLexicon(lang: string, words: XlingWords): TagLexicon {
  const lx = baseLexicon(lang);
  const shared = xlingLists();
  words.gaz = lx.places;
  const places = new Map<string, unknown>(lx.places);
  for (const c of shared.cities) { const k = gazKey(c); if (!places.has(k)) places.set(k, { key: `place:${k}` }); }
  lx.places = places;
  lx.firstNames = new Set([...lx.firstNames, ...shared.first]);
  lx.lastNames = new Set([...lx.lastNames, ...shared.last]);
  // Function words only (the English lexicon's `common` is every dictionary word).
  lx.common = new Set(entityLocale(lang).stopwords.map(gazKey));
  lx.xling = words;
  return lx;
}

const HAS_LETTER = /\p{L}/u;
const F_LEGAL = 1, F_TITLE = 2, F_FIRST = 4, F_LAST = 8, F_ORGKW = 16, F_PLACEKW = 32, F_COMMON = 64;
const HAS_LOWER = /\p{Ll}/u;

/** Words per generation of a lexicon's word cache (at most twice as many are kept, about 400 bytes each). */
const WORD_CACHE_MAX = 10000;

/**
 * What the tagger knows of a word, memoized per lexicon. The cache has two generations: when the current one is full
 * it becomes the old one (the previous old one is dropped), and a word found only in the old one moves back to the
 * current one; so a long run keeps its frequent words and never more than 2 × WORD_CACHE_MAX.
 */
export function wordInfo(lx: TagLexicon, w: string): WordInfo {
  let wi = lx.words.get(w);
  if (wi) return wi;
  wi = lx.oldWords?.get(w);
  if (!wi) wi = newWordInfo(lx, w);
  if (lx.words.size >= WORD_CACHE_MAX) { lx.oldWords = lx.words; lx.words = new Map(); }
  lx.words.set(wi.key, wi);
  return wi;
}

function newWordInfo(lx: TagLexicon, w: string): WordInfo {
  // (Kept in a cache that outlives the document: copies, not views of its text; equal strings shared.)
  w = ownString(w);
  const lowered = w.toLowerCase();
  const lowerStr = lowered === w ? w : ownString(lowered);
  const lower = hashStr(lx.xling?.canon.get(lowerStr) ?? lowerStr, S.lower) | 0;
  // Hashes are kept as int32 (small integers in V8, where uint32 values above 2^31 would each be a heap number);
  // they are only ever mixed or stored into Uint32Arrays, which see the same 32 bits.
  const n = lowerStr.length;
  const pre = (k: number) => (k <= n ? hashStr(lowerStr.slice(0, k), S.p1 + k - 1) | 0 : NONE | 0);
  const suf = (k: number) => (k <= n ? hashStr(lowerStr.slice(n - k), S.s1 + k - 1) | 0 : NONE | 0);
  // (An array literal: exactly eight slots, where pushing would leave spare capacity in every cached word.)
  const affix = [pre(1), suf(1), pre(2), suf(2), pre(3), suf(3), pre(4), suf(4)];
  const hasLetter = HAS_LETTER.test(w);
  const key = dropDot(lowerStr);
  const flags = (lx.legal.has(key) ? F_LEGAL : 0) | (lx.titles.has(key) ? F_TITLE : 0) | (lx.firstNames.has(lowerStr) ? F_FIRST : 0)
    | (lx.lastNames.has(lowerStr) ? F_LAST : 0) | (lx.orgKw.has(lowerStr) ? F_ORGKW : 0) | (lx.placeKw.has(lowerStr) ? F_PLACEKW : 0)
    | (lx.common.has(lowerStr) ? F_COMMON : 0);
  const gk = gazKey(lowerStr);
  return {
    key: w, gazKey: gk === lowerStr ? lowerStr : ownString(gk), flags, noun: lx.xling ? wordKind(lx.xling, lowerStr, (flags & F_COMMON) !== 0, lowerStr === w) : 0,
    lower, shape: hashStr(wordShape(w), S.shape) | 0, sshape: hashStr(shortShape(w), S.sshape) | 0, affix, raw: hashStr(w, S.raw) | 0,
    lenB: Math.min(n, 8), isCap: UPPER_FIRST.test(w), isUpper: hasLetter && !HAS_LOWER.test(w), hasLetter, lowerStr,
    // (Declared here so that they live inside the object, not in a properties array added later.)
    scores: undefined, scoresOf: undefined,
  };
}

/**
 * How a lower-cased word relates to a common-noun lexicon: 1 a noun form (also after dropping a
 * genitive -s/-es), 2 a compound or hyphenated word ending in a noun of four letters or more ("bundes|regierung",
 * "eu-kommission"), 0 none of these. Linear in the word's length (one set lookup per split point).
 */
export function nounKind(nouns: WordSet, w: string): number {
  if (nouns.has(w)) return 1;
  const n = w.length;
  if (n > 4 && w.endsWith('s') && (nouns.has(w.slice(0, -1)) || (w.endsWith('es') && nouns.has(w.slice(0, -2))))) return 1;
  const dash = w.lastIndexOf('-');
  if (dash > 0) return dash < n - 1 ? (nounKind(nouns, w.slice(dash + 1)) > 0 ? 2 : 0) : 0;
  if (n < 7 || n > 40) return 0;
  for (let k = 3; k <= n - 4; k++) if (nouns.has(w.slice(k))) return 2;
  return 0;
}

const ADJ_END = /(?:e|en|em|er|es)$/;
/** nounKind, and 3 for a function word, 4 for another lower-case word (verb form, adjective, adverb). */
export function wordKind(x: XlingWords, w: string, fn: boolean, lowerCase = false): number {
  if (fn || x.stop.has(w)) return 3;
  // A word written in lower case is read as a verb or adjective first ("lassen", not the noun "Lassen").
  const other = () => x.other.has(w) || (x.adj !== undefined && (x.adj.has(w) || ADJ_END.test(w) && x.adj.has(w.slice(0, w.search(ADJ_END)))));
  if (lowerCase && other()) return 4;
  const k = nounKind(x.nouns, w);
  if (k) return k;
  return !lowerCase && other() ? 4 : 0;
}

/** Reusable buffers for sentenceFeatures while tagging. */
export interface FeatureScratch { feats: Uint32Array; lowers: Uint32Array; shapes: Uint32Array; gaz: Uint8Array }
export function featureScratch(): FeatureScratch {
  return { feats: new Uint32Array(0), lowers: new Uint32Array(0), shapes: new Uint32Array(0), gaz: new Uint8Array(0) };
}

const placeFirstCache = new WeakMap<TagLexicon, Set<string>>();
/** First words of the gazetteer's multi-word places. */
function placeFirstWords(lx: TagLexicon): Set<string> {
  let set = placeFirstCache.get(lx);
  if (set) return set;
  set = new Set();
  for (const k of lx.places.keys()) { const sp = k.indexOf(' '); if (sp > 0) set.add(k.slice(0, sp)); }
  placeFirstCache.set(lx, set);
  return set;
}

/** Static slots that depend on the word alone (bias, word, shapes, affixes; length, raw form): writeWordSlots writes them. */
export const WORD_SLOTS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 33, 34];

/**
 * The slots that depend on the word alone: part 0 (bias, word, shapes, affixes: slots 0-11) or part 1 (length, raw
 * form: slots 33-34). Writes them at `f`; returns the next slot.
 */
export function writeWordSlots(out: Uint32Array, f: number, wi: WordInfo, part: 0 | 1): number {
  if (part === 1) {
    out[f++] = mix(S.len, wi.lenB);
    out[f++] = wi.raw;
    return f;
  }
  out[f++] = S.bias;
  out[f++] = wi.lower;
  out[f++] = wi.shape;
  out[f++] = wi.sshape;
  for (let k = 0; k < 8; k++) out[f++] = wi.affix[k];
  return f;
}

const PAD_L = hashStr('<s>', 0), PAD_R = hashStr('</s>', 0);

/**
 * Static features of a sentence: `stride` hashes per token (not yet reduced to buckets), plus the per-token lower-case
 * word hash that the tag-dependent features combine with.
 */
export function sentenceFeatures(words: string[], lx: TagLexicon, scratch?: FeatureScratch, wordSlots = true): { feats: Uint32Array; lowers: Uint32Array; shapes: Uint32Array; infos: WordInfo[]; stride: number } {
  const n = words.length;
  const stride = strideOf(lx);
  const infos = words.map((w) => wordInfo(lx, w));
  let feats: Uint32Array, lowers: Uint32Array, shapes: Uint32Array, gaz: Uint8Array;
  if (scratch) {
    // Tagging: buffers reused from sentence to sentence (training keeps its own arrays per sentence).
    if (scratch.lowers.length < n) {
      const cap = Math.max(n, 2 * scratch.lowers.length);
      scratch.feats = new Uint32Array(cap * N_STATIC); scratch.lowers = new Uint32Array(cap);
      scratch.shapes = new Uint32Array(cap); scratch.gaz = new Uint8Array(cap);
    }
    // (Every slot is written below, or skipped and never read with `wordSlots` false.)
    feats = scratch.feats.subarray(0, n * stride);
    lowers = scratch.lowers.subarray(0, n); shapes = scratch.shapes.subarray(0, n);
    gaz = scratch.gaz.subarray(0, n).fill(0);
  } else {
    feats = new Uint32Array(n * stride).fill(NONE);
    lowers = new Uint32Array(n); shapes = new Uint32Array(n); gaz = new Uint8Array(n);
  }
  // Sentence-level: all capitals (headline) when most lettered tokens have no lower-case letter.
  let letters = 0, uppers = 0;
  for (const wi of infos) if (wi.hasLetter && wi.lowerStr.length > 1) { letters++; if (wi.isUpper) uppers++; }
  const capsLine = letters >= 2 && uppers >= 0.7 * letters ? 1 : 0;
  // Gazetteer matches of 1-4 tokens (longest first): B=1, I=2 per token.
  const placeFirst = placeFirstWords(lx);
  for (let i = 0; i < n; i++) {
    if (!infos[i].isCap && !infos[i].isUpper) continue;
    // Longer matches only from a word that starts a multi-word place.
    const maxLen = placeFirst.has(infos[i].gazKey) ? Math.min(4, n - i) : 1;
    for (let len = maxLen; len >= 1; len--) {
      if (len === 1) { if (lx.places.has(infos[i].gazKey)) gaz[i] = 1; break; }
      let key = infos[i].lowerStr;
      for (let k = 1; k < len; k++) key += ' ' + infos[i + k].lowerStr;
      if (lx.places.has(gazKey(key))) { gaz[i] = 1; for (let k = 1; k < len; k++) gaz[i + k] = 2; i += len - 1; break; }
    }
  }
  const lw = (j: number) => (j < 0 ? PAD_L : j >= n ? PAD_R : infos[j].lower);
  const sh = (j: number) => (j < 0 ? PAD_L : j >= n ? PAD_R : infos[j].shape);
  for (let i = 0; i < n; i++) {
    const wi = infos[i];
    const o = i * stride;
    lowers[i] = wi.lower; shapes[i] = wi.sshape;
    const capCtx = wi.isUpper ? (capsLine ? 3 : 4) : wi.isCap ? (i === 0 ? 1 : 2) : 0;
    let f = o;
    if (wordSlots) f = writeWordSlots(feats, f, wi, 0);
    else f += 12;
    feats[f++] = mix(S.cap, capCtx * 2 + capsLine);
    feats[f++] = mix(S.pos, Math.min(i, 3));
    feats[f++] = mix(S.wm1, lw(i - 1));
    feats[f++] = mix(S.wp1, lw(i + 1));
    feats[f++] = mix(S.wm2, lw(i - 2));
    feats[f++] = mix(S.wp2, lw(i + 2));
    feats[f++] = mix(S.shm1, sh(i - 1));
    feats[f++] = mix(S.shp1, sh(i + 1));
    feats[f++] = mix(S.shm2, sh(i - 2));
    feats[f++] = mix(S.shp2, sh(i + 2));
    feats[f++] = mix(mix(S.bim, lw(i - 1)), wi.lower);
    feats[f++] = mix(mix(S.bip, wi.lower), lw(i + 1));
    feats[f++] = mix(S.gaz, gaz[i] * 8 + capCtx);
    feats[f++] = (wi.flags & F_LEGAL) && (wi.isCap || wi.isUpper) ? mix(S.legal, 1) : NONE;
    feats[f++] = i + 1 < n && (infos[i + 1].flags & F_LEGAL) && (infos[i + 1].isCap || infos[i + 1].isUpper) ? mix(S.legalNext, 1) : NONE;
    feats[f++] = i > 0 && (infos[i - 1].flags & F_TITLE) ? mix(S.title, 1) : NONE;
    feats[f++] = (wi.flags & F_FIRST) ? mix(S.first, capCtx) : NONE;
    feats[f++] = (wi.flags & F_LAST) ? mix(S.last, capCtx) : NONE;
    feats[f++] = (wi.flags & F_ORGKW) ? mix(S.orgkw, capCtx) : NONE;
    feats[f++] = (wi.flags & F_PLACEKW) ? mix(S.placekw, capCtx) : NONE;
    feats[f++] = i + 1 < n && (infos[i + 1].flags & F_ORGKW) && infos[i + 1].isCap ? mix(S.orgkwNext, 1) : NONE;
    if (wordSlots) f = writeWordSlots(feats, f, wi, 1);
    else f += 2;
    feats[f++] = mix(mix(S.shapeCtx, sh(i - 1)), mix(wi.shape, sh(i + 1)));
    feats[f++] = mix(S.gazm1, i > 0 ? gaz[i - 1] : 7);
    feats[f++] = mix(S.gazp1, i + 1 < n ? gaz[i + 1] : 7);
    feats[f++] = i > 0 && (infos[i - 1].flags & F_FIRST) && infos[i - 1].isCap ? mix(S.firstm1, capCtx) : NONE;
    feats[f++] = mix(S.capNext, (i + 1 < n ? (infos[i + 1].isCap ? 1 : 0) + (infos[i + 1].isUpper ? 2 : 0) : 4) * 8 + capCtx);
    feats[f++] = (wi.flags & F_COMMON) ? mix(S.common, capCtx) : NONE;
    if (lx.xling) {
      // Capitalized and not a known noun is the cross-lingual evidence for a name; so is a neighbour's.
      const nb = (j: number) => (j < 0 || j >= n ? 63 : (infos[j].isUpper ? 2 : infos[j].isCap ? 1 : 0) * 8 + infos[j].noun);
      const me = capCtx * 8 + wi.noun;
      feats[f++] = mix(S.xcap, me);
      feats[f++] = mix(S.xcapm1, nb(i - 1) * 64 + me);
      feats[f++] = mix(S.xcapp1, nb(i + 1) * 64 + me);
      feats[f++] = mix(S.xnoun2, (gaz[i] * 8 + ((wi.flags & F_FIRST) ? 1 : 0) + ((wi.flags & F_LAST) ? 2 : 0)) * 64 + me);
    }
  }
  return { feats, lowers, shapes, infos, stride };
}

/** Tag-dependent feature hashes for token i given the two previous tags. */
export function dynamicFeatures(out: Uint32Array, p1: number, p2: number, lower: number, shape: number, nextLower: number): void {
  out[0] = mix(S.pt1, p1);
  out[1] = mix(S.pt2, p1 * 16 + p2);
  out[2] = mix(mix(S.ptw, p1), lower);
  out[3] = mix(mix(S.pts, p1), shape);
  out[4] = mix(mix(S.ptwp1, p1), nextLower);
}
export const N_DYNAMIC = 5;

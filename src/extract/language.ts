// Language identification: script first, then n-gram detectors, then small tie-breakers between
// close languages.
//
// 1. Sample the first SAMPLE_CHARS characters, drop URLs and e-mail addresses, count letters per
//    script. Fewer than MIN_LETTERS letters -> "und".
// 2. Scripts used by one language decide alone (Greek -> el, Thai -> th, Hangul -> ko, kana -> ja,
//    Han without kana -> zh, Georgian, Armenian, the Indic scripts other than Devanagari, ...).
// 3. Shared scripts (Latin, Cyrillic, Arabic, Devanagari): eld (n-gram detector, 60 languages) decides;
//    franc, restricted to languages that have an ISO 639-1 code, covers what eld does not know
//    (Hebrew vs Yiddish, Amharic vs Tigrinya, Hindi/Marathi/Nepali, and eld's blank answers).
// 4. Close pairs whose n-gram profiles overlap (Indonesian/Malay, Norwegian/Danish) are settled by
//    counting spelling markers (src/locale/langid.ts).
//
// Variants kept selectable for scripts/eval-langid.ts; `detectLanguage` uses the measured best.

import { francAll } from 'franc';
import { compactEld } from './eld-data.js';
import { PAIR_MARKERS } from '../locale/langid.js';
import { matchAny, WB_AFTER, WB_BEFORE } from '../locale/pattern.js';

export interface LanguageResult {
  code: string;
  confidence: number;
}

export type LangIdVariant =
  | 'franc' // franc alone, all its 187 languages, 639-3 mapped to 639-1
  | 'franc-script' // script first, then franc restricted to languages with a 639-1 code
  | 'franc-script-markers' // + pair markers
  | 'eld' // eld alone
  | 'eld-script' // script first, then eld (franc where eld has nothing)
  | 'combined' // script first, eld, franc fallback, pair markers (default)
  | 'fusion'; // as combined, but eld and franc scores summed on shared scripts

/** Characters looked at: a press release's opening says which language it is in. */
export const SAMPLE_CHARS = 2000;
/** Fewer letters than this (CJK characters count double) -> "und". */
export const MIN_LETTERS = 10;

const UND: LanguageResult = { code: 'und', confidence: 0 };

// ISO 639-3 (as franc returns them) -> ISO 639-1; macrolanguage members map to the macrolanguage's
// code (nob/nno -> no, pes/prs -> fa, cmn -> zh, zlm/zsm -> ms, arb -> ar, ...). Only languages with
// a 639-1 code are listed; franc is restricted to these.
const ISO3_TO_1: Readonly<Record<string, string>> = {
  afr: 'af', als: 'sq', amh: 'am', arb: 'ar', ayr: 'ay', azj: 'az', bam: 'bm', bel: 'be', ben: 'bn',
  bod: 'bo', bos: 'bs', bul: 'bg', cat: 'ca', ces: 'cs', ckb: 'ku', cmn: 'zh', dan: 'da', deu: 'de',
  ekk: 'et', ell: 'el', eng: 'en', epo: 'eo', ewe: 'ee', fin: 'fi', fra: 'fr', fuf: 'ff', fuv: 'ff',
  glg: 'gl', guj: 'gu', hat: 'ht', hau: 'ha', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy',
  ibo: 'ig', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kat: 'ka', kaz: 'kk', khk: 'mn',
  khm: 'km', kin: 'rw', kir: 'ky', kng: 'kg', knc: 'kr', kor: 'ko', lao: 'lo', lin: 'ln', lit: 'lt',
  lug: 'lg', lvs: 'lv', mal: 'ml', mar: 'mr', mkd: 'mk', mya: 'my', nld: 'nl', nno: 'no', nob: 'no',
  npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa', plt: 'mg', pol: 'pl', por: 'pt', prs: 'fa',
  quy: 'qu', quz: 'qu', qug: 'qu', ron: 'ro', run: 'rn', rus: 'ru', sag: 'sg', sin: 'si', slk: 'sk',
  slv: 'sl', sna: 'sn', som: 'so', sot: 'st', spa: 'es', src: 'sc', srp: 'sr', ssw: 'ss', sun: 'su',
  swe: 'sv', swh: 'sw', tam: 'ta', tat: 'tt', tel: 'te', tgk: 'tg', tgl: 'tl', tha: 'th', tir: 'ti',
  tsn: 'tn', tso: 'ts', tuk: 'tk', tur: 'tr', uig: 'ug', ukr: 'uk', urd: 'ur', uzn: 'uz', ven: 've',
  vie: 'vi', wol: 'wo', xho: 'xh', ydd: 'yi', yor: 'yo', zlm: 'ms', zsm: 'ms', zul: 'zu',
};
const FRANC_ONLY = Object.keys(ISO3_TO_1);

function iso1(code3: string): string {
  return ISO3_TO_1[code3] ?? code3;
}

// --- scripts -----------------------------------------------------------------------------------

const enum S {
  Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya,
  Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar, Georgian, Ethiopic, Khmer,
  Hangul, Kana, Han, Count,
}

/** Scripts written (for practical purposes) in one language. */
const SCRIPT_LANG: Partial<Record<S, string>> = {
  [S.Greek]: 'el', [S.Armenian]: 'hy', [S.Bengali]: 'bn', [S.Gurmukhi]: 'pa', [S.Gujarati]: 'gu',
  [S.Oriya]: 'or', [S.Tamil]: 'ta', [S.Telugu]: 'te', [S.Kannada]: 'kn', [S.Malayalam]: 'ml',
  [S.Sinhala]: 'si', [S.Thai]: 'th', [S.Lao]: 'lo', [S.Tibetan]: 'bo', [S.Myanmar]: 'my',
  [S.Georgian]: 'ka', [S.Khmer]: 'km', [S.Hangul]: 'ko',
};

/** Script of a UTF-16 code unit, or -1 for non-letters (digits, punctuation, symbols, low surrogates). */
function scriptOf(c: number): number {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? S.Latin : -1;
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 ? S.Latin : c === 0xaa || c === 0xba ? S.Latin : -1;
  if (c < 0x370) return -1; // IPA, spacing modifiers, combining marks
  if (c < 0x400) return S.Greek;
  if (c < 0x530) return S.Cyrillic;
  if (c < 0x590) return S.Armenian;
  if (c < 0x600) return S.Hebrew;
  if (c < 0x700) return c >= 0x660 && c <= 0x669 ? -1 : S.Arabic;
  if (c >= 0x750 && c < 0x780) return S.Arabic;
  if (c >= 0x8a0 && c < 0x900) return S.Arabic;
  if (c < 0x900) return -1;
  if (c < 0xe00) {
    if (c < 0x980) return S.Devanagari;
    if (c < 0xa00) return S.Bengali;
    if (c < 0xa80) return S.Gurmukhi;
    if (c < 0xb00) return S.Gujarati;
    if (c < 0xb80) return S.Oriya;
    if (c < 0xc00) return S.Tamil;
    if (c < 0xc80) return S.Telugu;
    if (c < 0xd00) return S.Kannada;
    if (c < 0xd80) return S.Malayalam;
    return S.Sinhala;
  }
  if (c < 0xe80) return S.Thai;
  if (c < 0xf00) return S.Lao;
  if (c < 0x1000) return S.Tibetan;
  if (c < 0x10a0) return S.Myanmar;
  if (c < 0x1100) return S.Georgian;
  if (c < 0x1200) return S.Hangul;
  if (c < 0x13a0) return S.Ethiopic;
  if (c >= 0x1780 && c < 0x1800) return S.Khmer;
  if (c >= 0x1e00 && c < 0x1f00) return S.Latin;
  if (c >= 0x1f00 && c < 0x2000) return S.Greek;
  if (c < 0x3040) return -1;
  if (c < 0x3100) return c === 0x30fb || c === 0x30fc ? -1 : S.Kana;
  if (c >= 0x3130 && c < 0x3190) return S.Hangul;
  if (c >= 0x31f0 && c < 0x3200) return S.Kana;
  if (c >= 0x3400 && c < 0x4dc0) return S.Han;
  if (c >= 0x4e00 && c < 0xa000) return S.Han;
  if (c >= 0xac00 && c < 0xd7b0) return S.Hangul;
  if (c >= 0xd840 && c < 0xd880) return S.Han; // high surrogate of CJK extension B..F
  if (c >= 0xf900 && c < 0xfb00) return S.Han;
  if (c >= 0xfb1d && c < 0xfb50) return S.Hebrew;
  if (c >= 0xfb50 && c < 0xfe00) return S.Arabic;
  if (c >= 0xfe70 && c < 0xff00) return S.Arabic;
  if (c >= 0xff21 && c < 0xff5b) return (c <= 0xff3a || c >= 0xff41) ? S.Latin : -1;
  if (c >= 0xff66 && c < 0xffa0) return S.Kana;
  return -1;
}

interface ScriptCount {
  counts: Int32Array;
  /** Letters, CJK characters counted double. */
  letters: number;
  top: number;
}

function countScripts(s: string): ScriptCount {
  const counts = new Int32Array(S.Count);
  for (let i = 0; i < s.length; i++) {
    const k = scriptOf(s.charCodeAt(i));
    if (k >= 0) counts[k]++;
  }
  let letters = 0;
  let top = -1;
  let topW = 0;
  for (let k = 0; k < S.Count; k++) {
    const w = k === S.Han || k === S.Kana || k === S.Hangul ? counts[k] * 2 : counts[k];
    letters += w;
    if (w > topW) { topW = w; top = k; }
  }
  return { counts, letters, top };
}

// --- cleaning ----------------------------------------------------------------------------------

// Bounded, linear-time: each starts at a fixed prefix and consumes at most a few hundred characters.
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"]{1,300}/giu;
const EMAIL_RE = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,6}/gu;
const HANDLE_RE = /[@#][\p{L}\p{N}_]{1,40}/gu;

function clean(text: string): string {
  let s = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (s.includes('://') || s.includes('www.')) s = s.replace(URL_RE, ' ');
  if (s.includes('@')) s = s.replace(EMAIL_RE, ' ');
  if (s.includes('@') || s.includes('#')) s = s.replace(HANDLE_RE, ' ');
  return s;
}

// --- pair markers ------------------------------------------------------------------------------

interface CompiledPair {
  a: string;
  b: string;
  prior: string;
  re: RegExp;
  side: Map<string, number>; // word -> +1 (a) / -1 (b)
}

const PAIRS: CompiledPair[] = PAIR_MARKERS.map((p) => {
  const [a, b] = p.langs;
  const side = new Map<string, number>();
  for (const w of p.words[a] ?? []) side.set(w, (side.get(w) ?? 0) + 1);
  for (const w of p.words[b] ?? []) side.set(w, (side.get(w) ?? 0) - 1);
  for (const [w, v] of side) if (v === 0) side.delete(w); // listed on both sides: no evidence
  const re = new RegExp(`${WB_BEFORE}${matchAny(side.keys())}${WB_AFTER}`, 'giu');
  return { a, b, prior: p.prior, re, side };
});

/** Positive: evidence for pair.a; negative: for pair.b. */
function markerBalance(pair: CompiledPair, s: string): number {
  let n = 0;
  pair.re.lastIndex = 0;
  for (const m of s.matchAll(pair.re)) n += pair.side.get(m[0].toLowerCase()) ?? 0;
  return n;
}

function pairFor(code: string): CompiledPair | undefined {
  for (const p of PAIRS) if (p.a === code || p.b === code) return p;
  return undefined;
}

/**
 * Settle a close pair. `canTie` says whether the detector can itself tell the pair apart: when it
 * cannot (eld has Malay but no Indonesian), a tie goes to the pair's prior; otherwise the detector's
 * answer stands unless the markers clearly disagree.
 */
function settlePair(code: string, s: string, canTie: boolean): string {
  const pair = pairFor(code);
  if (!pair) return code;
  const bal = markerBalance(pair, s);
  if (!canTie) return bal > 0 ? pair.a : bal < 0 ? pair.b : pair.prior;
  if (bal >= 1) return pair.a;
  if (bal <= -1) return pair.b;
  return code;
}

// --- detectors ---------------------------------------------------------------------------------

function lengthFactor(letters: number): number {
  return Math.min(1, 0.4 + letters / 100);
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}

function runFranc(s: string, only: string[] | undefined): { code: string; margin: number } {
  const r = francAll(s, only ? { minLength: 1, only } : { minLength: 1 });
  const first = r[0];
  if (!first || first[0] === 'und') return { code: 'und', margin: 0 };
  const second = r[1]?.[1] ?? 0;
  return { code: iso1(first[0]), margin: first[1] - second };
}

const eld = await compactEld();
const ELD_LANGS = new Set(Object.values(eld.info().Languages));

function runFusion(s: string): { code: string; margin: number } {
  const fused = new Map<string, number>();
  const r = eld.detect(s);
  const es = Object.entries(r.getScores());
  const etop = es.reduce((m, [, v]) => Math.max(m, v), 0);
  if (etop > 0) for (const [l, v] of es) fused.set(l, v / etop);
  const fr = new Map<string, number>(); // several 639-3 members of one macrolanguage: keep the best
  for (const [l3, v] of francAll(s, { minLength: 1, only: FRANC_ONLY }).slice(0, 10)) {
    if (l3 === 'und') continue;
    const l = iso1(l3);
    fr.set(l, Math.max(fr.get(l) ?? 0, v));
  }
  for (const [l, v] of fr) fused.set(l, (fused.get(l) ?? 0) + v);
  let best = 'und';
  let b1 = 0;
  let b2 = 0;
  for (const [l, v] of fused) {
    if (v > b1) { b2 = b1; b1 = v; best = l; } else if (v > b2) b2 = v;
  }
  return { code: best, margin: b1 > 0 ? (b1 - b2) / b1 : 0 };
}

function runEld(s: string): { code: string; margin: number } {
  const r = eld.detect(s);
  if (!r.language) return { code: 'und', margin: 0 };
  const scores = Object.values(r.getScores()).sort((x, y) => y - x);
  const top = scores[0] ?? 0;
  const second = scores[1] ?? 0;
  return { code: r.language, margin: top > 0 ? (top - second) / top : 0 };
}

/** Script-level decision; null when the script is shared and a detector must decide. */
function byScript(sc: ScriptCount): string | null {
  const c = sc.counts;
  const cjk = c[S.Han] + c[S.Kana] + c[S.Hangul];
  if (sc.top === S.Han || sc.top === S.Kana || sc.top === S.Hangul) {
    if (c[S.Hangul] * 3 >= cjk) return 'ko';
    if (c[S.Kana] * 10 >= c[S.Han] + c[S.Kana]) return 'ja';
    return 'zh';
  }
  return SCRIPT_LANG[sc.top as S] ?? null;
}

export function detectLanguageWith(text: string, variant: LangIdVariant): LanguageResult {
  if (typeof text !== 'string' || text.length === 0) return UND;
  if (variant === 'franc' || variant === 'eld') {
    const s = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
    const r = variant === 'franc' ? runFranc(s, undefined) : runEld(s);
    return r.code === 'und' ? UND : { code: r.code, confidence: round(0.5 + r.margin) };
  }
  const s = clean(text);
  const sc = countScripts(s);
  if (sc.letters < MIN_LETTERS) return UND;
  const lf = lengthFactor(sc.letters);
  const fixed = byScript(sc);
  if (fixed) {
    const share = sc.counts[sc.top] / Math.max(1, sc.letters);
    return { code: fixed, confidence: round(lf * (0.7 + 0.29 * Math.min(1, share * 1.5))) };
  }
  const useFrancFirst = variant === 'franc-script' || variant === 'franc-script-markers';
  // Scripts where eld lacks a major language of the script (Yiddish, Tigrinya, Nepali): franc decides.
  const francOnlyScript = sc.top === S.Hebrew || sc.top === S.Ethiopic || sc.top === S.Devanagari;
  let r: { code: string; margin: number };
  let fromEld = false;
  if (useFrancFirst || francOnlyScript) {
    r = runFranc(s, FRANC_ONLY);
    if (!useFrancFirst && sc.top === S.Devanagari && r.code !== 'und' && ELD_LANGS.has(r.code) && r.margin < 0.02) {
      // franc near a tie between Hindi and Marathi: eld's view settles it.
      const e = runEld(s);
      if (e.code === 'hi' || e.code === 'mr') { r = e; fromEld = true; }
    }
  } else if (variant === 'fusion') {
    r = runFusion(s);
    fromEld = r.code !== 'und';
  } else {
    r = runEld(s);
    fromEld = r.code !== 'und';
    if (!fromEld) r = runFranc(s, FRANC_ONLY);
  }
  if (r.code === 'und') return UND;
  let code = r.code;
  if (variant === 'combined' || variant === 'fusion' || variant === 'franc-script-markers') {
    const settled = settlePair(code, s, !(fromEld && !ELD_LANGS.has('id') && code === 'ms'));
    if (settled !== code) {
      code = settled;
      r = { code, margin: Math.min(r.margin, 0.2) };
    }
  }
  const marginFactor = fromEld ? Math.min(1, r.margin * 4) : Math.min(1, r.margin * 2);
  return { code, confidence: round(lf * (0.5 + 0.49 * marginFactor)) };
}

/** ISO 639-1 code of the text's language ("und" when too short or unclear) and a confidence in [0, 1]. */
export function detectLanguage(text: string): LanguageResult {
  return detectLanguageWith(text, 'combined');
}

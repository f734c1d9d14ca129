// Figures stage: counts, money, percentages, ordinals and quantities in a cleaned text.
//
// How it works, in one pass over the text:
//  1. Mask what is never a figure: URLs, e-mail addresses, phone numbers, clock times, numeric dates,
//     year ranges, versions and IP-like chains, stock tickers.
//  2. Find number cores with one compiled regex per language: digit numbers (locale-aware separators,
//     fractions, vulgar fractions) and sequences of number words ("three hundred and two", "vingt et un",
//     "einhunderteinunddreißig").
//  3. Read the context of each core: scale words after it ("million", "Mrd."), then what it measures
//     (percent, currency, minor unit, ordinal suffix, date or time unit, unit symbol or word, fraction,
//     counted noun), currency symbols and rank prefixes before it, and the qualifier words before all that.
//     Also read there: the minor part after a currency word ("zwei Euro und fünfzig Cent"), a fraction word
//     before a scale ("half a million", "ein halbes Dutzend"), denominators glued to "-avos" ("veintiunavos").
//  4. Drop what is not a figure: bare years, numbers in names and labels ("level 4", "Global 500",
//     "COVID-19"), references ("the two sides"), lone articles ("un", "one").
//  5. Join two figures into a range ("5 to 10", "5–10%", "between 5 and 10").
//
// All words live in src/locale/<lang>/figures.ts; this file only holds the method. Every regex has
// bounded repetition, and context is read from short slices, so the work is linear in the text length.

import type { FigureItem } from '../export/schema.js';
import {
  figureLocale, figureLocaleInfo, FIGURE_LOCALES, CURRENCY_CODES, CURRENCY_SYMBOLS, EXCHANGES, TICKER_SUFFIXES, UNIT_SYMBOLS,
  type FigureLocale, type QualifierName,
} from '../locale/figures.js';
import { matchAny, WB_AFTER } from '../locale/pattern.js';

type Kind = FigureItem['kind'];

/** One space of any width. */
const SP = '[ \\u00a0\\u202f\\u2009]';
const VULGAR: Record<string, number> = {
  '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4, '⅕': 1 / 5, '⅖': 2 / 5, '⅗': 3 / 5, '⅘': 4 / 5,
  '⅙': 1 / 6, '⅚': 5 / 6, '⅛': 1 / 8, '⅜': 3 / 8, '⅝': 5 / 8, '⅞': 7 / 8,
};
/** How far back the left-context checks look (qualifiers, currency symbols, month names). */
const LEFT = 48;
/** Opening and closing brackets that pair. */
const BRACKETS = new Set(['()', '[]', '{}', '<>']);

type WordRole = 'n' | 'h' | 's' | 'j';

/** What one number word can be: a cardinal part, an ordinal, a fraction denominator, a join, a decimal mark… */
interface WordInfo {
  card?: { value: number; role: 'n' | 'h' | 's' };
  ord?: number;
  den?: number;
  plural?: boolean;
  join?: boolean;
  point?: boolean;
  avos?: boolean;
  article?: boolean;
}

interface Engine {
  data: FigureLocale;
  core: RegExp;
  token: RegExp;
  cardToken: RegExp | null;
  tokenY: RegExp;
  avosAfter: RegExp | null;
  percentBefore: RegExp | null;
  words: Map<string, { value: number; role: WordRole }>;
  info: Map<string, WordInfo>;
  afterScales: Record<string, number>;
  coreY: RegExp;
  overAfter: RegExp;
  negBefore: RegExp | null;
  rankCue: RegExp;
  scaleWord: RegExp;
  scaleAbbr: RegExp;
  scaleMinor: RegExp;
  percent: RegExp;
  curSymAfter: RegExp;
  curWordAfter: RegExp;
  curWords: Map<string, string>;
  minorAfter: RegExp;
  minorJoin: RegExp;
  minor: Map<string, string>;
  ordSuffix: RegExp;
  monthAfter: RegExp;
  monthBefore: RegExp;
  timeAfter: RegExp;
  clockAfter: RegExp;
  unitSym: RegExp;
  unitWord: RegExp;
  unitWords: Map<string, string>;
  fraction: RegExp;
  fractions: Map<string, number>;
  curBefore: RegExp;
  rankBefore: RegExp;
  qualBefore: RegExp;
  qualifiers: Map<string, QualifierName>;
  nameBefore: RegExp;
  yearBefore: RegExp;
  definiteBefore: RegExp;
  dotOrdBefore: RegExp | null;
  betweenBefore: RegExp;
  rangeNotBefore: RegExp | null;
  rangeMid: RegExp;
  betweenJoin: RegExp;
  nextWord: RegExp;
  plural: RegExp;
  stop: Set<string>;
  notPlural: Set<string>;
  preAdj: Set<string>;
  articleOnes: Set<string>;
  ambiguousAlone: Set<string>;
  standaloneScales: Set<string>;
  singular: Array<[RegExp, string]>;
}

const lowerKeys = <T>(rec: Record<string, T>): Map<string, T> => new Map(Object.entries(rec).map(([k, v]) => [k.toLowerCase(), v]));
const norm = (s: string): string => s.toLowerCase().replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/’/g, "'");

/** `(?:^|[^\p{L}])(words)SP{0,n}$` on a left slice: the words end right where the figure starts. */
const endsWith = (words: string[], space: string, flags = 'iu'): RegExp =>
  new RegExp(`(?:^|[^\\p{L}\\p{N}_])(${matchAny(words)})${space}$`, flags);

/**
 * `matchAny` as a trie ("t(?:hree|wo|en)…"): the same language, longest match first, but a position is
 * rejected after a character or two instead of after trying every word (the word lists here run to hundreds).
 */
function trieAny(list: Iterable<string>): string {
  interface Node { end: boolean; kids: Map<string, Node> }
  const root: Node = { end: false, kids: new Map() };
  let any = false;
  for (const w of new Set([...list].map((x) => x.toLowerCase()))) {
    if (!w) continue;
    any = true;
    let n = root;
    for (const ch of w) { let k = n.kids.get(ch); if (!k) { k = { end: false, kids: new Map() }; n.kids.set(ch, k); } n = k; }
    n.end = true;
  }
  if (!any) return '(?!)';
  const esc = (ch: string): string => (ch === ' ' ? '[ \\u00a0\\u202f]' : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const emit = (n: Node): string => {
    const parts = [...n.kids.entries()].map(([ch, k]) => esc(ch) + emit(k));
    if (parts.length === 0) return '';
    const alt = parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
    return n.end ? (parts.length === 1 ? `(?:${alt})?` : `${alt}?`) : alt;
  };
  return `(?:${emit(root)})`;
}

/** Lower case without accents: "cinquième" -> "cinquieme" (specs and headlines often drop them). */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
/** The words of a table plus their accent-free forms. */
function withFolded<T>(rec: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(rec)) { out[k] = v; const f = fold(k); if (!(f in out)) out[f] = v; }
  return out;
}
const foldList = (xs: string[]): string[] => [...new Set([...xs, ...xs.map(fold)])];

function compile(raw: FigureLocale): Engine {
  const data: FigureLocale = {
    ...raw,
    numbers: withFolded(raw.numbers), hundreds: foldList(raw.hundreds), scales: withFolded(raw.scales),
    fractions: withFolded(raw.fractions), ordinals: withFolded(raw.ordinals), unitWords: withFolded(raw.unitWords),
    currencyWords: withFolded(raw.currencyWords), minorUnits: withFolded(raw.minorUnits), percent: foldList(raw.percent),
    decimalWords: foldList(raw.decimalWords),
  };
  // Scale and percent words after a number fall back on the other locales' words: short
  // texts mix languages ("tiene $ 300 milhões") and detection may pick a neighbour. The locale's own words win.
  const others = Object.values(FIGURE_LOCALES).filter((o) => o !== raw);
  const merged = <K extends 'scales' | 'currencyWords' | 'unitWords' | 'minorUnits'>(k: K): Record<string, number | string> =>
    Object.assign({}, ...others.map((o) => withFolded(o[k] as Record<string, number | string>)), data[k]);
  const own = new Set([...Object.keys(data.unitWords), ...Object.keys(data.currencyWords), ...data.stopwords, ...data.timeUnits].map(norm));
  const afterScales = Object.fromEntries(Object.entries(merged('scales')).filter(([k]) => !own.has(norm(k)) || k in data.scales)) as Record<string, number>;
  // Currency and unit words come from the close neighbour only (es <-> pt): texts mixing the two are common
  // and detection confuses them; merging every locale's tables would cost more to compile than it earns.
  const near = others.filter((o) => raw.neighbours.includes(FIGURE_CODE.get(o) ?? ''));
  const nearMerged = <K extends 'currencyWords' | 'unitWords' | 'minorUnits'>(k: K): Record<string, string> =>
    Object.assign({}, ...near.map((o) => withFolded(o[k] as Record<string, string>)), data[k]);
  data.currencyWords = nearMerged('currencyWords');
  data.unitWords = nearMerged('unitWords');
  data.minorUnits = nearMerged('minorUnits');
  data.percent = foldList([...data.percent, ...others.flatMap((o) => o.percent)]);
  const numberWords = [...Object.keys(data.numbers), ...data.hundreds, ...Object.keys(data.scales)];
  const words = new Map<string, { value: number; role: WordRole }>();
  for (const [w, v] of Object.entries(data.numbers)) words.set(w.toLowerCase(), { value: v, role: 'n' });
  for (const w of data.hundreds) words.set(w.toLowerCase(), { value: 100, role: 'h' });
  for (const [w, v] of Object.entries(data.scales)) words.set(norm(w), { value: v, role: 's' });
  for (const w of data.numberJoin) words.set(w.toLowerCase(), { value: 0, role: 'j' });

  const info = new Map<string, WordInfo>();
  const at = (w: string): WordInfo => { const k = norm(w); let i = info.get(k); if (!i) { i = {}; info.set(k, i); } return i; };
  for (const [w, v] of words) {
    if (v.role === 'j') at(w).join = true;
    else at(w).card = { value: v.value, role: v.role };
  }
  const isPlural = (w: string): boolean => !data.compoundNumbers && /s$/u.test(w);
  for (const [w, v] of Object.entries(data.ordinals)) {
    const i = at(w);
    if (!i.card) i.ord = v;
    if (data.ordinalDenominators && v >= 3) { i.den ??= v; i.plural = isPlural(norm(w)); }
  }
  for (const [w, v] of Object.entries(data.fractions)) { const i = at(w); if (!i.card) { i.den = v; i.plural = isPlural(norm(w)); } }
  for (const w of data.decimalWords) at(w).point = true;
  for (const w of data.denominatorMarks) at(w).avos = true;
  for (const w of data.articleNumerators) { const i = at(w); i.card ??= { value: 1, role: 'n' }; i.article = true; }

  // Fraction words start a number too: "half a million", "media docena" (parseWords keeps them only before a scale).
  const startWords = [...numberWords, ...Object.keys(data.ordinals), ...Object.keys(data.fractions)];
  const contWords = [...startWords, ...Object.keys(data.fractions), ...data.numberJoin, ...data.decimalWords, ...data.denominatorMarks, ...data.articleNumerators];
  const W = trieAny(startWords);
  const C = trieAny(contWords);
  const J = matchAny(data.numberJoin);
  const art = data.articleNumerators.length ? `${matchAny(data.articleNumerators)}${SP}{1,2}(?=${C})` : '(?!)';
  // A number word, or (compound languages) a run of number-word parts written as one word.
  const first = data.compoundNumbers ? `(?:${W})(?:${C}){0,15}` : W;
  const word = data.compoundNumbers ? `(?:${C}){1,16}` : C;
  const wordSeq = `(?:${art}${word}|${first})(?:(?:${SP}{1,3}|${SP}?[-‐]${SP}?)(?:${J}${SP}{1,3})?${word}){0,24}${WB_AFTER}`;
  const lead = data.decimal === ',' ? '[.,]' : '\\.';
  const digits =
    `\\d{1,3}(?:(?:[,.'’]|${SP}(?=\\d{3}(?![\\p{N}])))\\d{3}){1,6}(?:[.,]\\d{1,12})?(?![\\p{N}]|[.,]\\d)` +
    `|\\d{1,20}(?:[.,]\\d{1,12})?(?![\\p{N}]|[.,]\\d)|${lead}\\d{1,12}(?![\\p{N}])`;
  const core = new RegExp(
    `(?<![\\p{L}\\p{N}_]|[\\p{N}][.,])(?:` +
      `(?<frac>(?:\\d{1,3}${SP}{1,2})?\\d{1,3}/\\d{1,3}(?![\\p{N}/]))` +
      `|(?<vul>\\d{0,3}[${Object.keys(VULGAR).join('')}])` +
      `|(?<num>${digits})` +
      `|(?<word>${wordSeq}))`,
    'giu',
  );
  const token = new RegExp(`${trieAny([...contWords, ...data.articleNumerators])}`, 'giu');
  // Compound languages: a cardinal part where an ordinal stem would swallow the next part ("fünfzehnt|ausend").
  const ordOnly = new Set(Object.keys(data.ordinals).map(norm));
  const cardToken = data.compoundNumbers
    ? new RegExp(trieAny([...contWords, ...data.articleNumerators].filter((w) => !ordOnly.has(norm(w)) || words.has(norm(w)))), 'iuy')
    : null;

  const scaleOf = data.scaleOf.length ? `(?:${trieAny(data.scaleOf)}${SP}{0,2})?` : '';
  const codes = matchAny(CURRENCY_CODES);
  const syms = matchAny(Object.keys(CURRENCY_SYMBOLS));
  const unitWordsAll = Object.keys(data.unitWords);
  const timeBefore = data.timeUnitBefore.length ? `(?:${trieAny(data.timeUnitBefore)}${SP}{1,2})?` : '';
  const months = trieAny(data.months);
  const ordSuf = data.ordinalSuffixes.length ? trieAny(data.ordinalSuffixes) : '(?!)';
  const between = data.rangeBetween.map(([a]) => a);
  const joins = data.rangeBetween.map(([, b]) => b);

  return {
    data,
    core,
    token,
    cardToken,
    tokenY: new RegExp(token.source, 'iuy'),
    percentBefore: data.percentBefore?.length ? endsWith(data.percentBefore, `${SP}{1,2}`) : null,
    avosAfter: data.denominatorMarks.length
      ? new RegExp(`${SP}{1,2}(\\p{L}{2,30}?)(?:${trieAny(data.denominatorMarks.flatMap((w) => [w, w.replace(/s$/u, '')]))})(?![\\p{L}])`, 'iuy')
      : null,
    words,
    info,
    coreY: new RegExp(core.source, 'iuy'),
    overAfter: new RegExp(`${SP}{1,2}(?:${trieAny(data.fractionOver)})${SP}{1,2}`, 'iuy'),
    negBefore: data.negative.length ? endsWith(data.negative, `${SP}{1,2}`) : null,
    rankCue: new RegExp(`(?:^|[^\\p{L}])(?:${trieAny(data.rankCues)})(?![\\p{L}])`, 'iu'),
    scaleWord: new RegExp(`${SP}{0,2}(${trieAny(Object.keys(afterScales))})${WB_AFTER}`, 'iuy'),
    afterScales,
    scaleAbbr: new RegExp(`${SP}?(${matchAny(Object.keys(data.scaleAbbrevs))})(?![\\p{L}\\p{N}])`, 'uy'),
    scaleMinor: /[ \u00a0]?([mb])(?![\p{L}\p{N}])/uy,
    percent: new RegExp(`${SP}{0,2}(?:%|‰|(?:${trieAny(data.percent)})${WB_AFTER})`, 'iuy'),
    curSymAfter: new RegExp(`${SP}{0,2}${scaleOf}(?:(${syms})|(${codes})(?![\\p{L}]))`, 'uy'),
    curWordAfter: new RegExp(`${SP}{0,2}${scaleOf}(${trieAny(Object.keys(data.currencyWords))})${WB_AFTER}`, 'iuy'),
    curWords: lowerKeys(data.currencyWords),
    minorJoin: new RegExp(`(?:${SP}{0,2},|${SP}{1,3}(?:${matchAny([...data.numberJoin, ...data.decimalWords])}))?${SP}{1,3}`, 'iuy'),
    minorAfter: new RegExp(`(?:${SP}{0,2}|-)(${trieAny(Object.keys(data.minorUnits))})${WB_AFTER}`, 'iuy'),
    minor: lowerKeys(data.minorUnits),
    ordSuffix: new RegExp(`(${ordSuf})(?![\\p{L}\\p{N}])`, 'iuy'),
    monthAfter: new RegExp(`(?:\\.|${ordSuf})?${SP}{0,2}(?:(?:of|de|del)${SP}{1,2})?${months}${WB_AFTER}`, 'iuy'),
    monthBefore: endsWith(data.months, `\\.?${SP}{1,2}`),
    timeAfter: new RegExp(`(?:${SP}{0,2}|${SP}?[-‐]${SP}?)${timeBefore}(?:${trieAny(data.timeUnits)})${WB_AFTER}`, 'iuy'),
    clockAfter: new RegExp(`${SP}?(?:${trieAny(data.timeMarkers)})(?![\\p{L}])`, 'iuy'),
    unitSym: new RegExp(`(?:${SP}?|-)(?:[(\\[{<](?=(?:${matchAny(UNIT_SYMBOLS)})[)\\]}>]))?(${matchAny(UNIT_SYMBOLS)})(?:(?<=[(\\[{<][^ ]{1,8})[)\\]}>])?(?![\\p{L}\\p{N}])`, 'uy'),
    unitWord: new RegExp(`(?:${SP}{1,2}|${SP}?[-‐]${SP}?)${scaleOf}(${trieAny(unitWordsAll)})${WB_AFTER}`, 'iuy'),
    unitWords: lowerKeys(data.unitWords),
    fraction: new RegExp(`(?:${SP}{1,2}|-)(${trieAny(Object.keys(data.fractions))})${WB_AFTER}`, 'iuy'),
    fractions: lowerKeys(data.fractions),
    curBefore: new RegExp(`(?:^|[^\\p{L}\\p{N}_])(${syms}|${codes})${SP}{0,2}$`, 'u'),
    rankBefore: endsWith(data.rankPrefixes, `${SP}{0,2}`),
    qualBefore: endsWith(Object.keys(data.qualifiers), `${SP}{0,3}`),
    qualifiers: lowerKeys(data.qualifiers),
    nameBefore: endsWith(data.nameCues, `${SP}{1,2}`),
    yearBefore: endsWith(data.yearCues, `${SP}{1,2}`),
    definiteBefore: endsWith(data.definite, `${SP}{1,2}`),
    dotOrdBefore: data.dotOrdinalBefore.length ? endsWith(data.dotOrdinalBefore, `${SP}{1,2}`) : null,
    betweenBefore: endsWith(between, `${SP}{1,2}`),
    rangeNotBefore: data.rangeNotAfter.length ? endsWith(data.rangeNotAfter, `${SP}{1,2}`) : null,
    rangeMid: new RegExp(`^(?:${SP}{0,2}[-–—~]${SP}{0,2}|${SP}{1,2}${trieAny(data.rangeTo)}${SP}{1,2})$`, 'iu'),
    betweenJoin: new RegExp(`^${SP}{1,2}${trieAny(joins)}${SP}{1,2}$`, 'iu'),
    nextWord: /[ \u00a0]{1,2}([\p{L}][\p{L}\p{M}'’-]{0,40})/uy,
    plural: new RegExp(data.plural, 'u'),
    stop: new Set(data.stopwords.map((w) => w.toLowerCase())),
    notPlural: new Set(data.notPlural),
    preAdj: new Set(data.preAdjectives),
    articleOnes: new Set(data.articleOnes),
    ambiguousAlone: new Set(data.ambiguousAlone),
    standaloneScales: new Set(data.standaloneScales),
    singular: data.singular.map(([re, rep]) => [new RegExp(re, 'u'), rep]),
  };
}

const engines = new Map<string, Engine>();
const FIGURE_CODE = new Map(Object.entries(FIGURE_LOCALES).map(([c, l]) => [l, c]));
function engineFor(lang: string): Engine {
  const { code, data } = figureLocale(lang);
  let e = engines.get(code);
  if (!e) { e = compile(data); engines.set(code, e); }
  return e;
}

// ---------------------------------------------------------------------------------------------------
// Masks: spans that are never figures.

const MASK = new RegExp(
  [
    '(?:https?://|www\\.)[^\\s<>"\\]\\)]{1,2000}',
    `\\+\\d{1,3}(?:[ .\\-]?\\(?\\d{1,4}\\)?){2,6}`,
    `\\(\\d{2,4}\\)${SP}?\\d{3,4}[-. ]\\d{3,4}`,
    '(?<![\\p{N}])\\d{3}[-.]\\d{3}[-.]\\d{4}(?![\\p{N}])',
    `(?:(?:tel|phone|fax|tél|telefon|teléfono|telefone|mobile|mob)\\.?${SP}{0,2}[:.]?${SP}{0,2})[\\d+(][\\d ()./\\-]{5,25}`,
    '(?<![\\p{N}])\\d{1,2}[:h]\\d{2}(?::\\d{2})?(?![\\p{N}])',
    '(?<![\\p{N}.,])\\d{1,4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,4}(?![\\p{N}])',
    '(?<![\\p{N}])\\d{1,3}(?:\\.\\d{1,3}){3,}(?![\\p{N}])',
    '(?<![\\p{N}])(?:19|20)\\d{2}[-–/](?:19|20)?\\d{2}(?![\\p{N}])',
    `(?:${matchAny(EXCHANGES)})${SP}?[:：]${SP}?[A-Z0-9.]{1,12}`,
    `(?<![\\p{N}])\\d{3,6}\\.(?:${matchAny(TICKER_SUFFIXES)})(?![\\p{L}])`,
    '#\\p{L}[\\p{L}\\p{N}_]{0,50}',
    '@[\\p{L}\\p{N}_]{1,50}',
  ].join('|'),
  'giu',
);

function masks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  MASK.lastIndex = 0;
  for (let m = MASK.exec(text); m; m = MASK.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) MASK.lastIndex++;
  }
  // E-mail addresses: expand around each '@' (cheaper than a regex that tries every position).
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at, e = at + 1;
    while (s > 0 && at - s < 64 && /[\w.+-]/.test(text[s - 1]!)) s--;
    while (e < text.length && e - at < 255 && /[\w.-]/.test(text[e]!)) e++;
    if (s < at && e > at + 1) out.push([s, e]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

// ---------------------------------------------------------------------------------------------------
// Numbers.

/** Reads a digit number with locale-aware separators. */
function parseDigits(raw: string, decimal: '.' | ','): number {
  const s = raw.replace(/[ \u00a0\u202f\u2009'’]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let dec = -1;
  if (lastDot >= 0 && lastComma >= 0) dec = Math.max(lastDot, lastComma);
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const pos = Math.max(lastDot, lastComma);
    const count = s.split(sep).length - 1;
    const after = s.length - pos - 1;
    // One separator: a decimal mark unless exactly three digits follow and it is the locale's grouping mark.
    if (count === 1 && (after !== 3 || sep === decimal || pos === 0)) dec = pos;
  }
  const intPart = (dec >= 0 ? s.slice(0, dec) : s).replace(/[.,]/g, '');
  const frac = dec >= 0 ? s.slice(dec + 1) : '';
  return Number(`${intPart || '0'}${frac ? `.${frac}` : ''}`);
}

const round = (v: number): number => Number(v.toPrecision(15));

interface WordParse {
  value: number; end: number; tokens: number; single: string; singleRole: WordRole;
  /** An ordinal word ends the number ("twenty-fifth", "dritte"). */
  ordinal: boolean;
  /** A fraction or a decimal in words ("three fifths", "two point five"): never a lone article. */
  exact: boolean;
}

interface Tok { lw: string; info: WordInfo; start: number; end: number; hyphen: boolean }

/** The number-word tokens of a segment; stops where anything but spaces and hyphens stands between two. */
function tokenize(e: Engine, text: string, start: number, end: number): Tok[] {
  const seg = text.slice(start, end);
  const compound = e.data.compoundNumbers;
  const out: Tok[] = [];
  e.token.lastIndex = 0;
  let lastEnd = -1;
  for (let m = e.token.exec(seg); m; m = e.token.exec(seg)) {
    if (e.cardToken && /\p{L}/u.test(seg[m.index + m[0].length] ?? '') && e.info.get(norm(m[0]))?.card === undefined) {
      e.cardToken.lastIndex = m.index;
      const c = e.cardToken.exec(seg);
      if (c && c[0].length < m[0].length) { m = c; e.token.lastIndex = m.index + m[0].length; }
    }
    const lw = norm(m[0]);
    const info = e.info.get(lw);
    if (!info) break;
    let hyphen = false;
    if (lastEnd >= 0) {
      const gap = seg.slice(lastEnd, m.index);
      if (!compound && gap.length === 0) break;
      if (!/^[ \u00a0\u202f\u2009‐-]*$/.test(gap)) break;
      hyphen = /[‐-]/.test(gap);
    } else if (m.index !== 0) break;
    out.push({ lw, info, start: start + m.index, end: start + m.index + m[0].length, hyphen });
    lastEnd = m.index + m[0].length;
  }
  return out;
}

const ordCard = (v: number): { value: number; role: 'n' | 'h' | 's' } =>
  v === 100 ? { value: 100, role: 'h' } : v >= 1000 ? { value: v, role: 's' } : { value: v, role: 'n' };

interface Combined { value: number; next: number; count: number; lastOrd: boolean; lastTens: boolean }

/** Combines cardinal words (and, with `ord`, ordinal words) from `from`; stops where they stop making one number. */
function combine(e: Engine, toks: Tok[], from: number, to: number, ord: boolean): Combined {
  let total = 0, pending = 0, pendingScale = 0, cur = 0, prevSmall = -1, prevRole = '', count = 0, next = from, lastOrd = false;
  let pendingJoin = false;
  const compound = e.data.compoundNumbers;
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (t.info.join) {
      const afterTens = prevSmall >= 20 && prevSmall % 10 === 0;
      if (count === 0 || lastOrd) break;
      if (!compound && !(prevRole === 'h' || prevRole === 's' || afterTens || prevSmall >= 100)) break;
      pendingJoin = true;
      continue;
    }
    // After an ordinal only another ordinal may follow ("vigésimo quinto", "centésimo vigésimo").
    if (lastOrd && (t.info.card || t.info.ord === undefined)) break;
    const c = t.info.card ?? (ord && t.info.ord !== undefined ? ordCard(t.info.ord) : undefined);
    if (!c) break;
    if (t.info.article && count > 0) break;
    const isOrd = !t.info.card;
    if (c.role === 'n') {
      const v = c.value;
      if (prevSmall >= 0 && !compound) {
        const ok = (prevSmall >= 20 && prevSmall < 100 && prevSmall % 10 === 0 && v < 10) ||
          ((prevSmall === 60 || prevSmall === 80) && v >= 10 && v < 20) ||
          (prevSmall === 10 && v >= 7 && v <= 9) ||
          (prevSmall >= 100 && prevSmall % 100 === 0 && v < 100);
        if (!ok) break;
      }
      cur += v;
      prevSmall = v;
    } else if (c.role === 'h') {
      if (prevRole === 'h') break;
      cur = (cur || 1) * 100;
      prevSmall = -1;
    } else {
      // "455 mil 228 millones": a larger scale multiplies everything since the last larger one.
      const S = c.value;
      if (pending > 0 && S > pendingScale) pending = (pending + cur) * S;
      else { total += pending; pending = (cur || 1) * S; }
      pendingScale = S;
      cur = 0;
      prevSmall = -1;
    }
    prevRole = c.role;
    pendingJoin = false;
    count++;
    lastOrd = isOrd;
    next = i + 1;
  }
  void pendingJoin;
  return { value: round(total + pending + cur), next, count, lastOrd, lastTens: prevSmall >= 20 && prevSmall < 100 && prevSmall % 10 === 0 };
}

/** A denominator from token i: a fraction word, an ordinal compound ("twenty-fifth"), or a number before "avos". */
function denominator(e: Engine, toks: Tok[], i: number, to: number): { den: number; end: number } | null {
  const t = toks[i];
  if (!t) return null;
  if (t.info.den !== undefined && !t.info.card && t.info.ord === undefined) return { den: t.info.den, end: i + 1 };
  const c = combine(e, toks, i, to, true);
  if (c.count === 0) return null;
  if (c.lastOrd && e.data.ordinalDenominators && c.value >= 2 && toks[c.next - 1]!.info.den !== undefined) return { den: c.value, end: c.next };
  if (!c.lastOrd && toks[c.next]?.info.avos && c.value >= 2) return { den: c.value, end: c.next + 1 };
  return null;
}

/** Parses a sequence of number words: cardinals, ordinals, fractions ("three fifths", "one and a half"), decimals ("two point five"). */
function parseWords(e: Engine, text: string, start: number, end: number): WordParse | null {
  const toks = tokenize(e, text, start, end);
  if (toks.length === 0 || toks[0]!.info.join || toks[0]!.info.point || toks[0]!.info.avos) return null;
  let n = toks.length;
  const t0 = toks[0]!;
  if (t0.info.den !== undefined && !t0.info.card && t0.info.ord === undefined) {
    // A fraction word before a scale: "half a million", "media docena", "ein halbes Dutzend" (from "halbes").
    const i = toks[1]?.info.article || (toks[1]?.info.card?.value === 1 && toks[1].info.card.role === 'n') ? 2 : 1;
    const sc = toks[i]?.info.card;
    if (!sc || sc.role !== 's') return null;
    return { value: round(sc.value / t0.info.den), end: toks[i]!.end, tokens: i + 1, single: t0.lw, singleRole: 'n', ordinal: false, exact: true };
  }
  const res = (value: number, endTok: number, ordinal: boolean, exact: boolean): WordParse | null => {
    if (endTok <= 0 || !Number.isFinite(value)) return null;
    const t0 = toks[0]!;
    const r: WordParse = { value: round(value), end: toks[endTok - 1]!.end, tokens: endTok, single: t0.lw, singleRole: t0.info.card?.role ?? 'n', ordinal, exact };
    if (toks[0]!.info.article && endTok === 1) return null;
    return r;
  };
  // A fraction before a scale word multiplies it: "ein halbes Dutzend", "eine halbe Million", "three quarters of a million" no.
  const frac = (value: number, endTok: number): WordParse | null => {
    const t = toks[endTok];
    if (t && t.info.card?.role === 's' && !t.info.article && !t.hyphen) return res(value * t.info.card.value, endTok + 1, false, true);
    return res(value, endTok, false, true);
  };
  // Decimals in words: "two point five", "quarenta e sete vírgula vinte e oito", "siete con un medio".
  const p = toks.findIndex((t) => t.info.point);
  if (p > 0) {
    const a = combine(e, toks, 0, p, false);
    if (a.next === p && a.count > 0) {
      const rest = combine(e, toks, p + 1, n, false);
      const d = denominator(e, toks, rest.next, n);
      if (rest.count > 0 && d) return res(a.value + rest.value / d.den, d.end, false, true);
      if (rest.count > 0) {
        let digits = '';
        let i = p + 1;
        while (i < n && toks[i]!.info.card?.value === 0 && toks[i]!.info.card!.role === 'n') { digits += '0'; i++; }
        let j = i;
        while (j < n && toks[j]!.info.card?.role === 'n' && toks[j]!.info.card!.value < 10 && !toks[j]!.info.article) j++;
        let stop = j;
        if (j - i > 1) digits += toks.slice(i, j).map((t) => String(t.info.card!.value)).join('');
        else if (i < n) { const r = combine(e, toks, i, n, false); if (r.count > 0) { digits += String(r.value); stop = r.next; } }
        if (!digits) return res(a.value, p, false, false);
        return res(Number(`${a.value}.${digits}`), stop, false, true);
      }
    }
    n = p;
  }
  const g = combine(e, toks, 0, n, true);
  if (g.count === 0) return null;
  if (g.lastOrd) {
    const lastIdx = g.next - 1;
    const last = toks[lastIdx]!;
    let ds = lastIdx;
    while (ds > 0 && toks[ds]!.hyphen && toks[ds - 1]!.info.card && !toks[ds - 1]!.info.article) ds--;
    const oneBefore = ds === 1 && toks[0]!.info.card?.value === 1;
    if (e.data.ordinalDenominators && last.info.den !== undefined && (last.info.plural || oneBefore)) {
      const num = ds === 0 ? null : combine(e, toks, 0, ds, false);
      const den = combine(e, toks, ds, g.next, true);
      if (num && num.next === ds && den.value >= 2) return res(num.value / den.value, g.next, false, true);
    }
    return res(g.value, g.next, true, false);
  }
  if (g.next < n) {
    const t = toks[g.next]!;
    const d = denominator(e, toks, g.next, n);
    if (d && !toks[g.next - 1]!.info.card?.role.match(/[hs]/)) {
      // Mixed numbers: "one hundred and three quarters", "cent trois et deux tiers".
      for (let j = g.next - 2; j > 0; j--) {
        if (!toks[j]!.info.join) continue;
        const numer = toks[j + 1]!.info.card;
        const base = combine(e, toks, 0, j, false);
        if (j + 2 === g.next && numer && numer.role === 'n' && numer.value < 10 && base.next === j && !base.lastTens) {
          return frac(base.value + numer.value / d.den, d.end);
        }
        break;
      }
      return frac(g.value / d.den, d.end);
    }
    if (t.info.join) {
      // "five and a quarter", "uno con un medio", "zwei und drei Viertel".
      const b = combine(e, toks, g.next + 1, n, false);
      const d2 = b.count > 0 ? denominator(e, toks, b.next, n) : null;
      if (d2 && b.value < d2.den) return frac(g.value + b.value / d2.den, d2.end);
    }
  }
  return res(g.value, g.next, false, false);
}

// ---------------------------------------------------------------------------------------------------
// Context readers.

const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();

function stick(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function singularize(e: Engine, word: string): string {
  const w = word.toLowerCase();
  const irr = e.data.irregular[w];
  if (irr !== undefined) return irr;
  for (const [re, rep] of e.singular) if (re.test(w)) return w.replace(re, rep);
  return w;
}

/** The counted noun after a number: [end, unit] or null. */
function countedNoun(e: Engine, text: string, at: number, plural: boolean, scaled: boolean): [number, string] | null {
  const order = e.data.nounOrder;
  let p = at;
  let first: [number, string] | null = null;
  const isNumberWord = (lw: string): boolean => e.words.has(lw);
  for (let i = 0; i < 4; i++) {
    const m = stick(e.nextWord, text, p);
    if (!m) return null;
    let w = m[1]!;
    let wEnd = m.index + m[0].length;
    // Trailing hyphens and apostrophes are not part of the word.
    while (w.length > 1 && /[-'’]$/.test(w)) { w = w.slice(0, -1); wEnd--; }
    let lw = w.toLowerCase();
    if (order === 'head-first') {
      // "millions de visiteurs", "millions d'habitants".
      if (i === 0 && scaled && e.data.scaleOf.includes(lw)) { p = wEnd; continue; }
      const el = /^[dl]['’]/.exec(lw);
      if (el && scaled) { w = w.slice(2); lw = lw.slice(2); }
      if (e.preAdj.has(lw) && i < 2) { p = wEnd; continue; }
      if (!w || !isLower(w[0]!) || e.stop.has(lw) || isNumberWord(lw)) return null;
      if (plural && (!e.plural.test(lw) || e.notPlural.has(lw))) return null;
      return [wEnd, singularize(e, lw)];
    }
    if (order === 'capitalized') {
      if (e.stop.has(lw) || isNumberWord(lw)) return null;
      if (isUpper(w[0]!)) return [wEnd, singularize(e, lw)];
      if (i >= 2) return null;
      p = wEnd;
      continue;
    }
    // head-last: modifiers, then a plural head.
    if (i >= 3 || !isLower(w[0]!) || e.stop.has(lw) || isNumberWord(lw) || /ly$/.test(lw)) break;
    if (e.data.irregular[lw] !== undefined || (e.plural.test(lw) && !e.notPlural.has(lw))) return [wEnd, singularize(e, lw)];
    if (i === 0) first = [wEnd, lw];
    p = wEnd;
  }
  return !plural && first ? first : null;
}

// ---------------------------------------------------------------------------------------------------
// Candidates.

interface Cand {
  start: number;
  end: number;
  coreStart: number;
  kind: Kind;
  value: number;
  unit: string | null;
  qualifier: QualifierName | null;
  scale: number;
  /** Why the candidate is not a figure (it still blocks ranges that touch it). */
  drop: string | null;
}

function readCore(e: Engine, text: string, m: RegExpExecArray, blocked: Array<[number, number]>, bi: { i: number }, short: boolean): Cand | null {
  const g = m.groups!;
  const cs = m.index;
  let ce = cs + m[0].length;
  // Skip masked spans.
  while (bi.i < blocked.length && blocked[bi.i]![1] <= cs) bi.i++;
  for (let k = bi.i; k < blocked.length && blocked[k]![0] < ce; k++) if (blocked[k]![1] > cs) return null;

  const d = e.data;
  let value: number;
  let isWord = false;
  let wordParse: WordParse | null = null;
  let bareDigits = false;
  let expPending: number | null = null;
  if (g.word !== undefined) {
    wordParse = parseWords(e, text, cs, ce);
    if (!wordParse) return null;
    ce = wordParse.end;
    value = wordParse.value;
    isWord = true;
  } else if (g.frac !== undefined) {
    const fm = /^(?:(\d{1,3})[ \u00a0\u202f\u2009]{1,2})?(\d{1,3})\/(\d{1,3})$/.exec(g.frac)!;
    const num = Number(fm[2]), den = Number(fm[3]);
    if (!(den >= 2 && num < den)) return null;
    value = round((fm[1] ? Number(fm[1]) : 0) + num / den);
  } else if (g.vul !== undefined) {
    const last = g.vul.slice(-1);
    value = round((g.vul.length > 1 ? Number(g.vul.slice(0, -1)) : 0) + VULGAR[last]!);
  } else {
    value = parseDigits(g.num!, d.decimal);
    bareDigits = /^\d+$/.test(g.num!);
    // Scientific notation and powers: "12.32e+14", "1,1^23".
    const ex = /^(?:[eE]([+-]?\d{1,3})|\^([+-]{0,2})(\d{1,3}))(?![\p{L}\p{N}])/u.exec(text.slice(ce, ce + 8));
    if (ex) {
      bareDigits = false;
      if (ex[1] !== undefined) value = round(value * 10 ** Number(ex[1]));
      else { const neg = (ex[2]!.match(/-/g) ?? []).length % 2 === 1; expPending = neg ? -Number(ex[3]) : Number(ex[3]); }
      ce += ex[0].length;
    }
  }
  if (!Number.isFinite(value)) return null;

  // A minus sign belongs to the number when nothing but space or an opening bracket stands before it.
  let start = cs;
  if (!isWord && cs > 0 && (text[cs - 1] === '-' || text[cs - 1] === '−')) {
    const before = cs >= 2 ? text[cs - 2]! : ' ';
    if (/[\p{L}\p{N}]/u.test(before) && text[cs - 1] === '-') {
      // "COVID-19", "F-35": a name; "5-10": the second half of a range.
      if (/\p{L}/u.test(before)) return drop(cs, ce, value, 'name');
    } else if (/[\s(]/u.test(before) || cs === 1) {
      start = cs - 1;
      value = -value;
    }
  }

  if (!isWord && start === cs && cs >= 2 && text[cs - 1] === ' ' && /[-−]/.test(text[cs - 2]!) && text.slice(0, cs - 2).trim() === '') {
    start = cs - 2; value = -value;
  }
  if (expPending !== null) value = round(value ** expPending);
  const left = (s: number): string => text.slice(Math.max(0, s - LEFT), s);
  if (isWord && e.negBefore) {
    const nm = e.negBefore.exec(left(start));
    if (nm) { start = groupStart(start, left(start), nm); value = -value; }
  }
  let kind: Kind = 'count';
  let unit: string | null = null;
  let scale = 1;
  let p = ce;
  let plural = value !== 1;

  // Scale words after digits ("9.35 million", "2,5 Mrd.", "5 mil millones").
  let curPrefix: RegExpExecArray | null = null;
  if (!isWord) {
    curPrefix = e.curBefore.exec(left(start));
    for (let k = 0; k < 2; k++) {
      const sm = stick(e.scaleWord, text, p) ?? stick(e.scaleAbbr, text, p) ?? (curPrefix ? stick(e.scaleMinor, text, p) : null);
      if (!sm) break;
      const key = sm[1]!;
      const s = e.afterScales[norm(key)] ?? e.afterScales[key.toLowerCase()] ?? e.data.scaleAbbrevs[key] ?? (key === 'm' ? 1e6 : key === 'b' ? 1e9 : 0);
      if (!s) break;
      scale *= s;
      p = sm.index + sm[0].length;
    }
  } else if (wordParse!.tokens === 1 && !wordParse!.exact && !wordParse!.ordinal) {
    // A lone article ("un", "one"), a lone scale word ("millions of") or an ambiguous word is not a figure,
    // unless a currency or unit follows, or the text is a short phrase.
    const lw = wordParse!.single;
    const role = wordParse!.singleRole;
    if (!short && (role === 'h' || (role === 's' && !e.standaloneScales.has(lw)))) return null;
    if (e.articleOnes.has(lw) || e.ambiguousAlone.has(lw)) {
      // Kept when a currency, unit or percent word follows ("einen Euro", "one penny"), or in a phrase
      // ("un", "um"), but not a capitalized article ("Un budget") nor one before a number ("un 14 %").
      const next = text.slice(p, p + 3);
      const measured = /^(?:[ \u00a0]{1,2}|-)?[\p{L}%]/u.test(next) && !!(stick(e.curWordAfter, text, p) ?? stick(e.minorAfter, text, p) ??
        stick(e.unitWord, text, p) ?? stick(e.percent, text, p) ?? stick(e.fraction, text, p) ?? (e.avosAfter && stick(e.avosAfter, text, p)));
      if (!measured && !short) return null;
      if (!measured && e.articleOnes.has(lw) && (/^\p{Lu}/u.test(text.slice(cs, cs + 1)) || /^[ \u00a0]{1,2}[\d\p{N}]/u.test(next))) return null;
    }
    curPrefix = e.curBefore.exec(left(start));
  } else {
    curPrefix = e.curBefore.exec(left(start));
  }
  if (scale !== 1) { value = round(value * scale); plural = true; }
  if (isWord && value > 1) plural = true;

  let m2: RegExpExecArray | null;
  let decided = false;
  if (wordParse && !short && wordParse.exact && wordParse.tokens === 2 && e.info.get(wordParse.single)?.article &&
      /^[ \u00a0]{1,2}\p{Ll}/u.test(text.slice(p, p + 3)) && !/^[ \u00a0]{1,2}(?:of|de|del|do|da|der|des)\b/u.test(text.slice(p, p + 6))) return null;
  if (wordParse?.ordinal) {
    // Word ordinals: always from "eleventh" up; "first"…"tenth" in a short phrase or next to a rank word.
    const around = text.slice(Math.max(0, start - 24), Math.min(text.length, p + 24));
    if (!(value >= 11 || short || e.rankCue.test(around))) return null;
    return { start, end: p, coreStart: cs, kind: 'ordinal', value, unit: null, qualifier: null, scale: 1, drop: null };
  }
  // "one over three", "1 sur 3", "dos sobre once": a fraction.
  if (scale === 1 && Number.isInteger(value) && (m2 = stick(e.overAfter, text, p))) {
    e.coreY.lastIndex = m2.index + m2[0].length;
    const m3 = e.coreY.exec(text);
    if (m3 && (m3.groups!.num !== undefined || m3.groups!.word !== undefined)) {
      let den = NaN, dEnd = m3.index + m3[0].length;
      if (m3.groups!.num !== undefined) den = parseDigits(m3.groups!.num, d.decimal);
      else { const wp = parseWords(e, text, m3.index, dEnd); if (wp && !wp.ordinal) { den = wp.value; dEnd = wp.end; } }
      if (den >= 2 && Number.isFinite(den)) { value = round(value / den); p = dEnd; }
    }
  }
  // "tres veintiunavos", "un treintaicincoavo": a denominator glued to the "-avos" mark.
  if (scale === 1 && Number.isInteger(value) && e.avosAfter && (m2 = stick(e.avosAfter, text, p))) {
    const den = gluedValue(e, m2[1]!.toLowerCase());
    if (den >= 2) { value = round(value / den); p = m2.index + m2[0].length; }
  }
  if (curPrefix) {
    kind = 'money';
    unit = CURRENCY_SYMBOLS[curPrefix[1]!] ?? curPrefix[1]!;
    start = groupStart(start, left(start), curPrefix);
    decided = true;
  }
  if (!decided && (m2 = stick(e.percent, text, p))) {
    kind = 'percent'; p = m2.index + m2[0].length; decided = true;
  }
  if (!decided && e.percentBefore) {
    // "percent of 10": the percent word opens the phrase (not "25 percent of 10 firms").
    const l = left(start);
    const pm = e.percentBefore.exec(l);
    if (pm && !/[\p{N}%]$/u.test(l.slice(0, pm.index + pm[0].indexOf(pm[1]!)).trimEnd()) && !stick(e.nextWord, text, p)) {
      kind = 'percent'; start = groupStart(start, l, pm); decided = true;
    }
  }
  if (!decided && (m2 = stick(e.curSymAfter, text, p))) {
    kind = 'money'; unit = m2[1] ? CURRENCY_SYMBOLS[m2[1]] ?? null : m2[2]!; p = m2.index + m2[0].length; decided = true;
  }
  if (!decided && (m2 = stick(e.curWordAfter, text, p))) {
    kind = 'money'; unit = e.curWords.get(norm(m2[1]!)) || null; p = m2.index + m2[0].length; decided = true;
    if (scale === 1 && Number.isInteger(value)) {
      const minor = minorPart(e, text, p);
      if (minor) { value = round(value + (value < 0 ? -minor.value : minor.value) / 100); p = minor.end; }
    }
  }
  if (!decided && scale === 1 && (m2 = stick(e.minorAfter, text, p))) {
    kind = 'money'; unit = e.minor.get(norm(m2[1]!)) || null; p = m2.index + m2[0].length; decided = true;
  }
  if (!decided && scale === 1 && !isWord) {
    // Dates and clock times belong to the dates stage.
    if (stick(e.monthAfter, text, p) || (value >= 1 && value <= 31 && e.monthBefore.test(left(start)))) return drop(start, p, value, 'date');
    if (bareDigits && value <= 24 && stick(e.clockAfter, text, p)) return drop(start, p, value, 'time');
  }
  if (!decided && (m2 = stick(e.timeAfter, text, p))) return drop(start, m2.index + m2[0].length, value, 'duration');
  if (!decided && !isWord && scale === 1 && bareDigits && (m2 = stick(e.ordSuffix, text, p))) {
    kind = 'ordinal'; p = m2.index + m2[0].length; decided = true;
  }
  if (!decided && !isWord && bareDigits && scale === 1 && e.rankBefore.test(left(start))) {
    const l = left(start);
    kind = 'ordinal';
    start = groupStart(start, l, e.rankBefore.exec(l)!);
    decided = true;
  }
  if (!decided && e.dotOrdBefore && bareDigits && scale === 1 && value < 1000 && text[p] === '.' &&
      /^[ \u00a0]\p{L}/u.test(text.slice(p + 1, p + 3)) && e.dotOrdBefore.test(left(start))) {
    kind = 'ordinal'; p += 1; decided = true;
  }
  // A unit symbol in brackets must close with the matching bracket: "20 (kg)", "20 [kg]", not "45{kg)".
  let us = decided ? null : stick(e.unitSym, text, p);
  const ob = us ? /[(\[{<]/.exec(us[0]) : null;
  if (us && ob && !BRACKETS.has(`${ob[0]}${us[0].slice(-1)}`)) us = null;
  // Inches as a double quote after a number ("a 10 \" pen"), when no quotation is open before it.
  const inch = decided || isWord || scale !== 1 ? null : /^[ \u00a0]?["″](?=[ \u00a0]\p{Ll}|[.,;]|$)/u.exec(text.slice(p, p + 4));
  if (inch && (left(start).match(/"/g) ?? []).length % 2 === 0) {
    kind = 'quantity'; unit = 'in'; p += inch[0].length; decided = true;
  }
  if (!decided && (m2 = us ?? stick(e.unitWord, text, p))) {
    kind = 'quantity';
    unit = m2[1]!.length && e.unitWords.has(norm(m2[1]!)) ? e.unitWords.get(norm(m2[1]!))! : m2[1]!;
    // "361 million pounds", "millions de livres": sterling, not weight.
    if (unit === 'lb' && scale >= 1e6) { kind = 'money'; unit = 'GBP'; }
    p = m2.index + m2[0].length;
    decided = true;
  }
  if (!decided && scale === 1 && value > 0 && value <= 100 && Number.isInteger(value) && (m2 = stick(e.fraction, text, p))) {
    const den = e.fractions.get(norm(m2[1]!))!;
    value = round(value / den);
    p = m2.index + m2[0].length;
    plural = false;
  }
  if (!decided) {
    // A letter glued to the number ("5G", "3D") or a hyphenated adjective ("30-strong") is not a figure.
    const next = text[p] ?? '';
    if (/\p{L}/u.test(next)) return drop(start, p, value, 'name');
    if ((next === '-' || next === '‐') && /\p{L}/u.test(text[p + 1] ?? '')) return drop(start, p, value, 'compound');
    const noun = countedNoun(e, text, p, plural, scale !== 1);
    if (noun) { p = noun[0]; unit = noun[1]; }
  }

  // Exclusions for plain counts.
  if (kind === 'count') {
    const l = left(start);
    if (e.nameBefore.test(l)) return drop(start, p, value, 'name');
    if (bareDigits && scale === 1 && value >= 1900 && value <= 2099 && g.num!.length === 4 && (!unit || e.yearBefore.test(l))) return drop(start, p, value, 'year');
    if (!unit && scale === 1 && e.data.nounOrder !== 'capitalized') {
      // "Fortune Global 500", "Model 3": a capitalized word (not at a sentence start) right before the number.
      const pm = /([\p{L}][\p{L}\p{M}'’&.-]{0,30})[ \u00a0]{1,2}$/u.exec(l);
      if (pm && isUpper(pm[1]![0]!) && !e.qualBefore.test(l) && !/['’]s$/u.test(pm[1]!)) {
        const before = l.slice(0, pm.index).trimEnd();
        if (before.length > 0 && !/[.!?:;"“”«»(\[\n]$/u.test(before)) return drop(start, p, value, 'name');
      }
    }
    if (isWord && value <= 10 && e.definiteBefore.test(l)) return null;
  }

  // Qualifier words before the figure.
  let qualifier: QualifierName | null = null;
  const qm = e.qualBefore.exec(left(start));
  if (qm) {
    qualifier = e.qualifiers.get(norm(qm[1]!)) ?? null;
    start = groupStart(start, left(start), qm);
  }
  return { start, end: p, coreStart: cs, kind, value, unit, qualifier, scale, drop: null };
}

/** The value of number words written as one word ("veintiun", "cientocinco", "treintaicinco"), or NaN. */
function gluedValue(e: Engine, w: string): number {
  for (const v of [w, `${w}a`, `${w}o`]) {
    const parts: string[] = [];
    let i = 0;
    while (i < v.length) {
      e.tokenY.lastIndex = i;
      const m = e.tokenY.exec(v);
      if (m && m[0].length > 0) { parts.push(m[0]); i += m[0].length; continue; }
      if (parts.length > 0 && (v[i] === 'i' || v[i] === 'y') && i + 1 < v.length) { parts.push(e.data.numberJoin[0] ?? 'y'); i++; continue; }
      break;
    }
    if (i < v.length || parts.length === 0) continue;
    const s = parts.join(' ');
    const wp = parseWords(e, s, 0, s.length);
    if (wp && wp.end === s.length && !wp.ordinal && !wp.exact) return wp.value;
  }
  return NaN;
}

/**
 * The minor part after a currency word: "thirteen dollars forty-five cents", "zwei Euro und fünfzig Cent",
 * "15 Dollar 50." A whole number under 100, followed by a minor-unit word, or ending the sentence.
 */
function minorPart(e: Engine, text: string, at: number): { value: number; end: number } | null {
  const j = stick(e.minorJoin, text, at);
  if (!j) return null;
  e.coreY.lastIndex = j.index + j[0].length;
  const m = e.coreY.exec(text);
  if (!m) return null;
  let v = NaN, end = m.index + m[0].length;
  if (m.groups!.num !== undefined) { if (/^\d{1,2}$/.test(m.groups!.num)) v = Number(m.groups!.num); }
  else if (m.groups!.word !== undefined) { const wp = parseWords(e, text, m.index, end); if (wp && !wp.ordinal && !wp.exact) { v = wp.value; end = wp.end; } }
  if (!(v >= 1 && v < 100 && Number.isInteger(v))) return null;
  const mu = stick(e.minorAfter, text, end);
  if (mu) return { value: v, end: mu.index + mu[0].length };
  return /^[ \u00a0]{0,2}(?:[.!?;)]|$)/u.test(text.slice(end, end + 4)) && !/^[.,]\d/.test(text.slice(end, end + 2)) ? { value: v, end } : null;
}

/** Where group 1 of a match on the left slice `l` (which ends at `end`) starts in the text. */
function groupStart(end: number, l: string, m: RegExpExecArray): number {
  return end - l.length + m.index + m[0].indexOf(m[1]!);
}

function drop(start: number, end: number, value: number, why: string): Cand {
  return { start, end, coreStart: start, kind: 'count', value, unit: null, qualifier: null, scale: 1, drop: why };
}

// ---------------------------------------------------------------------------------------------------

/** Texts up to this length (a headline, a phrase) are read with every locale; see `extractFigures`. */
const SHORT_TEXT = 400;
/** Texts up to this length are phrases: lone number words and small word ordinals count. */
const PHRASE = 200;

/**
 * Figures in `text`, sorted by start. `lang` is a BCP-47 code.
 *
 * Language detection is unreliable on short texts (a phrase like "vinte e cinco" may come back as `es`
 * or `und`), and an unsupported language has no words of its own. So when the text is short, or the
 * language has no figure locale, every locale reads the text and the one whose words explain it best
 * wins: first the count of the text's words that the locale knows (function words and number words; the
 * detected language counts one word extra), then the characters its figures cover, then the detected
 * language, then English. Long texts in a supported language use that language only (one pass).
 */
export function extractFigures(text: string, lang: string): FigureItem[] {
  if (!text || !/\d|\p{L}/u.test(text)) return [];
  const { code, supported } = figureLocaleInfo(lang);
  const short = text.length <= SHORT_TEXT;
  if (supported && !short) return extractWith(engineFor(code), text, false);
  // A lone number says nothing of its language. "4,800" (one comma group, nothing else, not even a currency
  // symbol) reads as a decimal in four of the five locales (fr, de, es, pt), so it is read that way.
  const first = !supported && /^[ \t\n+\-−]{0,4}\d{1,3},\d{3}[ \u00a0]{0,2}%?[ \t\n]{0,4}$/u.test(text) ? 'fr' : code;
  const order = [first, ...Object.keys(FIGURE_LOCALES).filter((c) => c !== first)];
  // Word evidence is cheap (set lookups); only the locales tied on it read the text.
  const words = (text.length > 20_000 ? text.slice(0, 20_000) : text).toLowerCase().match(/[\p{L}][\p{L}\p{M}'’]{0,40}/gu) ?? [];
  let top = -1;
  let tied: Engine[] = [];
  for (const c of order) {
    const e = engineFor(c);
    let known = supported && c === code ? 1 : 0;
    for (const w of words) if (e.stop.has(w) || e.info.has(w) || e.qualifiers.has(w)) known++;
    if (known > top) { top = known; tied = [e]; } else if (known === top) tied.push(e);
  }
  const phrase = text.length <= PHRASE;
  if (tied.length === 1 || !short) return extractWith(tied[0]!, text, phrase);
  let best: FigureItem[] = [];
  let bestCovered = -1;
  for (const e of tied) {
    const figs = extractWith(e, text, phrase);
    let covered = 0;
    for (const f of figs) covered += f.end - f.start;
    if (covered > bestCovered) { best = figs; bestCovered = covered; }
  }
  return best;
}

function extractWith(e: Engine, text: string, short: boolean): FigureItem[] {
  const blocked = masks(text);
  const bi = { i: 0 };
  const cands: Cand[] = [];
  let lastEnd = 0;
  e.core.lastIndex = 0;
  for (let m = e.core.exec(text); m; m = e.core.exec(text)) {
    if (m.index < lastEnd) continue;
    const resume = e.core.lastIndex;
    const c = readCore(e, text, m, blocked, bi, short);
    e.core.lastIndex = resume;
    if (!c) continue;
    if (c.start < lastEnd) continue;
    cands.push(c);
    lastEnd = c.end;
    if (e.core.lastIndex < c.end) e.core.lastIndex = c.end;
  }

  // Ranges: "5 to 10", "5–10%", "between 5 and 10". A range touching a date or duration goes with it.
  const out: FigureItem[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1];
    if (b) {
      const gap = text.slice(a.end, b.start);
      const l = text.slice(Math.max(0, a.start - LEFT), a.start);
      const bm = e.betweenBefore.exec(l);
      const dash = e.rangeMid.test(gap) && !(e.rangeNotBefore && e.rangeNotBefore.test(l));
      const framed = !!bm && e.betweenJoin.test(gap);
      if ((dash || framed) && (a.drop || b.drop)) {
        if (a.drop !== 'name' && b.drop !== 'name') { i++; continue; }
      } else if ((dash || framed) && !a.drop && !b.drop && b.qualifier === null && compatible(a, b)) {
        let av = a.value;
        if (a.scale === 1 && b.scale > 1 && a.kind === 'count') av = round(av * b.scale);
        const start = framed ? groupStart(a.start, l, bm!) : a.start;
        out.push({
          text: text.slice(start, b.end), start, end: b.end, kind: b.kind, value: av, unit: b.unit,
          qualifier: a.qualifier, range: { min: Math.min(av, b.value), max: Math.max(av, b.value) },
        });
        i++;
        continue;
      }
    }
    if (a.drop) continue;
    out.push({ text: text.slice(a.start, a.end), start: a.start, end: a.end, kind: a.kind, value: a.value, unit: a.unit, qualifier: a.qualifier, range: null });
  }
  return out;
}

/** Two figures can form a range when the first is bare ("5" in "5–10%") or has the second's kind and unit. */
function compatible(a: Cand, b: Cand): boolean {
  if (a.kind === b.kind && (a.unit === b.unit || a.unit === null)) return true;
  return a.kind === 'count' && a.unit === null;
}

export { parseDigits as _parseDigits };

// Dates stage: temporal expressions -> TIMEX3 values (TimeML / TempEval-3 conventions).
//
// Rule-based and data-driven: every word comes from src/locale/<lang>/dates.ts; this file holds only
// the language-independent shapes (day-month-year orders, numeric dates, durations, shifts …).
// Each rule is one linear-time regex (bounded alternations of literals, no nested repetition),
// compiled once per language. Each rule names its trigger categories (months, weekdays, digits, units …):
// it runs only on the windows of text around a word of those categories. Candidates from all rules
// are merged longest-first. Then dates without a stated year take a year stated earlier in the same
// sentence, else one from the reference date and the tense of the sentence (locale future/past
// markers), else keep XXXX; such values carry `inferred: true`. A repeated bare year is listed once.
// Neighbours that name one day are joined (combine): weekday + shifted week ("Tuesday of next week"),
// weekday + full date, clock time + day ("10 p.m. Wednesday"), day of month + month, undated date + year.
// Also from locale data: spelled days and years, holidays (fixed or n-th weekday), fiscal/school years,
// period edges ("end of month", "the end of 1990"), whole units ("all day"), "in two weeks" as a future day
// (future tense only), ages ("Jean Dupont, 87 ans,") kept out of durations, centuries ("the 11th century",
// "siglo XVIII"), clock words ("noon", "midi") and UTC times ("14:48 UTC" ...T14:48Z).
// Anaphora: "the following year", "that day", "le même jour", "am Vortag", "a year earlier" count from the
// focus (the date last named) rather than the reference; "three days later" is a duration (TimeBank habit).
// Reporting periods (results releases): "the quarter", "the year-ago period", "the same period last year",
// and "a year ago" near a quarter take the quarter under report (named earlier in the sentence, else the
// first one the text names). Tense: a word right before the date decides first ("since" past; "until",
// "payable", "effective" future), then the nearest tense marker in the sentence (a participle after an
// auxiliary, "will be named", is no past); with no tense, a month or day without a year is the nearest
// one within eight months of the reference year. Trigger categories marked AUX ("one", "all",
// "end", "that") open no window of their own. A document in a language without date data (or "und", as on
// one-line inputs) uses the locale whose calendar words occur most; a supported language that yields
// nothing on a short text tries another locale with a month or weekday word in it.
//
// chrono-node was measured as a base (v2.10, en parser): about 1.2 MB/s on the seeds, under the
// stage's speed bar, and its values need re-mapping to TIMEX3 anyway; the rules below cover the
// same calendar shapes directly.

import type { DateRecordItem } from '../export/schema.js';
import { DATE_LOCALES, dateLocale, type DateLocale, type DateUnit, type PartOfDay, type Shift } from '../locale/dates.js';
import { matchAny, WB_AFTER, WB_BEFORE } from '../locale/pattern.js';

type DateType = DateRecordItem['type'];

interface Ref {
  y: number;
  m: number;
  d: number;
}

interface Cand {
  start: number;
  end: number;
  type: DateType;
  value: string;
  prio: number;
  /** a year written in the expression (gives context to later dates on the line) */
  year?: number;
  /** value starts with XXXX to be filled from the context year or the reference */
  needsYear?: boolean;
  /** a clock time on the reference day: takes the day of a date before it in the sentence */
  clock?: boolean;
  /** a bare year ("2017", "the 2025 Summit"): listed once per document */
  bare?: boolean;
  /** the year was not written: taken from the context or the reference and the tense */
  inferred?: boolean;
  /** a weekday alone (ISO 1..7): joins a shifted week or a full date next to it */
  wd?: number;
  /** a shifted week (YYYY-Www): takes a weekday next to it */
  week?: boolean;
  /** a shift word written with a date without a year ("le 6 mai dernier"): its year is the last (-1) or next (1) one */
  shiftDir?: Shift;
  /** anaphoric: n units from the date last named (the focus); `value` is the reference-based fallback. near: the focus must be close */
  ana?: { unit: DateUnit; n: number; near?: boolean; pod?: PartOfDay; back?: number };
  /** n years back ("a year ago", "a year earlier"): with a quarter under report nearby, that quarter n years back */
  yearsBack?: number;
  /** a reporting period ("the quarter", "the year-ago period", "the 1988 quarter"): from the quarter under report */
  period?: { back: number; year?: number; q?: number; kind: 'Q' | 'P' };
}

interface Ctx {
  text: string;
  /** the lower-cased text (same offsets) */
  low: string;
  ref: Ref | null;
  L: DateLocale;
  C: Compiled;
}

type Rule = { re: RegExp; prio: number; need: number; all: number; fn: (m: RegExpExecArray, c: Ctx) => Cand | null };

// Trigger categories: a rule runs only on the windows holding a word of one of its categories.
const T_DIG = 1, T_MON = 2, T_WD = 4, T_UNIT = 8, T_REL = 16, T_SEAS = 32, T_QH = 64, T_WEEK = 128, T_DEC = 256, T_SET = 512,
  T_REF = 1024, T_HOUR = 2048, T_SU = 4096, T_HOL = 8192, T_TH = 16384, T_EDGE = 32768, T_WHOLE = 65536, T_NAMED = 131072, T_DAYW = 262144, T_HOLX = 524288, T_THX = 1048576,
  T_PER = 2097152, T_ANA = 4194304, T_CLK = 8388608, T_ANW = 16777216, T_CENT = 33554432;

interface Compiled {
  rules: Rule[];
  notDates: RegExp | null;
  tenseRe: RegExp | null;
  /** a word right before a date that fixes its side of the reference: group 1 past ("since"), group 2 future ("until") */
  leadRe: RegExp | null;
  /** the locale past-tense words (the other past matches are words with a past ending) */
  pastWords: Set<string>;
  contextRe: RegExp;
  countQualRe: RegExp | null;
  yearFollowers: Set<string>;
  triggers: Map<string, number>;
  numKeys: string[];
  monthAbbrev: Set<string>;
  norm: (s: string) => string;
  /** the gap between the two ends of a range ("enero y marzo de 1998") */
  rangeRe: RegExp | null;
  /** the gap between a weekday and a week or date it joins */
  wdJoinRe: RegExp;
  /** an age word ending the text before a count of years ("aged", "âgé de") */
  ageBeforeRe: RegExp | null;
  /** a shift word ending the text before a date ("next", "el próximo"): group 1 */
  shiftEndRe: RegExp | null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');
const key = (s: string): string => s.toLowerCase().replace(/[\s\u00a0\u202f]+/g, ' ').replace(/’/g, "'");

// ---------- calendar arithmetic (UTC, no time zones involved) ----------

function addDays(r: Ref, n: number): Ref {
  const t = new Date(Date.UTC(r.y, r.m - 1, r.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
function ymd(r: Ref): string {
  return `${pad4(r.y)}-${pad2(r.m)}-${pad2(r.d)}`;
}
/** ISO weekday 1..7 */
function weekday(r: Ref): number {
  const w = new Date(Date.UTC(r.y, r.m - 1, r.d)).getUTCDay();
  return w === 0 ? 7 : w;
}
function isoWeek(r: Ref): string {
  const t = new Date(Date.UTC(r.y, r.m - 1, r.d));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const y = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
  return `${pad4(y)}-W${pad2(week)}`;
}
function validDay(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const max = new Date(Date.UTC(y ?? 2000, m, 0)).getUTCDate();
  return d <= max;
}
function parseRef(reference: string | null): Ref | null {
  const m = reference ? /^(\d{4})-(\d{2})-(\d{2})/.exec(reference) : null;
  if (!m) return null;
  const r = { y: +m[1], m: +m[2], d: +m[3] };
  return validDay(r.y, r.m, r.d) ? r : null;
}

/** Shift the reference by n calendar units and format at that unit's granularity. */
function shifted(ref: Ref | null, unit: DateUnit, n: number): string {
  if (!ref) {
    switch (unit) {
      case 'Y': return 'XXXX';
      case 'M': return 'XXXX-XX';
      case 'W': return 'XXXX-WXX';
      case 'WE': return 'XXXX-WXX-WE';
      case 'Q': return 'XXXX-QX';
      case 'HY': return 'XXXX-HX';
      case 'DE': return 'XXX';
      case 'CE': return 'XX';
      default: return 'XXXX-XX-XX';
    }
  }
  switch (unit) {
    case 'Y': return pad4(ref.y + n);
    case 'M': {
      const k = ref.y * 12 + (ref.m - 1) + n;
      return `${pad4(Math.floor(k / 12))}-${pad2((k % 12) + 1)}`;
    }
    case 'W': return isoWeek(addDays(ref, 7 * n));
    case 'WE': return `${isoWeek(addDays(ref, 7 * n))}-WE`;
    case 'Q': {
      const k = ref.y * 4 + Math.floor((ref.m - 1) / 3) + n;
      return `${pad4(Math.floor(k / 4))}-Q${(k % 4) + 1}`;
    }
    case 'HY': {
      const k = ref.y * 2 + Math.floor((ref.m - 1) / 6) + n;
      return `${pad4(Math.floor(k / 2))}-H${(k % 2) + 1}`;
    }
    case 'DE': return String(Math.floor(ref.y / 10) + n);
    case 'CE': return String(Math.floor(ref.y / 100) + n);
    case 'D': return ymd(addDays(ref, n));
    default: return ymd(ref);
  }
}

function durationValue(n: number | 'X', unit: DateUnit): string {
  // "un demi-siècle" P50Y, "one and a half decades" P15Y (other fractions stay decimal: "P2.5Y", "PT1.5H")
  if (n !== 'X' && !Number.isInteger(n) && (unit === 'DE' || unit === 'CE')) return durationValue(Math.round(n * (unit === 'DE' ? 10 : 100) * 100) / 100, 'Y');
  const num = n === 'X' ? 'X' : String(Math.round(n * 100) / 100);
  switch (unit) {
    case 'H': return `PT${num}H`;
    case 'MIN': return `PT${num}M`;
    case 'S': return `PT${num}S`;
    case 'HY': return n === 'X' ? 'PXM' : `P${n * 6}M`;
    case 'WE': return `P${num}WE`;
    default: return `P${num}${unit}`;
  }
}

// ---------- number phrases ----------

/** Where the counted number starts inside a number phrase ("a two" -> at "two"), set by parseNumber. */
let numberRestart = 0;

function parseNumber(s: string, C: Compiled): number | null {
  numberRestart = 0;
  const t = key(s).replace(/\u2011/g, '-');
  if (/^\d/.test(t)) {
    if (/(?:1\/2|½)$/.test(t)) return parseInt(t, 10) + 0.5; // "2 1/2"
    const v = parseFloat(t.replace(',', '.'));
    return Number.isFinite(v) ? v : null;
  }
  let total = 0;
  let i = 0;
  let found = false;
  while (i < t.length) {
    if (t[i] === ' ' || t[i] === '-') { i++; continue; }
    let hit: string | null = null;
    for (const k of C.numKeys) {
      if (t.startsWith(k, i) && !/[\p{L}]/u.test(t[i + k.length] ?? '')) { hit = k; break; }
    }
    if (!hit) {
      // a connector word ("and", "et", "y") or something unknown
      const sp = t.indexOf(' ', i);
      const next = sp < 0 ? t.length : sp;
      if (!found) return null;
      i = next;
      continue;
    }
    const v = numbersOf.get(C)!.get(hit)!;
    if (v === 100 && total > 0) total *= 100;
    else if (found && v < 1 && total >= 1) total += v; // "one and a half"
    else if (v === 1000 && total > 0 && total < 1000) total *= 1000;
    else if (found && !(total >= 20 && total % 10 === 0 && v < 10) && !(total >= 100 && v < 100) && !(total >= 1000 && v < 1000)) {
      total = v; // "a two-year": the last number counts
      numberRestart = i;
    }
    else total += v;
    found = true;
    i += hit.length;
  }
  return found ? total : null;
}
const numbersOf = new WeakMap<Compiled, Map<string, number>>();

// ---------- compile per language ----------

const cache = new Map<string, Compiled>();

function compile(lang: string, L: DateLocale): Compiled {
  const hit = cache.get(lang);
  if (hit) return hit;
  const A = (w: Iterable<string>): string => matchAny(w);
  const S = '[\\s\\u00a0\\u202f]';
  const monthKeys = Object.keys(L.months);
  const isAbbrev = (k: string, all: string[]): boolean => all.some((o) => o !== k && o.startsWith(k));
  const monthAbbrev = new Set(monthKeys.filter((k) => isAbbrev(k, monthKeys)));
  const wdKeys = Object.keys(L.weekdays);
  const wdFull = wdKeys.filter((k) => !isAbbrev(k, wdKeys));
  const MON = A(monthKeys);
  const WD = A(wdKeys);
  const WDF = A(wdFull);
  const ORD = L.dayOrdinalSuffixes.length ? `(?:${A(L.dayOrdinalSuffixes)})?` : '';
  const DMJ = L.dayMonthJoin.filter((j) => j).length ? `(?:${A(L.dayMonthJoin.filter((j) => j))}${S})?` : '';
  const MYJ = L.monthYearJoin.length ? `(?:,?${S}|${S}${A(L.monthYearJoin.filter((j) => j !== ','))}${S}|,${S}?)` : `(?:,?${S})`;
  const numKeys = Object.keys(L.numbers).map(key).sort((a, b) => b.length - a.length);
  const NUMW = A(Object.keys(L.numbers));
  const JOIN = L.numberJoin.length ? `|${S}${A(L.numberJoin)}${S}|-${A(L.numberJoin)}-` : '';
  const NUM = `(?:\\d{1,3}(?:[.,]\\d{1,2}|${S}1/2|½)?|${NUMW}(?:(?:${S}|-${JOIN})${NUMW}){0,2})`;
  const VAGUE = A(L.vague);
  const UNIT = A(Object.keys(L.units));
  const UB = L.unitBefore.length ? `(?:${A(L.unitBefore)}${S})?` : '';
  const UA = L.unitAfter.length ? `(?:${S}(?:${A(L.unitAfter)}))?` : '';
  const DPRE = L.durationPrefix.length ? `(?:(${A(L.durationPrefix)})${S})?` : '()';
  const AGOB = L.agoBefore.length ? `(?:(${A(L.agoBefore)})${S})?` : '()';
  const AGOA = L.agoAfter.length || Object.keys(L.shiftAfter).length ? `(?:${S}(${A([...L.agoAfter, ...Object.keys(L.shiftAfter)])}))?` : '()';
  const SB = Object.keys(L.shiftBefore).length ? A(Object.keys(L.shiftBefore)) : '(?!)';
  const SA = Object.keys(L.shiftAfterNoun).length ? A(Object.keys(L.shiftAfterNoun)) : '(?!)';
  // a determiner and its noun are on one line ("the\nThis year" is no date phrase)
  const DET = L.determiners.length ? `(?:${A(L.determiners.map((d) => d.trimEnd()))}(?:[ \\t\\u00a0\\u202f]|(?<=['’])))?` : '';
  const SU = A(Object.keys(L.shiftUnits));
  const SEASON = A(Object.keys(L.seasons));
  const QORD = `(?:${A(Object.keys(L.ordinals))}|[1-4](?:st|nd|rd|th|er|e|ème|º|°|\\.))`;
  const QW = A(L.quarterWords);
  const HW = A(L.halfWords);
  const PYJ = `(?:,?${S}(?:${A(L.periodYearJoin)}${S})?)`;
  const RELDAY = A(Object.keys(L.relativeDays));
  const POD = A(Object.keys(L.partsOfDay));
  const PODJ = L.partOfDayJoin.length ? `(?:${A(L.partOfDayJoin)}(?:${S}|(?<=['’])))?` : '';
  const YEAR = '((?:1[5-9]|20)\\d\\d)';
  const B = WB_BEFORE;
  const E = WB_AFTER;
  const norm = key;
  const flags = 'gu'; // matched against lower-cased text (see extractDates)
  const re = (src: string): RegExp => new RegExp(src, flags);
  const lk = (d: Record<string, unknown>, s: string | undefined): unknown => (s === undefined ? undefined : d[norm(s)]);
  const monthOf = (s: string): number => L.months[norm(s).replace(/\.$/, '')] ?? 0;

  const rules: Rule[] = [];
  let need = T_DIG;
  let all = 0; // categories that must all occur in the window too
  const add = (src: string, prio: number, fn: Rule['fn']): void => {
    rules.push({ re: re(src), prio, need, all, fn });
  };

  const mk = (m: RegExpExecArray, type: DateType, value: string, extra: Partial<Cand> = {}): Cand => ({
    start: m.index,
    end: m.index + m[0].length,
    type,
    value,
    prio: 0,
    ...extra,
  });
  /** value for a calendar date, or the underspecified XXXX form when the year is unknown */
  const dateVal = (m: RegExpExecArray, y: number | null, mo: number, d: number | null): Cand | null => {
    // an impossible day of a possible month (February 30) is kept as written: its year is never inferred
    if (d !== null && (mo < 1 || mo > 12 || d < 1 || d > 31)) return null;
    const tail = d === null ? `-${pad2(mo)}` : `-${pad2(mo)}-${pad2(d)}`;
    return y === null ? mk(m, 'date', `XXXX${tail}`, { needsYear: true }) : mk(m, 'date', `${pad4(y)}${tail}`, { year: y });
  };
  const year2 = (s: string): number => {
    const t = s.replace(/^['’]/, '');
    if (t.length === 4) return +t;
    const n = +t;
    return n >= 30 ? 1900 + n : 2000 + n;
  };

  // ISO date (with an optional time)
  add(`(?<![\\d.\\-/])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[t ](\\d{2}):(\\d{2}))?(?![\\d\\-/])`, 5, (m) => {
    const c = dateVal(m, +m[1], +m[2], +m[3]);
    if (c && m[4]) {
      c.type = 'time';
      c.value += `T${m[4]}:${m[5]}`;
    }
    return c;
  });
  // 2023/05/24
  add(`(?<![\\d.\\-/])(\\d{4})/(\\d{1,2})/(\\d{1,2})(?![\\d\\-/])`, 5, (m) => dateVal(m, +m[1], +m[2], +m[3]));
  // 24/05/2023, 05/24/2023, 24.05.2023, 24-05-2023
  add(`(?<![\\d.,\\-/])(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d\\-/]|[.,]\\d)`, 4, (m) => {
    let a = +m[1];
    let b = +m[3];
    if (m[2] === '.' && m[4].length === 2 && (m[1].length < 2 || m[3].length < 2)) return null; // 1.2.30 is more likely a version or a number
    if (L.numericOrder === 'mdy' && a <= 12 && m[2] === '/') [a, b] = [b, a];
    if (b > 12 && a <= 12) [a, b] = [b, a];
    return dateVal(m, year2(m[4]), b, a);
  });
  // 22/04 (day and month, two digits each, no year)
  add(`(?<![\\d.,\\-/])(\\d{2})/(\\d{2})(?![\\d/]|[.,]\\d)`, 2, (m) => {
    let a = +m[1];
    let b = +m[2];
    if (L.numericOrder === 'mdy' && a <= 12) [a, b] = [b, a];
    if (b > 12 && a <= 12) [a, b] = [b, a];
    return dateVal(m, null, b, a);
  });
  // 2 4 2009, 18 08 78 (day month year with spaces, not inside a longer run of numbers such as a phone number)
  add(`(?<![\\d.,:+/\\-]${S}?)(\\d{1,2}) (\\d{1,2}) (\\d{4}|\\d{2})(?!${S}?[\\d.,:/\\-]|${S}?%)`, 2, (m) => {
    let a = +m[1];
    let b = +m[2];
    if (L.numericOrder === 'mdy' && a <= 12) [a, b] = [b, a];
    if (b > 12 && a <= 12) [a, b] = [b, a];
    if (m[3].length === 4 && (+m[3] < 1900 || +m[3] > 2099)) return null;
    return dateVal(m, year2(m[3]), b, a);
  });
  // 12-2015, 3/2016 (month and year)
  add(`(?<![\\d.,\\-/])(0?[1-9]|1[0-2])[/\\-]((?:19|20)\\d\\d)(?![\\d\\-/]|[.,]\\d)`, 2, (m) => dateVal(m, +m[2], +m[1], null));
  // 2015-3, 2015-03 (a single digit or a leading zero: 2015-16 is a span of years)
  add(`(?<![\\d.\\-/])(\\d{4})-(0[1-9]|[1-9])(?![\\d\\-/])`, 3, (m) => dateVal(m, +m[1], +m[2], null));

  // 29/2, 28.10. (day-month languages; a part over 12 or written with two digits, so "1/2" stays a fraction)
  if (L.numericOrder === 'dmy') {
    add(`(?<![\\d.,\\-/])(\\d{1,2})(?:/(\\d{1,2})(?![\\d/]|[.,]\\d)|\\.(\\d{1,2})\\.(?![\\d]))`, 1, (m) => {
      const d = +m[1];
      const mo = +(m[2] ?? m[3]);
      if (m[2] && m[1].length + m[2].length < 3 && d <= 12) return null;
      if (d > 31 || mo < 1 || mo > 12 || d < 1) return null;
      const c = mk(m, 'date', `XXXX-${pad2(mo)}-${pad2(d)}`, { needsYear: true });
      return c;
    });
  }
  // 23/Sep/2020, 05-Aug-2016, 2019-aug-1, Dec-2018, Dec/2018
  need = T_MON;
  add(`${B}(?:(\\d{1,2})([/\\-.])(${MON})\\2(\\d{4}|\\d{2})|(\\d{4})([/\\-])(${MON})\\6(\\d{1,2})|(${MON})[/\\-](\\d{4}))${E}`, 5, (m) => {
    if (m[1]) return dateVal(m, year2(m[4]), monthOf(m[3]), +m[1]);
    if (m[5]) return dateVal(m, +m[5], monthOf(m[7]), +m[8]);
    return dateVal(m, +m[10], monthOf(m[9]), null);
  });
  // sep-23-2020, september-2020-23, 23-2020-september, 2020/23/sep
  add(`${B}(?:(${MON})([/\\-])(\\d{1,2})\\2(\\d{4})|(${MON})([/\\-])(\\d{4})\\6(\\d{1,2})|(\\d{1,2})([/\\-])(\\d{4})\\10(${MON})|(\\d{4})([/\\-])(\\d{1,2})\\14(${MON}))${E}`, 5, (m) => {
    if (m[1]) return dateVal(m, +m[4], monthOf(m[1]), +m[3]);
    if (m[5]) return dateVal(m, +m[7], monthOf(m[5]), +m[8]);
    if (m[9]) return dateVal(m, +m[11], monthOf(m[12]), +m[9]);
    return dateVal(m, +m[13], monthOf(m[16]), +m[15]);
  });
  need = T_MON;
  // day month [year]: "24 May 2023", "le 12 mai", "24. Mai", "24 de mayo de 2023", "Tuesday, 24th of May"
  if (L.dayMonthJoin.length) {
    // "le 6 mai dernier", "26 septembre dernier": a shift after the month names the last (next) such day
    const SAD = Object.keys(L.shiftAfterNoun).length ? `(?:${S}(${SA})${E})?` : '()';
    add(`${B}(?:(${WD}),?${S})?(?<!\\d[.,]|[$€£¥][ \\u00a0]?)(\\d{1,2})${ORD}${S}?${DMJ}(${MON})${E}${SAD}\\.?(?:${MYJ}(\\d{4}|['’]\\d{2})${E})?`, 6, (m) => {
      const d = dateVal(m, m[5] ? year2(m[5]) : null, monthOf(m[3]), +m[2]);
      // "le 10 janvier." ends a sentence: the full stop belongs to an abbreviation only
      if (d && !m[5] && m[0].endsWith('.') && (m[4] || !monthAbbrev.has(norm(m[3])))) d.end--;
      if (d && m[4] && !m[5]) d.shiftDir = lk(L.shiftAfterNoun, m[4]) as Shift;
      return d;
    });
  }
  // month day [year]: "May 24", "October 16th", "Oct. 2, 2023", "Tuesday, May 24"
  add(`${B}(?:(${WD}),?${S})?(${MON})${E}(?:\\.?${S}|\\.|/)(\\d{1,2})${ORD}(?![\\p{L}\\p{N}])(?!\\.\\d|,\\d{3}|${S}(?:${UNIT})${E})(?:${S}?,?${S}(\\d{4})${E})?`, 6, (m, c) => {
    const mon = norm(m[2]);
    if (L.capitalizedMonths && L.ambiguousMonths.includes(mon) && isLowerAt(c, m, 2)) return null;
    if (!L.monthDay && !m[4] && !monthAbbrev.has(mon)) {
      // "mai 15" in a day-month language is rare; keep only with a year
      if (c.L.dayMonthJoin.length) return null;
    }
    return dateVal(m, m[4] ? +m[4] : null, monthOf(m[2]), +m[3]);
  });
  // [shift] month [year] [shift]: "October 2023", "in October", "last October", "octobre dernier", "octubre de 2023"
  const JY = L.monthYearJoin.filter((j) => /\p{L}/u.test(j));
  const Y2J = JY.length ? `|(?<=${S}(?:${A(JY)})${S})\\d{2}` : '';
  const MN = L.monthNouns.length ? `(?:(?:${A(L.monthNouns)})(?:${S}|(?<=['’])))?` : '';
  add(`${B}(?:${DET}(${SB})${S})?${MN}(${MON})${E}(\\.)?(?:${MYJ}(\\d{4}|['’]\\d{2}${Y2J})${E})?(?:${S}(${SA})${E})?`, 3, (m, c) => {
    const mo = monthOf(m[2]);
    const mon = norm(m[2]);
    const shiftW = m[1] ? (lk(L.shiftBefore, m[1]) as Shift) : m[5] ? (lk(L.shiftAfterNoun, m[5]) as Shift) : undefined;
    if (m[4]) {
      if (monthAbbrev.has(mon) && !m[3] && m[4].length !== 4) return null;
      return dateVal(m, year2(m[4]), mo, null);
    }
    if (monthAbbrev.has(mon) && !m[3] && shiftW === undefined) return null;
    if (m[3] && /^\.[\s\u00a0]?\d/.test(c.text.slice(m.index + m[0].length - 1, m.index + m[0].length + 2))) return null;
    if (shiftW === undefined) {
      const ambiguous = L.ambiguousMonths.includes(mon) || monthAbbrev.has(mon);
      if (L.capitalizedMonths && ambiguous && isLowerAt(c, m, 2)) return null;
      if (ambiguous && !hasContext(c, m.index)) return null;
      const d = dateVal(m, null, mo, null);
      if (d && m[3] && !monthAbbrev.has(mon)) d.end--; // a sentence full stop, not an abbreviation
      return d;
    }
    let y = c.ref ? c.ref.y : 0;
    if (c.ref && shiftW === -1 && mo >= c.ref.m) y -= 1;
    if (c.ref && shiftW === 1 && mo <= c.ref.m) y += 1;
    const d = mk(m, 'date', c.ref ? `${pad4(y)}-${pad2(mo)}` : `XXXX-${pad2(mo)}`);
    if (m[3] && !m[5] && !monthAbbrev.has(mon)) d.end--; // "last February." ends a sentence
    return d;
  });
  need = T_WD;
  // [shift] weekday [shift]: "Friday", "last Friday", "vendredi dernier", "el próximo lunes"
  add(`${B}${DET}(?:(${SB})${S})?(${WDF})${E}(?:${S}(${SA})${E})?`, 3, (m, c) => {
    const wd = L.weekdays[norm(m[2])];
    const shiftW = m[1] ? (lk(L.shiftBefore, m[1]) as Shift) : m[3] ? (lk(L.shiftAfterNoun, m[3]) as Shift) : undefined;
    if (!c.ref) return mk(m, 'date', `XXXX-WXX-${wd}`, { wd });
    const rw = weekday(c.ref);
    let forward = shiftW === 1 || (shiftW === undefined && tenseAt(c, c.low, m.index, m.index + m[0].length) === 1);
    if (shiftW === 0) forward = wd >= rw;
    let delta: number;
    if (forward) delta = ((wd - rw + 7) % 7) || (shiftW === undefined ? 0 : 7);
    else delta = -(((rw - wd + 7) % 7) || (shiftW === undefined ? 0 : 7));
    return mk(m, 'date', ymd(addDays(c.ref, delta)), { wd });
  });
  need = T_REL | T_WD;
  // relative days and parts of day: "yesterday", "hier soir", "Tuesday night", "ayer por la tarde"
  add(`${B}(?:(${RELDAY})|(${WDF}))(?:${S}${PODJ}(${POD}))?${E}`, 4, (m, c) => {
    const pod = m[3] ? (lk(L.partsOfDay, m[3]) as PartOfDay) : null;
    let day: string;
    if (m[1]) {
      const n = lk(L.relativeDays, m[1]) as number;
      if (!c.ref) day = n === 0 && !pod ? 'PRESENT_REF' : 'XXXX-XX-XX';
      else day = ymd(addDays(c.ref, n));
    } else {
      if (!pod) return null; // weekdays alone: the rule above
      const wd = L.weekdays[norm(m[2])];
      if (!c.ref) day = `XXXX-WXX-${wd}`;
      else {
        const rw = weekday(c.ref);
        const delta = tenseAt(c, c.low, m.index, m.index + m[0].length) === 1 ? (wd - rw + 7) % 7 : -((rw - wd + 7) % 7);
        day = ymd(addDays(c.ref, delta));
      }
    }
    return mk(m, pod ? 'time' : 'date', pod ? `${day}T${pod}` : day);
  });
  need = T_REL;
  if (Object.keys(L.dayParts).length) {
    add(`${B}(${A(Object.keys(L.dayParts))})${E}`, 5, (m, c) => {
      const [n, pod] = lk(L.dayParts, m[1]) as [number, PartOfDay];
      return mk(m, 'time', `${c.ref ? ymd(addDays(c.ref, n)) : 'XXXX-XX-XX'}T${pod}`);
    });
  }
  need = T_SU;
  // shifted calendar units: "last year", "this quarter", "l'an dernier", "vergangene Woche", "el próximo mes"
  add(`${B}${DET}(?:(${SB})${S}(${SU})|(${SU})(?:${S}|(?=-))(${SA}))${E}`, 4, (m, c) => {
    const unit = (lk(L.shiftUnits, m[2] ?? m[3]) as DateUnit) ?? 'Y';
    const shiftW = (m[1] ? lk(L.shiftBefore, m[1]) : lk(L.shiftAfterNoun, m[4])) as Shift;
    return mk(m, 'date', shifted(c.ref, unit, shiftW), unit === 'W' ? { week: true } : {});
  });
  // "the weekend", "le week-end", "el fin de semana": the last one (the next one in a future-tense clause)
  const WEK = Object.keys(L.shiftUnits).filter((k) => L.shiftUnits[k] === 'WE');
  if (WEK.length && L.determiners.length) {
    add(`${B}(?:${A(L.determiners.map((d) => d.trimEnd()))})(?:${S}|(?<=['’]))(?:${A(WEK)})${E}(?!-)`, 3, (m, c) => {
      if (!c.ref) return mk(m, 'date', 'XXXX-WXX-WE');
      const rw = weekday(c.ref);
      const future = tenseAt(c, c.low, m.index, m.index + m[0].length) === 1;
      const sat = addDays(c.ref, future ? (6 - rw + 7) % 7 : -((rw - 6 + 7) % 7));
      return mk(m, 'date', `${isoWeek(sat)}-WE`);
    });
  }
  // anaphoric calendar nouns, counted from the date last named: "the following year", "that day", "earlier that day",
  // "le même jour", "el día anterior", "im selben Jahr" (the value here is the reference-based fallback)
  const anaB = Object.keys(L.anaphoricBefore);
  const anaA = Object.keys(L.anaphoricAfter);
  const dayNouns = new Set(L.dayNouns.map(norm));
  if (anaB.length || anaA.length) {
    need = T_SU | T_UNIT;
    all = T_ANA;
    const ANAU = A([...Object.keys(L.shiftUnits), ...L.dayNouns]);
    const AB = anaB.length ? A(anaB) : '(?!)';
    const AA = anaA.length ? A(anaA) : '(?!)';
    const BACK = L.periodYearBackAfter.length ? `(?:${S}(${A(L.periodYearBackAfter)})${E})?` : '()';
    // the regex starts at the anaphoric word or the noun (fast); an edge word and a determiner before it join the span
    const LEAD = new RegExp(`(?:${L.anaphoricEdges.length ? `(?:${A(L.anaphoricEdges)})${S}` : '(?!)'})?${DET}$`, 'u');
    add(`${B}(?:(${AB})${S}(${ANAU})|(${ANAU})(?:${S}|(?=-))(${AA}))${E}(?!-)${BACK}`, 5, (m, c) => {
      const w = m[2] ?? m[3];
      const unit = (lk(L.shiftUnits, w) as DateUnit | undefined) ?? (dayNouns.has(norm(w)) ? 'D' : undefined);
      const n = m[1] ? (lk(L.anaphoricBefore, m[1]) as number | undefined) : (lk(L.anaphoricAfter, m[4]) as number | undefined);
      if (!unit || n === undefined || unit === 'WE') return null;
      // "the same month a year ago": that month one year before
      const back = m[5] && unit !== 'Y' ? 1 : 0;
      const v = shifted(c.ref, unit, n);
      const d = mk(m, 'date', back ? (yearShift(v, -1) ?? v) : v, { ana: { unit, n, back }, ...(unit === 'W' ? { week: true } : {}) });
      const before = c.low.slice(Math.max(0, m.index - 24), m.index);
      const lead = LEAD.exec(before);
      if (lead && lead[0] && !/[\p{L}\p{N}_]$/u.test(before.slice(0, before.length - lead[0].length))) d.start -= lead[0].length;
      return d;
    });
    all = 0;
  }
  // single anaphoric words: "la veille", "le lendemain matin", "am Vortag", "im Vorjahr"
  const anaW = Object.keys(L.anaphoricWords);
  if (anaW.length) {
    need = T_ANW;
    add(`${B}${DET}(${A(anaW)})${E}(?:${S}(${POD})${E})?`, 5, (m, c) => {
      const [unit, n] = lk(L.anaphoricWords, m[1]) as [DateUnit, number];
      const pod = m[2] && unit === 'D' ? (lk(L.partsOfDay, m[2]) as PartOfDay | undefined) : undefined;
      const d = mk(m, pod ? 'time' : 'date', shifted(c.ref, unit, n) + (pod ? `T${pod}` : ''), { ana: { unit, n, pod } });
      if (m[2] && !pod) d.end = m.index + m[0].lastIndexOf(m[1]) + m[1].length;
      return d;
    });
  }
  // reporting periods: "the quarter", "the latest period", "the year-ago quarter", "the 1988 period", "the same period last year",
  // "el mismo periodo del año anterior" (resolved from the quarter under report: see resolvePeriod)
  const perN = Object.keys(L.periodNouns);
  if (perN.length) {
    need = T_PER;
    const PD = L.periodDeterminers.length ? `(?:(${A(L.periodDeterminers.map((d) => d.trimEnd()))})(?:${S}|(?<=['’])))?` : '()';
    const PSAME = L.periodSame.length ? `(?:(${A(L.periodSame)})${S})?` : '()';
    const PBACK = L.periodYearBack.length ? `(?:(${A(L.periodYearBack)})${S})?` : '()';
    const PBA = L.periodYearBackAfter.length ? `(?:${S}(${A(L.periodYearBackAfter)})${E})?` : '()';
    add(`${B}${PD}${PSAME}${PBACK}(?:(\\d{4})${S})?(?:(${QORD})(?:${S}|-))?(${A(perN)})${E}(?!-)${PBA}(?:${PYJ}(\\d{4})${E})?`, 5, (m) => {
      const kind = lk(L.periodNouns, m[6]) as 'Q' | 'P';
      const back = m[3] || m[7] ? 1 : 0;
      const year = m[4] ? +m[4] : m[8] ? +m[8] : undefined;
      const q = m[5] ? ((lk(L.ordinals, m[5]) as number | undefined) ?? parseInt(m[5], 10)) : undefined;
      if (!m[1] && !back && year === undefined) return null; // "quarter" alone
      if (q !== undefined && (kind === 'P' || !q || q > 4 || (!back && !m[4]))) return null; // "the third quarter (of 2024)": the quarter rule
      if (kind === 'P' && !m[2] && !back && year === undefined) return null; // "the period"
      if (!back && year === undefined && m[2] && lk(L.shiftBefore, m[2]) !== undefined && kind === 'Q') return null; // "the latest quarter": a shift
      if (!back && year === undefined && !m[2] && m[1] && lk(L.anaphoricBefore, m[1]) !== undefined) return null; // "that quarter": the last period named
      return mk(m, 'date', 'XXXX-QX', { period: { back, year, q, kind } });
    });
    if (L.periodYearBackAlone.length) {
      need = T_PER | T_SU | T_UNIT;
      add(`${B}(${A(L.periodYearBackAlone)})${E}`, 3, (m) => mk(m, 'date', 'XXXX', { period: { back: 1, kind: 'P' } }));
    }
  }
  need = T_SEAS;
  // seasons: "summer 2025", "this summer", "l'été dernier", "in the spring"
  add(`${B}${DET}(?:(${SB})${S})?(${SEASON})${E}(?:${PYJ}(\\d{4})${E})?(?:${S}(${SA})${E})?`, 3, (m, c) => {
    const se = L.seasons[norm(m[2])];
    const shiftW = m[1] ? (lk(L.shiftBefore, m[1]) as Shift) : m[4] ? (lk(L.shiftAfterNoun, m[4]) as Shift) : undefined;
    if (m[3]) return mk(m, 'date', `${m[3]}-${se}`, { year: +m[3] });
    if (shiftW !== undefined) {
      if (!c.ref) return mk(m, 'date', `XXXX-${se}`);
      return mk(m, 'date', `${pad4(c.ref.y + (shiftW === 0 ? 0 : shiftW))}-${se}`);
    }
    if (!hasContext(c, m.index) && !/^\p{L}+['’]/u.test(m[0])) return null;
    return mk(m, 'date', `XXXX-${se}`, { needsYear: true });
  });
  need = T_QH;
  // quarters and halves: "the third quarter of 2025", "premier semestre", "Q3 2025", "2025 Q3", "H1 2025", "3Q25"
  add(`${B}${DET}(${QORD})(?:${S}|-)(?:(${QW})|(${HW}))${E}(?:${PYJ}(\\d{4})${E})?`, 5, (m) => {
    const o = (lk(L.ordinals, m[1]) as number | undefined) ?? parseInt(m[1], 10);
    if (!o || (m[3] && o > 2) || o > 4) return null;
    const v = m[3] ? `H${o}` : `Q${o}`;
    return m[4] ? mk(m, 'date', `${m[4]}-${v}`, { year: +m[4] }) : mk(m, 'date', `XXXX-${v}`, { needsYear: true });
  });
  need = T_QH;
  add(`${B}(?:([qh])([1-4])(?:${S}?(?:(\\d{4})|['’]?(\\d{2})))?|([1-4])([qh])${S}?(\\d{4}|\\d{2})|(\\d{4})${S}?([qh])([1-4]))${E}`, 5, (m, c) => {
    const kind = (m[1] ?? m[6] ?? m[9]).toUpperCase();
    const o = +(m[2] ?? m[5] ?? m[10]);
    if (kind === 'H' && o > 2) return null;
    const ys = m[3] ?? m[4] ?? m[7] ?? m[8];
    if (!ys) return m[0].length === 2 && /^[QH]/.test(orig(c, m)) ? mk(m, 'date', `XXXX-${kind}${o}`, { needsYear: true }) : null;
    const y = year2(ys);
    return mk(m, 'date', `${y}-${kind}${o}`, { year: y });
  });
  need = T_WEEK;
  // weeks: "week 12 of 2025", "KW 12", "2025-W12"
  add(`${B}(?:(${A(L.weekWords)})${S}?(\\d{1,2})(?:${PYJ}(\\d{4}))?|(\\d{4})-?w(\\d{2}))${E}`, 5, (m) => {
    const w = +(m[2] ?? m[5]);
    if (w < 1 || w > 53) return null;
    const y = m[3] ?? m[4];
    return y ? mk(m, 'date', `${y}-W${pad2(w)}`, { year: +y }) : mk(m, 'date', `XXXX-W${pad2(w)}`, { needsYear: true });
  });
  need = T_DIG;
  // decades: "the 1990s", "the '90s", "années 90", "90er Jahre", "los años 90", "década de 1990"
  if (L.decadeSuffix.length) {
    add(`${B}(?:(\\d{3})0|['’](\\d)0)(${A(L.decadeSuffix)})${E}`, 5, (m) => {
      if (m[1]) return +m[1] >= 100 && +m[1] <= 209 ? mk(m, 'date', m[1]) : null;
      return mk(m, 'date', `19${m[2]}`);
    });
    add(`${B}(\\d)0(${A(L.decadeSuffix.filter((s) => /^[\p{L}]{2}/u.test(s)))})${E}`, 5, (m) => mk(m, 'date', `19${m[1]}`));
  }
  if (L.decadePrefix.length) {
    add(`${B}(?:${A(L.decadePrefix)})${S}(?:(\\d{3})0|['’]?(\\d)0)${E}`, 5, (m) => mk(m, 'date', m[1] ? m[1] : `19${m[2]}`));
  }
  // bare years: "in 2017", "the 2025 Summit"
  add(`(?<![\\p{L}\\p{N}_$€£¥#&@/\\\\.,:+\\-])${YEAR}(?![\\p{L}\\p{N}_%/]|[.,]\\d|${S}?%|-\\p{L})`, 2, (m, c) => {
    const y = +m[1];
    const before = c.text.slice(Math.max(0, m.index - 24), m.index);
    if (c.C.countQualRe && c.C.countQualRe.test(before)) return null;
    if (y < 1900 && !hasContext(c, m.index)) return null;
    // a following lower-case plural noun makes it a count: "2000 employees" (not after "in": "en 2023 ingresos")
    const after = /^[\s\u00a0]([\p{Ll}][\p{L}'’-]{1,30})/u.exec(c.text.slice(m.index + 4, m.index + 40));
    if (after && !hasContext(c, m.index)) {
      const w = after[1].toLowerCase();
      if (L.pluralEndings.some((p) => w.endsWith(p)) && !c.C.yearFollowers.has(w) && w.length > 3) return null;
      if (L.units[w] !== undefined) return null;
    }
    return mk(m, 'date', m[1], { year: y, bare: true });
  });
  need = T_UNIT;
  // durations and ago: "18 consecutive years", "two-year", "over the past four years", "26 years ago", "il y a deux ans", "hace 10 años"
  const halfKeys = Object.keys(L.numbers).filter((k) => L.numbers[k] === 0.5);
  const HALFA = halfKeys.length && L.numberJoin.length ? `(?:${S}(?:${A(L.numberJoin)})${S}(${A(halfKeys)})${E})?` : '()';
  const anaAgo = new Set(L.anaphoricAgo.map(norm));
  const durAgoW = new Set(L.durationAgo.map(norm));
  const partRe = L.partitive.length ? new RegExp(`^${S}(?:${A(L.partitive)})${E}`, 'u') : null;
  const infRe = L.inFuture.length ? new RegExp(`(?:^|[^\\p{L}])(?:${A(L.inFuture)})[\\s\\u00a0\\u202f]$`, 'u') : null;
  /** "in" right before the match ("in two weeks"): its start, or -1 */
  const infAt = (m: RegExpExecArray, c: Ctx): number => {
    if (!infRe) return -1;
    const before = c.low.slice(Math.max(0, m.index - 16), m.index);
    const r = infRe.exec(before);
    return r ? m.index - before.length + r.index + (r[0].length - r[0].trimStart().length) : -1;
  };
  add(`${B}${AGOB}${DPRE}(${NUM}|${VAGUE})(?:${S}|-|(?<=\\d))${UB}(${UNIT})${E}${UA}${AGOA}${E}${HALFA}`, 4, (m, c) => {
    const unit = lk(L.units, m[4]) as DateUnit;
    if (!unit) return null;
    const end = m.index + m[0].length;
    const follow = c.text.slice(end, end + 6).toLowerCase();
    if (L.ageMarkers.some((a) => follow.startsWith(a))) return null;
    // "10-year-olds" (hyphen chain into an age) is not a duration
    if (/^-\p{L}/u.test(c.text.slice(end, end + 2)) && L.ageMarkers.some((a) => a.startsWith('-'))) return null;
    const qty = m[3];
    if (unit === 'Y' && !m[1] && !m[5]) {
      // ages: "Jean Burget, 87 ans, a été…", "âgée de 32 ans", "les 6-16 ans"
      const before = c.text.slice(Math.max(0, m.index - 24), m.index);
      if (/\d[-–]$/.test(before)) return null;
      if (/,[\s\u00a0]$/.test(before) && /^[\s\u00a0]?[,)]/.test(c.text.slice(end, end + 2))) return null;
      if (c.C.ageBeforeRe && c.C.ageBeforeRe.test(before)) return null;
    }
    let n: number | 'X' | null = L.vague.includes(norm(qty)) ? 'X' : parseNumber(qty, c.C);
    if (n === null || n === 0) return null;
    if (m[6] && n !== 'X') n += 0.5; // "one hour and a half"
    const restart = n === 'X' ? 0 : numberRestart;
    const ago = m[1] || m[5];
    // "three-quarters of", "a quarter of": a fraction
    if (unit === 'Q' && partRe && partRe.test(c.low.slice(end, end + 12))) return null;
    // "three days later", "dos días después", "six ans après": a duration counted from another event (TimeBank habit)
    const durAgo = !!m[5] && durAgoW.has(norm(m[5]));
    if (ago && (unit === 'H' || unit === 'MIN' || unit === 'S' || durAgo)) {
      // "2 hours ago", "3 minutos desde hoy": the duration itself
      const qs = m.index + m[0].indexOf(qty, m[1] ? m[1].length : 0);
      const ue = m.index + m[0].indexOf(m[4], qs - m.index + qty.length) + m[4].length;
      if (n === 'X' && !durAgo) return mk(m, 'date', shifted(c.ref, 'D', 0)); // "a few hours ago": today
      return { start: durAgo ? m.index : qs + restart, end: ue, type: 'duration', value: durationValue(n, unit), prio: 0 };
    }
    const inf = !ago && !m[2] ? infAt(m, c) : -1;
    if (inf >= 0 && c.ref && n !== 'X' && Number.isInteger(n) && (unit === 'D' || unit === 'W' || unit === 'M' || unit === 'Y')
      && tenseAt(c, c.low, m.index, m.index + m[0].length) === 1) {
      // "in two weeks" in a sentence about the future: the day it names
      const d = mk(m, 'date', addUnits(c.ref, unit, n));
      d.start = inf;
      return d;
    }
    if (ago) {
      const dir: number = m[1] ? -1 : ((L.shiftAfter[norm(m[5])] as number | undefined) ?? -1);
      if (n === 'X') return mk(m, 'date', dir < 0 ? 'PAST_REF' : 'FUTURE_REF');
      if (!Number.isInteger(n)) return null;
      const u: DateUnit = unit === 'H' || unit === 'MIN' || unit === 'S' ? 'D' : unit;
      const extra: Partial<Cand> = {};
      // "a year earlier", "two days later": from a date named just before; "a year ago": from the reference
      if (m[5] && anaAgo.has(norm(m[5]))) extra.ana = { unit: u, n: dir * n, near: true };
      if (u === 'Y' && dir < 0 && n === 1) extra.yearsBack = n;
      const d = mk(m, 'date', shifted(c.ref, u, dir * n), extra);
      if (restart > 0 && !m[1] && !m[2]) d.start = m.index + m[0].indexOf(qty) + restart; // "from seven a year ago"
      return d;
    }
    const d = mk(m, 'duration', durationValue(n, unit));
    if (restart > 0 && !m[2]) d.start = m.index + m[0].indexOf(qty) + restart;
    return d;
  });
  if (Object.keys(L.vagueAlone).length) {
    add(`${B}(${A(Object.keys(L.vagueAlone))})${E}`, 1, (m) => mk(m, 'duration', durationValue('X', lk(L.vagueAlone, m[1]) as DateUnit)));
  }
  need = T_SET;
  // sets: "annually", "every year", "every two weeks", "twice a year", "chaque année", "cada mes", "every Friday"
  const setKeys = Object.keys(L.sets);
  const numWords = new Set(Object.keys(L.numbers).map(norm));
  const setPlain = setKeys.filter((k) => !numWords.has(norm(k).split(' ')[0]));
  const setFreq = setKeys.filter((k) => numWords.has(norm(k).split(' ')[0]));
  const setAdj = new Set(L.setAdjectives.map(norm));
  if (setPlain.length) {
    add(`${B}(${A(setPlain)})${E}`, 4, (m, c) => {
      // "daily newspaper", "quarterly results": an adjective before a noun is not a set
      if (setAdj.has(norm(m[1])) && /^[\s\u00a0]\p{Ll}/u.test(c.text.slice(m.index + m[0].length, m.index + m[0].length + 2))) return null;
      return mk(m, 'set', lk(L.sets, m[1]) as string);
    });
  }
  if (setFreq.length && L.frequency.length) {
    add(`${B}(?:${NUMW}${S})?(?:${A(L.frequency)})${S}(${A(setFreq)})${E}`, 5, (m) => mk(m, 'set', lk(L.sets, m[1]) as string));
  }
  if (L.every.length) {
    add(`${B}(?:${A(L.every)})${S}(?:(${NUM})${S})?(?:(${UNIT}|${SU})|(${WDF})s?)${E}`, 5, (m, c) => {
      if (m[3]) return mk(m, 'set', `XXXX-WXX-${L.weekdays[norm(m[3])]}`);
      const unit = (lk(L.units, m[2]) ?? lk(L.shiftUnits, m[2])) as DateUnit | undefined;
      if (!unit) return null;
      const n = m[1] ? parseNumber(m[1], c.C) : 1;
      if (n === null) return null;
      return mk(m, 'set', durationValue(n, unit));
    });
  }
  need = T_REF;
  // PRESENT_REF, PAST_REF, FUTURE_REF
  const refs: [string[], string][] = [[L.presentRef, 'PRESENT_REF'], [L.pastRef, 'PAST_REF'], [L.futureRef, 'FUTURE_REF']];
  for (const [words, v] of refs) if (words.length) add(`${B}(?:${A(words)})${E}(?!${S}\\d)`, 2, (m) => mk(m, 'date', v));
  // "la próxima edición" FUTURE_REF, "la pasada campaña" PAST_REF: a relative adjective on a noun that is no calendar word
  const refAdj = Object.keys(L.refAdjectives);
  if (refAdj.length && L.refAdjectiveDeterminers.length) {
    need = T_REF;
    add(`(?<=${B}(?:${A(L.refAdjectiveDeterminers)})${S})(${A(refAdj)})${E}(?=${S}\\p{L})`, 1, (m) => mk(m, 'date', lk(L.refAdjectives, m[1]) as string));
  }
  // ---- spelled-out days and years, weekday + day, holidays, named years, period edges, whole periods, day words ----
  const dayNumKeys = (lo: number): string[] => Object.keys(L.numbers).filter((k) => {
    const v = L.numbers[k];
    return Number.isInteger(v) && v >= lo && v <= 30 && !/\s/.test(k) && k.length > 2;
  });
  const DW1 = A([...Object.keys(L.dayOrdinalWords), ...dayNumKeys(2)]);
  const DW2 = A([...Object.keys(L.dayOrdinalWords), ...dayNumKeys(1)]);
  const NJS = L.numberJoin.length ? `|${S}${A(L.numberJoin)}${S}` : '';
  const DAYW = `(?:${DW1})(?:(?:${S}|-${NJS})(?:${DW2}))?`;
  const SPY = `(?:${NUMW})(?:(?:${S}|-${NJS})(?:${NUMW})){1,5}`;
  const dayWordsOf = (s: string): number | null => {
    const t = /^\d/.test(s) ? parseInt(s, 10) : dayWordValue(s, L, C0);
    return t !== null && t >= 1 && t <= 31 ? t : null;
  };
  const C0 = { numbers: new Map(Object.entries(L.numbers).map(([k, v]) => [key(k), v])), ordinals: new Map(Object.entries(L.dayOrdinalWords).map(([k, v]) => [key(k), v])), joins: new Set(L.numberJoin.map(key)) };
  const yearOf = (s: string): number | null => (/^['’\d]/.test(s) ? year2(s) : spelledYear(s, C0));
  need = T_DAYW;
  all = T_MON;
  // spelled days: "twenty-ninth of May", "veintinueve de mayo de dos mil veinte", "second of Aug"
  // (anchored on the month: the look-behind for the day words runs only where a month starts)
  add(`(?=(?:${MON})${E})(?<=${B}(${DAYW})${S}${DMJ})(${MON})${E}\\.?(?:${MYJ}(\\d{4}|['’]\\d{2}|${SPY})${E})?`, 6, (m, c) => {
    const d = dayWordsOf(m[1]);
    const y = m[3] ? yearOf(m[3]) : null;
    if (d === null || (m[3] && y === null)) return null;
    const v = dateVal(m, y, monthOf(m[2]), d);
    if (v) {
      v.start = c.low.lastIndexOf(m[1], m.index);
      if (!m[3] && m[0].endsWith('.') && !monthAbbrev.has(norm(m[2]))) v.end--; // a sentence full stop
    }
    return v;
  });
  need = T_DAYW | T_DIG;
  // month + spelled day: "May twenty nine", "February the 22nd", "Mai vingt-neuf" (no word after it: "in May two firms" is no date)
  add(`${B}(${MON})${E}\\.?${S}${DET}(${DAYW}|\\d{1,2}${ORD})(?![\\p{L}\\p{N}]|[.,]\\d)(?:(?<=\\d|\\d\\p{L}{2})|(?!${S}\\p{L}))(?:,?${S}(\\d{4}|${SPY}))?`, 5, (m, c) => {
    const mon = norm(m[1]);
    if (L.capitalizedMonths && L.ambiguousMonths.includes(mon) && isLowerAt(c, m, 1)) return null;
    if (/^\d/.test(m[2]) && m[0].indexOf(m[2]) === m[1].length + 1) return null; // "May 24": the plain rule
    const d = dayWordsOf(m[2]);
    const y = m[3] ? yearOf(m[3]) : null;
    if (d === null || (m[3] && y === null)) return null;
    return dateVal(m, y, monthOf(m[1]), d);
  });
  need = T_DIG | T_DAYW;
  all = T_WD;
  // weekday + day of the month: "domingo 31", "Tuesday the eleventh", "terça-feira dia 25" -> the nearest such day
  const DAYWJ = L.dayWords.length ? `(?:${A(L.dayWords)}|${A(L.dayWords.map((w) => w.split(' ').pop()!))})${S}` : '';
  add(`${B}(${WDF}),?${S}(?:${DAYWJ}|${DET})(\\d{1,2}|${DAYW})(?![\\p{L}\\p{N}]|[.,:/\\-]\\d|${S}?%|${S}(?:${UNIT}|${MON})${E})`, 5, (m, c) => {
    const wd = L.weekdays[norm(m[1])];
    const d = dayWordsOf(m[2]);
    if (!wd || d === null) return null;
    // "Tuesday the first generation": a spelled or determined day must end the phrase
    const spelled = !/^\d/.test(m[2]) || /\p{L}/u.test(m[0].slice(m[1].length, m[0].length - m[2].length));
    if (spelled && /^[\s\u00a0]+\p{L}/u.test(c.text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
    if (!c.ref) return mk(m, 'date', `XXXX-WXX-${wd}`);
    return mk(m, 'date', nearestWeekdayDay(c.ref, wd, d) ?? `XXXX-WXX-${wd}`);
  });
  // weekday + numeric day and month: "friday 5/12", "sábado 12.5"
  add(`${B}(${WDF}),?${S}(\\d{1,2})[/.](\\d{1,2})(?![\\d/]|[.,]\\d)`, 5, (m) => {
    let a = +m[2];
    let b = +m[3];
    if (L.numericOrder === 'mdy' && a <= 12) [a, b] = [b, a];
    if (b > 12 && a <= 12) [a, b] = [b, a];
    const d = dateVal(m, null, b, a);
    if (d) d.start = m.index + m[0].indexOf(m[2], m[1].length);
    return d;
  });
  // the n-th week of a month or year: "the first week of 2015", "la tercera semana de enero", "the last week of July 2016"
  need = T_MON | T_DIG;
  all = T_WEEK;
  const lastWords = Object.keys(L.shiftBefore).filter((k) => L.shiftBefore[k] === -1 && !/\s/.test(k));
  const WORD_ORD = A([...Object.keys(L.ordinals).filter((k) => /^\p{L}/u.test(k)), ...lastWords]);
  add(`${B}${DET}(${WORD_ORD})${S}(?:${A(L.weekWords)})${PYJ}(?:(${MON})${E}(?:${MYJ}(\\d{4})${E})?|(\\d{4})${E})`, 6, (m) => {
    const o = (lk(L.ordinals, m[1]) as number | undefined) ?? (lastWords.includes(norm(m[1])) ? 5 : 0);
    if (!o || o > 5) return null;
    if (m[4]) return mk(m, 'date', `${m[4]}-W${pad2(o)}`, { year: +m[4] });
    const mo = monthOf(m[2]);
    if (!mo) return null;
    return mk(m, 'date', `${m[3] ?? 'XXXX'}-${pad2(mo)}-W${pad2(o)}`, m[3] ? { year: +m[3] } : {});
  });
  // holidays: "Christmas", "Thanksgiving 2010", "last Thanksgiving", "el día del trabajo"
  const holKeys = Object.keys(L.holidays);
  all = 0;
  if (holKeys.length) {
    need = T_HOL | T_HOLX;
    add(`${B}(?:${DET}(${SB})${S})?${DET}(${A(holKeys)})${E}(?:${PYJ}(\\d{4})${E})?`, 6, (m, c) => {
      const spec = lk(L.holidays, m[2]) as string;
      const shiftW = m[1] ? (lk(L.shiftBefore, m[1]) as Shift) : undefined;
      if (m[3]) {
        const v = holidayDate(spec, +m[3]);
        return v ? mk(m, 'date', v, { year: +m[3] }) : null;
      }
      if (!c.ref) return mk(m, 'date', /^\d\d-\d\d$/.test(spec) ? `XXXX-${spec}` : `XXXX-${spec.slice(0, 2)}`);
      const ref = ymd(c.ref);
      let y = c.ref.y;
      if (shiftW === -1 && (holidayDate(spec, y) ?? '') >= ref) y -= 1;
      if (shiftW === 1 && (holidayDate(spec, y) ?? '') <= ref) y += 1;
      if (shiftW === undefined) {
        if (/^\d\d-\d\d$/.test(spec)) return mk(m, 'date', `XXXX-${spec}`, { needsYear: true });
        const t = tenseAt(c, c.low, m.index, m.index + m[0].length);
        if (t < 0 && (holidayDate(spec, y) ?? '') > ref) y -= 1;
        if (t > 0 && (holidayDate(spec, y) ?? '') < ref) y += 1;
      }
      const v = holidayDate(spec, y);
      return v ? mk(m, 'date', v, shiftW === undefined ? { inferred: true } : {}) : null;
    });
  }
  // fiscal and school years: "año fiscal 2016", "el último año fiscal", "este año escolar", "año fiscal"
  const namedKeys = Object.keys(L.namedYears);
  if (namedKeys.length) {
    need = T_NAMED;
    add(`${B}${DET}(?:(${SB})${S})?(${A(namedKeys)})${E}(?:${S}(${SA})${E})?(?:${PYJ}(\\d{4})${E})?`, 6, (m, c) => {
      const pre = lk(L.namedYears, m[2]) as string;
      if (m[4]) return mk(m, 'date', `${pre}${m[4]}`, { year: +m[4] });
      const shiftW = m[1] ? (lk(L.shiftBefore, m[1]) as Shift) : m[3] ? (lk(L.shiftAfterNoun, m[3]) as Shift) : undefined;
      if (shiftW === undefined || !c.ref) return mk(m, 'date', `${pre}XXXX`);
      return mk(m, 'date', `${pre}${pad4(c.ref.y + shiftW)}`);
    });
  }
  // a part of a year: "the end of 1990", "mid-1996", "early 2009", "mediados de 2000", "Ende 2019" (a bare year: listed once)
  if (L.periodEdges.length || L.yearEdges.length) {
    need = T_DIG;
    all = T_EDGE;
    add(`${B}(?:${A([...L.periodEdges, ...L.yearEdges])})(?:${S}|-|(?<=['’]))${DET}${YEAR}${E}(?![.,]\\d|${S}?%)`, 3, (m) => mk(m, 'date', m[1], { year: +m[1], bare: true }));
  }
  // a part of the current period: "end of month", "a finales de año", "later in the week", "Ende des Jahres"
  if (L.periodEdges.length) {
    need = T_SU;
    all = T_EDGE;
    add(`${B}(?:${A(L.periodEdges)})(?:${S}|(?<=['’]))${DET}(?:(${SB})${S})?(${SU})${E}(?:${S}(${SA})${E})?`, 5, (m, c) => {
      const unit = lk(L.shiftUnits, m[2]) as DateUnit | undefined;
      if (!unit) return null;
      const shiftW = m[1] ? (lk(L.shiftBefore, m[1]) as Shift) : m[3] ? (lk(L.shiftAfterNoun, m[3]) as Shift) : 0;
      return mk(m, 'date', shifted(c.ref, unit, shiftW), unit === 'W' ? { week: true } : {});
    });
  }
  // one whole unit: "all day", "toda la semana", "den ganzen Tag"
  if (L.wholePeriod.length) {
    need = T_UNIT | T_SU;
    all = T_WHOLE;
    add(`${B}(?:${A(L.wholePeriod)})(?:${S}|(?<=['’]))(${UNIT}|${SU})${E}`, 4, (m) => {
      const unit = (lk(L.units, m[1]) ?? lk(L.shiftUnits, m[1])) as DateUnit | undefined;
      return unit ? mk(m, 'duration', durationValue(1, unit)) : null;
    });
  }
  // a day of the month alone: "el día 18", "até o dia 30"
  all = 0;
  if (L.dayWords.length) {
    need = T_DIG;
    add(`${B}(?:${DAYWJ})(\\d{1,2})(?:${ORD}|\\.?[º°])?(?![\\p{L}\\p{N}]|[.,:/\\-]\\d|${S}?%|${S}(?:${UNIT}|${MON})${E})`, 3, (m) => {
      const d = +m[1];
      return d >= 1 && d <= 31 ? mk(m, 'date', `XXXX-XX-${pad2(d)}`) : null;
    });
  }
  const yearNounBefore = new RegExp(`(?:^|[^\\p{L}])(?:${A(Object.keys(L.shiftUnits).filter((k) => L.shiftUnits[k] === 'Y' && !/\s/.test(k)))})${S}$`, 'u');
  // centuries: "the 20th century" 19, "el siglo XVIII" 17, "la fin du XIXe siècle" 18, "19. Jahrhundert" 18
  if (L.centuryWords.length) {
    need = T_CENT;
    const CW = A(L.centuryWords);
    const ROM = '([ivx]{1,6})';
    add(`${B}(?:(\\d{1,2})(?:st|nd|rd|th|e|ème|er|º|°|\\.)|${ROM}(?:e|ème|er)?)${S}(?:${CW})${E}|${B}(?:${CW})${S}${ROM}${E}`, 5, (m) => {
      const n = m[1] ? +m[1] : romanValue(m[2] ?? m[3]);
      return n >= 1 && n <= 30 ? mk(m, 'date', pad2(n - 1)) : null;
    });
  }
  // a spelled-out year with a thousand: "two thousand and fifteen", "dos mil veinte"
  if (L.thousandWords.length) {
    need = T_TH | T_THX;
    add(`${B}(${SPY})${E}`, 1, (m, c) => {
      const y = spelledYear(m[1], C0);
      // with a thousand ("two thousand and fifteen"), or a century and its tens ("nineteen ninety-six")
      if (!L.thousandWords.some((w) => m[1].includes(w))) {
        const w = key(m[1]).split(/[\s-]+/);
        const a = C0.numbers.get(w[0]) ?? 0;
        const b = C0.numbers.get(w[1]) ?? 0;
        if (!(a >= 11 && a <= 19 && b >= 20 && b < 100) || w.length > 3) return null;
      }
      // a round thousand only after a year noun ("the year two thousand"): "two thousand people" is a count
      if (y === null || y < 1000 || y > 2999 || (y % 1000 === 0 && !yearNounBefore.test(c.low.slice(Math.max(0, m.index - 12), m.index)))) return null;
      const after = /^[\s\u00a0]([\p{Ll}][\p{L}'’-]{1,30})/u.exec(c.text.slice(m.index + m[0].length, m.index + m[0].length + 40));
      if (after && L.pluralEndings.some((p) => after[1].endsWith(p)) && !c.C.yearFollowers.has(after[1].toLowerCase())) return null;
      return mk(m, 'date', String(y), { year: y });
    });
  }
  need = T_DIG;
  // unambiguous day/month in any order ("29/2", "2/29"; one part over 12)
  add(`(?<![\\d.,\\-/])(\\d{1,2})/(\\d{1,2})(?![\\d/]|[.,]\\d)`, 1, (m) => {
    const a = +m[1];
    const b = +m[2];
    if (a > 12 && b >= 1 && b <= 12 && a <= 31) return mk(m, 'date', `XXXX-${pad2(b)}-${pad2(a)}`, { needsYear: true });
    if (b > 12 && a >= 1 && a <= 12 && b <= 31) return mk(m, 'date', `XXXX-${pad2(a)}-${pad2(b)}`, { needsYear: true });
    return null;
  });
  // clock times: "10:30 a.m.", "3 p.m.", "21 h 45", "14.30 Uhr", "8 h"
  const MER = Object.keys(L.meridiem).length ? `(?:${S}?(${A(Object.keys(L.meridiem))})(?![\\p{L}]))` : '()';
  const timeVal = (c: Ctx, h: number, mi: number): string => `${c.ref ? ymd(c.ref) : 'XXXX-XX-XX'}T${pad2(h)}:${pad2(mi)}`;
  // "14:48 UTC", "0800 GMT": a clock time in UTC ends with Z
  const UTC = L.utcWords.length ? `(?:${S}?(${A(L.utcWords)})${E})?` : '()';
  add(`(?<![\\d:.,])(\\d{1,2}):(\\d{2})(?::\\d{2})?(?![\\d:]|[.,]\\d)${MER}?${UTC}`, 4, (m, c) => {
    let h = +m[1];
    const mi = +m[2];
    if (h > 23 || mi > 59) return null;
    const mer = m[3] ? (lk(L.meridiem, m[3]) as string) : null;
    if (mer === 'pm' && h < 12) h += 12;
    if (mer === 'am' && h === 12) h = 0;
    return mk(m, 'time', timeVal(c, h, mi) + (m[4] ? 'Z' : ''), { clock: true });
  });
  if (L.utcWords.length) {
    add(`(?<![\\d:.,])([01]\\d|2[0-3])([0-5]\\d)${S}?(?:${A(L.utcWords)})${E}`, 4, (m, c) => mk(m, 'time', timeVal(c, +m[1], +m[2]) + 'Z', { clock: true }));
  }
  // "a las 11.45 horas", "18.45 Uhr": HH.MM before an hour word is a clock time, not a count of hours
  if (L.clockHourWords.length) {
    add(`(?<![\\d:.,])(\\d{1,2})[.:](\\d{2})${S}?(?:${A(L.clockHourWords)})${E}`, 5, (m, c) => (+m[1] > 24 || +m[2] > 59 ? null : mk(m, 'time', timeVal(c, +m[1] % 24, +m[2]), { clock: true })));
  }
  // "noon", "midnight", "midi": clock times in words
  if (Object.keys(L.clockWords).length) {
    need = T_CLK;
    add(`${B}(?<!-)(${A(Object.keys(L.clockWords))})${E}(?!-)`, 5, (m, c) => mk(m, 'time', `${c.ref ? ymd(c.ref) : 'XXXX-XX-XX'}T${lk(L.clockWords, m[1]) as string}`, { clock: true }));
    need = T_DIG;
  }
  if (Object.keys(L.meridiem).length) {
    add(`(?<![\\d:.,])(\\d{1,2})${S}?(${A(Object.keys(L.meridiem))})(?![\\p{L}])`, 4, (m, c) => {
      let h = +m[1];
      if (h < 1 || h > 12) return null;
      const mer = lk(L.meridiem, m[2]);
      if (mer === 'pm' && h < 12) h += 12;
      if (mer === 'am' && h === 12) h = 0;
      return mk(m, 'time', timeVal(c, h, 0), { clock: true });
    });
  }
  if (L.hourWords.length) {
    add(`(?<![\\d:.,])(\\d{1,2})(?:[.:](\\d{2}))?${S}?(?:${A(L.hourWords)})(?:${S}?(\\d{2}))?${E}`, 4, (m, c) => {
      const h = +m[1];
      const mi = +(m[2] ?? m[3] ?? 0);
      if (h > 24 || mi > 59) return null;
      return mk(m, 'time', timeVal(c, h % 24, mi), { clock: true });
    });
  }

  // Trigger words: a rule can only match near one of these (or a digit), so the rules run on windows.
  const lastWord = (p: string): string => norm(p).split(/[\s'’-]+/).filter((w) => w).sort((a, b) => b.length - a.length)[0] ?? '';
  const triggers = new Map<string, number>();
  const cats: [number, Iterable<string>][] = [
    [T_MON, monthKeys], [T_WD, wdKeys], [T_UNIT, [...Object.keys(L.units), ...Object.keys(L.vagueAlone)]],
    [T_REL, [...Object.keys(L.relativeDays), ...Object.keys(L.partsOfDay), ...Object.keys(L.dayParts)]], [T_SEAS, Object.keys(L.seasons)],
    [T_QH, [...L.quarterWords, ...L.halfWords, 'q', 'h']], [T_WEEK, [...L.weekWords, 'kw', 'w']], [T_DEC, L.decadePrefix],
    [T_SET, [...Object.keys(L.sets), ...L.every, ...L.frequency]], [T_REF, [...L.presentRef, ...L.pastRef, ...L.futureRef, ...Object.keys(L.refAdjectives)]],
    [T_HOUR, [...L.hourWords, ...Object.keys(L.meridiem)]], [T_SU, Object.keys(L.shiftUnits)],
    [T_DAYW, [...Object.keys(L.dayOrdinalWords), ...Object.keys(L.numbers).filter((k) => Number.isInteger(L.numbers[k]) && L.numbers[k] >= 1 && L.numbers[k] <= 30 && !/\s/.test(k) && k.length > 2)]],
    [T_PER, [...Object.keys(L.periodNouns), ...L.periodYearBackAlone.filter((w) => !/[\s-]/.test(w))]], [T_ANA, [...Object.keys(L.anaphoricBefore), ...Object.keys(L.anaphoricAfter)]],
    [T_ANW, Object.keys(L.anaphoricWords)], [T_CLK, Object.keys(L.clockWords)], [T_CENT, L.centuryWords],
    [T_HOL, Object.keys(L.holidays).filter((k) => !/\s/.test(k))], [T_HOLX, Object.keys(L.holidays).filter((k) => /\s/.test(k))], [T_EDGE, [...L.periodEdges, ...L.yearEdges]], [T_WHOLE, L.wholePeriod], [T_NAMED, Object.keys(L.namedYears)], [T_THX, L.thousandWords], [T_TH, Object.keys(L.numbers).filter((k) => L.numbers[k] >= 11 && L.numbers[k] <= 19)],
  ];
  for (const [bit, list] of cats) {
    for (const p of list) {
      const w = lastWord(p).replace(/\.$/, '');
      if (w) triggers.set(w, (triggers.get(w) ?? 0) | bit);
    }
  }
  // a clock time between a lead word and a day ("until 9 a.m. EST Tuesday")
  const CLOCK_LEAD = `(?:\\d{1,2}(?:[:.]\\d\\d)?(?:${S}?${A(Object.keys(L.meridiem).length ? Object.keys(L.meridiem) : L.hourWords)})?(?:${S}\\p{L}{2,4})?,?${S})?`;
  const monthContextRe = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${A(L.monthContext)})[\\s\\u00a0\\u202f]?$`, 'iu');
  const compiled: Compiled = {
    rules,
    notDates: L.notDates.length ? re(`${B}(?:${A(L.notDates)})${E}`) : null,
    tenseRe: tenseRe(L),
    pastWords: new Set(L.pastMarkers.map(norm)),
    leadRe: L.pastBefore.length || L.futureBefore.length
      ? new RegExp(`(?:^|[^\\p{L}])(?:(${L.pastBefore.length ? A(L.pastBefore) : '(?!)'})|(${L.futureBefore.length ? A(L.futureBefore) : '(?!)'}))${S}${DET}${CLOCK_LEAD}$`, 'u') : null,
    contextRe: monthContextRe,
    countQualRe: L.countQualifiers.length ? new RegExp(`(?:^|[^\\p{L}])(?:${A(L.countQualifiers)})[\\s\\u00a0]$`, 'iu') : null,
    yearFollowers: new Set(L.yearFollowers.map(norm)),
    triggers,
    numKeys,
    monthAbbrev,
    norm,
    ageBeforeRe: L.ageBefore.length ? new RegExp(`(?:^|[^\\p{L}])(?:${A(L.ageBefore)})[\\s\\u00a0]$`, 'iu') : null,
    shiftEndRe: Object.keys(L.shiftBefore).length ? new RegExp(`(?:^|[^\\p{L}])(${A(Object.keys(L.shiftBefore))})[\\s\\u00a0]{1,2}$`, 'u') : null,
    rangeRe: L.rangeWords.length ? new RegExp(`^,?[\\s\\u00a0]{0,3}(?:[-–—]|(?:${A(L.rangeWords)})(?=[\\s\\u00a0]))[\\s\\u00a0]{0,3}${DET}$`, 'u') : null,
    wdJoinRe: new RegExp(`^[\\s,\\-–]{0,4}(?:(?:${A(L.weekdayWeekJoin.filter((j) => j))})[\\s]{1,3})?$`, 'u'),
  };
  numbersOf.set(compiled, new Map(Object.entries(L.numbers).map(([k, v]) => [key(k), v])));
  cache.set(lang, compiled);
  return compiled;
}

/** The original (not lower-cased) text of a match. */
function orig(c: Ctx, m: RegExpExecArray): string {
  return c.text.slice(m.index, m.index + m[0].length);
}
/** Whether group g of a match starts with a lower-case letter in the original text. */
function isLowerAt(c: Ctx, m: RegExpExecArray, g: number): boolean {
  const i = m.index + m[0].indexOf(m[g]);
  const ch = c.text[i] ?? '';
  return ch !== ch.toUpperCase();
}

/** A context word (locale monthContext) right before position i: "in October", "en été". */
function hasContext(c: Ctx, i: number): boolean {
  return c.C.contextRe.test(c.text.slice(Math.max(0, i - 24), i));
}

// Languages without date data use English rules for the language-independent shapes (numbers, ISO dates).
const FALLBACK = 'en';

/**
 * Temporal expressions in `text` with TIMEX3 values, sorted by start.
 * `reference` is the publication date (YYYY-MM-DD) used to resolve relative dates, or null.
 */
export function extractDates(text: string, lang: string, reference: string | null): DateRecordItem[] {
  const low = lowerSameLength(text);
  // A language without date words (or undetermined, as on one-line inputs): the locale whose calendar
  // words occur most; a supported language with no date at all: another locale whose words occur.
  if (dateLocale(lang)) {
    const out = extractWith(text, low, lang, reference);
    if (out.length || text.length > 400) return out;
    const other = likelyLocale(low, lang, 2);
    return other ? extractWith(text, low, other, reference) : out;
  }
  return extractWith(text, low, likelyLocale(low, null) ?? FALLBACK, reference);
}

const CALENDAR_BITS = T_MON | T_WD | T_REL | T_SU | T_UNIT | T_SEAS | T_HOL;

/** The date locale (other than `not`) with the most calendar words in the text (first 2,000 characters), or null. */
function likelyLocale(low: string, not: string | null, min = 1): string | null {
  let best: string | null = null;
  let bestN = min - 1;
  const head = low.slice(0, 2000);
  for (const code of Object.keys(DATE_LOCALES)) {
    if (code === not) continue;
    const C = compile(code, DATE_LOCALES[code]);
    let n = 0;
    WORD_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD_RE.exec(head)) !== null) {
      if (m[0].length < 3 || C.monthAbbrev.has(m[0])) {
        // "out", "set", "mar": words of other languages too, but a date shape next to digits ("23/set/2020")
        if (C.monthAbbrev.has(m[0]) && (/\d[/.\-]$/.test(head.slice(Math.max(0, m.index - 2), m.index)) || /^[/.\-]\d/.test(head.slice(m.index + m[0].length, m.index + m[0].length + 2)))) n += 2;
        continue;
      }
      const bits = C.triggers.get(m[0]) ?? 0;
      if (bits & CALENDAR_BITS) n += bits & (T_MON | T_WD | T_HOL) ? 2 : 1;
    }
    if (n > bestN) {
      bestN = n;
      best = code;
    }
  }
  return best;
}
const WORD_RE = /\p{L}+/gu;

function extractWith(text: string, low: string, code: string, reference: string | null): DateRecordItem[] {
  const L = dateLocale(code)!;
  const C = compile(code, L);
  const ctx: Ctx = { text, low, ref: parseRef(reference), L, C };
  // Rules are compiled without the i flag (much faster) and run on a lower-cased copy; offsets agree
  // because lower-casing keeps the length for all but a few letters (then those rules run on a copy
  // where only same-length lower-casing is applied).
  const cands: Cand[] = [];
  for (const [ws, we, mask] of windows(low, C)) {
    const sub = low.slice(ws, we);
    for (const rule of C.rules) {
    if ((rule.need & mask) === 0 || (rule.all & mask) !== rule.all) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(sub)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      m.index += ws;
      const c = rule.fn(m, ctx);
      if (c) {
        c.prio = rule.prio;
        trimEnd(c, text);
        if (c.end > c.start) cands.push(c);
      }
    }
    }
  }
  if (cands.length === 0) return [];

  // drop candidates inside a "not a date" phrase
  let blocked: Uint8Array | null = null;
  if (C.notDates) {
    C.notDates.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = C.notDates.exec(low)) !== null) {
      blocked ??= new Uint8Array(text.length);
      blocked.fill(1, m.index, m.index + m[0].length);
    }
  }
  // longest first, then rule priority, then leftmost
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || b.prio - a.prio || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const kept: Cand[] = [];
  for (const c of cands) {
    if (blocked && isBlocked(blocked, c)) continue;
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  combine(kept, text, C);

  // Year inference for dates written without a year ("May 24", "in October", "the third quarter"):
  // 1. a year stated earlier in the same paragraph (line): "its 2023 Tech Day … on October 16th";
  // 2. else the reference date and the tense of the sentence: past -> the latest such date not after
  //    the reference, future -> the next one not before it, no tense -> the reference year;
  // 3. else the value keeps XXXX. Values from 1 and 2 are marked inferred.
  // A bare year repeated in the document ("2025" in a title and again in the body) is listed once.
  let nextNl = text.indexOf('\n'); // the first newline at or after the current line's start (-1: none)
  let ctxYear: number | null = null;
  let ctxEnd = 0; // where the stated year was written
  const bareSeen = new Set<string>();
  let lastMonth: string | null = null; // YYYY-MM of the last date with a month on the line
  let lastDay: { value: string; end: number } | null = null;
  const out: DateRecordItem[] = [];
  // the focus: the last date named (anaphora count from it); focusQ: the last quarter named (the quarter under report)
  let focus: { value: string; end: number } | null = null;
  let firstQ: { y: number; q: number; end: number } | null = null;
  let lastQ: { y: number; q: number; end: number } | null = null;
  for (let ci = 0; ci < kept.length; ci++) {
    const c = kept[ci];
    if (nextNl >= 0 && nextNl < c.start) {
      ctxYear = null;
      lastMonth = null;
      nextNl = text.indexOf('\n', c.start);
    }
    // the quarter under report: one named earlier in the sentence, else the first one the text names (the lead)
    const between = lastQ ? text.slice(lastQ.end, c.start + 1) : '';
    const focusQ = lastQ && !between.includes('\n') && !SENTENCE_END.test(between) ? lastQ : firstQ;
    let fromFocus = false;
    if (c.period) {
      const v = resolvePeriod(c.period, focusQ, ctx.ref);
      if (v === null) continue;
      c.value = v;
      fromFocus = true;
    } else if (c.yearsBack !== undefined && focusQ && c.start - focusQ.end <= QUARTER_SPAN) {
      // "up from $3 million a year ago" in a report on a quarter: that quarter a year before
      c.value = `${pad4(focusQ.y - c.yearsBack)}-Q${focusQ.q}`;
      fromFocus = true;
    } else if (c.ana && focus && (!c.ana.near || c.start - focus.end <= NEAR_SPAN)) {
      let v = shiftValue(focus.value, c.ana.unit, c.ana.n, !!c.ana.near);
      if (v !== null && c.ana.back) v = yearShift(v, -c.ana.back);
      if (v !== null) {
        c.value = v + (c.ana.pod ? `T${c.ana.pod}` : '');
        fromFocus = true;
      }
    }
    if (ctxYear !== null && c.start > ctxEnd) {
      if (SENTENCE_END.test(text.slice(ctxEnd, c.start + 1))) ctxYear = null;
      ctxEnd = c.start; // each stretch of text is tested once
    }
    if (c.needsYear) {
      // "next April 6", "el pasado 12 de mayo": the next (last) such date, however near
      const sm = C.shiftEndRe && ctx.ref ? C.shiftEndRe.exec(low.slice(Math.max(0, c.start - 24), c.start)) : null;
      const sh = c.shiftDir ?? (sm ? (C.norm(sm[1]) in L.shiftBefore ? L.shiftBefore[C.norm(sm[1])] : 0) : 0);
      // "entre enero y marzo de 1998", "from May 3 to June 5, 2019": the first end takes the year of the second
      const nx = kept[ci + 1];
      const rangeYear = nx && nx.year !== undefined && C.rangeRe && nx.start - c.end <= 24 && C.rangeRe.test(low.slice(c.end, nx.start)) ? nx.year : null;
      const v = sh !== 0 && ctx.ref ? resolveYear(c.value, ctx.ref, sh, 0)
        : rangeYear !== null ? withYear(c.value, rangeYear)
        : ctxYear !== null ? withYear(c.value, ctxYear) : ctx.ref ? resolveYear(c.value, ctx.ref, tenseAt(ctx, low, c.start, c.end)) : null;
      if (v !== null) {
        c.value = v;
        c.inferred = true;
      }
    }
    const dom = /^XXXX-XX-(\d\d)$/.exec(c.value);
    if (dom) {
      // a day of the month alone ("el día 12") is in the month last named on the line, else the reference's
      const ym = lastMonth ?? (ctx.ref ? `${pad4(ctx.ref.y)}-${pad2(ctx.ref.m)}` : null);
      if (ym && validDay(+ym.slice(0, 4), +ym.slice(5, 7), +dom[1])) {
        c.value = `${ym}-${dom[1]}`;
        c.inferred = true;
      }
    }
    if (/^\d{4}-\d\d(?:-\d\d)?$/.test(c.value)) lastMonth = c.value.slice(0, 7);
    if (c.clock && lastDay && c.start - lastDay.end < 160 && !SENTENCE_END.test(text.slice(lastDay.end, c.start + 1))) {
      c.value = lastDay.value + c.value.slice(c.value.indexOf('T'));
    }
    // a day, or a part of a day ("lundi après-midi"): later clock times in the sentence are on it
    if (/^\d{4}-\d\d-\d\d(?:T(?:MO|MI|AF|EV|NI))?$/.test(c.value)) lastDay = { value: c.value.slice(0, 10), end: c.end };
    if (c.year !== undefined) {
      ctxYear = c.year;
      ctxEnd = c.end;
    }
    if (FOCUS_VALUE.test(c.value)) {
      focus = { value: c.value, end: c.end };
      // the quarter under report is the first quarter the text names (the lead); later ones keep it in reach
      const q = fromFocus ? null : /^(\d{4})-Q([1-4])$/.exec(c.value);
      if (q) {
        lastQ = { y: +q[1], q: +q[2], end: c.end };
        const f0 = firstQ as { y: number; q: number; end: number } | null;
        firstQ = f0 ? { y: f0.y, q: f0.q, end: c.end } : lastQ;
      }
    }
    if (c.bare) {
      if (bareSeen.has(c.value)) continue;
      bareSeen.add(c.value);
    }
    const item: DateRecordItem = { text: text.slice(c.start, c.end), start: c.start, end: c.end, type: c.type, value: c.value };
    if (c.inferred) item.inferred = true;
    out.push(item);
  }
  return out;
}

const SENTENCE_END = /[.!?]['"’”»)]?\s+\p{Lu}/u;

/** A calendar value that can be the focus of later anaphora ("the following year", "that day"). */
const FOCUS_VALUE = /^\d{4}(?:-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|W\d\d|SP|SU|FA|WI))?(?:T[\d:]+|T[A-Z]{2})?$/;
/** How far (characters) a quarter under report reaches: "a year ago" after it means that quarter a year before. */
const QUARTER_SPAN = 600;
/** How far the focus of "a year earlier", "two days later" may be. */
const NEAR_SPAN = 300;

/** A calendar value n years on, at its own granularity ("2009-01" -> "2008-01"), or null (February 29 of a common year). */
function yearShift(v: string, n: number): string | null {
  const m = /^(\d{4})(.*)$/.exec(v);
  if (!m) return null;
  const y = +m[1] + n;
  const d = /^-(\d\d)-(\d\d)/.exec(m[2]);
  if (d && !validDay(y, +d[1], +d[2])) return null;
  return pad4(y) + m[2];
}

/**
 * A focus value moved by n units, at the unit's granularity, or null. keep: a quarter keeps its
 * granularity on a year shift ("a year earlier" after "the third quarter" is that quarter a year before).
 */
function shiftValue(v: string, unit: DateUnit, n: number, keep = false): string | null {
  const q = /^(\d{4})-Q([1-4])$/.exec(v);
  if (q) {
    if (unit === 'Y') return keep ? `${pad4(+q[1] + n)}-Q${q[2]}` : pad4(+q[1] + n);
    if (unit !== 'Q') return null;
    const k = +q[1] * 4 + (+q[2] - 1) + n;
    return `${pad4(Math.floor(k / 4))}-Q${(k % 4) + 1}`;
  }
  const w = /^(\d{4})-W(\d\d)$/.exec(v);
  if (w) {
    if (unit === 'Y') return pad4(+w[1] + n);
    if (unit !== 'W') return null;
    const mo = parseRef(weekDate(v, 1))!;
    return isoWeek(addDays(mo, 7 * n));
  }
  const m = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?/.exec(v);
  if (!m) return null;
  const y = +m[1];
  if (unit === 'Y') return pad4(y + n);
  if (!m[2] || !/^\d{4}-\d\d/.test(v)) return null;
  const r: Ref = { y, m: +m[2], d: m[3] ? +m[3] : 1 };
  if (unit === 'M') return shifted(r, 'M', n);
  if (unit === 'Q') return shifted(r, 'Q', n);
  if (!m[3]) return null;
  if (unit === 'W') return shifted(r, 'W', n);
  if (unit === 'D') return shifted(r, 'D', n);
  return null;
}

/**
 * A reporting period from the quarter under report (the last quarter named): "the quarter" is that quarter,
 * "the year-ago period" that quarter a year before, "the 1988 period" that quarter in 1988. Without a quarter
 * named: a year ("the year-ago period" the year before the reference), the last full quarter before the
 * reference ("the quarter"), or nothing.
 */
function resolvePeriod(p: NonNullable<Cand['period']>, fq: { y: number; q: number } | null, ref: Ref | null): string | null {
  const q = p.q ?? fq?.q;
  if (q !== undefined) {
    if (p.year !== undefined) return `${pad4(p.year)}-Q${q}`;
    const base = fq ? fq.y : ref ? ref.y : null;
    return base === null ? `XXXX-Q${q}` : `${pad4(base - p.back)}-Q${q}`;
  }
  if (p.year !== undefined) return pad4(p.year);
  if (!ref) return null;
  if (p.back) return pad4(ref.y - p.back);
  if (p.kind === 'Q') return shifted(ref, 'Q', -1);
  return null;
}

/** An XXXX value with the year y, or null when that makes an invalid day (XXXX-02-29 in 2023). */
function withYear(value: string, y: number): string | null {
  const m = /^XXXX-(\d\d)-(\d\d)(?:T|$)/.exec(value);
  if (m && !validDay(y, +m[1], +m[2])) return null;
  return pad4(y) + value.slice(4);
}

const SEASON_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** First and last month (1..12) of the period an XXXX value names, or null (weeks: no year shift). */
function monthsOf(value: string): [number, number, number | null] | null {
  let m = /^XXXX-(\d\d)(?:-(\d\d)(?:T[\dA-Z:]+)?)?$/.exec(value);
  if (m) return [+m[1], +m[1], m[2] ? +m[2] : null];
  m = /^XXXX-([QH])(\d)$/.exec(value);
  if (m) return m[1] === 'Q' ? [+m[2] * 3 - 2, +m[2] * 3, null] : [+m[2] * 6 - 5, +m[2] * 6, null];
  m = /^XXXX-(SP|SU|FA|WI)$/.exec(value);
  if (m) return [SEASON_MONTH[m[1]], SEASON_MONTH[m[1]] + 2, null];
  return null;
}

/**
 * The year of an XXXX value from the reference and the tense (-1 past, 1 future, 0 none): past -> the
 * latest such period not after the reference, future -> the next one not before it, no tense -> the
 * reference year, unless the period is more than eight months from the reference in that year ("late
 * November" written in January is the last one). The tense only moves the year when the date is clearly
 * on the wrong side of the reference (TENSE_SLACK_DAYS): "had been set to expire Nov. 6", "decided to
 * leave by Jan. 14" name deadlines just after the reference in a past-tense sentence.
 */
function resolveYear(value: string, ref: Ref, tense: -1 | 0 | 1, slack = TENSE_SLACK_DAYS): string | null {
  const p = monthsOf(value);
  let y = ref.y;
  if (p) {
    const [first, last, day] = p;
    const refDays = ref.m * 31 + ref.d;
    const startDays = first * 31 + (day ?? 1);
    const endDays = last * 31 + (day ?? 31);
    if (tense < 0 && startDays > refDays + slack - (slack ? 0 : 1)) y -= 1;
    else if (tense > 0 && endDays < refDays - slack + (slack ? 0 : 1)) y += 1;
    else if (tense === 0) {
      // no tense: the nearest such period
      const mid = (startDays + endDays) / 2;
      if (mid - refDays > NEAR_YEAR_DAYS) y -= 1;
      else if (refDays - mid > NEAR_YEAR_DAYS) y += 1;
    }
    if (day !== null) {
      // February 29: the nearest leap year in the tense's direction
      const dir = tense === 0 ? -1 : tense;
      for (let k = 0; k < 8 && !validDay(y, first, day); k++) y += dir;
    }
  }
  return withYear(value, y);
}
const TENSE_SLACK_DAYS = 62;
const NEAR_YEAR_DAYS = 240;

/**
 * The tense of the clause around [start, end): -1 past, 1 future, 0 unknown. A word right before the
 * date decides first (locale pastBefore, futureBefore: "since May", "until 9 a.m. Tuesday"); else the
 * nearest tense marker (locale futureMarkers, pastMarkers, pastEndings) within the sentence.
 */
function tenseAt(c: Ctx, low: string, start: number, end: number): -1 | 0 | 1 {
  // a word right before the date decides: "since May" past, "until Friday", "effective Feb. 1" future
  const lead = c.C.leadRe ? c.C.leadRe.exec(low.slice(Math.max(0, start - 36), start)) : null;
  if (lead) return lead[1] !== undefined ? -1 : 1;
  const re = c.C.tenseRe;
  if (!re) return 0;
  let a = Math.max(0, start - TENSE_SPAN);
  let b = Math.min(low.length, end + TENSE_SPAN);
  const before = low.slice(a, start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('; '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  if (cut >= 0) a += cut + 1;
  const after = low.slice(end, b);
  const cuts = [after.indexOf('. '), after.indexOf('\n'), after.indexOf('; '), after.indexOf('? '), after.indexOf('! ')].filter((i) => i >= 0);
  if (cuts.length) b = end + Math.min(...cuts);
  re.lastIndex = a;
  let best = Infinity;
  let tense: -1 | 0 | 1 = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(low)) !== null && m.index < b) {
    if (m.index >= start && m.index < end) continue;
    // a capitalised word with a past ending is a name ("United States"), not a verb
    if (m[2] !== undefined && !c.C.pastWords.has(m[0]) && isUpper(c.text.charCodeAt(m.index)) && !/(?:^|[.!?:;"“”«»(\n—–-])\s*$/.test(c.text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const d = m.index < start ? start - (m.index + m[0].length) : m.index - end;
    const t: -1 | 1 = m[1] !== undefined ? 1 : -1;
    if (d < best || (d === best && t === 1)) {
      best = d;
      tense = t;
    }
  }
  return tense;
}
const TENSE_SPAN = 160;

/** One regex for the tense markers of a locale: group 1 future, group 2 past (words or endings). */
function tenseRe(L: DateLocale): RegExp | null {
  const futW = L.futureMarkers.length ? matchAny(L.futureMarkers) : '(?!)';
  const futE = L.futureEndings.length ? `\\p{L}{1,20}${matchAny(L.futureEndings)}` : '(?!)';
  const fut = `${futW}|${futE}`;
  const pastW = L.pastMarkers.length ? matchAny(L.pastMarkers) : '(?!)';
  const pastE = L.pastEndings.length ? `\\p{L}{2,20}${matchAny(L.pastEndings)}` : '(?!)';
  if (!L.futureMarkers.length && !L.pastMarkers.length && !L.pastEndings.length) return null;
  // a participle after an auxiliary ("will be named", "is expected") is no past tense
  const aux = L.passiveAux.length ? `(?<!(?<![\\p{L}])${matchAny(L.passiveAux)}[ \\u00a0])` : '';
  return new RegExp(`${WB_BEFORE}(?:(${fut})|${aux}(${pastW}|${pastE}))${WB_AFTER}`, 'gu');
}

const WORD_OR_DIGIT = /\p{L}+|\d+/gu;
const AUX = T_DAYW | T_WHOLE | T_EDGE | T_NAMED | T_HOLX | T_ANA;
const PAD_BEFORE = 64;
const PAD_AFTER = 64;
const SNAP = 32;

/**
 * Windows of the text around trigger words and digits, merged; each starts and ends at a white
 * space (or the text's ends) so that word boundaries inside a window are those of the text.
 */
function windows(low: string, C: Compiled): [number, number, number][] {
  const out: [number, number, number][] = [];
  WORD_OR_DIGIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  let cs = -1;
  let ce = -1;
  let cm = 0;
  // words of auxiliary categories ("one", "all", "end") open no window: they mark the windows around them
  let auxPos = -1;
  let auxBits = 0;
  while ((m = WORD_OR_DIGIT.exec(low)) !== null) {
    const w = m[0];
    const c0 = w.charCodeAt(0);
    let bits = c0 >= 48 && c0 <= 57 ? T_DIG : (C.triggers.get(w) ?? 0);
    if (bits === 0) continue;
    if ((bits & ~AUX) === 0) {
      if (m.index < ce) cm |= bits;
      else {
        if (m.index - auxPos > PAD_BEFORE) auxBits = 0;
        auxPos = m.index;
        auxBits |= bits;
      }
      continue;
    }
    if (auxBits && m.index - auxPos <= PAD_BEFORE) bits |= auxBits;
    auxBits = 0;
    let s = Math.max(0, m.index - PAD_BEFORE);
    let e = Math.min(low.length, m.index + w.length + PAD_AFTER);
    if (s <= ce) {
      s = cs;
      cm |= bits;
    } else {
      if (cs >= 0) out.push([cs, ce, cm]);
      cm = bits;
      // snap to white space, at most SNAP characters away (bounded: no quadratic walk on text without spaces)
      const s0 = s;
      while (s > 0 && s0 - s < SNAP && !isSpace(low.charCodeAt(s - 1))) s--;
    }
    if (e <= ce) e = ce;
    const e0 = e;
    while (e < low.length && e - e0 < SNAP && !isSpace(low.charCodeAt(e))) e++;
    cs = s;
    ce = e;
  }
  if (cs >= 0) out.push([cs, ce, cm]);
  return out;
}

function isUpper(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x202f || c === 12 || c === 11 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x205f || c === 0x85 || c === 0xfeff;
}

function lowerSameLength(text: string): string {
  const low = text.toLowerCase();
  if (low.length === text.length) return low;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function isBlocked(b: Uint8Array, c: Cand): boolean {
  for (let i = c.start; i < c.end; i++) if (!b[i]) return false;
  return true;
}

/** No trailing white space or comma inside a span. */
function trimEnd(c: Cand, text: string): void {
  while (c.end > c.start && /[\s,]/.test(text[c.end - 1])) c.end--;
}

/** The value of spelled-out day words ("twenty first", "vingt-neuf", "primero"), or null. */
function dayWordValue(s: string, L: DateLocale, C0: { numbers: Map<string, number>; ordinals: Map<string, number>; joins: Set<string> }): number | null {
  let total = 0;
  for (const w of key(s).split(/[\s-]+/)) {
    if (!w || C0.joins.has(w)) continue;
    const v = C0.ordinals.get(w) ?? C0.numbers.get(w);
    if (v === undefined || !Number.isInteger(v)) return null;
    total += v;
  }
  void L;
  return total || null;
}

/** A spelled-out year: "two thousand and twenty" 2020, "mil novecientos noventa y dos" 1992, "nineteen ninety six" 1996. */
function spelledYear(s: string, C0: { numbers: Map<string, number>; joins: Set<string> }): number | null {
  const vals: number[] = [];
  for (const w of key(s).split(/[\s-]+/)) {
    if (!w || C0.joins.has(w)) continue;
    const v = C0.numbers.get(w);
    if (v === undefined || !Number.isInteger(v)) return null;
    vals.push(v);
  }
  if (vals.length < 2) return null;
  if (vals.includes(1000) || vals.includes(100)) {
    let total = 0;
    let cur = 0;
    for (const v of vals) {
      if (v === 1000) { total += (cur || 1) * 1000; cur = 0; }
      else if (v === 100) cur = (cur || 1) * 100;
      else cur += v;
    }
    return total + cur;
  }
  // "nineteen ninety six": a century (10..29) then a two-digit year
  const [a, ...rest] = vals;
  const b = rest.reduce((x, y) => x + y, 0);
  if (a >= 10 && a <= 29 && rest[0] >= 10 && b < 100) return a * 100 + b;
  return null;
}

/** The value of a Roman numeral (i, v, x only: centuries), or 0. */
function romanValue(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]] ?? 0;
    const b = v[s[i + 1]] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

/** The Monday-based date of ISO weekday wd in the ISO week "YYYY-Www". */
function weekDate(week: string, wd: number): string {
  const m = /^(\d{4})-W(\d\d)$/.exec(week);
  if (!m) return week;
  const jan4: Ref = { y: +m[1], m: 1, d: 4 };
  const monday = addDays(jan4, 1 - weekday(jan4) + (+m[2] - 1) * 7);
  return ymd(addDays(monday, wd - 1));
}

/** The date nearest to the reference that is day d of a month and falls on weekday wd ("domingo 31"). */
function nearestWeekdayDay(ref: Ref, wd: number, d: number): string | null {
  let best: string | null = null;
  let bestDist = Infinity;
  const base = Date.UTC(ref.y, ref.m - 1, ref.d);
  for (let k = -36; k <= 36; k++) {
    const t = ref.y * 12 + (ref.m - 1) + k;
    const y = Math.floor(t / 12);
    const mo = (t % 12) + 1;
    if (!validDay(y, mo, d)) continue;
    const r = { y, m: mo, d };
    if (weekday(r) !== wd) continue;
    const dist = Math.abs(Date.UTC(y, mo - 1, d) - base);
    if (dist < bestDist) { bestDist = dist; best = ymd(r); }
  }
  return best;
}

/** A holiday's date in year y from its spec ("12-25", "11-4-4" fourth Thursday of November, "11-4-4+1", "05-1--1" last Monday). */
function holidayDate(spec: string, y: number): string | null {
  let m = /^(\d\d)-(\d\d)$/.exec(spec);
  if (m) return `${pad4(y)}-${spec}`;
  m = /^(\d\d)-([1-7])-(-?[1-5])(?:\+(\d))?$/.exec(spec);
  if (!m) return null;
  const mo = +m[1];
  const wd = +m[2];
  const n = +m[3];
  let r: Ref;
  if (n > 0) {
    const first: Ref = { y, m: mo, d: 1 };
    r = addDays(first, ((wd - weekday(first) + 7) % 7) + (n - 1) * 7);
  } else {
    const last: Ref = { y, m: mo, d: new Date(Date.UTC(y, mo, 0)).getUTCDate() };
    r = addDays(last, -((weekday(last) - wd + 7) % 7));
  }
  return ymd(addDays(r, +(m[4] ?? 0)));
}

/** The reference moved by n units, as a day ("in two months" -> the day two months on). */
function addUnits(ref: Ref, unit: DateUnit, n: number): string {
  if (unit === 'D') return ymd(addDays(ref, n));
  if (unit === 'W') return ymd(addDays(ref, 7 * n));
  const months = unit === 'Y' ? 12 * n : n;
  const k = ref.y * 12 + (ref.m - 1) + months;
  const y = Math.floor(k / 12);
  const mo = (k % 12) + 1;
  const max = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return ymd({ y, m: mo, d: Math.min(ref.d, max) });
}

/**
 * Joins neighbours that name one day together: a weekday and a shifted week ("Tuesday of next week",
 * "la semana anterior - lunes"), a weekday and a full date ("friday 5/12"), a day of the month and a
 * month ("el día 21 de este mes"), a date without a year and a year ("Independence Day of this year").
 */
function combine(kept: Cand[], text: string, C: Compiled): void {
  for (let i = 0; i + 1 < kept.length; i++) {
    const a = kept[i];
    const b = kept[i + 1];
    const gap = text.slice(a.end, b.start);
    if (gap.length > 16) continue;
    const join = C.wdJoinRe.test(gap.toLowerCase());
    let value: string | null = null;
    let from: Cand | null = null;
    if (join && a.wd && b.week) value = weekDate(b.value, a.wd);
    else if (join && a.week && b.wd) value = weekDate(a.value, b.wd);
    else if (a.wd && /^[\s,\-–]{0,3}$/.test(gap) && /^(?:\d{4}|XXXX)-\d\d-\d\d$/.test(b.value) && /\d/.test(text.slice(b.start, b.end))) from = b;
    else if (join && /^XXXX-XX-\d\d$/.test(a.value) && /^\d{4}-\d\d$/.test(b.value)) value = `${b.value}-${a.value.slice(8)}`;
    else if (join && a.needsYear && /^XXXX-(?:\d\d(?:-\d\d)?|W\d\d|[QH]\d)$/.test(a.value) && /^\d{4}$/.test(b.value) && !b.bare) value = withYear(a.value, +b.value);
    else if (/^\d{4}$/.test(a.value) && b.needsYear && /^XXXX-[QH]\d$/.test(b.value) && /^(?:['’]s)?[\s\u00a0]$/.test(gap)) value = withYear(b.value, +a.value);
    else if (a.clock && /^[\s\u00a0,]{1,2}(?:[A-Z]{2,4},?[\s\u00a0])?$/.test(gap) && /^(?:\d{4}|XXXX)-\d\d-\d\d$/.test(b.value)) {
      // "10 p.m. Wednesday", "5 p.m. EST Nov. 9": the time of that day
      value = b.value + a.value.slice(a.value.indexOf('T'));
      from = null;
      const merged: Cand = { ...a, start: a.start, end: b.end, value, clock: false, needsYear: b.needsYear };
      if (b.inferred) merged.inferred = true;
      kept.splice(i, 2, merged);
      continue;
    }
    if (value === null && from === null) continue;
    const merged: Cand = { ...(from ?? a), start: a.start, end: b.end, value: from ? from.value : value!, wd: undefined, week: undefined };
    if (!from) merged.needsYear = false;
    kept.splice(i, 2, merged);
  }
}

// Dates stage: temporal expressions -> TIMEX3 values (TimeML / TempEval-3 conventions).
//
// Rule-based and data-driven: every word comes from src/locale/<lang>/dates.ts; this file holds only
// the language-independent shapes (day-month-year orders, numeric dates, durations, shifts …).
// Each rule is one linear-time regex (bounded alternations of literals, no nested repetition),
// compiled once per language. Candidates from all rules are merged longest-first; then dates without
// a stated year take the last year stated earlier on the same line, else the reference year, else XXXX.
//
// chrono-node was measured as a base (v2.10, en parser): about 1.2 MB/s on the seeds, under the
// stage's speed bar, and its values need re-mapping to TIMEX3 anyway; the rules below cover the
// same calendar shapes directly.

import type { DateRecordItem } from '../export/schema.js';
import { dateLocale, type DateLocale, type DateUnit, type PartOfDay, type Shift } from '../locale/dates.js';
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
}

interface Ctx {
  text: string;
  ref: Ref | null;
  L: DateLocale;
  C: Compiled;
}

type Rule = { re: RegExp; prio: number; fn: (m: RegExpExecArray, c: Ctx) => Cand | null };

interface Compiled {
  rules: Rule[];
  notDates: RegExp | null;
  futureRe: RegExp | null;
  contextRe: RegExp;
  countQualRe: RegExp | null;
  yearFollowers: Set<string>;
  triggers: Set<string>;
  numKeys: string[];
  monthAbbrev: Set<string>;
  norm: (s: string) => string;
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
    else if (found && !(total >= 20 && total % 10 === 0 && v < 10) && !(total >= 100 && v < 100)) {
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
  const MONFULL = A(monthKeys.filter((k) => !monthAbbrev.has(k)));
  const WD = A(wdKeys);
  const WDF = A(wdFull);
  const ORD = L.dayOrdinalSuffixes.length ? `(?:${A(L.dayOrdinalSuffixes)})?` : '';
  const DMJ = L.dayMonthJoin.filter((j) => j).length ? `(?:${A(L.dayMonthJoin.filter((j) => j))}${S})?` : '';
  const MYJ = L.monthYearJoin.length ? `(?:,?${S}|${S}${A(L.monthYearJoin.filter((j) => j !== ','))}${S}|,${S}?)` : `(?:,?${S})`;
  const numKeys = Object.keys(L.numbers).map(key).sort((a, b) => b.length - a.length);
  const NUMW = A(Object.keys(L.numbers));
  const JOIN = L.numberJoin.length ? `|${S}${A(L.numberJoin)}${S}|-${A(L.numberJoin)}-` : '';
  const NUM = `(?:\\d{1,3}(?:[.,]\\d{1,2})?|${NUMW}(?:(?:${S}|-${JOIN})${NUMW}){0,2})`;
  const VAGUE = A(L.vague);
  const UNIT = A(Object.keys(L.units));
  const UB = L.unitBefore.length ? `(?:${A(L.unitBefore)}${S})?` : '';
  const UA = L.unitAfter.length ? `(?:${S}(?:${A(L.unitAfter)}))?` : '';
  const DPRE = L.durationPrefix.length ? `(?:(${A(L.durationPrefix)})${S})?` : '()';
  const AGOB = L.agoBefore.length ? `(?:(${A(L.agoBefore)})${S})?` : '()';
  const AGOA = L.agoAfter.length || Object.keys(L.shiftAfter).length ? `(?:${S}(${A([...L.agoAfter, ...Object.keys(L.shiftAfter)])}))?` : '()';
  const SB = Object.keys(L.shiftBefore).length ? A(Object.keys(L.shiftBefore)) : '(?!)';
  const SA = Object.keys(L.shiftAfterNoun).length ? A(Object.keys(L.shiftAfterNoun)) : '(?!)';
  const DET = L.determiners.length ? `(?:${A(L.determiners.map((d) => d.trimEnd()))}(?:${S}|(?<=['’])))?` : '';
  const SU = A(Object.keys(L.shiftUnits));
  const SEASON = A(Object.keys(L.seasons));
  const QORD = `(?:${A(Object.keys(L.ordinals))}|[1-4](?:st|nd|rd|th|er|e|ème|º|°|\\.))`;
  const QW = A(L.quarterWords);
  const HW = A(L.halfWords);
  const PYJ = `(?:,?${S}(?:${A(L.periodYearJoin)}${S})?)`;
  const RELDAY = A(Object.keys(L.relativeDays));
  const POD = A(Object.keys(L.partsOfDay));
  const PODJ = L.partOfDayJoin.length ? `(?:${A(L.partOfDayJoin)}${S})?` : '';
  const YEAR = '((?:1[5-9]|20)\\d\\d)';
  const B = WB_BEFORE;
  const E = WB_AFTER;
  const norm = key;
  const flags = 'gu'; // matched against lower-cased text (see extractDates)
  const re = (src: string): RegExp => new RegExp(src, flags);
  const lk = (d: Record<string, unknown>, s: string | undefined): unknown => (s === undefined ? undefined : d[norm(s)]);
  const monthOf = (s: string): number => L.months[norm(s).replace(/\.$/, '')] ?? 0;

  const rules: Rule[] = [];
  const add = (src: string, prio: number, fn: Rule['fn']): void => {
    rules.push({ re: re(src), prio, fn });
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
    if (d !== null && !validDay(y, mo, d)) return null;
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
    if (m[2] === '.' && m[4].length === 2) return null; // 1.2.30 is more likely a version or a number
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
  // 2015-3, 2015-03 (a single digit or a leading zero: 2015-16 is a span of years)
  add(`(?<![\\d.\\-/])(\\d{4})-(0[1-9]|[1-9])(?![\\d\\-/])`, 3, (m) => dateVal(m, +m[1], +m[2], null));

  // day month [year]: "24 May 2023", "le 12 mai", "24. Mai", "24 de mayo de 2023", "Tuesday, 24th of May"
  if (L.dayMonthJoin.length) {
    add(`${B}(?:(${WD}),?${S})?(?<!\\d[.,])(\\d{1,2})${ORD}${S}?${DMJ}(${MON})${E}\\.?(?:${MYJ}(\\d{4}|['’]\\d{2})${E})?`, 6, (m) =>
      dateVal(m, m[4] ? year2(m[4]) : null, monthOf(m[3]), +m[2]),
    );
  }
  // month day [year]: "May 24", "October 16th", "Oct. 2, 2023", "Tuesday, May 24"
  add(`${B}(?:(${WD}),?${S})?(${MON})${E}\\.?(?:${S}|/)(\\d{1,2})${ORD}(?![\\p{L}\\p{N}])(?!\\.\\d|,\\d{3}|${S}(?:${UNIT})${E})(?:,?${S}(\\d{4})${E})?`, 6, (m, c) => {
    const mon = norm(m[2]);
    if (L.capitalizedMonths && L.ambiguousMonths.includes(mon) && isLowerAt(c, m, 2)) return null;
    if (!L.monthDay && !m[4] && !monthAbbrev.has(mon)) {
      // "mai 15" in a day-month language is rare; keep only with a year
      if (c.L.dayMonthJoin.length) return null;
    }
    return dateVal(m, m[4] ? +m[4] : null, monthOf(m[2]), +m[3]);
  });
  // [shift] month [year] [shift]: "October 2023", "in October", "last October", "octobre dernier", "octubre de 2023"
  add(`${B}(?:${DET}(${SB})${S})?(${MON})${E}(\\.)?(?:${MYJ}(\\d{4}|['’]\\d{2})${E})?(?:${S}(${SA})${E})?`, 3, (m, c) => {
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
    if (!c.ref) return mk(m, 'date', `XXXX-${pad2(mo)}`);
    let y = c.ref.y;
    if (shiftW === -1 && mo >= c.ref.m) y -= 1;
    if (shiftW === 1 && mo <= c.ref.m) y += 1;
    return mk(m, 'date', `${pad4(y)}-${pad2(mo)}`);
  });
  // [shift] weekday [shift]: "Friday", "last Friday", "vendredi dernier", "el próximo lunes"
  add(`${B}${DET}(?:(${SB})${S})?(${WDF})${E}(?:${S}(${SA})${E})?`, 3, (m, c) => {
    const wd = L.weekdays[norm(m[2])];
    const shiftW = m[1] ? (lk(L.shiftBefore, m[1]) as Shift) : m[3] ? (lk(L.shiftAfterNoun, m[3]) as Shift) : undefined;
    if (!c.ref) return mk(m, 'date', `XXXX-WXX-${wd}`);
    const rw = weekday(c.ref);
    let forward = shiftW === 1 || (shiftW === undefined && isFuture(c, m.index));
    if (shiftW === 0) forward = wd >= rw;
    let delta: number;
    if (forward) delta = ((wd - rw + 7) % 7) || (shiftW === undefined ? 0 : 7);
    else delta = -(((rw - wd + 7) % 7) || (shiftW === undefined ? 0 : 7));
    return mk(m, 'date', ymd(addDays(c.ref, delta)));
  });
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
        const delta = isFuture(c, m.index) ? (wd - rw + 7) % 7 : -((rw - wd + 7) % 7);
        day = ymd(addDays(c.ref, delta));
      }
    }
    return mk(m, pod ? 'time' : 'date', pod ? `${day}T${pod}` : day);
  });
  if (Object.keys(L.dayParts).length) {
    add(`${B}(${A(Object.keys(L.dayParts))})${E}`, 5, (m, c) => {
      const [n, pod] = lk(L.dayParts, m[1]) as [number, PartOfDay];
      return mk(m, 'time', `${c.ref ? ymd(addDays(c.ref, n)) : 'XXXX-XX-XX'}T${pod}`);
    });
  }
  // shifted calendar units: "last year", "this quarter", "l'an dernier", "vergangene Woche", "el próximo mes"
  add(`${B}${DET}(?:(${SB})${S}(${SU})|(${SU})(?:${S}|(?=-))(${SA}))${E}`, 4, (m, c) => {
    const unit = (lk(L.shiftUnits, m[2] ?? m[3]) as DateUnit) ?? 'Y';
    const shiftW = (m[1] ? lk(L.shiftBefore, m[1]) : lk(L.shiftAfterNoun, m[4])) as Shift;
    return mk(m, 'date', shifted(c.ref, unit, shiftW));
  });
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
  // quarters and halves: "the third quarter of 2025", "premier semestre", "Q3 2025", "2025 Q3", "H1 2025", "3Q25"
  add(`${B}${DET}(${QORD})(?:${S}|-)(?:(${QW})|(${HW}))${E}(?:${PYJ}(\\d{4})${E})?`, 5, (m) => {
    const o = (lk(L.ordinals, m[1]) as number | undefined) ?? parseInt(m[1], 10);
    if (!o || (m[3] && o > 2) || o > 4) return null;
    const v = m[3] ? `H${o}` : `Q${o}`;
    return m[4] ? mk(m, 'date', `${m[4]}-${v}`, { year: +m[4] }) : mk(m, 'date', `XXXX-${v}`, { needsYear: true });
  });
  add(`${B}(?:([qh])([1-4])(?:${S}?(?:(\\d{4})|['’]?(\\d{2})))?|([1-4])([qh])${S}?(\\d{4}|\\d{2})|(\\d{4})${S}?([qh])([1-4]))${E}`, 5, (m, c) => {
    const kind = (m[1] ?? m[6] ?? m[9]).toUpperCase();
    const o = +(m[2] ?? m[5] ?? m[10]);
    if (kind === 'H' && o > 2) return null;
    const ys = m[3] ?? m[4] ?? m[7] ?? m[8];
    if (!ys) return m[0].length === 2 && /^[QH]/.test(orig(c, m)) ? mk(m, 'date', `XXXX-${kind}${o}`, { needsYear: true }) : null;
    const y = year2(ys);
    return mk(m, 'date', `${y}-${kind}${o}`, { year: y });
  });
  // weeks: "week 12 of 2025", "KW 12", "2025-W12"
  add(`${B}(?:(${A(L.weekWords)})${S}?(\\d{1,2})(?:${PYJ}(\\d{4}))?|(\\d{4})-?w(\\d{2}))${E}`, 5, (m) => {
    const w = +(m[2] ?? m[5]);
    if (w < 1 || w > 53) return null;
    const y = m[3] ?? m[4];
    return y ? mk(m, 'date', `${y}-W${pad2(w)}`, { year: +y }) : mk(m, 'date', `XXXX-W${pad2(w)}`, { needsYear: true });
  });
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
    // a following lower-case plural noun makes it a count: "2000 employees"
    const after = /^[\s\u00a0]([\p{Ll}][\p{L}'’-]{1,30})/u.exec(c.text.slice(m.index + 4, m.index + 40));
    if (after) {
      const w = after[1].toLowerCase();
      if (L.pluralEndings.some((p) => w.endsWith(p)) && !c.C.yearFollowers.has(w) && w.length > 3) return null;
      if (L.units[w] !== undefined) return null;
    }
    return mk(m, 'date', m[1], { year: y });
  });
  // durations and ago: "18 consecutive years", "two-year", "over the past four years", "26 years ago", "il y a deux ans", "hace 10 años"
  add(`${B}${AGOB}${DPRE}(${NUM}|${VAGUE})(?:${S}|-)${UB}(${UNIT})${E}${UA}${AGOA}${E}`, 4, (m, c) => {
    const unit = lk(L.units, m[4]) as DateUnit;
    if (!unit) return null;
    const end = m.index + m[0].length;
    const follow = c.text.slice(end, end + 6).toLowerCase();
    if (L.ageMarkers.some((a) => follow.startsWith(a))) return null;
    // "10-year-olds" (hyphen chain into an age) is not a duration
    if (/^-\p{L}/u.test(c.text.slice(end, end + 2)) && L.ageMarkers.some((a) => a.startsWith('-'))) return null;
    const qty = m[3];
    let n: number | 'X' | null = L.vague.includes(norm(qty)) ? 'X' : parseNumber(qty, c.C);
    if (n === null || n === 0) return null;
    const restart = n === 'X' ? 0 : numberRestart;
    const ago = m[1] || m[5];
    if (ago) {
      const dir: number = m[1] ? -1 : ((L.shiftAfter[norm(m[5])] as number | undefined) ?? -1);
      if (n === 'X') return mk(m, 'date', dir < 0 ? 'PAST_REF' : 'FUTURE_REF');
      if (!Number.isInteger(n)) return null;
      const u: DateUnit = unit === 'H' || unit === 'MIN' || unit === 'S' ? 'D' : unit;
      if (u === 'D') return mk(m, 'date', shifted(c.ref, 'D', dir * n));
      return mk(m, 'date', shifted(c.ref, u, dir * n));
    }
    const d = mk(m, 'duration', durationValue(n, unit));
    if (restart > 0 && !m[2]) d.start = m.index + m[0].indexOf(qty) + restart;
    return d;
  });
  if (Object.keys(L.vagueAlone).length) {
    add(`${B}(${A(Object.keys(L.vagueAlone))})${E}`, 1, (m) => mk(m, 'duration', durationValue('X', lk(L.vagueAlone, m[1]) as DateUnit)));
  }
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
    add(`${B}(?:${A(L.every)})${S}(?:(${NUM})${S})?(?:(${UNIT}|${SU})|(${WDF}))${E}`, 5, (m, c) => {
      if (m[3]) return mk(m, 'set', `XXXX-WXX-${L.weekdays[norm(m[3])]}`);
      const unit = (lk(L.units, m[2]) ?? lk(L.shiftUnits, m[2])) as DateUnit | undefined;
      if (!unit) return null;
      const n = m[1] ? parseNumber(m[1], c.C) : 1;
      if (n === null) return null;
      return mk(m, 'set', durationValue(n, unit));
    });
  }
  // PRESENT_REF, PAST_REF, FUTURE_REF
  const refs: [string[], string][] = [[L.presentRef, 'PRESENT_REF'], [L.pastRef, 'PAST_REF'], [L.futureRef, 'FUTURE_REF']];
  for (const [words, v] of refs) if (words.length) add(`${B}(?:${A(words)})${E}`, 2, (m) => mk(m, 'date', v));
  // clock times: "10:30 a.m.", "3 p.m.", "21 h 45", "14.30 Uhr", "8 h"
  const MER = Object.keys(L.meridiem).length ? `(?:${S}?(${A(Object.keys(L.meridiem))})(?![\\p{L}]))` : '()';
  const timeVal = (c: Ctx, h: number, mi: number): string => `${c.ref ? ymd(c.ref) : 'XXXX-XX-XX'}T${pad2(h)}:${pad2(mi)}`;
  add(`(?<![\\d:.,])(\\d{1,2}):(\\d{2})(?::\\d{2})?(?![\\d:]|[.,]\\d)${MER}?`, 4, (m, c) => {
    let h = +m[1];
    const mi = +m[2];
    if (h > 23 || mi > 59) return null;
    const mer = m[3] ? (lk(L.meridiem, m[3]) as string) : null;
    if (mer === 'pm' && h < 12) h += 12;
    if (mer === 'am' && h === 12) h = 0;
    return mk(m, 'time', timeVal(c, h, mi));
  });
  if (Object.keys(L.meridiem).length) {
    add(`(?<![\\d:.,])(\\d{1,2})${S}?(${A(Object.keys(L.meridiem))})(?![\\p{L}])`, 4, (m, c) => {
      let h = +m[1];
      if (h < 1 || h > 12) return null;
      const mer = lk(L.meridiem, m[2]);
      if (mer === 'pm' && h < 12) h += 12;
      if (mer === 'am' && h === 12) h = 0;
      return mk(m, 'time', timeVal(c, h, 0));
    });
  }
  if (L.hourWords.length) {
    add(`(?<![\\d:.,])(\\d{1,2})(?:[.:](\\d{2}))?${S}?(?:${A(L.hourWords)})(?:${S}?(\\d{2}))?${E}`, 4, (m, c) => {
      const h = +m[1];
      const mi = +(m[2] ?? m[3] ?? 0);
      if (h > 24 || mi > 59) return null;
      return mk(m, 'time', timeVal(c, h % 24, mi));
    });
  }

  // Trigger words: a rule can only match near one of these (or a digit), so the rules run on windows.
  const lastWord = (p: string): string => norm(p).split(/[\s'’-]+/).filter((w) => w).sort((a, b) => b.length - a.length)[0] ?? '';
  const triggers = new Set<string>();
  for (const list of [monthKeys, wdKeys, Object.keys(L.units), Object.keys(L.relativeDays), Object.keys(L.seasons), L.quarterWords, L.halfWords,
    L.weekWords, L.decadePrefix, Object.keys(L.shiftUnits), Object.keys(L.partsOfDay), Object.keys(L.dayParts), Object.keys(L.sets), L.every,
    L.presentRef, L.pastRef, L.futureRef, Object.keys(L.vagueAlone), L.hourWords, Object.keys(L.meridiem)]) {
    for (const p of list) {
      const w = lastWord(p).replace(/\.$/, '');
      if (w) triggers.add(w);
    }
  }
  for (const w of ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'kw']) triggers.add(w);
  const monthContextRe = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${A(L.monthContext)})[\\s\\u00a0\\u202f]?$`, 'iu');
  const compiled: Compiled = {
    rules,
    notDates: L.notDates.length ? re(`${B}(?:${A(L.notDates)})${E}`) : null,
    futureRe: L.futureMarkers.length ? new RegExp(`${B}(?:${A(L.futureMarkers)})${E}`, 'iu') : null,
    contextRe: monthContextRe,
    countQualRe: L.countQualifiers.length ? new RegExp(`(?:^|[^\\p{L}])(?:${A(L.countQualifiers)})[\\s\\u00a0]$`, 'iu') : null,
    yearFollowers: new Set(L.yearFollowers.map(norm)),
    triggers,
    numKeys,
    monthAbbrev,
    norm,
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

/** A future marker earlier in the same sentence (within 120 characters): "will meet on Friday". */
function isFuture(c: Ctx, i: number): boolean {
  if (!c.C.futureRe) return false;
  let s = c.text.slice(Math.max(0, i - 120), i);
  const cut = Math.max(s.lastIndexOf('. '), s.lastIndexOf('\n'));
  if (cut >= 0) s = s.slice(cut + 1);
  return c.C.futureRe.test(s);
}

// Languages without date data use English rules for the language-independent shapes (numbers, ISO dates).
const FALLBACK = 'en';

/**
 * Temporal expressions in `text` with TIMEX3 values, sorted by start.
 * `reference` is the publication date (YYYY-MM-DD) used to resolve relative dates, or null.
 */
export function extractDates(text: string, lang: string, reference: string | null): DateRecordItem[] {
  const code = dateLocale(lang) ? lang : FALLBACK;
  const L = dateLocale(code)!;
  const C = compile(code, L);
  const ctx: Ctx = { text, ref: parseRef(reference), L, C };
  // Rules are compiled without the i flag (much faster) and run on a lower-cased copy; offsets agree
  // because lower-casing keeps the length for all but a few letters (then those rules run on a copy
  // where only same-length lower-casing is applied).
  const low = lowerSameLength(text);
  const cands: Cand[] = [];
  for (const [ws, we] of windows(low, C)) {
    const sub = low.slice(ws, we);
    for (const rule of C.rules) {
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

  // fill XXXX: the last year stated before on the same line, else the reference year
  let nextNl = text.indexOf('\n'); // the first newline at or after the current line's start (-1: none)
  let ctxYear: number | null = null;
  for (const c of kept) {
    if (nextNl >= 0 && nextNl < c.start) {
      ctxYear = null;
      nextNl = text.indexOf('\n', c.start);
    }
    if (c.needsYear) {
      const y = ctxYear ?? ctx.ref?.y ?? null;
      if (y !== null) c.value = pad4(y) + c.value.slice(4);
    }
    if (c.year !== undefined) ctxYear = c.year;
  }
  return kept.map((c) => ({ text: text.slice(c.start, c.end), start: c.start, end: c.end, type: c.type, value: c.value }));
}

const WORD_OR_DIGIT = /\p{L}+|\d+/gu;
const PAD_BEFORE = 64;
const PAD_AFTER = 64;
const SNAP = 32;

/**
 * Windows of the text around trigger words and digits, merged; each starts and ends at a white
 * space (or the text's ends) so that word boundaries inside a window are those of the text.
 */
function windows(low: string, C: Compiled): [number, number][] {
  const out: [number, number][] = [];
  WORD_OR_DIGIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  let cs = -1;
  let ce = -1;
  while ((m = WORD_OR_DIGIT.exec(low)) !== null) {
    const w = m[0];
    const c0 = w.charCodeAt(0);
    if (!(c0 >= 48 && c0 <= 57) && !C.triggers.has(w)) continue;
    let s = Math.max(0, m.index - PAD_BEFORE);
    let e = Math.min(low.length, m.index + w.length + PAD_AFTER);
    if (s <= ce) s = cs;
    else {
      if (cs >= 0) out.push([cs, ce]);
      // snap to white space, at most SNAP characters away (bounded: no quadratic walk on text without spaces)
      const s0 = s;
      while (s > 0 && s0 - s < SNAP && !/\s/.test(low[s - 1])) s--;
    }
    if (e <= ce) e = ce;
    const e0 = e;
    while (e < low.length && e - e0 < SNAP && !/\s/.test(low[e])) e++;
    cs = s;
    ce = e;
  }
  if (cs >= 0) out.push([cs, ce]);
  return out;
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

// Structure of a cleaned text, line by line: correction banners, title, dateline, page furniture
// (wire trailers, share/cookie lines, author bios), orphan fragments and lines cut off mid-sentence.
// All words and phrases come from src/locale/<lang>/cleanup.ts; this file holds only the method.
import { cleanupLocales, CLEANUP_LOCALES, type CleanupLocale } from '../locale/cleanup.js';
import { matchAny, WB_AFTER, WB_BEFORE } from '../locale/pattern.js';

export type LineRole = 'blank' | 'text' | 'title' | 'removed';

export interface LineInfo {
  text: string;
  role: LineRole;
  reason?: string;
  truncated?: boolean;
}

export interface Dateline {
  text: string;
  place: string | null;
  date: string | null;
  source: string | null;
}

export interface StructureResult {
  lines: LineInfo[];
  title: string | null;
  titleLine: number;
  dateline: Dateline | null;
  kind: 'release' | 'correction';
}

interface Compiled {
  fn: Set<string>;
  banner: RegExp;
  trailer: RegExp;
  boilerLines: Set<string>;
  boilerStart: RegExp;
  dateline: RegExp;
  months: Map<string, number>;
  firstPerson: Set<string>;
  bioCue: RegExp;
  bioThird: RegExp;
}

const cache = new Map<string, Compiled>();
let allFunctionWords: Set<string> | null = null;

/** Case variants of a word: as given, lower case, Capitalised, UPPER CASE. */
function caseVariants(w: string): string[] {
  const lower = w.toLowerCase();
  return [w, lower, lower.charAt(0).toUpperCase() + lower.slice(1), w.toUpperCase()];
}

const normKey = (s: string): string => s.toLowerCase().replace(/[\s.!:…]+$/u, '').replace(/\s+/g, ' ').trim();

function compile(locs: CleanupLocale[]): Compiled {
  const fn = new Set<string>();
  const months = new Map<string, number>();
  const banners: string[] = [];
  const trailers: string[] = [];
  const boilerLines = new Set<string>();
  const starts: string[] = [];
  const suffixes: string[] = [];
  const connectors: string[] = [];
  const particles: string[] = [];
  const firstPerson = new Set<string>();
  const cues: string[] = [];
  const professions: string[] = [];
  const copulas: string[] = [];
  for (const l of locs) {
    for (const w of l.functionWords) fn.add(w.toLowerCase());
    for (const [k, v] of Object.entries(l.months)) months.set(k.toLowerCase(), v);
    for (const b of l.bannerWords) {
      banners.push(b);
      if (!b.includes(' ')) banners.push([...b].join(' '));
    }
    trailers.push(...l.trailerStarts);
    for (const b of l.boilerplateLines) boilerLines.add(normKey(b));
    starts.push(...l.boilerplateStarts);
    suffixes.push(...l.daySuffixes);
    connectors.push(...l.dateConnectors);
    particles.push(...l.placeParticles);
    for (const w of l.bio.firstPerson) firstPerson.add(w);
    cues.push(...l.bio.cues);
    professions.push(...l.bio.professions);
    copulas.push(...l.bio.copulas);
  }
  const monthAlt = matchAny([...months.keys()].flatMap(caseVariants));
  const suf = suffixes.length ? `(?:${matchAny(suffixes)})?` : '';
  const conn = connectors.length ? `(?:${matchAny(connectors)}[ ])?` : '';
  const word = `\\p{Lu}[\\p{L}\\p{M}.'’\\-]{0,30}`;
  const place = `${word}(?:[ ](?:${word}|${matchAny(particles)}(?=[ ]\\p{Lu}))){0,4}`;
  const places = `${place}(?:,[ ]${place}){0,3}`;
  const date = `(?:(?<m1>${monthAlt})\\.?[ ](?<d1>\\d{1,2})${suf}(?:,?[ ](?<y1>\\d{4}))?|(?<d2>\\d{1,2})${suf}[ ]${conn}(?<m2>${monthAlt})\\.?(?:,?[ ]${conn}(?<y2>\\d{4}))?)`;
  const date2 = date.replace(/\?<([md]|y)(\d)>/g, '?<$1$2b>');
  const src = `(?:\\/(?<s1>[^/\\n]{2,40})\\/|\\((?<s2>[^()\\n]{2,40})\\))`;
  const dateline = new RegExp(
    `^(?<place>${places})(?:,?[ ]${date})?(?:[ ]{0,2}${src})?(?:,?[ ]${date2})?[ ]{0,2}(?<sep>--|—|–|-|:)(?=[ ]|$)`,
    'u',
  );
  const fnList = matchAny(professions);
  return {
    fn,
    banner: new RegExp(`^[\\s/*\\[(#-]{0,4}${matchAny(banners)}(?![\\p{L}])`, 'u'),
    trailer: new RegExp(`^${matchAny(trailers)}(?![\\p{L}])`, 'u'),
    boilerLines,
    boilerStart: new RegExp(`^${matchAny(starts)}`, 'iu'),
    dateline,
    months,
    firstPerson,
    bioCue: new RegExp(`${WB_BEFORE}${matchAny(cues)}${WB_AFTER}`, 'iu'),
    bioThird: new RegExp(
      `^\\p{Lu}[\\p{L}'’.\\-]{1,20}(?:[ ]\\p{Lu}[\\p{L}'’.\\-]{1,20}){0,3}[ ]${matchAny(copulas)}[ ](?:[\\p{L}\\-]{1,20}[ ]){0,3}${fnList}${WB_AFTER}`,
      'iu',
    ),
  };
}

function compiledFor(lang: string): Compiled {
  const key = CLEANUP_LOCALES[(lang ?? '').toLowerCase().split('-')[0]] ? lang.toLowerCase().split('-')[0] : '*';
  let c = cache.get(key);
  if (!c) {
    c = compile(cleanupLocales(key === '*' ? 'und' : key));
    cache.set(key, c);
  }
  return c;
}

function functionWordsAll(): Set<string> {
  if (!allFunctionWords) {
    allFunctionWords = new Set();
    for (const l of Object.values(CLEANUP_LOCALES)) for (const w of l.functionWords) allFunctionWords.add(w.toLowerCase());
  }
  return allFunctionWords;
}

// ---------------------------------------------------------------------------------------------

const RE_TERMINAL = /[.!?…。！？]$/u;
const RE_CLOSERS = /[)\]"'”’»›]{1,4}$/u;
const RE_WORDS = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-.&]{0,60}/gu;
const RE_HAS_ALNUM = /[\p{L}\p{N}]/u;

function words(line: string): string[] {
  return line.match(RE_WORDS) ?? [];
}

function endsComplete(line: string): boolean {
  const core = line.replace(RE_CLOSERS, '');
  return RE_TERMINAL.test(core) || /[:]$/.test(core) || (core.length < line.length && core.length > 0 && /[.!?…]$/.test(core));
}

function unbalanced(line: string): boolean {
  let open = 0;
  let straight = 0;
  let guil = 0;
  let paren = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x201c) open++;
    else if (c === 0x201d) open--;
    else if (c === 0x22) straight++;
    else if (c === 0xab) guil++;
    else if (c === 0xbb) guil--;
    else if (c === 0x28) paren++;
    else if (c === 0x29) paren--;
  }
  return open > 0 || straight % 2 === 1 || guil > 0 || paren > 0;
}

function lastWordLower(line: string): string {
  const m = /([\p{L}\p{M}'’]{1,40})[^\p{L}\p{N}]{0,4}$/u.exec(line.slice(-60));
  return m ? m[1].toLowerCase() : '';
}

/** A line that stops mid-sentence. */
export function isCutOff(line: string, fn: Set<string>): boolean {
  if (endsComplete(line)) return false;
  if (/(?:https?:\/\/|www\.|@)\S{0,200}$/u.test(line.slice(-200))) return false;
  const w = words(line);
  if (w.length === 0) return false;
  const lastTok = /([\p{L}\p{M}'’]{1,40})$/u.exec(line);
  const last = lastTok ? lastTok[1] : '';
  if (last && fn.has(last.toLowerCase())) return true;
  if (unbalanced(line)) return true;
  if (/,$/.test(line) && w.length >= 3) return true;
  if (last && /^\p{Ll}/u.test(last) && last.length >= 3 && w.length >= 2 && (line.includes(',') || w.length >= 12)) return true;
  return false;
}

function headingLike(line: string, fn: Set<string>): boolean {
  if (line.length > 250) return false;
  const w = words(line);
  if (w.length < 2 || w.length > 30) return false;
  if (/[.!?…,;:]$/u.test(line.replace(RE_CLOSERS, ''))) return false;
  if (!/^[\p{Lu}\p{N}"“«‘'(]/u.test(line)) return false;
  if (isCutOff(line, fn)) return false;
  return true;
}

function isFragment(line: string): boolean {
  if (line.length > 40) return false;
  const w = words(line);
  if (w.length === 0) return line.length <= 3; // a lone bullet or dash
  if (w.length > 2 || endsComplete(line)) return false;
  const fnAll = functionWordsAll();
  return w.every((x) => fnAll.has(x.toLowerCase()));
}

function isBio(line: string, c: Compiled): boolean {
  if (line.length > 500 || /[“”"«»]/u.test(line)) return false;
  if (c.bioThird.test(line)) return true;
  let fp = 0;
  for (const t of line.match(/[\p{L}'’]{1,30}/gu) ?? []) if (c.firstPerson.has(t)) fp++;
  return fp >= 2 && c.bioCue.test(line);
}

function parseDateline(line: string, c: Compiled): Dateline | null {
  const head = line.slice(0, 300);
  const m = c.dateline.exec(head);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const place = g.place;
  const src = g.s1 ?? g.s2 ?? null;
  const mon = g.m1 ?? g.m2 ?? g.m1b ?? g.m2b;
  const day = g.d1 ?? g.d2 ?? g.d1b ?? g.d2b;
  const year = g.y1 ?? g.y2 ?? g.y1b ?? g.y2b;
  const allCaps = /^[\p{Lu}\p{M} .,'’\-]{3,}$/u.test(place) && /\p{Lu}{3}/u.test(place);
  if (!mon && !src && !place.includes(',') && !allCaps) return null;
  // The rest of the line must go on with text, not be the whole line (a heading "Paris - Berlin").
  if (head.length - m[0].length < 2 && !src && !mon) return null;
  let date: string | null = null;
  if (mon && day && year) {
    const mm = c.months.get(mon.toLowerCase());
    const dd = Number(day);
    if (mm && dd >= 1 && dd <= 31) date = `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  }
  return { text: m[0].trim(), place: place.trim(), date, source: src ? src.trim() : null };
}

export function analyseLines(text: string, lang: string): StructureResult {
  // Page furniture, banners, bios and datelines: every language's patterns (an English wire trailer
  // under a French release is common). Function words (cut-off lines, titles): the document's language.
  const c = compiledFor('und');
  const fn = compiledFor(lang).fn;
  const lines: LineInfo[] = text.split('\n').map((t) => ({ text: t, role: t.trim() === '' ? 'blank' : 'text' }));
  let kind: 'release' | 'correction' = 'release';
  const remove = (i: number, reason: string) => {
    lines[i].role = 'removed';
    lines[i].reason = reason;
  };
  // 1. Banners: among the first content lines.
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 4; i++) {
    const l = lines[i];
    if (l.role === 'blank') continue;
    seen++;
    if (l.text.length <= 150 && c.banner.test(l.text)) {
      remove(i, 'banner');
      kind = 'correction';
    }
  }
  // 2. Page furniture anywhere.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.role !== 'text') continue;
    const t = l.text;
    if (c.trailer.test(t) || c.boilerLines.has(normKey(t)) || (t.length <= 300 && c.boilerStart.test(t))) remove(i, 'boilerplate');
  }
  // 3. Author bios among the last content lines.
  let back = 0;
  for (let i = lines.length - 1; i >= 0 && back < 6; i--) {
    const l = lines[i];
    if (l.role !== 'text') continue;
    back++;
    if (isBio(l.text, c)) remove(i, 'boilerplate');
  }
  // 4. Fragments.
  for (let i = 0; i < lines.length; i++) if (lines[i].role === 'text' && isFragment(lines[i].text)) remove(i, 'fragment');
  // 5. Title: the first heading-like line before the body starts.
  let title: string | null = null;
  let titleLine = -1;
  let looked = 0;
  for (let i = 0; i < lines.length && looked < 3; i++) {
    const l = lines[i];
    if (l.role !== 'text') continue;
    looked++;
    if (headingLike(l.text, fn) && !parseDateline(l.text, c)) {
      title = l.text;
      titleLine = i;
      l.role = 'title';
      break;
    }
    if (endsComplete(l.text) && words(l.text).length >= 6) break;
  }
  // 6. Dateline at the start of the body.
  let dateline: Dateline | null = null;
  looked = 0;
  for (let i = titleLine + 1; i < lines.length && looked < 2; i++) {
    const l = lines[i];
    if (l.role !== 'text') continue;
    looked++;
    dateline = parseDateline(l.text, c);
    if (dateline) break;
  }
  // 7. Cut-off lines.
  for (const l of lines) if (l.role === 'text' && isCutOff(l.text, fn)) l.truncated = true;
  return { lines, title, titleLine, dateline, kind };
}


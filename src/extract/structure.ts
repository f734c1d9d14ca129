// Structure of a cleaned text, line by line: correction banners, title, dateline, page furniture
// (wire trailers, share/cookie lines, author bios), orphan fragments and lines cut off mid-sentence.
// All words and phrases come from src/locale/<lang>/cleanup.ts; this file holds only the method.
//
// Regexes: every quantifier is bounded and no repeated group contains another quantifier, so no
// pattern backtracks super-linearly; `structureRegexes()` lists them all for the adversarial test.
// Where a pattern would need nesting (place names, bios), a flat pattern finds the candidate and
// code checks its words.
//
// Clean text is a fixed point: each decision that removes a line depends on that line alone, or on
// a window of lines counted over the lines that stay (banners at the top, bios at the end), so a
// second pass over the output removes nothing.
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
  particles: Set<string>;
  verbParticles: Set<string>;
  boilerLines: Set<string>;
  months: Map<string, number>;
  firstPerson: Set<string>;
  re: {
    banner: RegExp;
    trailer: RegExp;
    boilerStart: RegExp;
    dateline: RegExp;
    bioCue: RegExp;
    bioThird: RegExp;
  };
}

// Language-independent patterns.
const RE = {
  /** Sentence-final punctuation at the end of a line. */
  terminal: /[.!?…。！？:]$/u,
  /** Closing quotes and brackets at the end of a line (German closes with “). */
  closers: /[)\]"'”’»›“]{1,4}$/u,
  /** Word tokens. */
  words: /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-.&]{0,60}/gu,
  /** The last word of a line, when the line ends on letters. */
  lastToken: /[\p{L}\p{M}'’]{1,40}$/u,
  /** A sentence ending inside a line: "… markets. We …" (not "Mr. Zhang", "Ltd. Chery"). */
  sentenceBreak: /(?:\p{Ll}{3}|\p{N}|[)"”»’])[.!?…]["”»’)]{0,2}[ ]{1,3}["“«„]?\p{Lu}/u,
  /** How a heading starts: a capital, a digit, an opening quote or bracket. */
  headingStart: /^[\p{Lu}\p{N}"“«‘'(„¿¡]/u,
  /** Final punctuation a heading does not end with (question and exclamation marks aside). */
  headingStop: /[.…,;:]$/u,
  /** A place name in capitals: "LYON", "SÃO PAULO". */
  allCapsPlace: /^[\p{Lu}\p{M} .,'’\-]{3,80}$/u,
  threeCaps: /\p{Lu}{3}/u,
  /** A word that starts with a capital or a digit ("N.L.", "São"). */
  capWord: /^[\p{Lu}\p{N}]/u,
  lowerWord: /^\p{Ll}/u,
  /** Quotes: a line quoting someone in the first person is not a bio. */
  quotes: /[“”"«»„]/u,
  /** Tokens counted for first-person words in a bio. */
  bioTokens: /[\p{L}'’]{1,30}/gu,
  /** A link or an e-mail address as the last token of a line. */
  link: /^(?:https?:\/\/|www\.)|@/u,
  /** A dateline source names someone: "(AP)", not "(1816 -- 1893)". */
  hasLetter: /\p{L}/u,
} as const;

const cache = new Map<string, Compiled>();
let allFunctionWords: Set<string> | null = null;

/** Case variants of a word: as given, lower case, Capitalised, UPPER CASE. */
function caseVariants(w: string): string[] {
  const lower = w.toLowerCase();
  return [w, lower, lower.charAt(0).toUpperCase() + lower.slice(1), w.toUpperCase()];
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f' || c === '\u2009';

/** Key of a whole-line boilerplate entry: lower case, single spaces, final punctuation ignored. */
function normKey(s: string): string {
  let t = s.toLowerCase().trim();
  let end = t.length;
  while (end > 0 && (isSpace(t[end - 1]) || '.!:…'.includes(t[end - 1]))) end--;
  t = t.slice(0, end);
  let out = '';
  let sp = false;
  for (const ch of t) {
    if (isSpace(ch)) sp = true;
    else {
      if (sp && out) out += ' ';
      sp = false;
      out += ch;
    }
  }
  return out;
}

function compile(locs: CleanupLocale[]): Compiled {
  const fn = new Set<string>();
  const months = new Map<string, number>();
  const banners: string[] = [];
  const trailers: string[] = [];
  const boilerLines = new Set<string>();
  const starts: string[] = [];
  const suffixes: string[] = [];
  const connectors: string[] = [];
  const particles = new Set<string>();
  const verbParticles = new Set<string>();
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
    for (const p of l.placeParticles) particles.add(p);
    for (const p of l.verbParticles ?? []) verbParticles.add(p.toLowerCase());
    for (const w of l.bio.firstPerson) firstPerson.add(w);
    cues.push(...l.bio.cues);
    professions.push(...l.bio.professions);
    copulas.push(...l.bio.copulas);
  }
  const monthAlt = matchAny([...months.keys()].flatMap(caseVariants));
  const suf = suffixes.length ? `(?:${matchAny(suffixes)})?` : '';
  const conn = connectors.length ? `(?:${matchAny(connectors)}[ ])?` : '';
  // The place is one flat run of letters, spaces and commas, as short as lets the rest match;
  // placeWords() then checks it is made of capitalised words.
  const place = `\\p{Lu}[\\p{L}\\p{M}.'’\\-, ]{0,80}?`;
  const date = `(?:(?<m1>${monthAlt})\\.?[ ](?<d1>\\d{1,2})${suf}(?:,?[ ](?<y1>\\d{4}))?|(?<d2>\\d{1,2})${suf}[ ]${conn}(?<m2>${monthAlt})\\.?(?:,?[ ]${conn}(?<y2>\\d{4}))?)`;
  const date2 = date.replace(/\?<([md]|y)(\d)>/g, '?<$1$2b>');
  const src = `(?:\\/(?<s1>[^/\\n]{2,40})\\/|\\((?<s2>[^()\\n]{2,40})\\))`;
  const wire = `--\\((?<s3>[^()\\n]{2,40})\\)--`; // ZURICH--(BUSINESS WIRE)--
  const dateline = new RegExp(
    `^(?<place>${place})(?:${wire}|(?:,?[ ]${date})?(?:[ ]{0,2}${src})?(?:,?[ ]${date2})?[ ]{0,2}(?<sep>--|—|–|-|:)(?=[ ]|$))`,
    'u',
  );
  // Trailers that end on a letter must end a word there ("SOURCE", not "SOURCES"); the others
  // ("Photo - http") go on with anything.
  const endsOnLetter = (s: string) => /\p{L}$/u.test(s);
  const trailerWord = trailers.filter(endsOnLetter);
  const trailerOther = trailers.filter((s) => !endsOnLetter(s));
  return {
    fn,
    particles,
    verbParticles,
    boilerLines,
    months,
    firstPerson,
    re: {
      banner: new RegExp(`^[\\s/*\\[(#-]{0,4}${matchAny(banners)}(?![\\p{L}])`, 'u'),
      trailer: new RegExp(`^(?:${matchAny(trailerWord)}(?![\\p{L}])|${matchAny(trailerOther)})`, 'u'),
      boilerStart: new RegExp(`^${matchAny(starts)}`, 'iu'),
      dateline,
      bioCue: new RegExp(`${WB_BEFORE}${matchAny(cues)}${WB_AFTER}`, 'iu'),
      // "Maria Lopez is a freelance journalist": a short name, a copula, up to a few words, an occupation.
      bioThird: new RegExp(
        `^(?<name>\\p{Lu}[\\p{L}'’.\\- ]{1,80}?)[ ]${matchAny(copulas)}[ ][\\p{L}\\- ]{0,63}?${matchAny(professions)}${WB_AFTER}`,
        'iu',
      ),
    },
  };
}

function langKey(lang: string): string {
  const k = (lang ?? '').toLowerCase().split('-')[0];
  return CLEANUP_LOCALES[k] ? k : '*';
}

function compiledFor(lang: string): Compiled {
  const key = langKey(lang);
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

/** Every regex this module uses (for one language's data, or all languages merged), by name. */
export function structureRegexes(lang = 'und'): { name: string; re: RegExp }[] {
  const c = compiledFor(lang);
  return [
    ...Object.entries(RE).map(([name, re]) => ({ name, re })),
    ...Object.entries(c.re).map(([name, re]) => ({ name: `${langKey(lang)}:${name}`, re })),
  ];
}

// ---------------------------------------------------------------------------------------------

function words(line: string): string[] {
  return line.match(RE.words) ?? [];
}

function endsComplete(line: string): boolean {
  const core = line.replace(RE.closers, '');
  return RE.terminal.test(core);
}

function unbalanced(line: string): boolean {
  let curly = 0; // “ … ”
  let low = 0; // „ … “ (German)
  let straight = 0;
  let guil = 0;
  let paren = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x201e) low++;
    else if (c === 0x201c) {
      if (low > 0) low--;
      else curly++;
    } else if (c === 0x201d) curly--;
    else if (c === 0x22) straight++;
    else if (c === 0xab) guil++;
    else if (c === 0xbb) guil--;
    else if (c === 0x28) paren++;
    else if (c === 0x29) paren--;
  }
  return curly > 0 || low > 0 || straight % 2 === 1 || guil > 0 || paren > 0;
}

function lastSpace(line: string): number {
  for (let i = line.length - 1; i >= 0; i--) if (isSpace(line[i])) return i;
  return -1;
}

/** The line ends on a link or an e-mail address. */
function endsWithLink(line: string): boolean {
  return RE.link.test(line.slice(lastSpace(line) + 1));
}

function lastWord(line: string): string {
  const m = RE.lastToken.exec(line.slice(-41));
  return m ? m[0] : '';
}

/** A line that stops mid-sentence: on a function word, inside a quote or bracket, on a comma,
 *  or (sentence-case prose only) on a lone lower-case word after a comma or after another sentence. */
export function isCutOff(line: string, fn: Set<string>): boolean {
  if (endsComplete(line)) return false;
  if (endsWithLink(line)) return false;
  const w = words(line);
  if (w.length === 0) return false;
  const last = lastWord(line);
  if (last && fn.has(last.toLowerCase())) return true;
  if (unbalanced(line)) return true;
  if (line.endsWith(',') && w.length >= 3) return true;
  if (last && RE.lowerWord.test(last) && last.length >= 3 && w.length >= 2) {
    // "Notably, former" / "…, issued": one word after the last comma. A heading with a comma has a
    // phrase on each side ("Un partenariat stratégique, une ambition mondiale").
    const comma = line.lastIndexOf(', ');
    if (comma >= 0 && words(line.slice(comma + 2)).length === 1) return true;
    // A paragraph whose last sentence has no end; a single sentence-case line is a heading or deck.
    if (w.length >= 12 && RE.sentenceBreak.test(line)) return true;
  }
  return false;
}

/** A short title-like line: no final punctuation (a question or exclamation may end it). */
function headingLike(line: string): boolean {
  if (line.length > 250) return false;
  const w = words(line);
  if (w.length < 2 || w.length > 30) return false;
  if (RE.headingStop.test(line.replace(RE.closers, ''))) return false;
  if (!RE.headingStart.test(line)) return false;
  return true;
}

const endsQuestion = (line: string): boolean => /[?!]$/.test(line.replace(RE.closers, ''));

function isFragment(line: string): boolean {
  if (line.length > 40) return false;
  const w = words(line);
  // A line of punctuation alone (a dash, a bullet) is kept: it hides no fact, and clean text must
  // come out of cleanup changed in nothing but white space.
  if (w.length === 0) return false;
  if (w.length > 2 || endsComplete(line)) return false;
  const fnAll = functionWordsAll();
  return w.every((x) => fnAll.has(x.toLowerCase()));
}

function isBio(line: string, c: Compiled): boolean {
  if (line.length > 600 || RE.quotes.test(line)) return false;
  const m = c.re.bioThird.exec(line);
  if (m?.groups) {
    const name = m.groups.name.split(' ');
    if (name.length <= 4 && name.every((t) => RE.capWord.test(t))) return true;
  }
  let fp = 0;
  for (const t of line.match(RE.bioTokens) ?? []) if (c.firstPerson.has(t)) fp++;
  return fp >= 2 && c.re.bioCue.test(line);
}

/** The words of a dateline place: capitalised words and particles, at most 5 a part, 4 parts. */
function placeWords(place: string, c: Compiled): boolean {
  const parts = place.split(', ');
  if (parts.length > 4) return false;
  for (const part of parts) {
    const toks = part.split(' ');
    if (toks.length > 5) return false;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.length === 0 || t.length > 31) return false;
      if (RE.capWord.test(t)) continue;
      if (c.particles.has(t) && i > 0 && i < toks.length - 1) continue;
      return false;
    }
  }
  return true;
}

function parseDateline(line: string, c: Compiled): Dateline | null {
  const head = line.slice(0, 300);
  const m = c.re.dateline.exec(head);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const place = g.place;
  if (!placeWords(place, c)) return null;
  const src = g.s1 ?? g.s2 ?? g.s3 ?? null;
  if (src !== null && !RE.hasLetter.test(src)) return null;
  const mon = g.m1 ?? g.m2 ?? g.m1b ?? g.m2b;
  const day = g.d1 ?? g.d2 ?? g.d1b ?? g.d2b;
  const year = g.y1 ?? g.y2 ?? g.y1b ?? g.y2b;
  const allCaps = RE.allCapsPlace.test(place) && RE.threeCaps.test(place);
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

/** A title: heading-like, not cut off (a German headline may end on a verb particle: "baut … aus"),
 *  and a question only when it is not one of several question headings. */
function isTitle(line: string, c: Compiled, questionHeadings: number): boolean {
  if (!headingLike(line)) return false;
  if (endsQuestion(line) && (words(line).length < 3 || questionHeadings > 1)) return false;
  if (!isCutOff(line, c.fn)) return true;
  const last = lastWord(line).toLowerCase();
  return c.verbParticles.has(last) && !unbalanced(line);
}

export function analyseLines(text: string, lang: string): StructureResult {
  // Page furniture, banners, bios and datelines: every language's patterns (an English wire trailer
  // under a French release is common). Function words (cut-off lines, titles): the document's language.
  const c = compiledFor('und');
  const local = compiledFor(lang);
  const fn = local.fn;
  const lines: LineInfo[] = text.split('\n').map((t) => ({ text: t, role: t.trim() === '' ? 'blank' : 'text' }));
  let kind: 'release' | 'correction' = 'release';
  const remove = (i: number, reason: string) => {
    lines[i].role = 'removed';
    lines[i].reason = reason;
  };
  // 1. Page furniture and orphan fragments anywhere: each line on its own.
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (lines[i].role !== 'text') continue;
    if (c.re.trailer.test(t) || c.boilerLines.has(normKey(t)) || (t.length <= 300 && c.re.boilerStart.test(t))) remove(i, 'boilerplate');
    else if (isFragment(t)) remove(i, 'fragment');
  }
  // 2. Banners before the fourth line, bios after the sixth-last line. Both windows count only lines
  //    that are neither banner-like nor bio-like, which all stay: a second pass sees the same windows.
  const bannerLike = lines.map((l) => l.role === 'text' && c.re.banner.test(l.text));
  const bioLike = lines.map((l, i) => l.role === 'text' && !bannerLike[i] && isBio(l.text, c));
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 4; i++) {
    if (lines[i].role !== 'text' || bioLike[i]) continue;
    if (bannerLike[i]) {
      remove(i, 'banner');
      kind = 'correction';
    } else seen++;
  }
  // A bio follows a body: a counted line before it (a one-paragraph text in the first
  // person is the text itself).
  const before = new Array<number>(lines.length);
  let counted = 0;
  for (let i = 0; i < lines.length; i++) {
    before[i] = counted;
    if (lines[i].role === 'text' && !bannerLike[i] && !bioLike[i]) counted++;
  }
  let back = 0;
  for (let i = lines.length - 1; i >= 0 && back < 6; i--) {
    if (lines[i].role !== 'text' || bannerLike[i]) continue;
    if (bioLike[i]) {
      if (before[i] >= 1) remove(i, 'boilerplate');
    } else back++;
  }
  // 3. Title: the first heading-like line before the body starts. A correction notice ("In the
  //    news release … issued …") may stand before it.
  let questionHeadings = 0;
  for (const l of lines) if (l.role === 'text' && headingLike(l.text) && endsQuestion(l.text)) questionHeadings++;
  let title: string | null = null;
  let titleLine = -1;
  let looked = 0;
  const maxLook = kind === 'correction' ? 5 : 3;
  for (let i = 0; i < lines.length && looked < maxLook; i++) {
    const l = lines[i];
    if (l.role !== 'text') continue;
    looked++;
    if (isTitle(l.text, local, questionHeadings) && !parseDateline(l.text, c)) {
      title = l.text;
      titleLine = i;
      l.role = 'title';
      break;
    }
    if (kind === 'release' && endsComplete(l.text) && words(l.text).length >= 6) break;
    if (parseDateline(l.text, c)) break;
  }
  // 4. Dateline at the start of the body (after a deck or a byline).
  let dateline: Dateline | null = null;
  looked = 0;
  for (let i = titleLine + 1; i < lines.length && looked < 3; i++) {
    const l = lines[i];
    if (l.role !== 'text') continue;
    looked++;
    dateline = parseDateline(l.text, c);
    if (dateline) break;
  }
  // 5. Cut-off lines.
  for (const l of lines) if (l.role === 'text' && isCutOff(l.text, fn)) l.truncated = true;
  return { lines, title, titleLine, dateline, kind };
}

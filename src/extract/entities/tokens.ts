import { charClass, DIGIT, isAlnumClass, isLetterClass, LETTER, LOWER, MARK, SURROGATE, UPPER } from './charclass.js';
import type { Token } from './types.js';

// Letters/digits with inner hyphens and apostrophes; a dot only inside an abbreviation ("U.S", "S.A").
// Each step consumes one character by exactly one branch: linear.
const TOKEN_RE = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’\-](?=[\p{L}\p{N}])|\.(?=\p{L}\.)){0,100}/gu;
const UPPER_FIRST = /^\p{Lu}/u;
const MIXED = /^\p{Ll}{1,2}\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTERS2 = /\p{L}.*\p{L}/u;
const DIGITS = /^\p{N}+$/u;
const ELISION = /^(?:[lLdDjJmMnNsStTcC]|[qQ]u)['’](?=\p{L})/u;
const POSS = /['’]s$/;
const LOWER_TAIL = /-\p{Ll}[\p{Ll}\-]{0,40}$/u;
// Characters skipped when looking back for a sentence boundary.
const SKIP_BACK = new Set([' ', '\t', '\u00a0', '\u202f', '"', "'", '“', '”', '‘', '’', '«', '»', '(', '[', '*', '•', '·', '-', '–', '—', '„', '\r']);
const FUNCTION_LOWER = /^\p{Ll}{1,4}$/u;

/**
 * End of the token TOKEN_RE matches at `s` (a letter or digit), or -1 when it meets a surrogate (the caller then
 * asks the regex): letters, marks and digits; an apostrophe or hyphen before a letter or digit; a dot between a
 * letter and "<letter>."; at most 100 code units after the first.
 */
function scanToken(text: string, s: number): number {
  const n = text.length;
  let p = s + 1;
  const limit = Math.min(n, s + 101);
  while (p < limit) {
    const c = text.charCodeAt(p);
    const k = charClass(c);
    if (k === SURROGATE) return -1;
    if (isAlnumClass(k) || k === MARK) { p++; continue; }
    if (p + 1 < n && (c === 0x27 || c === 0x2019 || c === 0x2d)) {
      const k1 = charClass(text.charCodeAt(p + 1));
      if (k1 === SURROGATE) return -1;
      if (isAlnumClass(k1)) { p++; continue; }
    } else if (c === 0x2e && p + 2 < n) {
      const k1 = charClass(text.charCodeAt(p + 1));
      if (k1 === SURROGATE) return -1;
      if (isLetterClass(k1) && text.charCodeAt(p + 2) === 0x2e) { p++; continue; }
    }
    break;
  }
  return p;
}

const CAP = 1, UPPER_W = 2, NUM = 4;
/**
 * cap (an upper-case first letter, or one or two lower-case letters then an upper-case one, "iPhone"; not when a
 * lower-case part ends it after a hyphen, "AI-driven"), upper (two letters or more, none lower case) and num (only
 * digits) of a token, from character classes; tokens holding surrogates go through the regexes.
 */
function wordFlags(t: string): number {
  const n = t.length;
  let letters = 0, lower = false, digits = 0, tailFrom = n, hyphenLower = -1;
  for (let p = 0; p < n; p++) {
    const c = t.charCodeAt(p);
    const k = charClass(c);
    if (k === SURROGATE) return wordFlagsSlow(t);
    if (k === UPPER || k === LOWER || k === LETTER) letters++;
    if (k === LOWER) lower = true;
    if (k === DIGIT) digits++;
    // The tail of lower-case letters and hyphens at the end, and the last hyphen followed by a lower-case letter.
    if (k === LOWER || c === 0x2d) { if (tailFrom === n) tailFrom = p; } else tailFrom = n;
    if (c === 0x2d && p + 1 < n && charClass(t.charCodeAt(p + 1)) === LOWER) hyphenLower = p;
  }
  if (n > 0 && digits === n) return NUM;
  const k0 = n > 0 ? charClass(t.charCodeAt(0)) : 0;
  let cap = k0 === UPPER
    || (k0 === LOWER && n > 1 && (charClass(t.charCodeAt(1)) === UPPER || (charClass(t.charCodeAt(1)) === LOWER && n > 2 && charClass(t.charCodeAt(2)) === UPPER)));
  // LOWER_TAIL: a hyphen, a lower-case letter, then at most 40 lower-case letters or hyphens to the end.
  if (cap && tailFrom < n && hyphenLower >= tailFrom && hyphenLower >= n - 42) cap = false;
  return (cap ? CAP : 0) | (letters >= 2 && !lower ? UPPER_W : 0);
}

function wordFlagsSlow(t: string): number {
  const num = DIGITS.test(t);
  const cap = !num && (UPPER_FIRST.test(t) || MIXED.test(t)) && !LOWER_TAIL.test(t);
  const upper = !num && LETTERS2.test(t) && !HAS_LOWER.test(t);
  return (cap ? CAP : 0) | (upper ? UPPER_W : 0) | (num ? NUM : 0);
}

export interface Tokenized {
  tokens: Token[];
  /** Start offset of each line. */
  lineStarts: number[];
}

/**
 * Tokenizes the text, marking sentence starts and headline lines.
 * `elide`: split French elisions ("l'Université" -> "Université").
 * `abbrevBefore`: lower-cased words after which a period does not end a sentence (titles, legal forms).
 */
export function tokenize(text: string, elide: boolean, abbrevBefore: Set<string>): Tokenized {
  const tokens: Token[] = [];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let line = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // The next token: TOKEN_RE's match, found by a scan of character classes (the regex itself where a surrogate
    // pair is involved).
    let s = i, e = -1;
    for (; s < n; s++) {
      const k = charClass(text.charCodeAt(s));
      if (k === SURROGATE) break;
      if (isAlnumClass(k)) { e = scanToken(text, s); break; }
    }
    if (s >= n) break;
    if (e < 0) {
      TOKEN_RE.lastIndex = s;
      const m = TOKEN_RE.exec(text);
      if (!m) break;
      s = m.index; e = s + m[0].length;
    }
    i = e;
    let t = text.slice(s, e);
    if (elide) {
      const el = ELISION.exec(t);
      if (el) { s += el[0].length; t = t.slice(el[0].length); }
    }
    let poss = false;
    if (t.length > 3 && POSS.test(t)) { t = t.slice(0, -2); poss = true; }
    e = s + t.length;
    // An abbreviation keeps its final dot: "U.S." (the sentence-start check below treats it as an abbreviation).
    if (!poss && t.includes('.') && text[e] === '.') { e++; t += '.'; }
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= s) line++;
    const f = wordFlags(t);
    tokens.push({ s, e, text: t, cap: (f & CAP) !== 0, upper: (f & UPPER_W) !== 0, num: (f & NUM) !== 0, poss, sentStart: false, head: false, line });
  }
  // Sentence starts: first token after a line break or after . ! ? : (not after an abbreviation).
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    let p = tok.s - 1;
    let steps = 0;
    while (p >= 0 && steps < 12 && SKIP_BACK.has(text[p])) { p--; steps++; }
    if (p < 0 || text[p] === '\n') { tok.sentStart = true; continue; }
    const c = text[p];
    if (c === '!' || c === '?' || c === ':' || c === '…') { tok.sentStart = true; continue; }
    if (c === '.') {
      const prev = tokens[k - 1];
      const abbrev = prev && prev.e === p && (prev.text.length === 1 || abbrevBefore.has(prev.text.toLowerCase()) || prev.text.includes('.'));
      if (!abbrev) tok.sentStart = true;
    }
  }
  // Headline lines: all capitals, or title case (most content words capitalized) without a final period.
  let k = 0;
  for (let l = 0; l < lineStarts.length; l++) {
    const from = k;
    while (k < tokens.length && tokens[k].line === l) k++;
    let words = 0, caps = 0, uppers = 0;
    for (let j = from; j < k; j++) {
      const t = tokens[j];
      if (t.num) continue;
      if (!t.cap && FUNCTION_LOWER.test(t.text)) continue;
      words++;
      if (t.cap) caps++;
      if (t.upper) uppers++;
    }
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
    const lastChar = text.slice(Math.max(lineStarts[l], end - 3), end).trim().slice(-1);
    const allCaps = uppers >= 2 && uppers >= 0.8 * words;
    const titleCase = words >= 4 && caps >= 0.8 * words && lastChar !== '.';
    if (allCaps || titleCase) for (let j = from; j < k; j++) tokens[j].head = true;
  }
  return { tokens, lineStarts };
}

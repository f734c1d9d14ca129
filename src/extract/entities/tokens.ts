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
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let s = m.index;
    let t = m[0];
    if (elide) {
      const el = ELISION.exec(t);
      if (el) { s += el[0].length; t = t.slice(el[0].length); }
    }
    let poss = false;
    if (t.length > 3 && POSS.test(t)) { t = t.slice(0, -2); poss = true; }
    let e = s + t.length;
    // An abbreviation keeps its final dot: "U.S." (the sentence-start check below treats it as an abbreviation).
    if (!poss && t.includes('.') && text[e] === '.') { e++; t += '.'; }
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= s) line++;
    const num = DIGITS.test(t);
    // "AI-driven", "U.S.-based": a lower-case last part makes an adjective, not a name.
    const cap = !num && (UPPER_FIRST.test(t) || MIXED.test(t)) && !LOWER_TAIL.test(t);
    const upper = !num && LETTERS2.test(t) && !HAS_LOWER.test(t);
    tokens.push({ s, e, text: t, cap, upper, num, poss, sentStart: false, head: false, line });
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

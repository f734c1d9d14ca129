// Text repairs: mojibake, control characters, markup and entities, ligatures and width, quotes, NFC,
// hyphenation across line breaks and white space. Each pass proposes edits on the current text; an
// EditTracker applies them and keeps, for every repair, where it stands now and which stretch of the
// input it replaced, so that `before` is always the original text and start/end index the output.
// Language-independent: no word lists here, except the contraction list passed in by the caller.

export interface Repair {
  kind: string;
  start: number;
  end: number;
  before: string;
}

export interface RepairOutput {
  text: string;
  repairs: Repair[];
}

export interface RepairOptions {
  /** Remove a U+FFFD that stands alone between spaces or at a line edge (default true). */
  dropStrayReplacement?: boolean;
  /** Words that follow "à" without a space in Portuguese contractions (àquele, às). */
  graveContractions?: string[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
  kind: string;
}

interface TrackedRepair {
  kind: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
}

/** Applies batches of non-overlapping edits and keeps the repair list consistent. */
export class EditTracker {
  text: string;
  readonly raw: string;
  reps: TrackedRepair[] = [];

  constructor(raw: string) {
    this.raw = raw;
    this.text = raw;
  }

  /**
   * Raw offset of a position of the current text that is not strictly inside a repair. An edit's
   * end (`isEnd`) stays before an empty repair standing at that position (which follows the edit).
   */
  private rawPos(p: number, hint: { i: number }, isEnd = false): number {
    const reps = this.reps;
    while (hint.i + 1 < reps.length && (reps[hint.i + 1].end < p || (reps[hint.i + 1].end === p && !(isEnd && reps[hint.i + 1].start === p)))) hint.i++;
    if (hint.i < 0 || reps[hint.i].end > p || (isEnd && reps[hint.i].start === p && reps[hint.i].end === p)) {
      // search back (rare: hint overshot)
      let k = Math.min(hint.i, reps.length - 1);
      while (k >= 0 && (reps[k].end > p || (isEnd && reps[k].start === p && reps[k].end === p))) k--;
      return k < 0 ? p : reps[k].rawEnd + (p - reps[k].end);
    }
    const r = reps[hint.i];
    return r.rawEnd + (p - r.end);
  }

  apply(edits: Edit[]): void {
    if (edits.length === 0) return;
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    const cur = this.text;
    const reps = this.reps;
    // 1. Expand each edit over the repairs it touches; drop edits that collide after expansion.
    const expanded: { e: Edit }[] = [];
    const absorbedAll = new Uint8Array(reps.length);
    let ri = 0;
    let lastEnd = -1;
    for (const e0 of edits) {
      if (e0.start < lastEnd) continue;
      let s = e0.start;
      let en = e0.end;
      const absorbed: number[] = [];
      while (ri < reps.length && reps[ri].end < s) ri++;
      for (let k = Math.max(0, ri - 1); k < reps.length && reps[k].start <= en; k++) {
        const r = reps[k];
        const overlap =
          (r.start < en && r.end > s) ||
          (r.start === r.end && r.start > s && r.start < en) ||
          (s === en && r.start < s && r.end > s);
        if (overlap) {
          absorbed.push(k);
          if (r.start < s) s = r.start;
          if (r.end > en) en = r.end;
        }
      }
      if (s < lastEnd) continue;
      for (const a of absorbed) absorbedAll[a] = 1;
      const text = s === e0.start && en === e0.end ? e0.text : cur.slice(s, e0.start) + e0.text + cur.slice(e0.end, en);
      expanded.push({ e: { start: s, end: en, text, kind: e0.kind } });
      lastEnd = en;
    }
    // 2. Raw spans of the expanded edits.
    const hint = { i: -1 };
    const raws = expanded.map(({ e }) => {
      const a = this.rawPos(e.start, hint);
      const b = this.rawPos(e.end, hint, true);
      return [a, b];
    });
    // 3. Build the new text and the new repair list (merge walk over old repairs and edits).
    const parts: string[] = [];
    const out: TrackedRepair[] = [];
    let pos = 0;
    let delta = 0;
    let k = 0;
    for (let j = 0; j < expanded.length; j++) {
      const e = expanded[j].e;
      while (k < reps.length && (reps[k].start < e.start || (reps[k].start === e.start && reps[k].end === e.start && !absorbedAll[k]))) {
        if (!absorbedAll[k]) out.push({ ...reps[k], start: reps[k].start + delta, end: reps[k].end + delta });
        k++;
      }
      parts.push(cur.slice(pos, e.start));
      const ns = e.start + delta;
      parts.push(e.text);
      out.push({ kind: e.kind, start: ns, end: ns + e.text.length, rawStart: raws[j][0], rawEnd: raws[j][1] });
      delta += e.text.length - (e.end - e.start);
      pos = e.end;
      while (k < reps.length && absorbedAll[k]) k++;
    }
    for (; k < reps.length; k++) {
      if (!absorbedAll[k]) out.push({ ...reps[k], start: reps[k].start + delta, end: reps[k].end + delta });
    }
    parts.push(cur.slice(pos));
    this.text = parts.join('');
    out.sort((a, b) => a.start - b.start || a.end - b.end);
    this.reps = out;
  }

  result(): RepairOutput {
    return {
      text: this.text,
      repairs: this.reps.map((r) => ({ kind: r.kind, start: r.start, end: r.end, before: this.raw.slice(r.rawStart, r.rawEnd) })),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Single-byte code pages that UTF-8 text is commonly misread as. Tables map a UTF-16 code unit to
// the byte it stands for (or -1). Built once from the platform's decoders.

interface CodePage {
  name: string;
  toByte: Int16Array;
  primary: boolean;
}

// windows-1252 bytes 0x80..0x9F (the platform decoder may treat the label as ISO-8859-1); '' = undefined.
const CP1252_C1: string[] = [
  '\u20ac', '', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021', // 80-87
  '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '', '\u017d', '', // 88-8F
  '', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014', // 90-97
  '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '', '\u017e', '\u0178', // 98-9F
];

function buildCodePage(name: string, primary: boolean): CodePage | null {
  let dec: TextDecoder;
  try {
    dec = new TextDecoder(name);
  } catch {
    return null;
  }
  const toByte = new Int16Array(65536).fill(-1);
  for (let b = 0; b < 0x80; b++) toByte[b] = b;
  for (let b = 0x80; b < 0x100; b++) {
    const ch = name === 'windows-1252' && b < 0xa0 ? CP1252_C1[b - 0x80] || String.fromCharCode(b) : dec.decode(Uint8Array.of(b));
    if (ch.length === 1 && ch !== '\ufffd') toByte[ch.charCodeAt(0)] = b;
  }
  // "Sloppy" reading: C1 control characters stand for their own byte (Latin-1 misreading).
  for (let c = 0x80; c < 0xa0; c++) if (toByte[c] < 0) toByte[c] = c;
  return { name, toByte, primary };
}

const CODE_PAGES: CodePage[] = [
  buildCodePage('windows-1252', true),
  buildCodePage('windows-1251', false),
  buildCodePage('windows-1250', false),
  buildCodePage('macintosh', false),
].filter((x): x is CodePage => x !== null);

const CP1252 = CODE_PAGES[0];
/** C1 control -> the windows-1252 character of that byte ('' when the byte is undefined there). */
const C1_TO_1252: string[] = CP1252_C1;

// Characters that are rare in clean text and typical of mojibake (standalone diacritics, math
// symbols used as letters, low quotes, C1 controls, soft hyphen).
const BAD_CHARS = new Set(
  [
    '\u00ad', '\u00a4', '\u00a6', '\u00a8', '\u00ac', '\u00af', '\u00b8', '\u02c6', '\u02c7', '\u02d8',
    '\u02d9', '\u02db', '\u02dc', '\u02dd', '\u201a', '\u201e', '\u2020', '\u2021', '\u2030', '\u2039',
    '\u203a', '\u0192', '\u221a', '\u2248', '\u2206', '\u25ca', '\u2044', '\u2202', '\u2211', '\u220f',
    '\u222b', '\u2260', '\u2264', '\u2265', '\u03a9', '\u03c0',
  ].map((c) => c.charCodeAt(0)),
);
const RE_LETTER = /\p{L}/u;
const RE_LOWER = /\p{Ll}/u;
const RE_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const RE_UNUSABLE = /[\p{Cn}\p{Co}\p{Cs}]/u;

function isLetterAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return RE_LETTER.test(s[i]);
}

interface Candidate {
  s: number;
  e: number;
  out: string;
  cp: number;
  nb: number;
  c1: boolean;
  bad: boolean;
  lead: number; // first char code of the run
  lostNbsp: boolean;
  lossy: boolean;
  /** Lossy with only '?' standing for the lost byte: too common in clean text ("¿Qué?»") to take alone. */
  qmark?: boolean;
  grave: boolean;
  primary: boolean;
}

/** Plausibility of a decoded code point: 1 plausible, 0 only inside a chain, -1 implausible. */
function plausibility(cp: number, nb: number): number {
  if (cp === 0xfffd) return 1;
  if (cp < 0xa0) return 0; // C1 controls: only as the first reading of double mojibake (a chain)
  if (nb === 2) {
    if (cp < 0x100) return 1; // Latin-1: symbols and accented letters
    if (cp < 0x250) return 1; // Latin Extended-A/B
    if (cp >= 0x370 && cp < 0x400) return 1; // Greek
    if (cp >= 0x400 && cp < 0x530) return 0; // Cyrillic
    if (cp >= 0x590 && cp < 0x600) return 0; // Hebrew
    if (cp >= 0x600 && cp < 0x700) return 0; // Arabic
    if (cp >= 0x2b0 && cp < 0x370) return 0; // spacing modifiers, combining marks
    return -1; // IPA, spacing modifiers, Armenian, Syriac, Thaana, NKo …
  }
  const ch = String.fromCodePoint(cp);
  if (RE_UNUSABLE.test(ch)) return -1;
  if (nb === 3) {
    if (cp >= 0x2000 && cp < 0x2c00) return 1; // punctuation, symbols, arrows, box drawing, dingbats
    if (cp >= 0xfe00 && cp < 0xfff0) return 1; // variation selectors, fullwidth forms
    if (cp >= 0x1e00 && cp < 0x2000) return 1; // Latin Extended Additional (Vietnamese), Greek Extended
    return 0; // scripts (Indic, CJK, Hangul …): only inside a chain
  }
  return 1; // 4-byte: emoji and supplementary planes
}

// A byte lost in an earlier conversion (ftfy's "lossy" sequences): U+FFFD or U+001A (what a sloppy
// codec writes for an undefined byte) where a byte of a UTF-8 sequence should be, or '?' in the
// same place (code pages that write '?' for what they cannot encode). The whole sequence stands for
// one unknown character and becomes one U+FFFD, as ftfy's replace_lossy_sequences does.
const isLost = (c: number): boolean => c === 0xfffd || c === 0x1a;

function scanCodePage(text: string, cp: CodePage, from: number, to: number, out: Candidate[]): void {
  const t = cp.toByte;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const b = t[c];
    if (b < 0xc2 || b > 0xf4) continue;
    const need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
    let ok = true;
    let c1 = c >= 0x80 && c < 0xa0;
    let bad = BAD_CHARS.has(c);
    let lostNbsp = false;
    let lostAt = -1;
    let cpv = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    for (let k = 1; k <= need; k++) {
      const cc = i + k < to ? text.charCodeAt(i + k) : -1;
      let bb = cc >= 0 ? t[cc] : -1;
      if (cc === 0x20 && need === 1) {
        bb = 0xa0;
        lostNbsp = true;
      }
      if (cc >= 0 && (isLost(cc) || (cc === 0x3f && (need >= 2 || b <= 0xc3)))) {
        // '?' after a 2-byte lead only for C2/C3 (ftfy: Latin-1 range), where it is most common.
        if (lostAt < 0) lostAt = k;
        continue;
      }
      if (bb < 0x80 || bb > 0xbf) {
        ok = false;
        break;
      }
      if (cc >= 0x80 && cc < 0xa0) c1 = true;
      if (BAD_CHARS.has(cc)) bad = true;
      cpv = (cpv << 6) | (bb & 0x3f);
    }
    if (lostAt > 0) {
      // Lossy sequence: the lost byte(s) and the continuation bytes around them, up to the length
      // the lead byte announces; a '?' alone (no U+FFFD) must be followed or preceded by a real
      // continuation byte for 3- and 4-byte leads, as in ftfy.
      let e = i + 1;
      let lost = 0;
      let q = 0;
      for (let k = 1; k <= need && e < to; k++, e++) {
        const cc = text.charCodeAt(e);
        const bb = t[cc];
        if (isLost(cc)) lost++;
        else if (cc === 0x3f) q++;
        else if (!(bb >= 0x80 && bb <= 0xbf)) break;
      }
      const len = e - i - 1;
      const okLossy = len === need && (lost > 0 || q === 1);
      if (okLossy) {
        out.push({ s: i, e, out: '\ufffd', cp: 0xfffd, nb: need + 1, c1, bad, lead: c, lostNbsp: false, lossy: true, qmark: lost === 0 && lostAt === 1, grave: false, primary: cp.primary });
        i = e - 1;
      }
      continue;
    }
    if (!ok) continue;
    let e = i + need + 1;
    let nb = need + 1;
    if (need === 1 && cpv < 0x80) continue;
    if (need === 2 && cpv < 0x800) continue;
    if (need === 3 && (cpv < 0x10000 || cpv > 0x10ffff)) continue;
    if (cpv >= 0xd800 && cpv < 0xdc00) {
      // CESU-8: a surrogate pair encoded as two 3-byte sequences.
      const b2 = t[text.charCodeAt(e)];
      const b3 = t[text.charCodeAt(e + 1)];
      const b4 = t[text.charCodeAt(e + 2)];
      if (e + 2 < to && b2 === 0xed && b3 >= 0xb0 && b3 <= 0xbf && b4 >= 0x80 && b4 <= 0xbf) {
        const lo = 0xd000 | ((b3 & 0x3f) << 6) | (b4 & 0x3f);
        cpv = 0x10000 + ((cpv - 0xd800) << 10) + (lo - 0xdc00);
        e += 3;
        nb = 4;
      } else continue;
    } else if (cpv >= 0xdc00 && cpv < 0xe000) continue;
    const grave = cp.primary && c === 0xc3 && lostNbsp;
    out.push({ s: i, e, out: String.fromCodePoint(cpv), cp: cpv, nb, c1, bad, lead: c, lostNbsp, lossy: false, grave, primary: cp.primary });
    i = e - 1;
  }
}

const RE_SCRIPTS: RegExp[] = [/\p{sc=Greek}/u, /\p{sc=Cyrillic}/u, /\p{sc=Hebrew}/u, /\p{sc=Arabic}/u];

function sameScriptEdge(text: string, c: Candidate): boolean {
  const edges = [text[c.s - 1] ?? '', text[c.e] ?? ''].filter((ch) => ch && RE_LETTER.test(ch));
  if (edges.length === 0) return false;
  const run = text.slice(c.s, c.e);
  return RE_SCRIPTS.some((re) => re.test(run) && edges.some((ch) => re.test(ch)));
}

function isC1Byte(c: number): boolean {
  const b = CP1252.toByte[c];
  return b >= 0x80 && b < 0xa0;
}

function scoreCandidate(text: string, c: Candidate, chained: boolean): number {
  let score = 0;
  // ('?' after "â" and before a byte 80-9F is the punctuation block: "â?™" for a lost "’")
  if (c.qmark) return chained || (c.lead === 0xe2 && c.nb === 3 && isC1Byte(text.charCodeAt(c.e - 1))) ? 3 : 0;
  if (c.lossy) return c.nb >= 3 || chained || (isLetterAt(text, c.s - 1) && isLetterAt(text, c.e)) ? 3 : 0;
  if (!c.primary && c.nb === 2 && !chained && !isLetterAt(text, c.s - 1) && !isLetterAt(text, c.e)) return 0;
  // Another code page: a run holding a letter of the script of the letter next to it is that
  // script's own text ("«π" in Greek is not Mac Roman for "ǹ").
  if (!c.primary && !chained && sameScriptEdge(text, c)) return 0;
  if (c.c1) score += 4;
  if (c.nb >= 3) score += 2;
  if (c.bad) score += 2;
  if (c.primary && (c.lead === 0xc2 || c.lead === 0xc3)) score += 2;
  const p = plausibility(c.cp, c.nb);
  if (p < 0) return -10;
  if (p === 0) score += chained ? 1 : c.c1 ? 0 : c.nb >= 3 ? -2 : -3;
  else score += 1;
  if (chained) score += 1;
  else if (c.primary && (isLetterAt(text, c.s - 1) || isLetterAt(text, c.e))) score += 1;
  return score;
}

/** One round of mojibake detection; returns edits (text is not modified). */
function mojibakeEdits(text: string, graveNext: RegExp | null, mask: Uint8Array | null = null): Edit[] {
  const edits: Edit[] = [];
  const n = text.length;
  let lineStart = 0;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    // Fast skip for lines without any non-ASCII character.
    let hasHigh = false;
    for (let i = lineStart; i < lineEnd; i++) if (text.charCodeAt(i) >= 0x80) { hasHigh = true; break; }
    if (hasHigh) mojibakeLine(text, lineStart, lineEnd, graveNext, edits, mask);
    lineStart = lineEnd + 1;
  }
  return edits;
}

// Second characters that make a lone 2-byte sequence weak evidence: after a capital they also occur
// in clean text (currency "Ã¥" in stylised writing, ordinals "Nª", "Nº", section and pilcrow signs).
// ftfy leaves such pairs alone "without further info"; so do we when the line holds other non-ASCII
// characters that no UTF-8 reading explains (then the line is not wholly mis-decoded, as in ftfy,
// which only re-decodes a segment when all of it decodes).
const WEAK_SECOND = new Set([0xa4, 0xa5, 0xa7, 0xaa, 0xb6, 0xba]);

function strayHigh(text: string, k: number, cands: Candidate[]): boolean {
  if (k < 0 || k >= text.length || text.charCodeAt(k) < 0x80 || text.charCodeAt(k) === 0xa0) return false;
  return !cands.some((c) => c.s <= k && k < c.e);
}

function acceptRun(text: string, cands: Candidate[], graveNext: RegExp | null, foreign = false): Candidate[] {
  const accepted: Candidate[] = [];
  const taken = new Uint8Array(cands.length);
  // Chain partners: adjacent candidates that could be real (no lost space, decodable to something usable).
  const partner = cands.map((c) => !c.lostNbsp && plausibility(c.cp, c.nb) >= 0);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.lostNbsp) continue;
    const chained = (i > 0 && partner[i - 1] && cands[i - 1].e === c.s) || (i + 1 < cands.length && partner[i + 1] && cands[i + 1].s === c.e);
    if (foreign && !chained && c.nb === 2 && !c.c1 && !c.bad && !c.lossy && WEAK_SECOND.has(text.charCodeAt(c.s + 1))) {
      taken[i] = 2; // weak and contradicted: never rescued below
      continue;
    }
    if (scoreCandidate(text, c, chained) >= 2) {
      accepted.push(c);
      taken[i] = 1;
    }
  }
  // Rescue: a 2-byte sequence of a script (Arabic, Cyrillic, Hebrew …) that is only plausible in a
  // chain, or whose continuation byte A0 became a space, is taken when the line already holds at
  // least two accepted sequences with the same lead byte and it decodes to a letter or a digit
  // ("Ù Ù Ù¡" among repaired Arabic words are Arabic-Indic digits).
  if (accepted.length >= 2) {
    const leads = new Map<number, number>();
    for (const a of accepted) if (a.nb === 2 && !a.lossy) leads.set(a.lead, (leads.get(a.lead) ?? 0) + 1);
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i];
      if (taken[i] || c.grave || c.nb !== 2 || c.lossy || (leads.get(c.lead) ?? 0) < 2) continue;
      // not next to a non-ASCII character that no candidate explains (another code page may be at work)
      if (strayHigh(text, c.s - 1, cands) || strayHigh(text, c.e, cands)) continue;
      if (plausibility(c.cp, 2) < 0 || !RE_LETTER_OR_DIGIT.test(c.out)) continue;
      accepted.push(c);
      taken[i] = 1;
    }
  }
  // Second stage: "Ã " (à whose no-break space became a space), and other lost no-break spaces
  // on lines that already hold mojibake.
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (!c.lostNbsp || taken[i]) continue;
    if (c.grave) {
      const lowerAt = (k: number) =>
        k >= 0 && k < text.length && (RE_LOWER.test(text[k]) || accepted.some((a) => a.e === k + 1 && RE_LOWER.test(a.out)));
      const prevOk = lowerAt(c.s - 1) || (text.charCodeAt(c.s - 1) === 0x20 && lowerAt(c.s - 2));
      if (!prevOk) continue;
      if (text.charCodeAt(c.e) === 0x20 && isLetterAt(text, c.e + 1)) {
        accepted.push({ ...c, out: 'à' }); // the no-break space became a space; the real space follows
        continue;
      }
      if (!isLetterAt(text, c.e)) continue;
      graveNext && (graveNext.lastIndex = c.e);
      const contraction = graveNext !== null && graveNext.test(text);
      accepted.push({ ...c, out: contraction ? 'à' : 'à ' });
      continue;
    }
    if (accepted.length > 0 && plausibility(c.cp, 2) > 0 && RE_LETTER.test(c.out)) accepted.push(c);
  }
  accepted.sort((a, b) => a.s - b.s);
  return accepted;
}

/**
 * Drops candidates that straddle text produced by the previous round (mask) and text it left,
 * unless the part it left holds a C1 control (never clean text: a first reading that stopped short).
 */
function within(text: string, cands: Candidate[], mask: Uint8Array | null): Candidate[] {
  if (!mask) return cands;
  return cands.filter((c) => {
    let n = 0;
    let c1 = false;
    for (let k = c.s; k < c.e; k++) {
      n += mask[k];
      if (!mask[k]) {
        const cc = text.charCodeAt(k);
        if (cc >= 0x80 && cc < 0xa0) c1 = true;
      }
    }
    return n === c.e - c.s || (n > 0 && c1);
  });
}

/** True when a non-ASCII character of the line is outside every candidate. */
function hasForeign(text: string, from: number, to: number, cands: Candidate[]): boolean {
  let j = 0;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    while (j < cands.length && cands[j].e <= i) j++;
    if (j >= cands.length || cands[j].s > i) return true;
  }
  return false;
}

function mojibakeLine(text: string, from: number, to: number, graveNext: RegExp | null, edits: Edit[], mask: Uint8Array | null): void {
  const primary: Candidate[] = [];
  scanCodePage(text, CP1252, from, to, primary);
  const prim = within(text, primary, mask);
  const foreign = !mask && hasForeign(text, from, to, primary);
  let accepted = prim.length ? acceptRun(text, prim, graveNext, foreign) : [];
  // Another code page (windows-1251/1250, Mac Roman) when windows-1252 explains nothing, or leaves
  // non-ASCII characters it cannot explain: the page whose accepted sequences cover most wins.
  if (accepted.length === 0 || foreign) {
    const covered = (a: Candidate[]) => a.reduce((n, c) => n + c.e - c.s, 0);
    let best = covered(accepted);
    for (const cp of CODE_PAGES) {
      if (cp.primary) continue;
      const all: Candidate[] = [];
      scanCodePage(text, cp, from, to, all);
      const cands = within(text, all, mask);
      if (cands.length === 0) continue;
      // over a partial windows-1252 reading, only a page that explains every non-ASCII character
      if (accepted.length > 0 && hasForeign(text, from, to, all)) continue;
      const acc = acceptRun(text, cands, null);
      const cov = covered(acc);
      if (cov > best) {
        accepted = acc;
        best = cov;
      }
    }
  }
  // Merge adjacent accepted sequences into one edit.
  let cur: Edit | null = null;
  for (const c of accepted) {
    if (cur && cur.end === c.s) {
      cur.end = c.e;
      cur.text += c.out;
    } else {
      if (cur) edits.push(cur);
      cur = { start: c.s, end: c.e, text: c.out, kind: 'mojibake' };
    }
  }
  if (cur) edits.push(cur);
}

// ---------------------------------------------------------------------------------------------
// Markup: HTML tags and character references.

const BLOCK_TAGS = new Set([
  'p', 'br', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'tbody', 'thead',
  'section', 'article', 'header', 'footer', 'blockquote', 'hr', 'dd', 'dt', 'dl', 'figure', 'figcaption',
  'pre', 'address', 'aside', 'nav', 'main', 'center',
]);
const INLINE_TAGS = new Set([
  'a', 'b', 'i', 'u', 's', 'em', 'strong', 'span', 'font', 'sup', 'sub', 'small', 'big', 'img', 'td', 'th',
  'abbr', 'cite', 'code', 'mark', 'q', 'time', 'strike', 'del', 'ins', 'label', 'wbr', 'iframe', 'script',
  'style', 'noscript', 'meta', 'link', 'html', 'body', 'head', 'title', 'o:p', 'picture', 'source', 'video',
  'audio', 'button', 'input', 'form', 'svg', 'path', 'caption', 'col', 'colgroup', 'tfoot',
]);

// Latin-1 entity names in code point order 0xA0..0xFF.
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
  'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc ' +
  'Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml ' +
  'aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc ' +
  'otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c',
  rdquo: '\u201d', bdquo: '\u201e', hellip: '\u2026', bull: '\u2022', euro: '\u20ac', trade: '\u2122',
  dagger: '\u2020', Dagger: '\u2021', permil: '\u2030', lsaquo: '\u2039', rsaquo: '\u203a', OElig: '\u0152',
  oelig: '\u0153', Scaron: '\u0160', scaron: '\u0161', Yuml: '\u0178', fnof: '\u0192', circ: '\u02c6',
  tilde: '\u02dc', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d',
  lrm: '\u200e', rlm: '\u200f', prime: '\u2032', Prime: '\u2033', minus: '\u2212', larr: '\u2190',
  rarr: '\u2192', uarr: '\u2191', darr: '\u2193', infin: '\u221e', le: '\u2264', ge: '\u2265', ne: '\u2260',
  asymp: '\u2248', alpha: '\u03b1', beta: '\u03b2', gamma: '\u03b3', delta: '\u03b4', mu: '\u03bc',
  pi: '\u03c0', sigma: '\u03c3', Omega: '\u03a9', omega: '\u03c9', deg: '\u00b0',
};
LATIN1_NAMES.forEach((name, i) => (ENTITIES[name] = String.fromCharCode(0xa0 + i)));

const RE_MARKUP = /<(\/?)([a-zA-Z][a-zA-Z0-9:]{0,15})(?:\s[^<>]{0,2000})?\/?>|&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

const RE_ESCAPED_TAG = /\/?([a-zA-Z][a-zA-Z0-9:]{0,15})(?=[\s/>&]|$)/y;

function markupEdits(text: string): Edit[] {
  if (text.indexOf('<') < 0 && text.indexOf('&') < 0) return [];
  // (tags inside a comment are skipped with the comment)
  const edits: Edit[] = [];
  // Comments, scanned linearly: stop at the first one that is never closed.
  const comments: [number, number][] = [];
  for (let i = text.indexOf('<!--'); i >= 0; ) {
    const j = text.indexOf('-->', i + 4);
    if (j < 0) break;
    comments.push([i, j + 3]);
    i = text.indexOf('<!--', j + 3);
  }
  let ci = 0;
  RE_MARKUP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_MARKUP.exec(text))) {
    const [all, , tag, dec, hex, name] = m;
    while (ci < comments.length && comments[ci][1] <= m.index) edits.push({ start: comments[ci][0], end: comments[ci][1], text: '', kind: 'markup' }), ci++;
    if (ci < comments.length && comments[ci][0] <= m.index) {
      RE_MARKUP.lastIndex = Math.max(RE_MARKUP.lastIndex, comments[ci][1]);
      continue;
    }
    if (tag !== undefined) {
      const t = tag.toLowerCase();
      if (BLOCK_TAGS.has(t)) edits.push({ start: m.index, end: m.index + all.length, text: '\n', kind: 'markup' });
      else if (INLINE_TAGS.has(t)) edits.push({ start: m.index, end: m.index + all.length, text: '', kind: 'markup' });
    } else {
      let rep: string | undefined;
      if (name !== undefined) rep = ENTITIES[name];
      else {
        const v = dec !== undefined ? parseInt(dec, 10) : parseInt(hex, 16);
        if (v >= 0x80 && v < 0xa0) rep = C1_TO_1252[v - 0x80] || undefined;
        else if (v > 0 && v <= 0x10ffff && !(v >= 0xd800 && v < 0xe000)) rep = String.fromCodePoint(v);
      }
      // "&lt;b&gt;" is a tag shown as text: decoded, it would be read as markup by the next pass
      // (and by a second repair of the output), so an escaped tag stays escaped.
      if (rep === '<') {
        RE_ESCAPED_TAG.lastIndex = m.index + all.length;
        const t = RE_ESCAPED_TAG.exec(text);
        if (t && (BLOCK_TAGS.has(t[1].toLowerCase()) || INLINE_TAGS.has(t[1].toLowerCase()))) continue;
      }
      if (rep !== undefined) edits.push({ start: m.index, end: m.index + all.length, text: rep, kind: 'entity' });
    }
  }
  for (; ci < comments.length; ci++) edits.push({ start: comments[ci][0], end: comments[ci][1], text: '', kind: 'markup' });
  return edits;
}

// ---------------------------------------------------------------------------------------------
// Control characters, stray replacement characters, ligatures, width, quotes, NFC, hyphenation, spaces.

const RE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\ufeff\u2028\u2029]/g;

function controlEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  RE_CONTROL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_CONTROL.exec(text))) {
    const c = m[0].charCodeAt(0);
    let rep = '';
    let kind = 'control';
    if (c >= 0x80 && c < 0xa0) {
      rep = C1_TO_1252[c - 0x80];
      if (rep) kind = 'c1';
    } else if (c === 0x0c || c === 0x2028 || c === 0x2029) rep = '\n';
    edits.push({ start: m.index, end: m.index + 1, text: rep, kind });
  }
  return edits;
}

const RE_STRAY_FFFD = /(^|[ \t])\ufffd{1,20}(?=[ \t]|$)/gm;

function strayReplacementEdits(text: string): Edit[] {
  if (text.indexOf('\ufffd') < 0) return [];
  const edits: Edit[] = [];
  RE_STRAY_FFFD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_STRAY_FFFD.exec(text))) {
    const s = m.index + m[1].length;
    edits.push({ start: s, end: m.index + m[0].length, text: '', kind: 'replacement-char' });
  }
  return edits;
}

// Latin ligatures (U+FB00..U+FB06), digraph letters (U+01C4..U+01CC), fullwidth ASCII (U+FF01..U+FF5E).
const RE_COMPAT = /[\ufb00-\ufb06\u01c4-\u01cc\uff01-\uff5e]{1,64}/g;

// Fullwidth forms are the normal punctuation and digits of Chinese, Japanese and Korean text: a
// fullwidth run next to CJK characters stays (ftfy's fix_character_width would change it; the
// issue wants clean text in any language untouched).
const RE_LOW_SURROGATE = /[\udc00-\udfff]/;
const RE_CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u3000-\u303f\uff61-\uffdc]/u;

function compatEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  RE_COMPAT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_COMPAT.exec(text))) {
    const rep = m[0].normalize('NFKC');
    if (rep !== m[0]) {
      const kind = m[0].charCodeAt(0) >= 0xff01 ? 'width' : 'ligature';
      if (kind === 'width') {
        const e = m.index + m[0].length;
        const prev = m.index > 0 ? String.fromCodePoint(text.codePointAt(m.index - 1 - (m.index > 1 && RE_LOW_SURROGATE.test(text[m.index - 1]) ? 1 : 0))!) : '';
        const next = e < text.length ? String.fromCodePoint(text.codePointAt(e)!) : '';
        if (RE_CJK.test(prev) || RE_CJK.test(next)) continue;
      }
      edits.push({ start: m.index, end: m.index + m[0].length, text: rep, kind });
    }
  }
  return edits;
}

const RE_DOUBLE_SINGLE = /\u2019\u2019|\u2018\u2018/g;

function quoteEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  RE_DOUBLE_SINGLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_DOUBLE_SINGLE.exec(text))) {
    edits.push({ start: m.index, end: m.index + 2, text: m[0] === '\u2019\u2019' ? '\u201d' : '\u201c', kind: 'quote' });
  }
  return edits;
}

const RE_NFC_CHUNK = /[^\n]\p{M}{1,32}|[^\x00-\x7f]{1,64}/gu;

function nfcEdits(text: string): Edit[] {
  if (text.normalize('NFC') === text) return [];
  const edits: Edit[] = [];
  RE_NFC_CHUNK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_NFC_CHUNK.exec(text))) {
    const n = m[0].normalize('NFC');
    if (n !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, text: n, kind: 'nfc' });
  }
  return edits;
}

// "inter-\nnational" -> "international\n": a lower-case letter, hyphen, line break, lower-case word.
const RE_HYPHEN_BREAK = /(\p{Ll})-[ \t]{0,4}\n[ \t]{0,4}(\p{Ll}[\p{L}\p{M}]{0,40})([.,;:!?]?)[ \t]?/gu;

function hyphenationEdits(text: string): Edit[] {
  if (text.indexOf('-\n') < 0 && !RE_HYPHEN_SPACE_BREAK.test(text)) return [];
  const edits: Edit[] = [];
  RE_HYPHEN_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_HYPHEN_BREAK.exec(text))) {
    const start = m.index + m[1].length;
    edits.push({ start, end: m.index + m[0].length, text: m[2] + m[3] + '\n', kind: 'hyphenation' });
  }
  return edits;
}

/** Runs of spaces and tabs: dropped at a line edge, else made one space (one repair per run). */
function whitespaceEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) continue;
    let e = i + 1;
    while (e < n && (text.charCodeAt(e) === 0x20 || text.charCodeAt(e) === 0x09)) e++;
    const atStart = i === 0 || text.charCodeAt(i - 1) === 10;
    const atEnd = e === n || text.charCodeAt(e) === 10;
    const rep = atStart || atEnd ? '' : ' ';
    if (e - i !== rep.length || c !== 0x20) edits.push({ start: i, end: e, text: rep, kind: 'whitespace' });
    i = e - 1;
  }
  return edits;
}

/** CR LF and lone CR become LF: one repair per run of line breaks that holds a CR. */
function newlineEdits(text: string): Edit[] {
  if (text.indexOf('\r') < 0) return [];
  const edits: Edit[] = [];
  const n = text.length;
  for (let i = text.indexOf('\r'); i >= 0 && i < n; i = text.indexOf('\r', i)) {
    let s = i;
    while (s > 0 && text.charCodeAt(s - 1) === 10) s--;
    let e = i;
    let rep = '';
    while (e < n) {
      const c = text.charCodeAt(e);
      if (c === 13) {
        rep += '\n';
        e += text.charCodeAt(e + 1) === 10 ? 2 : 1;
      } else if (c === 10) {
        rep += '\n';
        e++;
      } else break;
    }
    edits.push({ start: s, end: e, text: '\n'.repeat(i - s) + rep, kind: 'newline' });
    i = e;
  }
  return edits;
}

const RE_REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;
const RE_HYPHEN_SPACE_BREAK = /-[ \t]{1,64}\n/;

/**
 * Every regular expression this module uses, for tests (each must run in linear time on long
 * adversarial input: bounded quantifiers, no nested repetition over the same characters). The
 * contraction pattern built from RepairOptions.graveContractions is a sticky alternation of words.
 */
export const REPAIR_PATTERNS: Readonly<Record<string, RegExp>> = Object.freeze({
  letter: RE_LETTER,
  lower: RE_LOWER,
  letterOrDigit: RE_LETTER_OR_DIGIT,
  unusable: RE_UNUSABLE,
  markup: RE_MARKUP,
  control: RE_CONTROL,
  strayReplacement: RE_STRAY_FFFD,
  compat: RE_COMPAT,
  doubleSingleQuote: RE_DOUBLE_SINGLE,
  nfcChunk: RE_NFC_CHUNK,
  hyphenBreak: RE_HYPHEN_BREAK,
  hyphenSpaceBreak: RE_HYPHEN_SPACE_BREAK,
  regexSpecial: RE_REGEX_SPECIAL,
  cjk: RE_CJK,
  escapedTag: RE_ESCAPED_TAG,
  greek: RE_SCRIPTS[0],
  cyrillic: RE_SCRIPTS[1],
  hebrew: RE_SCRIPTS[2],
  arabic: RE_SCRIPTS[3],
  lowSurrogate: RE_LOW_SURROGATE,
});

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return true;
  return false;
}

/** One run of every pass; returns whether anything changed. */
function repairPass(t: EditTracker, graveNext: RegExp | null, opts: RepairOptions): boolean {
  t.apply(newlineEdits(t.text));
  const before = t.text;
  t.apply(markupEdits(t.text));
  if (hasNonAscii(t.text)) {
    // Text mis-decoded twice is repaired in rounds; from the second round on, only text that the
    // previous round produced is read again (double mojibake is wholly made of first-round output),
    // so that clean characters next to a repair ("ã" in lower-cased mojibake) are never pulled in.
    // A repeated pass reads the whole text afresh (as a second call would): the output is a fixed point.
    let mask: Uint8Array | null = null;
    for (let round = 0; round < 3; round++) {
      const edits = mojibakeEdits(t.text, graveNext, mask);
      if (edits.length === 0) break;
      t.apply(edits);
      mask = new Uint8Array(t.text.length);
      let delta = 0;
      for (const e of edits) {
        const ns = e.start + delta;
        mask.fill(1, ns, ns + e.text.length);
        delta += e.text.length - (e.end - e.start);
      }
    }
    t.apply(controlEdits(t.text));
    if (opts.dropStrayReplacement !== false) t.apply(strayReplacementEdits(t.text));
    t.apply(compatEdits(t.text));
    t.apply(quoteEdits(t.text));
    t.apply(nfcEdits(t.text));
  } else {
    t.apply(controlEdits(t.text));
  }
  // Joining hyphenated words and collapsing spaces uncover nothing the passes above would repair
  // (the property tests check it): a change by them alone does not call for another pass
  // (except a run of spaces made one after a non-ASCII character: "Ã" + tab becomes "Ã ", read as "à")
  let changed = t.text !== before;
  t.apply(hyphenationEdits(t.text));
  const ws = whitespaceEdits(t.text);
  for (const e of ws) if (e.text === ' ' && e.start > 0 && t.text.charCodeAt(e.start - 1) >= 0x80) changed = true;
  t.apply(ws);
  return changed;
}

/**
 * Runs every repair pass. Line breaks may be CR LF or CR (normalised here, kind 'newline').
 * Passes are repeated while they change something (at most 4 times), so that what one repair
 * uncovers ("&amp;lt;", mojibake inside an entity, spaces left by a removed tag) is repaired too
 * and repairing the output again changes nothing (as ftfy.fix_text, which loops to a fixed point).
 */
export function repairText(raw: string, opts: RepairOptions = {}): RepairOutput {
  const t = new EditTracker(raw);
  const graveNext = opts.graveContractions && opts.graveContractions.length
    ? new RegExp(`(?:${opts.graveContractions.map((w) => w.replace(RE_REGEX_SPECIAL, '\\$&')).join('|')})`, 'y')
    : null;
  for (let i = 0; i < 4 && repairPass(t, graveNext, opts); i++);
  return t.result();
}

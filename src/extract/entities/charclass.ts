// Unicode character classes of UTF-16 code units, for the hot loops of tokenization: one table lookup instead of a
// Unicode-property regex per token. Built lazily per block of 256 code units with the same \p{…} regexes it stands
// in for, so it agrees with them by construction. Surrogates are their own class: callers that meet one fall back
// to the regexes (astral letters are rare in press releases).

export const OTHER = 0, UPPER = 1, LOWER = 2, LETTER = 3, MARK = 4, DIGIT = 5, SURROGATE = 6;

const table = new Uint8Array(0x10000);
const built = new Uint8Array(0x100);
const LU = /\p{Lu}/u, LL = /\p{Ll}/u, L = /\p{L}/u, M = /\p{M}/u, N = /\p{N}/u;

function build(block: number): void {
  for (let c = block << 8, end = c + 256; c < end; c++) {
    if (c >= 0xd800 && c <= 0xdfff) { table[c] = SURROGATE; continue; }
    const ch = String.fromCharCode(c);
    table[c] = LU.test(ch) ? UPPER : LL.test(ch) ? LOWER : L.test(ch) ? LETTER : M.test(ch) ? MARK : N.test(ch) ? DIGIT : OTHER;
  }
  built[block] = 1;
}
build(0);

/** Class of a UTF-16 code unit: OTHER, UPPER (\p{Lu}), LOWER (\p{Ll}), LETTER (other \p{L}), MARK, DIGIT (\p{N}), SURROGATE. */
export function charClass(code: number): number {
  if (built[code >>> 8] === 0) build(code >>> 8);
  return table[code];
}

/** \p{L} or \p{N}. */
export const isAlnumClass = (k: number): boolean => k === UPPER || k === LOWER || k === LETTER || k === DIGIT;
/** \p{L}. */
export const isLetterClass = (k: number): boolean => k === UPPER || k === LOWER || k === LETTER;

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 makes a substring of 13 characters or more a
 * view of its parent string; a long-lived cache keyed by such substrings would hold every document they came from.
 * (Concatenation then slicing makes V8 flatten the pair into a new string first.)
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

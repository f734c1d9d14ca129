// The one helper that turns locale dictionaries into regex source (after chrono's matchAnyPattern).
// Alternatives are escaped and sorted longest first, so that "per cent" wins over "per".
// The result has no quantifier of its own: a plain alternation of literals is linear-time.

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `(?:a|b|c)` over the given words, longest first; spaces match one space or no-break/thin space. */
export function matchAny(words: Iterable<string>): string {
  const list = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (list.length === 0) return '(?!)';
  return `(?:${list.map((w) => escapeRegex(w).replace(/ /g, '[ \\u00a0\\u202f]')).join('|')})`;
}

/** Keys of a dictionary as an alternation, for `{ "january": 1, … }` style tables. */
export function matchAnyKey(dict: Record<string, unknown>): string {
  return matchAny(Object.keys(dict));
}

/** Unicode-aware word boundaries: lookarounds on letters and digits, since `\b` is ASCII-only. */
export const WB_BEFORE = '(?<![\\p{L}\\p{N}_])';
export const WB_AFTER = '(?![\\p{L}\\p{N}_])';

/** Languages pressx has locale data for; others fall back to the language-independent rules. */
export const LOCALES = ['en', 'fr', 'de', 'es', 'pt', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
export function toLocale(code: string | null | undefined): Locale | null {
  return (LOCALES as readonly string[]).includes(code ?? '') ? (code as Locale) : null;
}

// Calendar words, written once per language in src/locale/<lang>/calendar.ts: month and weekday names
// with their spelling variants and abbreviations. The dates, cleanup, figures and entities locale files
// take what they need from there with the helpers below. All words are lower case.

export interface Calendar {
  /** Month names in their usual spelling -> 1..12 (several per month where two are usual: de "jänner", es "setiembre"). */
  months: Record<string, number>;
  /** Other spellings of month names: without accents ("fevrier", "aout"), transliterated ("maerz"). */
  monthVariants: Record<string, number>;
  /** Month abbreviations, without the final dot -> 1..12. */
  monthAbbrevs: Record<string, number>;
  /** Weekday names in their usual spelling -> 1 (Monday) .. 7 (Sunday). */
  weekdays: Record<string, number>;
  /** Other spellings and regional weekday names ("miercoles", "segunda feira", "sonnabend"). */
  weekdayVariants: Record<string, number>;
  /** Weekday abbreviations, without the final dot -> 1..7. */
  weekdayAbbrevs: Record<string, number>;
}

/** The words of several dictionaries as one (later ones win on the same word). */
export function merge(...dicts: Array<Record<string, number>>): Record<string, number> {
  return Object.assign({}, ...dicts) as Record<string, number>;
}

/** A dictionary without the given words. */
export function omit(dict: Record<string, number>, words: readonly string[]): Record<string, number> {
  return Object.fromEntries(Object.entries(dict).filter(([w]) => !words.includes(w)));
}

/** The words of a dictionary, or of a word list, with a final dot ("jan" -> "jan."). */
export function dotted(words: Record<string, number> | string[]): string[] {
  return (Array.isArray(words) ? words : Object.keys(words)).map((w) => `${w}.`);
}

/** The words of a dictionary, or of a word list, with a capital first letter ("segunda-feira" -> "Segunda-feira"). */
export function capitalized(words: Record<string, number> | string[]): string[] {
  return (Array.isArray(words) ? words : Object.keys(words)).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
}

// Registry of the locale data used by the cleanup stage (src/extract/cleanup.ts).
// Adding a language is adding a file src/locale/<lang>/cleanup.ts and a line below.
import { en } from './en/cleanup.js';
import { fr } from './fr/cleanup.js';
import { de } from './de/cleanup.js';
import { es } from './es/cleanup.js';
import { pt } from './pt/cleanup.js';

export interface CleanupLocale {
  /** Month names and abbreviations, lower case -> 1..12. */
  months: Record<string, number>;
  /** Suffixes after a day number in a dateline ("st", "er", "."). */
  daySuffixes: string[];
  /** Words that may stand between day, month and year ("de" in "12 de mayo de 2025"). */
  dateConnectors: string[];
  /** Words a complete sentence does not end on: prepositions, articles, conjunctions, determiners, possessives. */
  functionWords: string[];
  /** Upper-case words that open a correction / update banner. */
  bannerWords: string[];
  /** Line starts (case-sensitive) of wire-service trailers: "View original content", "SOURCE". */
  trailerStarts: string[];
  /** Whole lines (case-insensitive, final punctuation ignored) that are page furniture. */
  boilerplateLines: string[];
  /** Line starts (case-insensitive) of short page-furniture lines: share, print, cookies, read more. */
  boilerplateStarts: string[];
  /** Author bios: a short paragraph near the end in the first person, or "X is a journalist …". */
  bio: {
    /** First-person singular words ("I", "my"). */
    firstPerson: string[];
    /** Words typical of a self-description ("passion", "profession"). */
    cues: string[];
    /** Occupations of the person who wrote the page ("journalist", "writer"). */
    professions: string[];
    /** Copulas between a name and an occupation ("is a", "est"). */
    copulas: string[];
  };
  /** Lower-case particles inside place names in a dateline ("Rio de Janeiro", "Frankfurt am Main"). */
  placeParticles: string[];
  /** Separable verb particles a headline may end on although they are also prepositions
   *  (de "Windhafen baut Terminal aus"). Only the title is let off; body lines ending on them stay cut off. */
  verbParticles?: string[];
  /** Portuguese-style contractions after "à" whose space was eaten by mojibake (àquele). */
  graveContractions?: string[];
}

export const CLEANUP_LOCALES: Record<string, CleanupLocale> = { en, fr, de, es, pt };

/** The data for one language, or every language merged (for 'und' and languages without data). */
export function cleanupLocales(lang: string): CleanupLocale[] {
  const one = CLEANUP_LOCALES[(lang ?? '').toLowerCase().split('-')[0]];
  return one ? [one] : Object.values(CLEANUP_LOCALES);
}

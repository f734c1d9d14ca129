import type { EntityTypeName } from '../../export/schema.js';

/**
 * One candidate mention from one source (rules, gazetteer, compromise, later a statistical tagger).
 * Sources only propose; src/extract/entities/resolve.ts picks non-overlapping mentions and groups them.
 */
export interface Candidate {
  start: number;
  end: number;
  /** null: a name-like span whose type no source could tell. */
  type: EntityTypeName | null;
  /** Confidence in [0, 1]; overlaps are won by the higher score, then the longer span. */
  score: number;
  source: string;
  /** Identity shared by different names of one thing (country:TR for Turkey and Türkiye). */
  key?: string;
  /** Index (in the candidate list) of the entity this mention is a defined alias or abbreviation of. */
  aliasOf?: number;
  /** The candidate ends with a legal form ("Co., Ltd."): a full company name. */
  legal?: boolean;
  /** Untyped names: their shape ("multi": 2-4 title-case words, "caps": all capitals, "single": one word, "other"). */
  shape?: 'multi' | 'caps' | 'single' | 'other';
  /** People: the role stated in an apposition. */
  role?: string | null;
}

/** A token of the text: a run of letters/digits (with inner hyphens, apostrophes, abbreviation dots). */
export interface Token {
  s: number;
  e: number;
  text: string;
  /** Starts with an upper-case letter, or is mixed-case like "iPhone". */
  cap: boolean;
  /** At least two letters and no lower-case letter. */
  upper: boolean;
  /** Only digits. */
  num: boolean;
  /** Followed by a possessive 's (excluded from the token). */
  poss: boolean;
  /** First word of a sentence or line. */
  sentStart: boolean;
  /** On a headline line (all caps or title case): capitalization says nothing there. */
  head: boolean;
  /** Index of the line (paragraph) the token is on. */
  line: number;
}

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
  /** Where the name starts without the lower-case head noun opening the candidate ("festival X" → "X"): a short form. */
  short?: number;
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

/**
 * Optional locale data read by the entity rules (declared here by module augmentation; a locale without them
 * behaves as before). Cue lists are lower-case words or phrases written right before a name, at most
 * `CUE_GAP` lower-case words (adjectives, "de X" complements) apart from it for organization and product cues.
 */
declare module '../../locale/entities.js' {
  interface EntityLocaleData {
    /** Head nouns that open an event name and may run on in lower case ("Salon international de …", "le festival X"). */
    eventHeads?: string[];
    /** Capitalized head nouns that open a place name and may run on in lower case ("Place des Arts", "Palais des sports de X"). */
    placeHeads?: string[];
    /** Type of names no source could type, per shape, overriding the built-in table. */
    untypedDefaults?: Partial<Record<'multi' | 'caps' | 'single' | 'other', EntityTypeName | null>>;
    /** First parts of hyphenated place names ("Saint" of "Saint-Nazaire"). */
    placePrefixes?: string[];
    /** Lower-case middle parts of hyphenated place names ("sur" of "Romans-sur-Isère"). */
    placeInfixes?: string[];
    /** Words right before a name that make it a place ("à X", "la commune de X"). */
    placeCues?: string[];
    /** Descriptor nouns before a name that make it an organization ("la fintech lyonnaise X", "chez X"). */
    orgCues?: string[];
    /** Descriptor nouns before a name that make it a person ("l'artiste X", "le gardien X"). */
    personCues?: string[];
    /** Descriptor nouns before a name that make it a product ("la gamme X", "son anticorps X"). */
    productCues?: string[];
    /** Phrases right before a name that make it an event ("lors du X", "à l'occasion de X"). */
    eventCues?: string[];
  }
}

// compromise's English lexicon (general-knowledge names and dictionary words shipped with the package), read from
// models/compromise-lex.txt.gz: the rules, the tagger's features and the place gazetteer take their word lists from
// it, so that no worker loads compromise itself (see scripts/compromise-lexicon.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ownString } from './charclass.js';

/** Path of the lexicon file. */
export const LEXICON_PATH = fileURLToPath(new URL('../../../models/compromise-lex.txt.gz', import.meta.url));

/** [word, tags] of every lexicon entry, read from the file (compromiseWords keeps what pressx uses of it). */
export function compromiseLexicon(): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  for (const line of gunzipSync(readFileSync(LEXICON_PATH)).toString('utf8').split('\n')) {
    const tab = line.indexOf('\t');
    // (Copies: the callers keep the words in their sets, which must not hold the whole file's text.)
    if (tab > 0) out.push([ownString(line.slice(0, tab)), line.slice(tab + 1).split(',')]);
  }
  return out;
}

/** The word lists pressx takes from the lexicon (lower case, as compromise writes them). */
export interface CompromiseWords {
  /** Given names (FirstName, MaleName, FemaleName). */
  first: Set<string>;
  /** Family names. */
  last: Set<string>;
  /** Organizations and sports teams. */
  orgs: Set<string>;
  /** Countries, cities and regions. */
  places: string[];
  /** Dictionary words: nouns, verbs, adjectives, adverbs, prepositions, determiners, conjunctions, pronouns. */
  dictionary: Set<string>;
  /** Words with no name-like tag (no person, place, organization, date or acronym tag). */
  nonNames: Set<string>;
}

const DICTIONARY_TAGS = new Set(['Noun', 'Verb', 'Adjective', 'Adverb', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun']);
const NAMEISH_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific', 'Organization', 'SportsTeam',
  'Country', 'City', 'Region', 'Place', 'ProperNoun', 'Demonym', 'Month', 'WeekDay', 'Date', 'Acronym']);
let words: CompromiseWords | null = null;

/** The lexicon's word lists, read once (the rules, the tagger's features and the gazetteer share them). */
export function compromiseWords(): CompromiseWords {
  if (words) return words;
  const w: CompromiseWords = { first: new Set(), last: new Set(), orgs: new Set(), places: [], dictionary: new Set(), nonNames: new Set() };
  for (const [word, tags] of compromiseLexicon()) {
    if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) w.first.add(word);
    if (tags.includes('LastName')) w.last.add(word);
    if (tags.includes('Organization') || tags.includes('SportsTeam')) w.orgs.add(word);
    if (tags.includes('Country') || tags.includes('City') || tags.includes('Region')) w.places.push(word);
    if (tags.some((t) => DICTIONARY_TAGS.has(t))) w.dictionary.add(word);
    if (!tags.some((t) => NAMEISH_TAGS.has(t))) w.nonNames.add(word);
  }
  words = w;
  return w;
}

// Cross-lingual lexicons of the entity tagger: the German model (models/de.bin) is trained on Dutch data whose
// common nouns are capitalized as German writes them (scripts/train.ts), with features that transfer: a word's
// relation to a common-noun lexicon (German: models/xling-lex.txt.gz, derived by scripts/de-lexicon.ts from
// general word lists; Dutch training data: nouns of the other folds of the training file), function words mapped
// to their Dutch counterparts, and shared lists of given names, family names and cities.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DE_FUNCTION_WORDS, DE_TO_NL } from '../../locale/de/xling.js';
import { ownString } from '../entities/charclass.js';

/** Languages tagged by a cross-lingual model. */
export const XLING_LANGS = new Set(['de']);

/** English function and frame words mapped to Dutch, for English training data of a cross-lingual model. */
const EN_TO_NL: Record<string, string> = {
  the: 'de', a: 'een', an: 'een', of: 'van', in: 'in', to: 'naar', for: 'voor', with: 'met', on: 'op', at: 'in', by: 'door', from: 'uit',
  about: 'over', under: 'onder', between: 'tussen', against: 'tegen', through: 'door', since: 'sinds', during: 'tijdens', without: 'zonder',
  before: 'voor', after: 'na', until: 'tot', according: 'volgens', and: 'en', or: 'of', but: 'maar', that: 'dat', as: 'als', if: 'als',
  because: 'omdat', also: 'ook', still: 'nog', not: 'niet', no: 'geen', only: 'alleen', already: 'al', very: 'zeer', he: 'hij', she: 'zij',
  it: 'het', we: 'wij', i: 'ik', they: 'zij', his: 'zijn', her: 'haar', their: 'hun', this: 'deze', these: 'deze', is: 'is', are: 'zijn',
  was: 'was', were: 'waren', will: 'zal', be: 'worden', been: 'geweest', has: 'heeft', have: 'hebben', had: 'had', can: 'kan', must: 'moet',
  said: 'zei', says: 'zegt', so: 'zo', here: 'hier', there: 'daar', now: 'nu', today: 'vandaag', yesterday: 'gisteren', tomorrow: 'morgen',
  new: 'nieuwe', first: 'eerste', two: 'twee', three: 'drie', mr: 'heer', mrs: 'mevrouw', ms: 'mevrouw', president: 'president',
  minister: 'minister', mayor: 'burgemeester', coach: 'trainer', spokesman: 'woordvoerder', spokeswoman: 'woordvoerster',
  chairman: 'voorzitter', director: 'directeur', chief: 'chef', founder: 'oprichter', premier: 'premier', city: 'stad', country: 'land',
  province: 'provincie', university: 'universiteit', party: 'partij', government: 'regering', ministry: 'ministerie', company: 'bedrijf',
  group: 'groep', bank: 'bank', newspaper: 'krant', singer: 'zanger', player: 'speler', striker: 'aanvaller', team: 'ploeg', club: 'club',
  river: 'rivier', stadium: 'stadion', capital: 'hoofdstad', north: 'noord', south: 'zuid', east: 'oost', west: 'west', saint: 'sint', st: 'sint',
};

/** Function words of a language mapped to the training language's (Dutch) counterparts. */
export const CANON: Record<string, Map<string, string>> = { de: new Map(Object.entries(DE_TO_NL)), en: new Map(Object.entries(EN_TO_NL)), nl: new Map() };

/** A set of words to look up. */
export interface WordSet { has(w: string): boolean }

/**
 * A sorted word list searched by bisection, kept as the file holds it: one string of lines in JavaScript string order
 * plus the start of each line (about 4 MB for the 235,000 words of the German lists, instead of 10 MB as separate
 * strings, and no hashing at load time).
 */
export class SortedWords implements WordSet {
  private readonly starts: Uint32Array;
  constructor(private readonly text: string) {
    let n = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    if (text.length > 0 && text.charCodeAt(text.length - 1) !== 10) n++;
    this.starts = new Uint32Array(n + 1);
    let k = 0;
    this.starts[0] = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts[++k] = i + 1;
    this.starts[n] = text.length + (text.length > 0 && text.charCodeAt(text.length - 1) !== 10 ? 1 : 0);
  }
  get size(): number { return this.starts.length - 1; }
  /** Compares w with line j (its end excludes the newline), as JavaScript compares strings. */
  private cmp(w: string, j: number): number {
    const a = this.starts[j], len = this.starts[j + 1] - 1 - a;
    const t = this.text;
    const m = Math.min(len, w.length);
    for (let i = 0; i < m; i++) {
      const d = w.charCodeAt(i) - t.charCodeAt(a + i);
      if (d !== 0) return d;
    }
    return w.length - len;
  }
  has(w: string): boolean {
    let lo = 0, hi = this.starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.cmp(w, mid);
      if (c === 0) return true;
      if (c > 0) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }
}

/** `s` as a one-byte string when every character is Latin-1 (V8 stores those in half the space). */
function compactString(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return s;
  return Buffer.from(s, 'latin1').toString('latin1');
}

export interface XlingLists {
  nouns: WordSet; first: Set<string>; last: Set<string>; cities: string[];
  /** German function words; Dutch function words; German adjective lemmas; German verb forms (all lower case). */
  stop: Set<string>; stopNl: Set<string>; adj: WordSet; verbs: WordSet;
}
let lists: XlingLists | null = null;

/** The general word lists of models/xling-lex.txt.gz (nouns and names lower-cased; cities as written). */
export function xlingLists(): XlingLists {
  if (lists) return lists;
  const path = fileURLToPath(new URL('../../../models/xling-lex.txt.gz', import.meta.url));
  // Each section decoded from the bytes on its own, so that no string keeps the whole file alive, and held in one
  // byte a character where it can be (Latin-1: the German lists), not two.
  const raw = gunzipSync(readFileSync(path));
  const section = new Map<string, string>();
  for (let at = 0; at < raw.length;) {
    const nl = raw.indexOf(10, at);
    const headEnd = nl < 0 ? raw.length : nl;
    let end = raw.indexOf('\n#', headEnd);
    if (end < 0) end = raw.length;
    const head = raw.toString('utf8', at, headEnd);
    if (head.startsWith('#')) section.set(head.slice(1), compactString(raw.toString('utf8', Math.min(headEnd + 1, end), end)));
    at = end + 1;
  }
  const list = (name: string) => (section.get(name) ?? '').split('\n').filter(Boolean).map(ownString);
  /** A sorted section as one string ("\n" after each word). */
  const sorted = (name: string) => { const t = (section.get(name) ?? '').replace(/\n+$/, ''); return t ? t + '\n' : ''; };
  const out: XlingLists = {
    nouns: new SortedWords(sorted('nouns')),
    first: new Set(list('first').map((w) => w.toLowerCase())),
    last: new Set(list('last').map((w) => w.toLowerCase())),
    cities: list('cities'),
    stop: new Set([...DE_FUNCTION_WORDS, ...list('stop')]),
    stopNl: new Set(list('stop-nl')),
    adj: new SortedWords(sorted('adj')),
    verbs: new SortedWords(sorted('verbs')),
  };
  lists = out;
  return out;
}

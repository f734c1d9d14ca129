// compromise's English lexicon (general-knowledge names and dictionary words shipped with the package), read from
// models/compromise-lex.txt.gz: the rules, the tagger's features and the place gazetteer take their word lists from
// it, so that no worker loads compromise itself (see scripts/compromise-lexicon.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ownString } from './charclass.js';

/** Path of the lexicon file. */
export const LEXICON_PATH = fileURLToPath(new URL('../../../models/compromise-lex.txt.gz', import.meta.url));

/**
 * [word, tags] of every lexicon entry. Not kept: each caller builds and caches the word sets it needs (three callers,
 * once each), and the 24,000 entries would otherwise stay in every worker's heap.
 */
export function compromiseLexicon(): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  for (const line of gunzipSync(readFileSync(LEXICON_PATH)).toString('utf8').split('\n')) {
    const tab = line.indexOf('\t');
    // (Copies: the callers keep the words in their sets, which must not hold the whole file's text.)
    if (tab > 0) out.push([ownString(line.slice(0, tab)), line.slice(tab + 1).split(',')]);
  }
  return out;
}

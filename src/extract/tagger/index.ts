// The entity tagger as a candidate source for src/extract/entities.ts: loads models/<lang>.bin (trained by
// `npm run train`), tags running text and returns person/organization/place spans as candidates.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityTypeName } from '../../export/schema.js';
import type { Candidate } from '../entities/types.js';
import { tagLexicon, tokenizeForTagger } from './features.js';
import { deserialize, spansOf, tagWords, type TaggerModel } from './model.js';

/** models/ at the package root: three levels up from src/extract/tagger and from dist/extract/tagger. */
const MODELS_DIR = new URL('../../../models/', import.meta.url);
const cache = new Map<string, TaggerModel | null>();

/** Path of a language's model file. */
export function modelPath(lang: string): string {
  return fileURLToPath(new URL(`${lang}.bin`, MODELS_DIR));
}

/** The model of a language, loaded once; null when there is none. */
export function loadTagger(lang: string): TaggerModel | null {
  if (cache.has(lang)) return cache.get(lang)!;
  const path = modelPath(lang);
  const model = /^[a-z]{2}$/.test(lang) && existsSync(path) ? deserialize(readFileSync(path)) : null;
  cache.set(lang, model);
  return model;
}

export function hasTagger(lang: string): boolean {
  return loadTagger(lang) !== null;
}

const TYPE: Record<string, EntityTypeName | null> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: null };

export interface TaggedSpan {
  start: number;
  end: number;
  type: string;
  /** Every word of the span is a common dictionary word ("Future", "Internet of Vehicles"): weak evidence. */
  common: boolean;
}

/** Entity spans (character offsets, CoNLL types PER/ORG/LOC/MISC) the tagger finds in the text. */
export function tagText(text: string, lang: string, model: TaggerModel | null = loadTagger(lang)): TaggedSpan[] {
  if (!model || !text) return [];
  const lx = tagLexicon(lang);
  const out: TaggedSpan[] = [];
  for (const sent of tokenizeForTagger(text)) {
    // Title-case headlines ("Strategic Blueprint for Intelligent Mobility"): capitalization says nothing there.
    let words = 0, caps = 0, uppers = 0, capCommon = 0;
    for (const t of sent) {
      if (!/^\p{L}/u.test(t.text) || (t.text.length <= 3 && /^\p{Ll}/u.test(t.text))) continue;
      words++;
      if (/^\p{Lu}/u.test(t.text)) { caps++; if (lx.common.has(t.text.toLowerCase())) capCommon++; }
      if (t.text.length > 1 && t.text === t.text.toUpperCase()) uppers++;
    }
    if (words >= 4 && caps >= 0.8 * words && uppers < 0.5 * words && capCommon >= 0.5 * words) continue;
    const tags = tagWords(model, sent.map((t) => t.text), lx);
    for (const sp of spansOf(tags)) {
      let end = sp.end;
      // A span never ends on a possessive or a lone punctuation token.
      while (end > sp.start + 1 && !/[\p{L}\p{N}]/u.test(sent[end - 1].text)) end--;
      if (!/[\p{L}\p{N}]/u.test(sent[sp.start].text)) continue;
      let common = true;
      for (let k = sp.start; k < end && common; k++) {
        const w = sent[k].text;
        if (/\p{L}/u.test(w) && (!lx.common.has(w.toLowerCase()) || (w.length > 1 && w === w.toUpperCase()))) common = false;
      }
      out.push({ start: sent[sp.start].s, end: sent[end - 1].e, type: sp.type, common });
    }
  }
  return out;
}

/** Tagger spans as entity candidates (MISC spans are left out). */
export function taggerCandidates(text: string, lang: string, score = 0.85, commonScore = score): Candidate[] {
  const out: Candidate[] = [];
  for (const sp of tagText(text, lang)) {
    // A name starts with a capital or a digit; a lower-case span is a tagging slip ("energía solar").
    if (!/^[\p{Lu}\p{N}]/u.test(text[sp.start] ?? '')) continue;
    const type = TYPE[sp.type];
    if (sp.common) { if (commonScore > 0 && type) out.push({ start: sp.start, end: sp.end, type, score: commonScore, source: 'tagger-common' }); continue; }
    if (type) out.push({ start: sp.start, end: sp.end, type, score, source: 'tagger' });
  }
  return out;
}

// The entity tagger as a candidate source for src/extract/entities.ts: loads models/<lang>.bin (trained by
// `npm run train`), tags running text and returns person/organization/place spans as candidates.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityTypeName } from '../../export/schema.js';
import type { Candidate } from '../entities/types.js';
import { tagLexicon, tokenizeForTagger, type TagToken } from './features.js';
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
  /** In a title-case line (a headline with a function word): kept only when the document repeats the name. */
  heading?: boolean;
}

/** 0: the token does not start with a letter; 1: lower-case (or caseless) initial; 2: upper-case initial. */
function letterKind(w: string): 0 | 1 | 2 {
  const ch = w.charCodeAt(0);
  if (ch >= 97 && ch <= 122) return 1;
  if (ch >= 65 && ch <= 90) return 2;
  if (ch < 128) return 0;
  if (/^\p{Lu}/u.test(w)) return 2;
  return /^\p{L}/u.test(w) ? 1 : 0;
}

/** Entity spans (character offsets, CoNLL types PER/ORG/LOC/MISC) the tagger finds in the text. */
export function tagText(text: string, lang: string, model: TaggerModel | null = loadTagger(lang), lows: Set<string> | null = null): TaggedSpan[] {
  if (!model || !text) return [];
  const lx = tagLexicon(lang);
  const out: TaggedSpan[] = [];
  for (const sent of tokenizeForTagger(text)) {
    // Title-case headlines ("Strategic Blueprint for Intelligent Mobility"): capitalization says nothing there.
    // First a cheap count of words and capitalized words; the costlier checks only for mostly capitalized lines.
    let words = 0, caps = 0;
    for (const t of sent) {
      const k = letterKind(t.text);
      if (k === 0 || (k === 1 && t.text.length <= 3)) continue;
      words++;
      if (k === 2) caps++;
    }
    if (words >= 4 && caps >= 0.8 * words) {
      let uppers = 0, capCommon = 0;
      for (const t of sent) {
        const k = letterKind(t.text);
        if (k === 0 || (k === 1 && t.text.length <= 3)) continue;
        if (k === 2 && lx.common.has(t.text.toLowerCase())) capCommon++;
        if (t.text.length > 1 && t.text === t.text.toUpperCase()) uppers++;
      }
      if (uppers < 0.5 * words && capCommon >= 0.5 * words) continue;
    }
    const heading = lows ? isTitleHeading(sent, lx, lows) : 0;
    if (heading === 2) continue;
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
      out.push({ start: sent[sp.start].s, end: sent[end - 1].e, type: sp.type, common, heading: heading === 1 });
    }
  }
  return out;
}

/**
 * A title-case heading ("Co-Define — Shaping the Strategic Blueprint for Intelligent Mobility"): at least four words,
 * every word of four letters or more capitalized (not all capitals), and a lower-case function word or mostly
 * dictionary words among them. Capitalization says nothing there.
 */
function isTitleHeading(sent: TagToken[], lx: ReturnType<typeof tagLexicon>, lows: Set<string>): 0 | 1 | 2 {
  let long = 0, common = 0, fn = 0;
  for (const t of sent) {
    const w = t.text;
    if (/^\p{N}/u.test(w) || w === '.') return 0;
    if (!/^\p{L}/u.test(w)) continue;
    if (/^\p{Ll}/u.test(w)) { if (w.length <= 3) { fn++; continue; } return 0; }
    if (w.length < 2 || (w.length > 1 && w === w.toUpperCase())) continue;
    long++;
    if (lx.common.has(w.toLowerCase()) || lows.has(w.toLowerCase())) common++;
  }
    return long < 4 || fn === 0 ? 0 : common >= 0.3 * long ? 2 : 1;
}

const WORD_RE = /\p{L}[\p{L}\p{M}'’\-]*/gu;

/** Lower-case words of a document (not after a sentence end): the common words it uses. */
function lowerWords(text: string): Set<string> {
  const out = new Set<string>();
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const c = m[0].charCodeAt(0);
    if (c >= 97 && c <= 122 || (c > 127 && m[0][0] !== m[0][0].toUpperCase())) out.add(m[0]);
  }
  return out;
}

/**
 * Tagger spans as entity candidates (MISC spans are left out). `press` adds document-level checks for press releases
 * (English): title-case headings are skipped; a span made only of words the document also writes in lower case
 * ("Innovation", "Building", "Collaborative User Ecosystem") is dropped; spans stop at an inner possessive; one form
 * gets one type (majority of its mentions); a one-word "person" named three times or more that the document never
 * writes as a full name, and that no name list knows, is an organization (press releases introduce people in full).
 */
export function taggerCandidates(text: string, lang: string, score = 0.85, commonScore = score, press = false): Candidate[] {
  const out: Candidate[] = [];
  const lx = tagLexicon(lang);
  const lows = press ? lowerWords(text) : null;
  const spans: Array<{ start: number; end: number; type: EntityTypeName; source: string; form: string }> = [];
  for (const sp of tagText(text, lang, loadTagger(lang), lows)) {
    // A name starts with a capital or a digit; a lower-case span is a tagging slip ("energía solar").
    if (!/^[\p{Lu}\p{N}]/u.test(text[sp.start] ?? '')) continue;
    const type = TYPE[sp.type];
    if (!type) continue;
    if (sp.common) { if (commonScore > 0) spans.push({ start: sp.start, end: sp.end, type, source: 'tagger-common', form: text.slice(sp.start, sp.end) }); continue; }
    let end = sp.end;
    let form = text.slice(sp.start, end);
    if (sp.heading && text.indexOf(form, text.indexOf(form) + 1) < 0) continue;
    if (lows) {
      const poss = /['’]s\s/u.exec(form);
      if (poss) { end = sp.start + poss.index; form = text.slice(sp.start, end); }
      const words = form.match(WORD_RE) ?? [];
      let allLow = words.length > 0;
      for (const w of words) {
        if (/^\p{Ll}/u.test(w) && w.length <= 3) continue;
        if (w.length > 1 && w === w.toUpperCase()) { allLow = false; break; }
        const l = w.toLowerCase().replace(/['’]s$/, '');
        if (!lows.has(l) && !lows.has(l + 's') && !(l.endsWith('s') && lows.has(l.slice(0, -1)))) { allLow = false; break; }
      }
      if (allLow && !lx.places.has(form.toLowerCase())) continue;
    }
    spans.push({ start: sp.start, end, type, source: 'tagger', form });
  }
  if (press) {
    const votes = new Map<string, Map<EntityTypeName, number>>();
    const fullPersonWords = new Set<string>();
    for (const sp of spans) {
      let v = votes.get(sp.form);
      if (!v) votes.set(sp.form, (v = new Map()));
      v.set(sp.type, (v.get(sp.type) ?? 0) + 1);
      if (sp.type === 'person' && /\s/.test(sp.form)) for (const w of sp.form.split(/\s+/)) fullPersonWords.add(w);
    }
    const typeOf = new Map<string, EntityTypeName>();
    for (const [form, v] of votes) {
      let best: EntityTypeName | null = null, bn = 0, total = 0;
      for (const [t, n] of v) { total += n; if (n > bn) { bn = n; best = t; } }
      if (best === 'person' && !/\s/.test(form) && total >= 3 && !fullPersonWords.has(form)) {
        const l = form.toLowerCase();
        if (!lx.firstNames.has(l) && !lx.lastNames.has(l)) best = 'organization';
      }
      typeOf.set(form, best!);
    }
    for (const sp of spans) sp.type = typeOf.get(sp.form) ?? sp.type;
  }
  for (const sp of spans) out.push({ start: sp.start, end: sp.end, type: sp.type, score: sp.source === 'tagger' ? score : commonScore, source: sp.source });
  return out;
}

// Named entities: one EntityItem per real thing per document (organization, person, place, product, event).
//
// Candidate sources each propose typed (or untyped) spans: the rules of src/extract/entities/rules.ts (capitalized
// runs typed by legal forms, titles, role appositions, keywords, gazetteer, name lexicons; definitions and
// abbreviations; lists of brands) and, for English, compromise on the sentences the rules could not type.
// A later statistical tagger is one more source: push its candidates into `cands` with its own scores.
// resolve: the best non-overlapping candidates win; known forms are propagated to their other occurrences;
// mentions are grouped (same form, country alternates, definitions, name prefixes, surnames) into entities.
import type { EntityItem, EntityTypeName } from '../export/schema.js';
import { compromiseCandidates, sentenceAround } from './entities/compromise.js';
import { ownString } from './entities/charclass.js';
import { gazKey, placeGazetteer } from './entities/gazetteer.js';
import { brandListCandidates, compile, datelineAgencyCandidates, definitionCandidates, roleAfter, runCandidates } from './entities/rules.js';
import { tokenize } from './entities/tokens.js';
import { hasTagger, taggerCandidates } from './tagger/index.js';
import type { Candidate } from './entities/types.js';

export type { Candidate } from './entities/types.js';

export interface EntityOptions {
  /**
   * compromise on English sentences holding names the rules could not type: 'type' lets it type those names,
   * 'add' also adds its own people/places/organizations, false leaves it out. Default false: measured
   * on conll2003-en, 'type' gains 1.2 points of F1 (72.7 vs 71.5) but loses 1.2 on the seeds, and
   * compromise parses at about 0.05–0.1 MB/s, which took the whole pipeline from ~0.8 to 0.1 MB/s.
   * compromise's lexicon still serves English (and every language) as a place gazetteer.
   */
  compromise?: 'type' | 'add' | false;
  /** Type given to names no source could type; null drops them. Default: per language and shape, see DEFAULT_UNTYPED. */
  untyped?: EntityTypeName | null;
  /** Mentions an untyped single word needs to be kept (default 2). */
  minSingleMentions?: number;
  /** Extra candidates from another source, offsets into `text`. */
  extra?: Candidate[];
  /**
   * The statistical tagger (src/extract/tagger, for languages with a model in models/): 'add' puts its spans
   * among the rule candidates; 'lead' also drops the rule candidates it supersedes (untyped capitalized runs,
   * name lexicons, keywords), keeping legal forms, titles, definitions, gazetteer, events and brand lists; false
   * leaves it out. Default: TAGGER_DEFAULT per language.
   */
  tagger?: 'add' | 'lead' | false;
  /** Score of tagger candidates in the overlap contest (default TAGGER_SCORE). */
  taggerScore?: number;
  /** Score of tagger spans made only of common dictionary words (0: dropped). Default TAGGER_COMMON_SCORE. */
  taggerCommonScore?: number;
}

/**
 * Per language. Measured through the CLI: 'lead' takes conll2002-es from 64.1 to 76.3 and conll2002-nl from 59.5 to
 * 76.6; in English, with the press-release checks of taggerCandidates (headings, words the document writes in lower
 * case, one type per form, role prefixes) and product keywords outranking it, conll2003-en from 71.5 to 87.4 while the
 * seeds stay at 95.5.
 */
const TAGGER_DEFAULT: Record<string, 'add' | 'lead' | false> = { en: 'lead', es: 'lead', nl: 'lead', de: 'lead' };
const TAGGER_SCORE = 0.85;
const TAGGER_COMMON_SCORE = 0;
/** Rule sources kept beside the tagger in 'lead' mode: press-release knowledge the training corpora lack. */
const KEEP_WITH_TAGGER = new Set(['legal', 'title', 'event-keyword', 'gazetteer', 'brand-list', 'product-keyword', 'role-apposition', 'dateline-agency']);

/**
 * What an untyped capitalized name most often is, per language and shape (measured on the dev corpora):
 * 2-4 title-case words are mostly people, all capitals mostly organizations; a single word is kept as an
 * organization only when the document names it at least twice.
 */
type Shape = NonNullable<Candidate['shape']>;
const DEFAULT_UNTYPED: Record<string, Record<Shape, EntityTypeName | null>> = {
  en: { multi: 'person', caps: 'organization', single: 'organization', other: 'organization' },
  fr: { multi: 'person', caps: 'organization', single: 'organization', other: 'organization' },
  es: { multi: 'person', caps: 'organization', single: 'organization', other: 'organization' },
  pt: { multi: 'person', caps: 'organization', single: 'organization', other: 'organization' },
  nl: { multi: 'person', caps: 'organization', single: 'organization', other: 'organization' },
  de: { multi: null, caps: 'organization', single: null, other: null },
};
const MIN_SINGLE_MENTIONS = 2;

const MAX_COMPROMISE_CHARS = 20000;

/** normForm's recent results: the same forms come back many times in a document and across documents (bounded). */
const NORM_CACHE = new Map<string, string>();
const NORM_CACHE_MAX = 20000;

function normForm(s: string): string {
  let v = NORM_CACHE.get(s);
  if (v === undefined) {
    if (NORM_CACHE.size >= NORM_CACHE_MAX) NORM_CACHE.clear();
    v = ownString(normFormOf(s));
    NORM_CACHE.set(ownString(s), v);
  }
  return v;
}

function normFormOf(s: string): string {
  return gazKey(s).replace(/\s+/g, ' ').replace(/^(?:the|la|le|les|l'|der|die|das|el|los|las) /, '').replace(/'s$/, '').replace(/[.,]+$/, '').trim();
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** The code point ending before `i` (before = true, i = index - 1) or starting at `i` is a letter, digit or underscore. */
function isWordChar(text: string, i: number, before: boolean): boolean {
  if (i < 0 || i >= text.length) return false;
  let cp = text.charCodeAt(i);
  if (before && cp >= 0xdc00 && cp <= 0xdfff && i > 0) cp = text.codePointAt(i - 1)!;
  else if (!before) cp = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

class UnionFind {
  p: number[] = [];
  add(): number { this.p.push(this.p.length); return this.p.length - 1; }
  find(x: number): number {
    let r = x;
    while (this.p[r] !== r) r = this.p[r];
    while (this.p[x] !== r) { const nx = this.p[x]; this.p[x] = r; x = nx; }
    return r;
  }
  union(a: number, b: number): void { const x = this.find(a), y = this.find(b); if (x !== y) this.p[y] = x; }
}

export function extractEntities(text: string, lang: string, options: EntityOptions = {}): EntityItem[] {
  if (!text) return [];
  const c = compile(lang);
  const { tokens } = tokenize(text, lang === 'fr', c.abbrevBefore);
  let cands: Candidate[] = runCandidates(text, tokens, c);
  cands.push(...brandListCandidates(text, tokens, c));
  cands.push(...datelineAgencyCandidates(text, c));
  const taggerMode = options.tagger ?? TAGGER_DEFAULT[lang] ?? false;
  if (taggerMode && hasTagger(lang)) {
    // Short forms of the document's legal companies ("Felsenau" for "Felsenau Instruments AG"): organizations, whatever
    // the tagger reads ("Harbourline" as a person).
    const orgPrefixes = new Set<string>();
    const orgWords = new Set<string>();
    const places = placeGazetteer(lang);
    const gazHas = (l: string) => places.has(l);
    for (const x of cands) {
      if (!x.legal) continue;
      const words = text.slice(x.start, x.end).split(/\s+/);
      const n = words.length - 1;
      for (let w = 1; w <= n; w++) { const f = normForm(words.slice(0, w).join(' ')); if (!gazHas(f)) orgPrefixes.add(f); }
      // Any distinctive word of a legal name ("Qiaolan" in "Ningbo Qiaolan Drive Technology Co., Ltd.").
      for (const w of words.slice(0, -1)) { const l = normForm(w); if (l.length >= 4 && /^\p{Lu}/u.test(w) && !c.orgKw.has(l) && !c.stop.has(l) && !gazHas(l)) orgWords.add(l); }
    }
    if (taggerMode === 'lead') {
      cands = cands.filter((x) => KEEP_WITH_TAGGER.has(x.source));
      // Lists of brands are press-release knowledge the tagger lacks: they outrank it.
      // So are product names ending in a product keyword ("… Hybrid Platform"), which the tagger reads as organizations.
      for (const x of cands) if (x.source === 'brand-list' || (x.source === 'product-keyword' && lang === 'en')) x.score = Math.max(x.score, 0.9);
    }
    const gazAt = new Map<string, string>();
    for (const x of cands) if (x.source === 'gazetteer' && x.key) gazAt.set(`${x.start}:${x.end}`, x.key);
    for (const x of taggerCandidates(text, lang, options.taggerScore ?? TAGGER_SCORE, options.taggerCommonScore ?? TAGGER_COMMON_SCORE, lang === 'en')) {
      const surface = text.slice(x.start, x.end);
      // Roles and keywords alone ("Managing Director", "Communications") are not names.
      const words = surface.split(/\s+/);
      if (lang === 'en' && words.every((w) => { const l = w.toLowerCase(); return c.roleWords.has(l) || c.roleWords.has(l.replace(/s$/, '')) || c.orgKw.has(l) || c.stop.has(l); })) continue;
      // Number words never start a name ("[$1.2] Billion Tindal Creek Expansion").
      const num = /^(?:Million|Billion|Trillion|Thousand|Hundred)\s+/i.exec(surface);
      if (num) { x.start += num[0].length; if (x.start >= x.end) continue; }
      // A span never ends on a lower-case word ("… Copper Output and").
      const tail = /(?:\s+\p{Ll}[\p{L}\-]*)+$/u.exec(surface);
      if (tail) { x.end -= tail[0].length; if (x.end <= x.start) continue; }
      const form = normForm(text.slice(x.start, x.end));
      if (x.type !== 'organization' && orgPrefixes.has(form)) x.type = 'organization';
      if (x.type === 'person' && orgWords.has(form)) x.type = 'organization';
      // A name ending in an organization keyword ("… Growth Fund", "… Partners") is an organization.
      const last = words[words.length - 1].toLowerCase();
      if (x.type === 'person' && words.length > 1 && c.orgKw.has(last)) x.type = 'organization';
      // A place the gazetteer knows keeps its identity ("Turkey" and "Türkiye").
      const key = x.type === 'place' ? gazAt.get(`${x.start}:${x.end}`) : undefined;
      if (key) x.key = key;
      // A role before "of" is not part of the organization ("Executive Vice President of X International").
      const m = /^((?:[\p{L}\-]+\s+){0,5})of\s+(?:the\s+)?/u.exec(text.slice(x.start, x.end));
      if (m && m[1] && m[1].trim().split(/\s+/).every((w) => c.roleWords.has(w.toLowerCase()))) {
        if (x.type === 'person') continue;
        x.start += m[0].length;
      }
      cands.push(x);
    }
  }
  if (options.extra) cands.push(...options.extra);

  // English: compromise reads only the sentences holding names the rules left untyped.
  const compromiseMode = options.compromise ?? false;
  if (lang === 'en' && compromiseMode) {
    let budget = MAX_COMPROMISE_CHARS;
    let lastEnd = -1;
    const untyped = cands.filter((x) => x.type === null).sort((a, b) => a.start - b.start);
    for (const u of untyped) {
      if (u.start < lastEnd) continue;
      const [s, e] = sentenceAround(text, u.start);
      if (e - s > budget) break;
      budget -= e - s;
      lastEnd = e;
      for (const k of compromiseCandidates(text, s, e)) {
        // A compromise span that covers an untyped run types it.
        for (const x of untyped) {
          if (x.type === null && x.start >= k.start && x.end <= k.end && x.start < e && x.end > s) { x.type = k.type; x.score = 0.55; x.source = 'capitalized+compromise'; }
        }
        if (compromiseMode === 'add') cands.push(k);
      }
    }
  }
  cands.push(...definitionCandidates(text, cands, c));

  // Select: higher score, then longer span, wins an overlap.
  const order = cands.map((_, k) => k).sort((a, b) => cands[b].score - cands[a].score || (cands[b].end - cands[b].start) - (cands[a].end - cands[a].start) || cands[a].start - cands[b].start);
  const taken = new Uint8Array(text.length + 1);
  /** Index in sel of the mention covering each position (-1: none). */
  const owner = new Int32Array(text.length + 1).fill(-1);
  const sel: Candidate[] = [];
  const selIndexOfCand = new Map<number, number>();
  for (const k of order) {
    const x = cands[k];
    if (x.end <= x.start || x.start < 0 || x.end > text.length) continue;
    let free = true;
    for (let p = x.start; p < x.end; p++) if (taken[p]) { free = false; break; }
    if (!free) continue;
    for (let p = x.start; p < x.end; p++) { taken[p] = 1; owner[p] = sel.length; }
    selIndexOfCand.set(k, sel.length);
    sel.push(x);
  }
  const table = { ...(DEFAULT_UNTYPED[lang] ?? DEFAULT_UNTYPED.en), ...(c.loc.untypedDefaults ?? {}) };
  const minSingle = options.minSingleMentions ?? MIN_SINGLE_MENTIONS;
  /** Type of a group no source typed, from the shape of its first name (and, for one word, its mention count). */
  const untypedDefault = (root: number, count: number): EntityTypeName | null => {
    if (options.untyped !== undefined) return options.untyped;
    const shape: Shape = shapeOf.get(uf.find(root)) ?? 'other';
    const t = table[shape];
    if (shape === 'single' && count < minSingle) return null;
    return t;
  };

  const uf = new UnionFind();
  for (let k = 0; k < sel.length; k++) uf.add();
  const byForm = new Map<string, number>();
  const byKey = new Map<string, number>();
  const formOf = (x: Candidate) => normForm(text.slice(x.start, x.end));
  for (let k = 0; k < sel.length; k++) {
    const x = sel[k];
    const f = formOf(x);
    const prev = byForm.get(f);
    if (prev !== undefined) uf.union(prev, k); else byForm.set(f, k);
    if (x.key) { const pk = byKey.get(x.key); if (pk !== undefined) uf.union(pk, k); else byKey.set(x.key, k); }
  }
  // Definitions and abbreviations join their entity (the selected mention at the target's place).
  for (let k = 0; k < sel.length; k++) {
    const x = sel[k];
    if (x.aliasOf === undefined) continue;
    const target = cands[x.aliasOf];
    let t = selIndexOfCand.get(x.aliasOf);
    // Else the selected mention covering the target's start (owner is filled at selection: one mention per position).
    if (t === undefined) t = owner[target.start];
    if (t >= 0) uf.union(t, k);
  }

  const shapeOf = new Map<number, Shape>();
  const refreshShapes = () => {
    shapeOf.clear();
    for (let k = 0; k < sel.length; k++) { const r = uf.find(k); if (sel[k].shape && !shapeOf.has(r)) shapeOf.set(r, sel[k].shape!); }
  };

  // Group type: the best-scored typed mention decides.
  const groupType = (): Map<number, { type: EntityTypeName | null; score: number }> => {
    const m = new Map<number, { type: EntityTypeName | null; score: number }>();
    for (let k = 0; k < sel.length; k++) {
      const r = uf.find(k), x = sel[k];
      const cur = m.get(r);
      if (!cur || (x.type !== null && (cur.type === null || x.score > cur.score))) m.set(r, { type: x.type, score: x.type ? x.score : cur?.score ?? 0 });
    }
    // A name of a list of brands that the running text also names as an organization (twice or more) is that organization.
    const orgRunning = new Map<number, number>();
    for (let k = 0; k < sel.length; k++) if (sel[k].type === 'organization' && sel[k].source === 'tagger') { const r = uf.find(k); orgRunning.set(r, (orgRunning.get(r) ?? 0) + 1); }
    for (const [r, g] of m) if (g.type === 'product' && (orgRunning.get(r) ?? 0) >= 2) g.type = 'organization';
    return m;
  };

  // Short forms: surnames of people, the name of a legal company without its legal form, its first word.
  let types = groupType();
  const short = new Map<string, Set<number>>();
  /** Short forms as written, when they are not the first words of a mention ("Nuits boréales" in "festival Nuits boréales"). */
  const shortSurface = new Map<string, string>();
  const addShort = (f: string, root: number) => {
    if (f.length < 3 || c.stop.has(f) || c.orgKw.has(f) || c.roleWords.has(f)) return;
    let set = short.get(f);
    if (!set) short.set(f, (set = new Set()));
    set.add(root);
  };
  for (let k = 0; k < sel.length; k++) {
    const x = sel[k];
    const r = uf.find(k);
    const type = types.get(r)?.type;
    const surface = text.slice(x.start, x.end);
    // A name opened by a lower-case head noun ("l'association X", "le festival X") is also written without it.
    if (type && x.short !== undefined && x.short > x.start && x.short < x.end) {
      const rest = text.slice(x.short, x.end);
      const f = normForm(rest);
      addShort(f, r);
      if (!shortSurface.has(f)) shortSurface.set(f, rest);
    }
    if (type === 'person') {
      const parts = surface.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
      if (parts.length >= 2) { addShort(normForm(parts[parts.length - 1]), r); addShort(normForm(parts[0]), r); }
    } else if (type === 'organization' && (x.legal || x.source === 'org-keyword')) {
      const words = surface.split(/\s+/);
      if (x.legal) {
        for (let w = 1; w < words.length; w++) addShort(normForm(words.slice(0, w).join(' ')), r);
      } else if (words.length >= 2 && !c.orgKw.has(words[0].toLowerCase()) && /^\p{Lu}/u.test(words[0])) {
        addShort(normForm(words[0]), r);
      }
    }
  }
  // Existing groups made only of a short form join the one entity it points to.
  for (let k = 0; k < sel.length; k++) {
    const f = formOf(sel[k]);
    const set = short.get(f);
    if (!set || set.size !== 1) continue;
    const [target] = set;
    if (uf.find(k) === uf.find(target)) continue;
    const t = types.get(uf.find(k))?.type ?? null;
    const tt = types.get(uf.find(target))?.type ?? null;
    const ok = t === null || t === tt || (tt === 'organization' && (t === 'product')) || (sel[k].source === 'tagger' && !(t === 'place' && placeGazetteer(lang).has(f)));
    if (ok && !byKeyHas(sel[k])) uf.union(target, k);
  }
  types = groupType();
  refreshShapes();

  // Propagate every known form (and short form) to its other occurrences.
  const dict = new Map<string, number>();
  const dropped = new Set<number>();
  for (let k = 0; k < sel.length; k++) {
    const r = uf.find(k);
    const t = types.get(r)?.type ?? untypedDefault(r, Infinity);
    if (!t) continue;
    const surface = text.slice(sel[k].start, sel[k].end);
    if (surface.length < 2) continue;
    if (!dict.has(surface)) dict.set(surface, r);
    if ((t === 'organization' || t === 'product') && surface.length >= 3 && /\p{Ll}/u.test(surface)) {
      const up = surface.toUpperCase();
      if (!dict.has(up)) dict.set(up, r);
    }
  }
  const members = new Map<number, number[]>();
  for (let k = 0; k < sel.length; k++) { const r = uf.find(k); const l = members.get(r); if (l) l.push(k); else members.set(r, [k]); }
  // Words and their normal forms of each mention, computed once (groups can hold hundreds of mentions).
  const normMemo = new Map<string, string>();
  const nf = (w: string) => { let v = normMemo.get(w); if (v === undefined) normMemo.set(w, (v = normForm(w))); return v; };
  const wordsOf = new Map<number, string[]>();
  for (const [f, set0] of short) {
    // Roots as merged by now: a short form of two mentions that joined one entity points to that entity.
    const set = new Set([...set0].map((x) => uf.find(x)));
    if (set.size !== 1) continue;
    const [r] = set;
    const nWords = f.split(' ').length;
    const seen = new Set<string>();
    // Short forms as they appear: find the capitalized original spelling among mentions.
    for (const k of members.get(uf.find(r)) ?? []) {
      let words = wordsOf.get(k);
      if (!words) wordsOf.set(k, (words = text.slice(sel[k].start, sel[k].end).split(/\s+/)));
      const m = shortSurface.get(f) ?? words.find((w) => nf(w) === f) ?? words.slice(0, nWords).join(' ');
      if (seen.has(m)) continue;
      seen.add(m);
      if (nf(m) === f && !dict.has(m)) dict.set(m, uf.find(r));
      // … and in capitals ("SOLVENT MARINE" for the short form of "Solvent Marine Automobile Co., Ltd.").
      const up = m.toUpperCase();
      if (normForm(m) === f && m.length >= 3 && /\p{Ll}/u.test(m) && types.get(uf.find(r))?.type === 'organization' && !dict.has(up)) dict.set(up, uf.find(r));
    }
  }
  if (dict.size > 0) {
    const forms = [...dict.keys()].filter((f) => !c.stop.has(f.toLowerCase()));
    if (forms.length > 0) {
      // Leftmost-longest non-overlapping occurrences at word boundaries (as a regex alternation of the forms would
      // find them), located with indexOf: one pass per form instead of trying every form at every position.
      const hay = /[\u00a0\u202f]/.test(text) ? text.replace(/[\u00a0\u202f]/g, ' ') : text;
      const found: Array<[number, number, string]> = [];
      for (const f of forms) {
        for (let at = hay.indexOf(f); at >= 0; at = hay.indexOf(f, at + 1)) {
          if (isWordChar(text, at - 1, true) || isWordChar(text, at + f.length, false)) continue;
          found.push([at, at + f.length, f]);
        }
      }
      found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      let lastEnd = 0;
      for (const [s, e, f] of found) {
        if (s < lastEnd) continue;
        lastEnd = e;
        // A known form covering only weak fragments (untyped or typed by coordination: "Nuits" of "Nuits boréales") replaces them.
        const inside = new Set<number>();
        let free = true;
        for (let p = s; p < e; p++) if (taken[p]) { const o = owner[p]; if (o < 0 || sel[o].score > 0.55 || sel[o].start < s || sel[o].end > e) { free = false; break; } inside.add(o); }
        if (!free) continue;
        const root = dict.get(f);
        if (root === undefined) continue;
        for (const o of inside) dropped.add(o);
        for (let p = s; p < e; p++) { taken[p] = 1; owner[p] = sel.length; }
        const k = uf.add();
        uf.union(root, k);
        sel.push({ start: s, end: e, type: null, score: 0.5, source: 'propagated' });
      }
    }
  }
  types = groupType();
  refreshShapes();

  // Build one item per group.
  const groups = new Map<number, number[]>();
  for (let k = 0; k < sel.length; k++) {
    if (dropped.has(k)) continue;
    const r = uf.find(k);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(k);
  }
  const covered = (pos: number) => taken[pos] === 1;
  const items: Array<EntityItem & { first: number }> = [];
  for (const [r, ks] of groups) {
    const type = types.get(r)?.type ?? untypedDefault(r, ks.length);
    if (!type) continue;
    ks.sort((a, b) => sel[a].start - sel[b].start);
    const mentions = ks.map((k) => ({ start: sel[k].start, end: sel[k].end }));
    const forms = ks.map((k) => text.slice(sel[k].start, sel[k].end));
    // Canonical name: a full legal name, else the longest form (title-case preferred over all caps).
    let best = 0;
    const rank = (k: number) => (sel[ks[k]].legal ? 1000 : 0) + forms[k].length + (/\p{Ll}/u.test(forms[k]) ? 0.5 : 0) - (sel[ks[k]].aliasOf !== undefined ? 2000 : 0);
    for (let k = 1; k < ks.length; k++) if (rank(k) > rank(best)) best = k;
    const name = forms[best];
    const nf = normForm(name);
    if (nf.length < 2 || /^[\p{N}\s.,]+$/u.test(nf) || c.stop.has(nf)) continue;
    const aliases = [...new Set(forms.filter((f) => f !== name))];
    let role: string | null = null;
    if (type === 'person') {
      for (const k of ks) { role = roleAfter(text, sel[k].end, c, covered); if (role) break; }
    }
    items.push({ type, name, aliases, mentions, role, first: mentions[0].start });
  }
  items.sort((a, b) => a.first - b.first);
  return items.map(({ first: _first, ...item }) => item);

  function byKeyHas(x: Candidate): boolean {
    return x.key !== undefined && x.key.startsWith('country:');
  }
}

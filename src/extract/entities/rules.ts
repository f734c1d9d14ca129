// Rule-based candidate source: capitalized runs typed by legal forms, titles, role appositions, keywords,
// the place gazetteer and name lexicons; definitions "(hereinafter “X”)" and abbreviations "(ABC)"; lists of brands.
import { compromiseWords } from './lexicon.js';
import type { EntityTypeName } from '../../export/schema.js';
import { ALL_LEGAL_FORMS, ALL_TITLES, ENTITY_LOCALES, entityLocale, type EntityLocaleData } from '../../locale/entities.js';
import { matchAny, WB_AFTER } from '../../locale/pattern.js';
import { gazKey, placeGazetteer, type PlaceInfo } from './gazetteer.js';
import type { Candidate, Token } from './types.js';

const SP = '[ \\u00a0\\u202f]';
const LEGAL_AT = new RegExp(`,?${SP}{0,2}${matchAny(ALL_LEGAL_FORMS)}(?![\\p{L}\\p{N}\\-])`, 'uy');
const LEGAL_WORDS = new Set(ALL_LEGAL_FORMS.flatMap((f) => f.split(/[ .,]+/)).filter((w) => w.length > 0).map((w) => w.toLowerCase()));
/** Lower-case particles of people's names, after which a title still opens a name ("Herr von Weizsäcker"). */
const NAME_PARTICLES = new Set(['von', 'van', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'zu', 'ter', 'ten', 'y', 'bin', 'al', 'el']);
const TITLE_TOKENS = new Set(ALL_TITLES.map((t) => t.replace(/\.$/, '').toLowerCase()));
const YEAR = /^(?:19|20)\d\d$/;
/** Lower-case words allowed between an organization or product cue and the name. */
const CUE_GAP = 3;
const SHORT_NAME_AFTER = /[ \u00a0]?\((\p{Lu}\p{Ll}{2,14})\)/uy;
const QUOTE_OPEN = new Set(['“', '"', '«', '„', '‘']);
const QUOTE_CLOSE = new Set(['”', '"', '»', '“', '’']);

/** Lexicon lookups from compromise (general-knowledge names shipped with the package). */
interface Lexicons {
  firstNames: Set<string>;
  lastNames: Set<string>;
  orgs: Set<string>;
  /** Words with no name-like tag. */
  common: Set<string>;
}
function getLexicons(): Lexicons {
  const w = compromiseWords();
  return { firstNames: w.first, lastNames: w.last, orgs: w.orgs, common: w.nonNames };
}

/** Compiled per-language rule data. */
interface Compiled {
  loc: EntityLocaleData;
  lang: string;
  connectors: Set<string>;
  stop: Set<string>;
  orgKw: Set<string>;
  orgHeads: Set<string>;
  eventKw: Set<string>;
  eventKw2: Set<string>;
  productKw: Set<string>;
  placeKw: Set<string>;
  roleWords: Set<string>;
  roleHeads: Set<string>;
  givenNames: Set<string>;
  gaz: Map<string, PlaceInfo>;
  roleAfter: RegExp;
  defAfter: RegExp;
  abbrAfter: RegExp;
  titleBefore: RegExp;
  abbrevBefore: Set<string>;
  /** Lower-case head nouns opening an event name (locale eventHeads). */
  eventHeads: Set<string>;
  placeHeads: Set<string>;
  placeCues: Set<string>;
  orgCues: Set<string>;
  personCues: Set<string>;
  productCues: Set<string>;
  eventCues: Set<string>;
  /** Hyphenated place names by their shape, from the locale's placePrefixes and placeInfixes (null: none). */
  placeShape: RegExp | null;
}
const compiledCache = new Map<string, Compiled>();

const lc = (s: string) => s.toLowerCase();

export function compile(lang: string): Compiled {
  // Languages without entity locale data share one compiled set (English data), not one copy per language code.
  if (!ENTITY_LOCALES[lang]) lang = '*';
  const hit = compiledCache.get(lang);
  if (hit) return hit;
  const loc = entityLocale(lang);
  const heads = loc.roleHeads.length ? loc.roleHeads : loc.roleWords;
  const det = matchAny(['the', 'a', 'an', 'le', 'la', "l'", 'l’', 'el', 'der', 'die', 'das', 'de', 'het', 'o', 'os', 'un', 'une', 'ein', 'eine', 'een', 'un', 'una', 'um', 'uma', 'its', 'our', 'their']);
  const role = `(?:${matchAny(loc.roleWords)}[ \\-]){0,4}${matchAny(heads)}`;
  const c: Compiled = {
    loc,
    lang,
    connectors: new Set(loc.connectors),
    stop: new Set(loc.stopwords.map(lc)),
    orgKw: new Set(loc.orgKeywords.map(lc)),
    orgHeads: new Set(loc.orgHeads.map(lc)),
    eventKw: new Set(loc.eventKeywords.filter((w) => !w.includes(' ')).map(lc)),
    eventKw2: new Set(loc.eventKeywords.filter((w) => w.includes(' ')).map(lc)),
    productKw: new Set(loc.productKeywords.map(lc)),
    placeKw: new Set(loc.placeKeywords.map(lc)),
    roleWords: new Set(loc.roleWords.map(lc)),
    roleHeads: new Set(heads.map(lc)),
    givenNames: new Set(loc.givenNames.map(lc)),
    gaz: placeGazetteer(lang),
    roleAfter: new RegExp(`,${SP}(?:${det}${SP})?${role}${WB_AFTER}`, 'uy'),
    defAfter: new RegExp(
      `${SP}{0,2}\\(${SP}{0,2}(?:${matchAny(loc.definitionMarkers.concat(entityLocale('en').definitionMarkers))}${SP}{1,3})?` +
      `["“«„‘']${SP}{0,2}([^"“”«»„‘’'()\\n]{1,60}?)${SP}{0,2}["”»“’']${SP}{0,2}\\)`, 'uy'),
    abbrAfter: new RegExp(`${SP}{0,2}\\((\\p{Lu}[\\p{Lu}\\p{N}&.\\-]{1,11})\\)`, 'uy'),
    titleBefore: new RegExp(`(?:^|[^\\p{L}])${matchAny(loc.titles.concat(ALL_TITLES))}${SP}{1,2}$`, 'u'),
    abbrevBefore: new Set([...TITLE_TOKENS, ...LEGAL_WORDS, 'st', 'no', 'nr', 'vs', 'etc', 'ca', 'approx', 'jr', 'sr']),
    eventHeads: new Set((loc.eventHeads ?? []).map(lc)),
    placeHeads: new Set((loc.placeHeads ?? []).map(lc)),
    placeCues: new Set((loc.placeCues ?? []).map(lc)),
    orgCues: new Set((loc.orgCues ?? []).map(lc)),
    personCues: new Set((loc.personCues ?? []).map(lc)),
    productCues: new Set((loc.productCues ?? []).map(lc)),
    eventCues: new Set((loc.eventCues ?? []).map(lc)),
    placeShape: loc.placePrefixes?.length || loc.placeInfixes?.length
      ? new RegExp(`^(?:${matchAny(loc.placePrefixes ?? [])}-\\p{Lu}|\\p{Lu}\\p{Ll}{1,30}(?:-\\p{Lu}\\p{Ll}{1,30})?-${matchAny(loc.placeInfixes ?? [])}-\\p{Lu})`, 'u')
      : null,
  };
  compiledCache.set(lang, c);
  return c;
}

function typedCandidate(start: number, end: number, type: EntityTypeName | null, score: number, source: string, extra: Partial<Candidate> = {}): Candidate {
  return { start, end, type, score, source, ...extra };
}

/** Candidates from capitalized runs. */
export function runCandidates(text: string, toks: Token[], c: Compiled): Candidate[] {
  const out: Candidate[] = [];
  const lex = getLexicons();
  const n = toks.length;
  let i = 0;
  while (i < n) {
    const t0 = toks[i];
    const w0 = t0.text.toLowerCase();
    const isHead = c.orgHeads.has(w0) || c.eventHeads.has(w0) || (t0.cap && c.placeHeads.has(w0));
    const headStart = isHead && !t0.cap;
    if (!t0.cap && !headStart) { i++; continue; }
    // A capitalized article before a head noun ("Le Conseil départemental du X …") is not part of the name.
    const t1 = toks[i + 1];
    if (t0.cap && c.stop.has(w0) && t1 && t1.cap && t1.line === t0.line && text.slice(t0.e, t1.s) === ' ' &&
        (c.orgHeads.has(t1.text.toLowerCase()) || c.eventHeads.has(t1.text.toLowerCase()) || c.placeHeads.has(t1.text.toLowerCase()))) { i++; continue; }
    // Build the run: capitalized tokens joined by single spaces, "&", elided "d'"/"l'", or lower-case connectors.
    // Romance institution and event names run on in lower case after a head noun:
    // "Université technologique de X", "Centre d'innovation collaborative", "Salon international de l'élevage".
    let j = isHead ? headContinuation(text, toks, i, c) : i;
    while (j + 1 < n && j - i < 12) {
      const a = toks[j], b = toks[j + 1];
      if (a.poss || a.line !== b.line) break;
      const gap = text.slice(a.e, b.s);
      const plain = gap === ' ' || gap === '\u00a0';
      if ((plain || gap === ' & ' || gap === '&' || /^ [dlDL]['’]$/.test(gap)) && b.cap) { j++; continue; }
      // An initial: "J. Smith".
      if (gap === '. ' && a.text.length === 1 && a.cap && b.cap) { j++; continue; }
      if (plain && !b.cap && c.connectors.has(b.text) && j + 2 < n) {
        const d = toks[j + 2];
        const gap2 = text.slice(b.e, d.s);
        if ((gap2 === ' ' || /^ [dlDL]['’]$/.test(gap2)) && d.cap) { j += 2; continue; }
        if (gap2 === ' ' && c.connectors.has(d.text) && j + 3 < n && toks[j + 3].cap && text.slice(d.e, toks[j + 3].s) === ' ') { j += 3; continue; }
      }
      break;
    }
    if (headStart && j === i) {
      // A lower-case head noun alone ("laboratoire" with nothing capitalized after it) is no name.
      i++;
      continue;
    }
    // A place name that goes on in lower case: "Afrique subsaharienne", "Amérique latine".
    const nx = toks[j + 1];
    if (nx && !nx.cap && !nx.num && nx.line === toks[j].line && text.slice(toks[j].e, nx.s) === ' ' && c.gaz.has(gazKey(text.slice(toks[i].s, nx.e)))) j++;
    typeRun(text, toks, i, j, c, lex, out);
    i = j + 1;
  }
  coordinationTypes(text, out, c);
  out.push(...acronymNames(text, toks, c));
  return out;
}

/**
 * A name no rule could type takes the type of a typed name it is listed with: "de Kaolack et de Tambacounda",
 * "les enseignes Carrefour et Leclerc", "de Bayonne à Limoges" (the locale's list connectors; a comma alone or a
 * connector, then an optional preposition and article).
 */
const RANGE_WORDS = new Set(['à', 'a', 'to', 'bis', 'tot', 'até', 'hasta']);

function coordinationTypes(text: string, cands: Candidate[], c: Compiled): void {
  // Conjunctions only: range words ("de X à Y") do not coordinate ("la SNCB à Malines").
  const conn = matchAny(c.loc.listConnectors.filter((w) => !RANGE_WORDS.has(w.toLowerCase())));
  const prep = '(?:de|du|des|à|au|aux|en|of|in)';
  // ", de X", " et de la X", " et X"; a comma alone is a clause break ("À Lille, Acme …").
  const gapRe = new RegExp(`^(?:,${SP}(?:${conn}${SP})?${prep}${SP}|,?${SP}${conn}${SP}(?:${prep}${SP})?)(?:(?:la|le|les|the)${SP}|[ld]['’])?$`, 'u');
  const sorted = cands.filter((x) => x.source !== 'definition').sort((x, y) => x.start - y.start);
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < sorted.length; k++) {
      const x = sorted[k];
      // Plain names only: a run with connectors inside ("Kunden in Frankreich") is no list item.
      if (x.type !== null || x.shape === 'other') continue;
      for (const y of [sorted[k - 1], sorted[k + 1]]) {
        if (!y || y.type === null || y.score < 0.6) continue;
        const gap = y.end <= x.start ? text.slice(y.end, x.start) : text.slice(x.end, y.start);
        if (gap.length > 14 || !gapRe.test(gap)) continue;
        x.type = y.type; x.score = 0.55; x.source = 'coordination';
        break;
      }
    }
  }
}

const ACRONYM_PAREN = /^[ \u00a0]?\((\p{Lu}[\p{Lu}&.\-]{1,9})\)/u;
const strip = (ch: string) => ch.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

/**
 * Names spelled out before their acronym: "Autorité de contrôle prudentiel et de résolution (ACPR)". Going back from
 * the parenthesis, the initials of the words (capitalized or not; short link words skipped, hyphenated parts may
 * each give one) must spell the acronym exactly, and the first word must be capitalized.
 */
function acronymNames(text: string, toks: Token[], c: Compiled): Candidate[] {
  const out: Candidate[] = [];
  for (let e = 0; e < toks.length; e++) {
    const m = ACRONYM_PAREN.exec(text.slice(toks[e].e, toks[e].e + 14));
    if (!m) continue;
    const letters = m[1].replace(/[^\p{Lu}]/gu, '');
    if (letters.length < 2) continue;
    // Walk back while the gaps are plain spaces or elisions, at most 14 tokens.
    let best = -1;
    for (let s = e; s >= 0 && e - s < 14; s--) {
      if (s < e) {
        const g = text.slice(toks[s].e, toks[s + 1].s);
        if (!(g === ' ' || g === '\u00a0' || ELIDED_GAP.test(g))) break;
        if (toks[s].line !== toks[e].line) break;
      }
      if (!toks[s].cap || toks[s].num) continue;
      if (spells(toks, s, e, letters, c)) best = s;
    }
    if (best < 0 || best === e) continue;
    const form = gazKey(text.slice(toks[best].s, toks[e].e));
    if (c.gaz.has(form)) continue;
    const w = toks[best].text.toLowerCase();
    const type: EntityTypeName = c.eventHeads.has(w) || c.eventKw.has(toks[e].text.toLowerCase()) ? 'event' : 'organization';
    out.push(typedCandidate(toks[best].s, toks[e].e, type, 0.9, 'acronym-name'));
  }
  return out;
}

function spells(toks: Token[], s: number, e: number, letters: string, c: Compiled): boolean {
  // Tiny exhaustive match (at most 14 tokens and 10 letters): each word gives its initial, all the initials of its
  // hyphenated parts, or nothing when it is a lower-case link word; the last word must give a letter.
  const failed = new Set<number>();
  const go = (k: number, i: number): boolean => {
    if (k > e) return i === letters.length;
    if (failed.has(k * 16 + i)) return false;
    const ok = step(k, i);
    if (!ok) failed.add(k * 16 + i);
    return ok;
  };
  const step = (k: number, i: number): boolean => {
    const t = toks[k].text;
    if (i < letters.length && strip(t[0]) === letters[i] && go(k + 1, i + 1)) return true;
    const parts = t.split('-').filter((p) => p.length > 0);
    if (parts.length > 1) {
      const all = parts.map((p) => strip(p[0])).join('');
      if (letters.startsWith(all, i) && go(k + 1, i + all.length)) return true;
    }
    const lower = t.toLowerCase();
    const link = !toks[k].cap && (c.connectors.has(t) || lower === 'et' || lower === 'and' || lower === 'und' || t.length <= 3);
    return k < e && link && go(k + 1, i);
  };
  return go(s, 0);
}

const ELIDED_GAP = /^ [dlDL]['’]$/;
/** Link words that must be followed by an article or an elided noun inside a name: "pour l'enfance", not "pour former". */
const LINK_NEEDS_ARTICLE = new Set(['pour', 'sur', 'sans', 'avec']);
/** Link words followed by a bare lower-case noun inside a name: "recherche en cancérologie", "transport par rail". */
const LINK_BARE_NOUN = new Set(['en', 'par']);
/** Lower-case words that read as adjectives by their ending ("prudentiel", "boréales", "européenne"); verbs and nouns mostly do not. */
/** Adjectives of nationality or origin that ADJ misses ("belge", "suisse", "russe"). */
const NATIONALITY = /^(?:belges?|suisses?|russes?|tchèques?|slovaques?|grecque?s?|turque?s?|danoise?s?|basques?|bretonn?e?s?|corses?|savoyarde?s?|alsacienn?e?s?|normande?s?|québécoise?s?|monégasques?|luxembourgeoise?s?)$/u;
/** Adverbs and pronouns with adjective endings ("désormais", "bien"). */
const NOT_ADJ = new Set(['désormais', 'jamais', 'parfois', 'autrefois', 'toutefois', 'demain', 'combien', 'quelle', 'quelles',
  'actuellement', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'auquel', 'duquel', 'auxquels', 'celle', 'celles', 'elle', 'elles']);
const ADJ = /(?:al|ale|ales|aux|ique|iques|aire|aires|ien|ienne|iens|iennes|éen|éenne|éens|éennes|ais|aise|aises|el|elle|els|elles|if|ive|ifs|ives|ain|aine|ains|aines|ois|oise|oises|ieur|ieure|ieurs|ieures|ial|iale|iales|iaux|ies|anne|annes|enne|ennes|ier|ière|iers|ières|ome|omes)$/u;
/** An infinitive after a bare "de" ends a name: "la Société de multiplier". */
const INFINITIVE = /\p{L}{2}(?:er|ir)$/u;

/**
 * The last token of a name opened by a head noun at toks[i] ("Institut national de la santé et de la recherche médicale",
 * "festival Nuits boréales"): capitalized words, connectors, lower-case nouns right after the head or a connector,
 * adjectives after a lower-case word, "et de …"; a lower-case head must be followed by a capitalized word.
 */
function headContinuation(text: string, toks: Token[], i: number, c: Compiled): number {
  const t0 = toks[i];
  let k = i, last = i;
  // Right after the head only an adjective goes on ("Commission européenne", not "la Société vise …").
  let afterLink = false;
  // Once a proper-noun complement is reached ("Cour d'appel de Paris"), no lower-case noun follows ("… de la demande").
  let properAfterLink = false;
  let lastLink = '';
  let caps = t0.cap ? 1 : 0;
  while (k + 1 < toks.length && k - i < 14) {
    const a = toks[k], b = toks[k + 1];
    if (b.line !== t0.line || b.num || a.poss) break;
    const gap = text.slice(a.e, b.s);
    const elided = ELIDED_GAP.test(gap);
    if (!(gap === ' ' || gap === '\u00a0' || elided || (gap === ' & ' && b.cap))) break;
    const w = b.text.toLowerCase();
    // After a lower-case head, the first word that is not a connector must be capitalized ("ministère de l'Hydraulique").
    if (!t0.cap && caps === 0 && !b.cap && (elided || !c.connectors.has(b.text) || w === 'et')) break;
    if (b.cap) {
      if (c.stop.has(w) && !c.orgKw.has(w)) break;
      if (afterLink || elided) properAfterLink = true;
      k++; last = k; afterLink = false; caps++;
      continue;
    }
    if (!elided && (c.connectors.has(b.text) || LINK_BARE_NOUN.has(w))) {
      const d = toks[k + 2];
      if (!d || d.line !== t0.line) break;
      const dGap = text.slice(b.e, d.s);
      if (LINK_NEEDS_ARTICLE.has(w) && !(ELIDED_GAP.test(dGap) || (dGap === ' ' && c.connectors.has(d.text) && !LINK_NEEDS_ARTICLE.has(d.text)))) break;
      if (LINK_BARE_NOUN.has(w) && !(dGap === ' ' && !d.cap && !d.num && d.text.length >= 3 && !c.connectors.has(d.text) && !c.stop.has(d.text.toLowerCase()))) break;
      k++; afterLink = true;
      if (w !== 'la' && w !== 'le' && w !== 'les') lastLink = w;
      continue;
    }
    if (w === 'et' && !elided) {
      // "et de la recherche", "et chimie" go on; "et le CNRS", "et Tourisme Montréal" end the name
      // (after a lower-case head, one more capitalized word: "l'association Terre et Puits").
      const d = toks[k + 2];
      if (!d || d.num || d.line !== t0.line) break;
      const dGap = text.slice(b.e, d.s);
      const dw = d.text.toLowerCase();
      const nx = toks[k + 3];
      const lowerOn = !d.cap && (ELIDED_GAP.test(dGap) || (dGap === ' ' && (dw === 'de' || dw === 'des' || dw === 'du' || (!c.connectors.has(d.text) && !c.stop.has(dw) && d.text.length >= 3))));
      const capOn = !t0.cap && caps === 1 && d.cap && dGap === ' ' && !c.stop.has(dw) && (!nx || !nx.cap || text.slice(d.e, nx.s) !== ' ');
      if (!lowerOn && !capOn) break;
      k++; afterLink = true;
      continue;
    }
    if ((c.stop.has(w) && !ADJ.test(w)) || b.text.length < 3 || b.upper) break;
    if (elided || afterLink) {
      // (… except after "pour"/"sur": "Fonds des Nations unies pour l'enfance").
      if (properAfterLink && !(lastLink === 'pour' || lastLink === 'sur')) break;
      if (!elided && a.text.toLowerCase() === 'de' && INFINITIVE.test(w)) break;
      k++; last = k; afterLink = false;
      continue;
    }
    if (ADJ.test(w) && w.length >= 5 && !NOT_ADJ.has(w)) { k++; last = k; continue; }
    break;
  }
  return last;
}

/** Lower-case words that may stand between a descriptor and the name it describes: adjectives and "de X" complements. */
const GAP_BLOCK = new Set(['à', 'a', 'au', 'aux', 'en', 'et', 'ou', 'que', 'qui', 'est', 'sont', 'par', 'pour', 'avec', 'dans', 'sur', 'le', 'la', 'les', 'un', 'une', 'des', 'du', 'ne', 'se', 'son', 'sa', 'ses', 'the', 'of', 'and']);

/**
 * A cue word or phrase (of up to three tokens, elisions dropped) written right before toks[a], with at most maxGap
 * lower-case words between ("le fonds belge X", "le cabinet d'architectes nantais X"). Punctuation in between breaks it.
 */
function cueBefore(text: string, toks: Token[], a: number, cues: Set<string>, maxGap: number): boolean {
  if (cues.size === 0) return false;
  let gapWords = 0;
  for (let p = a - 1; p >= 0 && p >= a - maxGap - 4; p--) {
    const tok = toks[p];
    const between = text.slice(tok.e, toks[p + 1].s);
    if (!(between === ' ' || between === '\u00a0' || ELIDED_GAP.test(between) || /^ ?[lLdD]['’]$/.test(between))) return false;
    let phrase = tok.text.toLowerCase();
    if (cues.has(phrase)) return true;
    // An elided "d'" stands for "de": "le site d'Ornans" is "site de".
    if (/^ ?[dD]['’]$/.test(between) && cues.has(`${phrase} de`)) return true;
    for (let q = p - 1; q >= 0 && q >= p - 2; q--) {
      const g = text.slice(toks[q].e, toks[q + 1].s);
      if (!(g === ' ' || ELIDED_GAP.test(g))) break;
      phrase = `${toks[q].text.toLowerCase()} ${phrase}`;
      if (cues.has(phrase)) return true;
    }
    // Words in between: adjectives ("belge", "lyonnaise"), elided complements ("d'architectes"), "de X".
    const tw = tok.text.toLowerCase();
    const prevTok = toks[p - 1];
    const elidedOn = ELIDED_GAP.test(text.slice(prevTok ? prevTok.e : 0, tok.s));
    const deNoun = !!prevTok && prevTok.text.toLowerCase() === 'de' && text.slice(prevTok.e, tok.s) === ' ';
    if (gapWords >= maxGap || tok.cap || tok.num || GAP_BLOCK.has(tw)) return false;
    if (!(ADJ.test(tw) || NATIONALITY.test(tw) || elidedOn || deNoun || tw === 'de')) return false;
    gapWords++;
  }
  return false;
}

/** A descriptor after the name: ", une application …", ", société de biotechnologie …". */
const APPOSITION = /^,[ \u00a0](?:(?:un|une|son|sa|ses|leur|notre|an|a|its)[ \u00a0])?(?:(?:nouvel|nouvelle|nouveau|jeune|new)[ \u00a0])?(\p{Ll}[\p{Ll}\-]{1,24})/u;
function cueAfter(text: string, end: number, cues: Set<string>): boolean {
  if (cues.size === 0 || text[end] !== ',') return false;
  const m = APPOSITION.exec(text.slice(end, end + 48));
  return !!m && cues.has(m[1]);
}

/** Model codes: "AX-7", "IMN-204". */
const MODEL_CODE = /^\p{Lu}{1,5}-\d{1,4}\p{Lu}?$/u;

function isRoleSeqEnd(toks: Token[], a: number, b: number, c: Compiled): number {
  // Longest prefix a..k of role words that contains a role head; returns k or -1.
  let k = a, last = -1;
  while (k <= b && c.roleWords.has(toks[k].text.toLowerCase())) {
    if (c.roleHeads.has(toks[k].text.toLowerCase())) last = k;
    k++;
  }
  return last;
}

function typeRun(text: string, toks: Token[], i: number, j: number, c: Compiled, lex: Lexicons, out: Candidate[]): void {
  let a = i, b = j;
  let personClue = false;
  let weak = false;
  const sentStart = toks[i].sentStart;
  // Leading titles, stopwords and role phrases.
  for (;;) {
    if (a > b) return;
    const w = toks[a].text.toLowerCase();
    if (c.gaz.has(gazKey(text.slice(toks[a].s, toks[b].e)))) break;
    if (TITLE_TOKENS.has(w) && a < b && !c.orgKw.has(w)) { personClue = true; a++; continue; }
    if (c.stop.has(w) || (c.connectors.has(toks[a].text))) {
      // A title before a preposition is a noun ("seiner Frau in Chile"); before a particle it opens a name ("Herr von X").
      if (personClue && a > i && TITLE_TOKENS.has(toks[a - 1].text.toLowerCase()) && !NAME_PARTICLES.has(w)) personClue = false;
      a++;
      // "Internet of Vehicles" minus its first words: only a typed name survives ("Auch in Deutschland").
      if (a <= b && c.connectors.has(toks[a].text)) { weak = true; while (a <= b && c.connectors.has(toks[a].text)) a++; }
      continue;
    }
    // A capitalized common noun opening a sentence before "de X" ("Reprise de Menuiseries Vauclair", "Lancement d'Acme"):
    // the name is what follows, and only a typed name survives.
    if (a === i && toks[a].sentStart && a < b && !toks[a].upper && !c.orgKw.has(w) && !c.eventHeads.has(w) && !c.placeHeads.has(w) &&
        !c.placeKw.has(w) && !c.eventKw.has(w) && !c.givenNames.has(w) && !lex.firstNames.has(w) && !c.gaz.has(w) &&
        ((c.connectors.has(toks[a + 1].text) && !toks[a + 1].cap) || ELIDED_GAP.test(text.slice(toks[a].e, toks[a + 1].s)))) {
      a++;
      while (a <= b && c.connectors.has(toks[a].text) && !toks[a].cap) a++;
      weak = true;
      continue;
    }
    const r = isRoleSeqEnd(toks, a, b, c);
    if (r >= 0) {
      a = r + 1;
      if (a <= b && c.connectors.has(toks[a].text)) { a++; while (a <= b && c.connectors.has(toks[a].text)) a++; }
      else personClue = true;
      continue;
    }
    break;
  }
  // Trailing connectors and capitalized function words go; lower-case words a head noun took in stay ("Commission européenne").
  while (b >= a && (c.connectors.has(toks[b].text) || toks[b].cap && c.stop.has(toks[b].text.toLowerCase()) && b > a && !c.orgKw.has(toks[b].text.toLowerCase()))) b--;
  if (a > b) return;
  // A role inside the run splits it: "Acme CEO Jane Doe" -> organization "Acme", person "Jane Doe".
  for (let k = a + 1; k < b; k++) {
    const r = isRoleSeqEnd(toks, k, b, c);
    // … but not when a keyword follows: "Africa CEO Forum" is one event.
    let kwAfter = false;
    for (let q = r + 1; q <= b && r >= 0; q++) { const w = toks[q].text.toLowerCase(); if (c.eventKw.has(w) || c.orgKw.has(w)) kwAfter = true; }
    if (r >= 0 && r < b && !c.connectors.has(toks[r + 1].text) && !kwAfter) {
      typeSpan(text, toks, a, k - 1, c, lex, out, false, toks[a].sentStart || sentStart && a === i);
      typeSpan(text, toks, r + 1, b, c, lex, out, true, false);
      return;
    }
  }
  const before = text.slice(Math.max(0, toks[a].s - 24), toks[a].s);
  if (c.titleBefore.test(before)) personClue = true;
  typeSpan(text, toks, a, b, c, lex, out, personClue, (a === i && sentStart) || weak, weak);
}

function typeSpan(text: string, toks: Token[], a: number, b: number, c: Compiled, lex: Lexicons, out: Candidate[], personClue: boolean, sentStart: boolean, weak = false): void {
  if (a > b) return;
  const head = toks[a].head;
  // Legal form right after a token of the run: the company name ends with it ("Acme Robotics Co., Ltd.").
  for (let k = a; k <= b; k++) {
    const pos = toks[k].e;
    LEGAL_AT.lastIndex = pos;
    const m = LEGAL_AT.exec(text);
    if (!m) continue;
    // A lower-case head noun ("la société X SAS") stays outside a legal name.
    let a0 = a;
    while (a0 < k && !toks[a0].cap) a0++;
    const name = text.slice(toks[a0].s, pos);
    if (name.length < 2 || c.stop.has(name.toLowerCase()) || LEGAL_WORDS.has(name.toLowerCase())) continue;
    const end = pos + m[0].length;
    out.push(typedCandidate(toks[a0].s, end, 'organization', 0.95, 'legal', { legal: true }));
    // Tokens after the legal form inside the run start another name.
    let r = k + 1;
    while (r <= b && toks[r].s < end) r++;
    if (r <= b) typeSpan(text, toks, r, b, c, lex, out, false, false);
    return;
  }
  const words = [];
  for (let k = a; k <= b; k++) words.push(toks[k].text.toLowerCase());
  const nTok = b - a + 1;
  let start = toks[a].s;
  const end = toks[b].e;
  const form = gazKey(text.slice(start, end));
  const last = words[words.length - 1];
  const last2 = nTok >= 2 ? `${words[words.length - 2]} ${last}` : '';
  // A year right after a name belongs to it ("VivaTech 2025", "ESMO Congress 2025").
  const nextTok = toks[b + 1];
  const yearAfter = !!nextTok && nextTok.num && YEAR.test(nextTok.text) && nextTok.line === toks[b].line && text.slice(toks[b].e, nextTok.s) === ' ';
  // Event: last word is an event keyword, or the name opens with an event head noun ("Salon international de …");
  // a year just before or after belongs to the name.
  const eventHead = nTok >= 2 && c.eventHeads.has(words[0]);
  if (nTok >= 2 && (c.eventKw.has(last) || c.eventKw2.has(last2) || eventHead) && !c.gaz.has(form)) {
    const prev = toks[a - 1];
    if (prev && prev.num && YEAR.test(prev.text) && text.slice(prev.e, toks[a].s) === ' ' && prev.line === toks[a].line) start = prev.s;
    out.push(typedCandidate(start, yearAfter ? nextTok.e : end, 'event', 0.85, 'event-keyword', toks[a].cap ? {} : { short: toks[a + 1].s }));
    return;
  }
  // Place: the name opens with a place head noun ("Place des Arts", "Parc Expo de X").
  if (nTok >= 2 && toks[a].cap && c.placeHeads.has(words[0]) && !c.gaz.has(form)) {
    out.push(typedCandidate(start, end, 'place', 0.75, 'place-keyword'));
    return;
  }
  const gaz = c.gaz.get(form);
  if (gaz && !personClue) {
    out.push(typedCandidate(start, end, 'place', nTok > 1 ? 0.88 : 0.8, 'gazetteer', { key: gaz.key }));
    return;
  }
  if (personClue && nTok <= 4 && !words.some((w) => c.orgKw.has(w))) {
    out.push(typedCandidate(start, end, 'person', 0.9, 'title'));
    return;
  }
  // Role apposition after the name: "Jane Doe, Chief Executive Officer of …".
  c.roleAfter.lastIndex = end;
  const roleFollows = c.roleAfter.test(text);
  const hasOrgKw = words.some((w, k) => c.orgKw.has(w) && !(k === 0 && nTok === 1));
  if (roleFollows && nTok >= 2 && nTok <= 4 && !hasOrgKw) {
    out.push(typedCandidate(start, end, 'person', 0.85, 'role-apposition'));
    return;
  }
  if (nTok === 1 && (c.orgKw.has(last) || c.eventKw.has(last) || c.placeKw.has(last) || c.productKw.has(last) || c.roleWords.has(last))) return;
  if (hasOrgKw) {
    out.push(typedCandidate(start, end, 'organization', 0.8, 'org-keyword', toks[a].cap || nTok < 2 ? {} : { short: toks[a + 1].s }));
    return;
  }
  if (nTok >= 2 && c.productKw.has(last)) {
    out.push(typedCandidate(start, end, 'product', 0.7, 'product-keyword'));
    return;
  }
  if (nTok >= 2 && c.placeKw.has(last)) {
    out.push(typedCandidate(start, end, 'place', 0.7, 'place-keyword'));
    return;
  }
  if (words.every((w) => w.length <= 1)) return;
  const first = words[0];
  if (nTok >= 2 && toks[a].text.length === 1 && text[toks[a].e] === '.' && !toks[b].upper) {
    out.push(typedCandidate(start, end, 'person', 0.75, 'initial'));
    return;
  }
  // Compound given names count by their first part: "Marie-Ève", "Jean-Baptiste".
  const isFirstName = (w: string) => lex.firstNames.has(w) || c.givenNames.has(w) || (w.includes('-') && (lex.firstNames.has(w.split('-')[0]) || c.givenNames.has(w.split('-')[0])));
  if (nTok >= 2 && nTok <= 4 && isFirstName(first) && !toks[a].upper && !words.some((w) => c.placeKw.has(w))) {
    out.push(typedCandidate(start, end, 'person', 0.75, 'given-name'));
    return;
  }
  if (nTok === 2 && lex.lastNames.has(last) && !toks[a].upper) {
    out.push(typedCandidate(start, end, 'person', 0.6, 'last-name'));
    return;
  }
  if (lex.orgs.has(form)) {
    out.push(typedCandidate(start, end, 'organization', 0.7, 'org-lexicon'));
    return;
  }
  if (roleFollows && nTok === 1 && !toks[a].upper) {
    out.push(typedCandidate(start, end, 'person', 0.6, 'role-apposition'));
    return;
  }
  // Context cues of the locale: "à X" (place), "la fintech lyonnaise X" (organization), "l'artiste X" (person),
  // "la gamme X" / "X, une application" (product), "lors du X" (event).
  if (!head) {
    if (nTok === 1 && MODEL_CODE.test(toks[a].text)) { out.push(typedCandidate(start, end, 'product', 0.6, 'cue')); return; }
    if (cueBefore(text, toks, a, c.eventCues, 0)) { out.push(typedCandidate(start, yearAfter ? nextTok.e : end, 'event', 0.6, 'cue')); return; }
    // A name followed by a year is an edition of an event ("VivaTech 2025", even after "à") in locales that name events
    // head first; where every noun is capitalized (German "Quartal 2024") it is not.
    if (yearAfter && c.eventHeads.size > 0 && !lex.common.has(first)) { out.push(typedCandidate(start, nextTok.e, 'event', 0.5, 'cue')); return; }
    if (cueBefore(text, toks, a, c.placeCues, 0) || (nTok === 1 && !!c.placeShape && c.placeShape.test(toks[a].text))) { out.push(typedCandidate(start, end, 'place', 0.6, 'cue')); return; }
    if (cueBefore(text, toks, a, c.productCues, 1)) { out.push(typedCandidate(start, end, 'product', 0.6, 'cue')); return; }
    if (nTok <= 4 && cueBefore(text, toks, a, c.personCues, 2)) { out.push(typedCandidate(start, end, 'person', 0.6, 'cue')); return; }
    if (cueBefore(text, toks, a, c.orgCues, CUE_GAP)) { out.push(typedCandidate(start, end, 'organization', 0.6, 'cue')); return; }
    if (cueAfter(text, end, c.productCues)) { out.push(typedCandidate(start, end, 'product', 0.6, 'cue')); return; }
    if (cueAfter(text, end, c.orgCues)) { out.push(typedCandidate(start, end, 'organization', 0.6, 'cue')); return; }
  }
  // Untyped: never on a headline, after a stripped function word, at a sentence start (one word), inside quotes, or a common word.
  if (head || weak) return;
  if (sentStart && (nTok === 1 || c.lang === 'de')) return;
  const qb = text[start - 1], qa = text[end];
  if (qb && qa && QUOTE_OPEN.has(qb) && QUOTE_CLOSE.has(qa)) return;
  if (nTok === 1 && (lex.common.has(first) && c.lang === 'en')) return;
  if (nTok === 1 && first.length < 2) return;
  let shape: Candidate['shape'] = 'other';
  let hasConn = false;
  for (let k = a; k <= b; k++) if (!toks[k].cap) hasConn = true;
  if (nTok === 1) shape = toks[a].upper ? 'caps' : 'single';
  else if (nTok <= 4 && !hasConn && words.every((_, k) => !toks[a + k].upper)) shape = 'multi';
  else if (words.every((_, k) => toks[a + k].upper)) shape = 'caps';
  out.push(typedCandidate(start, end, null, 0.3, 'capitalized', { shape }));
}

/** Definitions "(hereinafter “X”)", "(« X »)" and abbreviations "(ABC)" right after a candidate. */
export function definitionCandidates(text: string, cands: Candidate[], c: Compiled): Candidate[] {
  const out: Candidate[] = [];
  const sorted = cands.map((x, k) => ({ x, k })).sort((p, q) => p.x.end - q.x.end);
  // Of candidates ending at the same place, the longest takes the definition ("Port autonome d'Abidjan (PAA)", not "Abidjan").
  const firstStart = new Map<number, number>();
  for (const x of cands) firstStart.set(x.end, Math.min(firstStart.get(x.end) ?? x.start, x.start));
  for (let idx = 0; idx < sorted.length; idx++) {
    const { x } = sorted[idx];
    if (x.start > (firstStart.get(x.end) ?? x.start)) continue;
    let alias: { s: number; e: number; text: string } | null = null;
    c.defAfter.lastIndex = x.end;
    const m = c.defAfter.exec(text);
    if (m) {
      const inner = m[1];
      const s = text.indexOf(inner, x.end);
      alias = { s, e: s + inner.length, text: inner };
    } else {
      c.abbrAfter.lastIndex = x.end;
      const a = c.abbrAfter.exec(text);
      if (a) {
        const s = text.indexOf(a[1], x.end);
        alias = { s, e: s + a[1].length, text: a[1] };
      } else if (x.type === 'organization') {
        // A short name in title case after an organization: "Institut national … (Inserm)", "Université de X (Unistra)".
        SHORT_NAME_AFTER.lastIndex = x.end;
        const b = SHORT_NAME_AFTER.exec(text);
        if (b && !c.gaz.has(gazKey(b[1])) && !c.stop.has(b[1].toLowerCase())) {
          const s = text.indexOf(b[1], x.end);
          alias = { s, e: s + b[1].length, text: b[1] };
        }
      }
    }
    if (!alias || alias.s < 0) continue;
    // The alias belongs to the nearest candidate before it whose initials fit an acronym; else to the nearest.
    const acronym = /^\p{Lu}[\p{Lu}\p{N}&.\-]{1,11}/u.exec(alias.text)?.[0]?.replace(/[^\p{Lu}]/gu, '') ?? '';
    let target = sorted[idx].k;
    let fits = false;
    if (acronym.length >= 2) {
      for (let back = idx; back >= 0 && back >= idx - 3; back--) {
        const cand = sorted[back].x;
        if (x.end - cand.end > 120) break;
        if (fitsAcronym(acronym, text.slice(cand.start, cand.end))) { target = sorted[back].k; fits = true; break; }
      }
    }
    // An acronym after a person that is not the person's initials is an affiliation ("Jane Doe (CDU)"), not an alias.
    if (!m && acronym.length >= 2 && !fits && cands[target].type === 'person') continue;
    out.push({ start: alias.s, end: alias.e, type: cands[target].type ?? 'organization', score: 0.95, source: 'definition', aliasOf: target });
  }
  return out;
}

function fitsAcronym(acr: string, name: string): boolean {
  const initials = name.split(/[\s\-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]);
  const words = name.split(/[\s\-]+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3).map((w) => w[0].toUpperCase());
  const pool = [...initials, ...words];
  if (name.replace(/[^\p{Lu}]/gu, '').includes(acr)) return true;
  const need = [...acr];
  const avail = [...pool];
  let hits = 0;
  for (const ch of need) {
    const p = avail.indexOf(ch);
    if (p >= 0) { avail.splice(p, 1); hits++; }
  }
  return hits >= Math.max(2, need.length - 1) && hits >= need.length * 0.66;
}

/** Lists of three or more all-caps brand names: "From ACME, BRAVO & CHARLIE, and DELTA to …". */
export function brandListCandidates(text: string, toks: Token[], c: Compiled): Candidate[] {
  const out: Candidate[] = [];
  const brandish = (t: Token) => !t.head && ((t.upper && t.text.length >= 4) || /^\p{Ll}\p{Lu}{3,}/u.test(t.text)) && !c.gaz.has(gazKey(t.text));
  const listConn = new Set(c.loc.listConnectors.concat(['and', '&']).map(lc));
  let k = 0;
  while (k < toks.length) {
    if (!brandish(toks[k])) { k++; continue; }
    const items: Array<[number, number]> = [];
    let s = toks[k].s, e = toks[k].e;
    let j = k;
    for (;;) {
      const nx = toks[j + 1];
      if (!nx) break;
      const gap = text.slice(toks[j].e, nx.s);
      if ((gap === ' & ' || gap === '&') && brandish(nx)) { e = nx.e; j++; continue; }
      if (/^,? ?$/.test(gap) && gap.includes(',') && brandish(nx)) { items.push([s, e]); s = nx.s; e = nx.e; j++; continue; }
      const conn = toks[j + 2];
      if (/^,? $/.test(gap) && listConn.has(nx.text.toLowerCase()) && conn && text.slice(nx.e, conn.s) === ' ' && brandish(conn)) {
        items.push([s, e]); s = conn.s; e = conn.e; j += 2; continue;
      }
      break;
    }
    items.push([s, e]);
    if (items.length >= 3) for (const [is, ie] of items) out.push({ start: is, end: ie, type: 'product', score: 0.7, source: 'brand-list' });
    k = j + 1;
  }
  return out;
}

/** The role phrase after a person mention, up to the end of the clause (legal-form commas excepted). */
export function roleAfter(text: string, end: number, c: Compiled, covered: (pos: number) => boolean): string | null {
  c.roleAfter.lastIndex = end;
  if (!c.roleAfter.test(text)) return null;
  let p = end + 1;
  while (p < text.length && (text[p] === ' ' || text[p] === '\u00a0')) p++;
  const from = p;
  const limit = Math.min(text.length, from + 160);
  for (; p < limit; p++) {
    const ch = text[p];
    if (ch === '\n' || ch === ';' || ch === '(' || ch === ')' || ch === '“' || ch === '"' || ch === '”' || ch === ':') break;
    if ((ch === ',' || ch === '.') && !covered(p)) {
      if (ch === '.' && !(text[p + 1] === ' ' || text[p + 1] === '\n' || p + 1 === text.length)) continue;
      break;
    }
  }
  let role = text.slice(from, p).trim();
  role = role.replace(/^(?:the|le|la|el|der|die|das|de|het|o|a)\s+/i, '');
  return role.length >= 2 ? role : null;
}

// A wire agency in a dateline: "Berlin (ots) - …", "LONDON (Reuters) -", "München/Hamburg (dpa) Heidi …",
// "02.09.2009 - (dpa-AFX) Beim …". At a line start, within 60 characters of place or date, in parentheses: a short
// lower-case or all-capitals agency code ("dpa", "AFP", "dpa-AFX") before a dash, a colon or a capitalized word; or
// a capitalized name ("Reuters") before a dash or a colon only (a place in parentheses, "(England) 2", is no agency).
const DATELINE_AGENCY = /^[\p{Lu}\p{N}][^\n()]{0,60}?\((?:(\p{Ll}{2,5}(?:-\p{Lu}{2,5})?|\p{Lu}{2,6}(?:-\p{Lu}{2,5})?)\)(?=[ \t\u00a0]*[-–—:]|[ \t\u00a0]+\p{Lu})|(\p{Lu}\p{Ll}{2,10})\)(?=[ \t\u00a0]*[-–—:]))/gmu;

/** Wire agencies named in datelines, as organizations (not places the gazetteer knows). */
export function datelineAgencyCandidates(text: string, c: Compiled): Candidate[] {
  const out: Candidate[] = [];
  DATELINE_AGENCY.lastIndex = 0;
  for (let m = DATELINE_AGENCY.exec(text); m; m = DATELINE_AGENCY.exec(text)) {
    const name = m[1] ?? m[2];
    if (c.gaz.has(gazKey(name))) continue;
    const start = m.index + m[0].length - 1 - name.length;
    out.push({ start, end: start + name.length, type: 'organization', score: 0.92, source: 'dateline-agency' });
  }
  return out;
}

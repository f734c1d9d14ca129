// The entity tagger as a candidate source for src/extract/entities.ts: loads models/<lang>.bin (trained by
// `npm run train`), tags running text and returns person/organization/place spans as candidates.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityTypeName } from '../../export/schema.js';
import type { Candidate } from '../entities/types.js';
import { charClass, SURROGATE, UPPER } from '../entities/charclass.js';
import { gazKey } from '../entities/gazetteer.js';
import { tagLexicon, tokenizeForTagger, wordInfo, type TagToken } from './features.js';
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

type Lexicon = ReturnType<typeof tagLexicon>;
/** Abbreviations whose dot ends no sentence in cross-lingual (German) tagging. */
const ABBREVIATIONS = new Set(('st dr prof nr hl vgl ca bzw sog mio mrd chr jh abs abt bd gen gebr fa hr fr vs mr mrs inc jr sr co ing dipl '
  + 'a b c d e f g h i j k l m n o p q r s t u v w x y z ä ö ü').split(' '));
/** Lower-case particles inside people's names ("Ole von Beust", "Ludwig van Beethoven", "Lope de Vega"). */
const NAME_PARTICLES = new Set('von vom zu zur van der den de del della di da du la le ten ter bin ibn al el'.split(' '));
const INITIAL = /^\p{Lu}$/u;
/** Abbreviations that open the name of a German sports club. */
const CLUBS = new Set('FC SV TSV VfB VfL SC SG SK ESV BSC FSV SpVgg TuS TSG SSV SpVg TuRa DJK SuS KSV FK SK'.split(' '));
const ROMAN = /^[IVXLCDM]+$/;
/** Endings of German abstract and derived nouns: a long unknown word with one is a common noun the lexicon lacks. */
const NOUNISH = /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ität|itäten|ismus|nis|nisse|tum|ie|ien|ik|enz|anz|ment|ments|chen)$/;
/** All-capitals words that are units, codes or common abbreviations, not organizations. */
const NOT_ACRONYMS = new Set(('kw mw gw kwh mwh gwh tv pc cd dvd isbn issn pmid plz ukw eur usd chf gbp gb mb kb ps km cm mm pdf ceo cfo cto '
  + 'coo it ki ok dna hiv usb gps led lcd faq pr').split(' '));
/** German words that end a name ("Hirzel Verlag", "Lehrter Bahnhof"), besides the locale's keyword lists. */
const NAME_HEADS = new Set(('verlag zeitung rundfunk kurier werk werke bahnhof hauptbahnhof straße strasse platz allee weg zentrum center '
  + 'museum theater stadion arena halle kirche kapelle dom schloss burg brücke see berg tal insel kanal park garten tor turm').split(' '));
const ORG_HEADS = new Set('verlag zeitung rundfunk kurier werk werke'.split(' '));
const PLACE_HEADS = new Set(('bahnhof hauptbahnhof straße strasse platz allee weg kirche kapelle dom schloss burg brücke see berg tal insel kanal '
  + 'river lake island islands bay street road avenue square valley falls hill hills mountain mountains').split(' '));
/** Role nouns of German text before a person's name (lower case). */
const ROLES = new Set(('kanzler kanzlerin minister ministerin präsident präsidentin chef chefin trainer trainerin sprecher sprecherin '
  + 'vorsitzende vorsitzender direktor direktorin bürgermeister bürgermeisterin sänger sängerin schauspieler schauspielerin autor '
  + 'autorin regisseur regisseurin stürmer torwart spieler spielerin kapitän manager managerin gründer gründerin kollege kollegin '
  + 'landrat abgeordnete abgeordneter senator senatorin richter richterin anwalt anwältin professor professorin papst könig königin '
  + 'kaiser fürst prinz prinzessin graf gräfin herzog bischof pfarrer pater künstler künstlerin komponist maler dichter schriftsteller '
  + 'journalist journalistin moderator moderatorin sekretär ehefrau ehemann sohn tochter bruder schwester vater mutter witwe').split(' '));
const headCache = new WeakMap<Lexicon, Set<string>>();
function nameHeads(lx: Lexicon): Set<string> {
  let set = headCache.get(lx);
  if (!set) headCache.set(lx, (set = new Set([...NAME_HEADS, ...lx.orgKw, ...lx.placeKw])));
  return set;
}
/** A compound or hyphenated word ends in a name head ("Bundesärztekammer" no; "Gendarmenmarkt" no; "Hauptbahnhof" yes). */
function endsInHead(heads: Set<string>, l: string): boolean {
  if (heads.has(l)) return true;
  const dash = l.lastIndexOf('-');
  if (dash > 0 && heads.has(l.slice(dash + 1))) return true;
  for (let k = 3; k <= l.length - 3; k++) if (heads.has(l.slice(k))) return true;
  return false;
}

/** A place of the gazetteer, also in the genitive ("Japans", "Sachsens"). */
function gazPlace(lx: Lexicon, key: string): boolean {
  const places = lx.xling?.gaz ?? lx.places;
  if (places.has(key)) return true;
  if (key.length > 4 && key.endsWith('s') && (places.has(key.slice(0, -1)) || (key.endsWith('es') && places.has(key.slice(0, -2))))) return true;
  // "Ostdeutschland", "Südostasiens", "Nord-Irak".
  const m = COMPASS.exec(key);
  return m !== null && key.length - m[0].length >= 4 && gazPlace(lx, key.slice(m[0].length));
}
const COMPASS = /^(?:nord|süd|ost|west|mittel|zentral|nordost|nordwest|südost|südwest|inner|ober|unter|nieder)-?/;

/**
 * Cross-lingual (German) span repairs: a plain common noun before a name is a role or apposition ("Franzose Louis
 * Saha", "Chemiekonzern BASF") and one after it is the sentence going on ("Italien Erfolg"), unless it is a name head
 * ("Hirzel Verlag"); a capitalized function word opens no name ("Der WWF"). A single all-capitals word is an
 * organization ("CDU"), and a span the place gazetteer knows is a place.
 */
function xlingSpans(sent: TagToken[], spans: Array<{ start: number; end: number; type: string }>, lx: Lexicon): Array<{ start: number; end: number; type: string; sure?: boolean }> {
  const heads = nameHeads(lx);
  const info = (k: number) => wordInfo(lx, sent[k].text);
  /** A capitalized common word that no list knows as a name or place. */
  const plain = (k: number) => { const wi = info(k); return wi.isCap && !wi.isUpper && (wi.noun === 1 || wi.noun === 2) && (wi.flags & 12) === 0 && !gazPlace(lx, wi.gazKey); };
  /** Looks like a name by itself: unknown word, name-list word, or all capitals. */
  const namey = (k: number) => { const wi = info(k); return wi.isUpper && wi.lowerStr.length > 1 || (wi.isCap && ((wi.flags & 12) !== 0 || (wi.noun === 0 && !gazPlace(lx, wi.gazKey)))); };
  /** A capitalized adjective: an adjective form ("Europäische"), or a place's "-er" form ("Berliner", "Hamburger"). */
  const adjectival = (k: number) => {
    const wi = info(k);
    if (!wi.isCap || wi.isUpper) return false;
    const l = wi.lowerStr;
    if ((wi.noun === 4 && /(?:e|en|er|es|em)$/.test(l)) || /isch(?:e|en|er|es|em)$/.test(l)) return 1;
    return l.length > 5 && l.endsWith('er') && gazPlace(lx, l.slice(0, -2)) ? 2 : 0;
  };
  /** A role noun, also as the end of a compound or after a hyphen ("Bundeskanzlerin", "FDP-Chef"). */
  const isRole = (k: number) => {
    const wi = info(k);
    if (!wi.isCap || wi.isUpper) return false;
    const l = wi.lowerStr;
    if (ROLES.has(l)) return true;
    for (let c = 2; c <= l.length - 4; c++) if (ROLES.has(l.slice(c)) && (l[c - 1] === '-' || c >= 3)) return true;
    return false;
  };
  const out: Array<{ start: number; end: number; type: string; sure?: boolean }> = [];
  for (const sp of spans) {
    let { start, end } = sp;
    let type = sp.type;
    while (end - start > 1 && info(start).isCap && info(start).noun === 3) start++;
    const start0 = start;
    while (end - start > 1 && plain(start) && !heads.has(info(start).lowerStr) && namey(start + 1)) start++;
    // A role noun before a given name and another word: the rest is a person ("Stürmer Milan Kowalczyk").
    if (start > start0 && end - start >= 2 && (info(start).flags & 4) !== 0 && !info(start).isUpper) type = 'PER';
    // (People: only after two name words, "Matthew Williams Liebeskummer"; surnames are often nouns, "Stefan Schwabe".)
    const minLen = type === 'PER' ? 2 : 1;
    for (let again = true; again;) {
      again = false;
      while (end - start > minLen && plain(end - 1) && !endsInHead(heads, info(end - 1).lowerStr) && (namey(end - 2) || gazPlace(lx, info(end - 2).gazKey))) end--;
      // … also over a connector ("Robotiksparte am Konzernumsatz"; not "Theater der Zeit", whose first word is a noun).
      if (end - start > minLen + 1 && plain(end - 1) && !endsInHead(heads, info(end - 1).lowerStr) && !info(end - 2).isCap && (namey(end - 3) || gazPlace(lx, info(end - 3).gazKey))) { end -= 2; again = true; }
    }
    if (end - start === 1) {
      const wi = info(start);
      // Units and codes in capitals ("MW", "ISBN") are no names.
      if (wi.isUpper && NOT_ACRONYMS.has(wi.lowerStr)) continue;
      // A given name alone is a person, not a miscellaneous name.
      if (type === 'MISC' && (wi.flags & 4) !== 0 && wi.noun === 0) type = 'PER';
      if (wi.isUpper && wi.lowerStr.length >= 2 && /^\p{L}+$/u.test(sent[start].text) && !ROMAN.test(sent[start].text) && !gazPlace(lx, wi.gazKey)) type = 'ORG';
      else if (gazPlace(lx, wi.gazKey) && ((wi.flags & 12) === 0 || (type === 'PER' && lx.xling?.gaz?.has(wi.gazKey)))) type = 'LOC';
      // One unknown word read as an organization (neither all capitals nor with an organization word) is mostly
      // something else in German text (a surname, a small place, a title): too weak to keep.
      else if (type === 'ORG' && wi.noun === 0 && !wi.isUpper && (wi.flags & (12 | 16)) === 0 && !endsInHead(heads, wi.lowerStr)) continue;
    } else if (type !== 'ORG' && lx.places.has(gazKey(sent.slice(start, end).map((t) => t.text).join(' ')))) type = 'LOC';
    else {
      // A name ending in an organization or place head word ("Hirzel Verlag", "Lehrter Bahnhof").
      const last = info(end - 1).lowerStr;
      if (ORG_HEADS.has(last) || lx.orgKw.has(last)) type = 'ORG';
      else if (PLACE_HEADS.has(last) || lx.placeKw.has(last)) type = 'LOC';
    }
    out.push({ start, end, type });
  }
  out.sort((a, b) => a.start - b.start);
  // People's names go on over particles and initials ("Heinrich Gottlob von Miltitz", "George W. Bush", "Nico G.",
  // "A. Wiegemann"), which the Dutch-trained model often leaves out.
  for (const sp of out) {
    if (sp.type !== 'PER') continue;
    // A person's name holds no lower-case word but a particle before a name ("Walter Wagner in Bayreuth").
    for (let k = sp.start + 1; k < sp.end; k++) {
      const wi = info(k);
      if (!wi.hasLetter || wi.isCap) continue;
      let q = k;
      while (q < sp.end && NAME_PARTICLES.has(sent[q].text) && q - k < 2) q++;
      if (q > k && q < sp.end && namey(q)) { k = q; continue; }
      sp.end = k;
      break;
    }
    for (;;) {
      let e = sp.end;
      if (e + 1 < sent.length && INITIAL.test(sent[e].text) && sent[e + 1].text === '.') {
        let j = e + 2;
        while (j < sent.length && info(j).isCap && !info(j).isUpper && info(j).noun !== 3 && namey(j)) j++;
        sp.end = j;
        continue;
      }
      while (e < sent.length && e - sp.end < 2 && NAME_PARTICLES.has(sent[e].text)) e++;
      // (A name-like word, or one the model read as a person too: "Konstantin von Wartenfeld".)
      if (e > sp.end && e < sent.length && info(e).isCap && info(e).noun !== 3 && !info(e).isUpper && (namey(e) || out.some((o) => o.start === e && o.type === 'PER'))) {
        let j = e;
        while (j + 1 < sent.length && info(j + 1).isCap && !info(j + 1).isUpper && info(j + 1).noun !== 3 && namey(j + 1)) j++;
        sp.end = j + 1;
        continue;
      }
      break;
    }
    while (sp.start >= 2 && INITIAL.test(sent[sp.start - 2].text) && sent[sp.start - 1].text === '.') sp.start -= 2;
    // A given name alone before a capitalized noun: the noun is the family name ("Sebastian Fels", "Lars Müller").
    const e = sp.end;
    if (e - sp.start === 1 && (info(sp.start).flags & 4) !== 0 && e < sent.length) {
      const nx = info(e);
      if (nx.isCap && !nx.isUpper && (nx.noun === 1 || nx.noun === 2) && !gazPlace(lx, nx.gazKey) && ((nx.flags & 8) !== 0 || e + 1 >= sent.length || !info(e + 1).isCap)) sp.end = e + 1;
    }
  }
  for (let k = 1; k < out.length; k++) {
    // Spans grown into the next one: the next one is part of the name.
    if (out[k].start < out[k - 1].end) { out[k - 1].end = Math.max(out[k - 1].end, out[k].end); out.splice(k, 1); k--; }
  }
  // Sports clubs: "FC Carl Zeiss Jena", "1. FC Nürnberg", "SV Wehen-Wiesbaden", "TSV Niederstaufen".
  for (let k = 0; k + 1 < sent.length; k++) {
    if (!CLUBS.has(sent[k].text) || !info(k + 1).isCap || info(k + 1).noun === 3) continue;
    let j = k + 1;
    while (j + 1 < sent.length && j - k < 4 && info(j + 1).isCap && info(j + 1).noun !== 3) j++;
    let a = k;
    if (a >= 2 && sent[a - 1].text === '.' && /^\d{1,2}$/.test(sent[a - 2].text)) a -= 2;
    const over = out.filter((o) => o.start <= j && o.end > a);
    if (over.some((o) => o.start < a || o.end > j + 1)) { k = j; continue; }
    for (const o of over) out.splice(out.indexOf(o), 1);
    out.push({ start: a, end: j + 1, type: 'ORG', sure: true });
    k = j;
  }
  // Spa towns ("Bad Schussenried"). (A list of club-name words was tried and left out: such words are
  // names, and names do not go into the code.)
  for (let k = 0; k + 1 < sent.length; k++) {
    if (sent[k].text !== 'Bad') continue;
    const nx = info(k + 1);
    if (!nx.isCap || nx.noun === 3 || !(gazPlace(lx, nx.gazKey) || nx.noun === 0)) continue;
    const over = out.filter((o) => o.start <= k + 1 && o.end > k);
    if (over.some((o) => o.start < k || o.end > k + 2)) continue;
    for (const o of over) out.splice(out.indexOf(o), 1);
    out.push({ start: k, end: k + 2, type: 'LOC', sure: true });
    k++;
  }
  // An acronym after an unknown name is part of it ("Fraunhofer FIT", "ADAC GT").
  for (const sp of out) {
    if (sp.type !== 'ORG' || sp.end - sp.start !== 1 || !info(sp.start).isUpper || sp.start < 2) continue;
    const pv = info(sp.start - 1);
    if (pv.isCap && (pv.noun === 0 || pv.isUpper) && (pv.flags & 12) === 0 && !gazPlace(lx, pv.gazKey) && !out.some((o) => o !== sp && o.end > sp.start - 1 && o.start <= sp.start - 1)) sp.start--;
  }
  out.sort((a, b) => a.start - b.start);
  // A capitalized adjective inside a sentence opens a name ("Europäische Union", "Hessischen Rundfunks", "Berliner
  // Zeitung"): German writes adjectives in lower case otherwise.
  {
    for (let k = 1; k + 1 < sent.length; k++) {
      // After an article or preposition ("die Europäische Union", "des Hessischen Rundfunks").
      const prev = info(k - 1);
      const a = adjectival(k);
      if (!a || prev.isCap || prev.noun !== 3 || !info(k + 1).isCap || info(k + 1).noun === 3 || info(k + 1).isUpper) continue;
      let j = k + 1;
      while (j + 1 < sent.length && j - k < 4 && info(j + 1).isCap && !info(j + 1).isUpper && info(j + 1).noun !== 3 && !adjectival(j + 1)) j++;
      // A place's "-er" form names only with a name head ("Berliner Zeitung", not "Berliner Journalisten").
      if (a === 2 && !endsInHead(heads, info(j).lowerStr)) { k = j; continue; }
      const over = out.filter((o) => o.start <= j && o.end > k);
      if (over.some((o) => o.start < k || o.end > j + 1)) { k = j; continue; }
      for (const o of over) out.splice(out.indexOf(o), 1);
      const last = info(j).lowerStr;
      const type = PLACE_HEADS.has(last) || lx.placeKw.has(last) || gazPlace(lx, gazKey(sent.slice(k, j + 1).map((t) => t.text).join(' '))) ? 'LOC'
        : over.length === 1 && over[0].type !== 'MISC' ? over[0].type : 'ORG';
      out.push({ start: k, end: j + 1, type, sure: true });
      k = j;
    }
  }
  // A role noun before a name ("Bundeskanzlerin Merkel", "Trainer Müller", "FDP-Chef Guido Westerwelle"): a person.
  for (let k = 1; k < sent.length; k++) {
    if (!isRole(k - 1)) continue;
    const wi = info(k);
    if (!wi.isCap || wi.isUpper || wi.noun === 3 || ((wi.flags & 12) === 0 && (wi.noun !== 0 || gazPlace(lx, wi.gazKey)))) continue;
    let j = k;
    while (j + 1 < sent.length && info(j + 1).isCap && !info(j + 1).isUpper && info(j + 1).noun !== 3 && ((info(j + 1).flags & 12) !== 0 || info(j + 1).noun === 0)) j++;
    const over = out.filter((o) => o.start <= j && o.end > k);
    if (over.some((o) => o.start < k - 1 || o.end > j + 1)) continue;
    for (const o of over) out.splice(out.indexOf(o), 1);
    out.push({ start: k, end: j + 1, type: 'PER', sure: true });
    k = j;
  }
  // "St. Nikolauskapelle", "Sankt Goar": a saint's name is a place (church, town, street) unless the model read more.
  for (let k = 0; k + 1 < sent.length; k++) {
    const t = sent[k].text;
    if (t !== 'St' && t !== 'Sankt') continue;
    let j = t === 'St' ? k + 1 : k;
    if (t === 'St' && sent[j]?.text !== '.') continue;
    const first = j + 1;
    while (j + 1 < sent.length && info(j + 1).isCap && info(j + 1).noun !== 3) j++;
    if (j < first) continue;
    const sp = { start: k, end: j + 1, type: 'LOC', sure: true };
    const over = out.filter((o) => o.start < sp.end && o.end > sp.start);
    if (over.some((o) => o.start < sp.start || o.end > sp.end)) continue;
    for (const o of over) out.splice(out.indexOf(o), 1);
    out.push(sp);
    k = j;
  }
  // A word the place gazetteer knows, also in the genitive or with a compass prefix ("Irlands", "Ostdeutschland"),
  // that the model left out is a place.
  let next = 0;
  for (const sp of out.slice().sort((a, b) => a.start - b.start)) {
    for (let k = next; k < sp.start; k++) addGazWord(k);
    next = sp.end;
  }
  for (let k = next; k < sent.length; k++) addGazWord(k);
  return out.sort((a, b) => a.start - b.start);

  function addGazWord(k: number): void {
    const wi = info(k);
    if (k === 0 || !wi.isCap || wi.noun === 3 || (wi.flags & 12) !== 0 || !gazPlace(lx, wi.gazKey)) return;
    out.push({ start: k, end: k + 1, type: 'LOC', sure: true });
  }
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

/** Some token past the first holds a capital letter, or the first does and is no common word. */
function mayHoldName(sent: TagToken[], lx: ReturnType<typeof tagLexicon>): boolean {
  for (let k = sent.length - 1; k >= 0; k--) {
    const w = sent[k].text;
    let cap = false;
    for (let i = 0; i < w.length && !cap; i++) {
      const c = w.charCodeAt(i);
      cap = c < 128 ? c >= 65 && c <= 90 : charClass(c) === UPPER || charClass(c) === SURROGATE;
    }
    if (cap && (k > 0 || !lx.common.has(w.toLowerCase()))) return true;
  }
  return false;
}

/** Entity spans (character offsets, CoNLL types PER/ORG/LOC/MISC) the tagger finds in the text. */
export function tagText(text: string, lang: string, model: TaggerModel | null = loadTagger(lang), lows: Set<string> | null = null): TaggedSpan[] {
  if (!model || !text) return [];
  const lx = tagLexicon(lang);
  const out: TaggedSpan[] = [];
  for (const sent of tokenizeForTagger(text, lx.xling ? ABBREVIATIONS : undefined)) {
    // A sentence with no capital letter past a common first word has no name to find (every span the tagger could
    // read there would start in lower case, or be the common word alone: both are dropped below).
    if (!mayHoldName(sent, lx)) continue;
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
    for (const sp of lx.xling ? xlingSpans(sent, spansOf(tags), lx) : spansOf(tags)) {
      let end = sp.end;
      // A span never ends on a possessive or a lone punctuation token.
      while (end > sp.start + 1 && !/[\p{L}\p{N}]/u.test(sent[end - 1].text)) end--;
      if (!/[\p{L}\p{N}]/u.test(sent[sp.start].text)) continue;
      let common = true;
      for (let k = sp.start; k < end && common; k++) {
        const w = sent[k].text;
        if (/\p{L}/u.test(w) && (!lx.common.has(w.toLowerCase()) || (w.length > 1 && w === w.toUpperCase()))) common = false;
      }
      // Cross-lingual (German): a span of known common nouns and other dictionary words that no place or name list
      // knows ("Schalldruckpegel", "Wettkampf-Tauglichkeit") is weak evidence too.
      if (!common && lx.xling && !(sp as { sure?: boolean }).sure) {
        common = true;
        for (let k = sp.start; k < end && common; k++) {
          const w = sent[k].text;
          if (!/\p{L}/u.test(w)) continue;
          const wi = wordInfo(lx, w);
          // A family name that is also a common noun ("Leiter", "Bauer") counts as a name only beside another word.
          const nameFlags = end - sp.start === 1 && wi.noun === 1 ? wi.flags & 4 : wi.flags & 12;
          if ((wi.noun === 0 && !(wi.lowerStr.length >= 8 && NOUNISH.test(wi.lowerStr))) || wi.isUpper || nameFlags !== 0 || lx.places.has(wi.gazKey) || gazPlace(lx, wi.gazKey)) common = false;
        }
        if (common && end - sp.start > 1 && lx.places.has(gazKey(text.slice(sent[sp.start].s, sent[end - 1].e)))) common = false;
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

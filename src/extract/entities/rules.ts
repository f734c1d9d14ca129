// Rule-based candidate source: capitalized runs typed by legal forms, titles, role appositions, keywords,
// the place gazetteer and name lexicons; definitions "(hereinafter “X”)" and abbreviations "(ABC)"; lists of brands.
import nlp from 'compromise';
import type { EntityTypeName } from '../../export/schema.js';
import { ALL_LEGAL_FORMS, ALL_TITLES, entityLocale, type EntityLocaleData } from '../../locale/entities.js';
import { matchAny, WB_AFTER } from '../../locale/pattern.js';
import { gazKey, placeGazetteer, type PlaceInfo } from './gazetteer.js';
import type { Candidate, Token } from './types.js';

const SP = '[ \\u00a0\\u202f]';
const LEGAL_AT = new RegExp(`,?${SP}{0,2}${matchAny(ALL_LEGAL_FORMS)}(?![\\p{L}\\p{N}\\-])`, 'uy');
const LEGAL_WORDS = new Set(ALL_LEGAL_FORMS.flatMap((f) => f.split(/[ .,]+/)).filter((w) => w.length > 0).map((w) => w.toLowerCase()));
const TITLE_TOKENS = new Set(ALL_TITLES.map((t) => t.replace(/\.$/, '').toLowerCase()));
const YEAR = /^(?:19|20)\d\d$/;
const QUOTE_OPEN = new Set(['“', '"', '«', '„', '‘']);
const QUOTE_CLOSE = new Set(['”', '"', '»', '“', '’']);

/** Lexicon lookups from compromise (general-knowledge names shipped with the package). */
interface Lexicons {
  firstNames: Set<string>;
  lastNames: Set<string>;
  orgs: Set<string>;
  common: Set<string>;
}
let lexicons: Lexicons | null = null;
function getLexicons(): Lexicons {
  if (lexicons) return lexicons;
  const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const firstNames = new Set<string>(), lastNames = new Set<string>(), orgs = new Set<string>(), common = new Set<string>();
  const NAMEISH = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific', 'Organization', 'SportsTeam',
    'Country', 'City', 'Region', 'Place', 'ProperNoun', 'Demonym', 'Month', 'WeekDay', 'Date', 'Acronym']);
  for (const [w, tag] of Object.entries(lex)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) firstNames.add(w);
    if (tags.includes('LastName')) lastNames.add(w);
    if (tags.includes('Organization') || tags.includes('SportsTeam')) orgs.add(w);
    if (!tags.some((t) => NAMEISH.has(t))) common.add(w);
  }
  lexicons = { firstNames, lastNames, orgs, common };
  return lexicons;
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
}
const compiledCache = new Map<string, Compiled>();

const lc = (s: string) => s.toLowerCase();

export function compile(lang: string): Compiled {
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
    const headStart = c.orgHeads.has(t0.text.toLowerCase()) && !t0.cap;
    if (!t0.cap && !headStart) { i++; continue; }
    // Build the run: capitalized tokens joined by single spaces, "&", elided "d'"/"l'", or lower-case connectors.
    let j = i;
    // Romance institution names run on in lower case after a capitalized head noun:
    // "Université technologique de X", "Centre d'innovation collaborative".
    if (t0.cap && c.orgHeads.has(t0.text.toLowerCase())) {
      let k = i, lastWord = i;
      while (k + 1 < n && k - i < 5) {
        const b = toks[k + 1];
        const gap = text.slice(toks[k].e, b.s);
        if (b.line !== t0.line || !(gap === ' ' || /^ [dlDL]['’]$/.test(gap)) || b.cap || b.num) break;
        const w = b.text.toLowerCase();
        if (c.connectors.has(b.text)) { k++; continue; }
        if (c.stop.has(w) || b.text.length < 3) break;
        k++;
        lastWord = k;
      }
      // Continue into a capitalized name after a connector: "… de Lisboa".
      if (lastWord > i) {
        j = lastWord;
        const nx = toks[lastWord + 1], nx2 = toks[lastWord + 2];
        if (nx && nx2 && c.connectors.has(nx.text) && text.slice(toks[lastWord].e, nx.s) === ' ' && text.slice(nx.e, nx2.s) === ' ' && nx2.cap) j = lastWord + 2;
        else if (nx && nx.cap && /^ [dlDL]['’]$/.test(text.slice(toks[lastWord].e, nx.s))) j = lastWord + 1;
      }
    }
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
    typeRun(text, toks, i, j, c, lex, out);
    i = j + 1;
  }
  return out;
}

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
      a++;
      // "Internet of Vehicles" minus its first words: only a typed name survives ("Auch in Deutschland").
      if (a <= b && c.connectors.has(toks[a].text)) { weak = true; while (a <= b && c.connectors.has(toks[a].text)) a++; }
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
  while (b >= a && (c.connectors.has(toks[b].text) || c.stop.has(toks[b].text.toLowerCase()) && b > a && !c.orgKw.has(toks[b].text.toLowerCase()))) b--;
  if (a > b) return;
  // A role inside the run splits it: "Acme CEO Jane Doe" -> organization "Acme", person "Jane Doe".
  for (let k = a + 1; k < b; k++) {
    const r = isRoleSeqEnd(toks, k, b, c);
    if (r >= 0 && r < b && !c.connectors.has(toks[r + 1].text)) {
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
  // Event: last word is an event keyword; a year just before belongs to the name.
  if (nTok >= 2 && (c.eventKw.has(last) || c.eventKw2.has(last2)) && !c.gaz.has(form)) {
    const prev = toks[a - 1];
    if (prev && prev.num && YEAR.test(prev.text) && text.slice(prev.e, toks[a].s) === ' ' && prev.line === toks[a].line) start = prev.s;
    out.push(typedCandidate(start, end, 'event', 0.85, 'event-keyword'));
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
    out.push(typedCandidate(start, end, 'organization', 0.8, 'org-keyword'));
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
  const isFirstName = (w: string) => lex.firstNames.has(w) || c.givenNames.has(w);
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
  for (let idx = 0; idx < sorted.length; idx++) {
    const { x } = sorted[idx];
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
      }
    }
    if (!alias || alias.s < 0) continue;
    // The alias belongs to the nearest candidate before it whose initials fit an acronym; else to the nearest.
    const acronym = /^\p{Lu}[\p{Lu}\p{N}&.\-]{1,11}/u.exec(alias.text)?.[0]?.replace(/[^\p{Lu}]/gu, '') ?? '';
    let target = sorted[idx].k;
    if (acronym.length >= 2) {
      for (let back = idx; back >= 0 && back >= idx - 3; back--) {
        const cand = sorted[back].x;
        if (x.end - cand.end > 120) break;
        if (fitsAcronym(acronym, text.slice(cand.start, cand.end))) { target = sorted[back].k; break; }
      }
    }
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

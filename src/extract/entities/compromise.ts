// English candidate source from compromise (people / places / organizations with offsets).
// compromise is slow (~0.16 MB/s), so it only reads the sentences that hold a name the rules could not type.
// It is an option (EntityOptions.compromise, off by default), so compromise is loaded on first use only (its
// CommonJS build): a run that does not ask for it does not pay its 45 MB a worker.
import { createRequire } from 'node:module';
import type { EntityTypeName } from '../../export/schema.js';
import type { Candidate } from './types.js';

interface Offset { start: number; length: number }
interface Match { text: string; offset: Offset }
type Doc = {
  people(): { json(o: object): Match[] };
  places(): { json(o: object): Match[] };
  organizations(): { json(o: object): Match[] };
};

const TRIM_END = /[\s.,;:!?'"’”)\]»]+$/u;
const TRIM_START = /^[\s'"“‘(\[«]+/u;
const LEAD_DET = /^(?:the|a|an)\s+/i;

/** The sentence around `pos`: from the previous ". " or line break to the next one (at most 600 chars each way). */
export function sentenceAround(text: string, pos: number): [number, number] {
  let s = pos;
  const minS = Math.max(0, pos - 600);
  while (s > minS) {
    const ch = text[s - 1];
    if (ch === '\n' || ((ch === ' ') && (text[s - 2] === '.' || text[s - 2] === '!' || text[s - 2] === '?'))) break;
    s--;
  }
  let e = pos;
  const maxE = Math.min(text.length, pos + 600);
  while (e < maxE) {
    const ch = text[e];
    if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && (e + 1 >= text.length || text[e + 1] === ' ' || text[e + 1] === '\n'))) { e++; break; }
    e++;
  }
  return [s, e];
}

let nlp: ((text: string) => unknown) | null = null;

/** compromise's people/places/organizations in text[from, to), as candidates with offsets into `text`. */
export function compromiseCandidates(text: string, from: number, to: number): Candidate[] {
  const slice = text.slice(from, to);
  nlp ??= createRequire(import.meta.url)('compromise') as (text: string) => unknown;
  const doc = nlp(slice) as Doc;
  const out: Candidate[] = [];
  const take = (ms: Match[], type: EntityTypeName, score: number) => {
    for (const m of ms) {
      if (!m.offset) continue;
      // compromise's offsets can drift by the punctuation it strips: re-find its (trimmed) text near the offset.
      let form = String(m.text ?? '');
      form = form.slice(TRIM_START.exec(form)?.[0].length ?? 0);
      form = form.slice(0, form.length - (TRIM_END.exec(form)?.[0].length ?? 0));
      form = form.slice(LEAD_DET.exec(form)?.[0].length ?? 0);
      if (/['’]s$/.test(form)) form = form.slice(0, -2);
      if (form.length < 2) continue;
      const s = slice.indexOf(form, Math.max(0, m.offset.start - 4));
      if (s < 0 || s > m.offset.start + m.offset.length) continue;
      const e = s + form.length;
      if (!/^[\p{Lu}\p{Ll}]/u.test(slice[s] ?? '')) continue;
      out.push({ start: from + s, end: from + e, type, score, source: 'compromise' });
    }
  };
  take(doc.people().json({ offset: true }), 'person', 0.65);
  take(doc.places().json({ offset: true }), 'place', 0.6);
  take(doc.organizations().json({ offset: true }), 'organization', 0.6);
  return out;
}

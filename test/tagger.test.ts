import { describe, expect, it } from 'vitest';
import { extractEntities } from '../src/extract/entities.js';
import { N_BASE, N_STATIC, NONE, sentenceFeatures, tagLexicon, tokenizeForTagger, xlingLexicon, INNER_WORDS } from '../src/extract/tagger/features.js';
import { loadTagger, tagText } from '../src/extract/tagger/index.js';
import { serialize } from '../src/extract/tagger/model.js';
import { readConll, train } from '../src/extract/tagger/train.js';

const found = (text: string, lang: string) => tagText(text, lang).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe('entity tagger', () => {
  it('loads each model well under a second', () => {
    for (const lang of ['en', 'es', 'nl', 'de']) {
      const t0 = performance.now();
      const m = loadTagger(lang);
      expect(m).not.toBeNull();
      expect(performance.now() - t0).toBeLessThan(1000);
    }
    expect(loadTagger('xx')).toBeNull();
    expect(loadTagger('../x')).toBeNull();
  });

  it('finds people, organizations and places in English', () => {
    const got = found('Maria Lindqvist, a spokeswoman for the Nordvik Shipping Corporation, said in Stockholm on Monday that talks would resume.', 'en');
    expect(got).toContain('PER:Maria Lindqvist');
    expect(got).toContain('LOC:Stockholm');
    expect(got.some((g) => g.startsWith('ORG:') && g.includes('Nordvik Shipping Corporation'))).toBe(true);
  });

  it('finds people and places in Spanish and Dutch', () => {
    const es = found('El presidente Carlos Ortega Vidal viajó a Madrid para reunirse con representantes del Banco Central.', 'es');
    expect(es).toContain('PER:Carlos Ortega Vidal');
    expect(es).toContain('LOC:Madrid');
    const nl = found('Burgemeester Jan Jansen opende dinsdag in Amsterdam een nieuw kantoor.', 'nl');
    expect(nl.some((g) => g.startsWith('PER:') && g.includes('Jan Jansen'))).toBe(true);
    expect(nl).toContain('LOC:Amsterdam');
  });

  it('gives valid offsets and splits possessives', () => {
    const text = "Anna Berg's team left Oslo.\nU.S. officials met in Paris!  Then they left.";
    const sents = tokenizeForTagger(text);
    expect(sents.length).toBeGreaterThanOrEqual(3);
    for (const s of sents) for (const t of s) expect(text.slice(t.s, t.e)).toBe(t.text);
    expect(sents[0].map((t) => t.text)).toContain("'s");
    for (const sp of tagText(text, 'en')) { expect(sp.start).toBeGreaterThanOrEqual(0); expect(sp.end).toBeLessThanOrEqual(text.length); expect(sp.end).toBeGreaterThan(sp.start); }
  });

  it('copes with a 100 kB adversarial input', () => {
    const parts = ['A', 'B.', "O'", '&', 'Ü'.repeat(50), '9'.repeat(40), '.'.repeat(30), 'X-Y-Z', '\n', 'É', '’s'];
    let text = '';
    for (let k = 0; text.length < 100_000; k++) text += parts[(k * 7) % parts.length] + (k % 13 === 0 ? '' : ' ');
    text += 'A'.repeat(5000) + '.'.repeat(5000);
    const t0 = performance.now();
    const spans = tagText(text, 'es');
    const ents = extractEntities(text, 'nl');
    expect(performance.now() - t0).toBeLessThan(5000);
    for (const sp of spans) expect(sp.end).toBeLessThanOrEqual(text.length);
    for (const e of ents) for (const m of e.mentions) expect(m.end).toBeLessThanOrEqual(text.length);
  });

  it('trains deterministically: same data, same seed, same bytes', () => {
    const lines: string[] = [];
    const names = [['Kerstin', 'Holm'], ['Jonas', 'Vik'], ['Lea', 'Strand']];
    const cities = ['Bergen', 'Tromsø', 'Lund'];
    for (let k = 0; k < 60; k++) {
      const [a, b] = names[k % 3];
      lines.push(`${a} B-PER`, `${b} I-PER`, 'visited O', `${cities[k % 3]} B-LOC`, '. O', '');
      if (k % 10 === 0) lines.push('-DOCSTART- O', '');
    }
    const sents = readConll(lines.join('\n'));
    expect(sents.length).toBe(60);
    const a = serialize('xx', 14, train(sents, 'en', { bits: 14, epochs: 3, seed: 7 }));
    const b = serialize('xx', 14, train(sents, 'en', { bits: 14, epochs: 3, seed: 7 }));
    expect(Buffer.compare(a, b)).toBe(0);
    expect(tagLexicon('en').places.size).toBeGreaterThan(100);
  });

  it('fills the cross-lingual feature slots only for cross-lingual lexicons', () => {
    const words = ['Jan', 'Jansen', 'woont', 'in', 'Amsterdam', '.'];
    const plain = sentenceFeatures(words, tagLexicon('nl')).feats;
    expect(plain.length).toBe(words.length * N_BASE);
    const xl = sentenceFeatures(words, xlingLexicon('nl', { canon: new Map(), nouns: new Set(), stop: new Set(), other: new Set(), inner: INNER_WORDS })).feats;
    for (let i = 0; i < words.length; i++) {
      for (let k = N_BASE; k < N_STATIC; k++) expect(xl[i * N_STATIC + k]).not.toBe(NONE);
      // The other slots are the same (no canonical mapping for Dutch itself), but for the lexicons' own lists.
      for (let k = 0; k < N_BASE; k++) if (![24, 28, 29, 36, 37, 38].includes(k)) expect(xl[i * N_STATIC + k]).toBe(plain[i * N_BASE + k]);
    }
  });

  it('trains with word dropout deterministically', () => {
    const lines: string[] = [];
    for (let k = 0; k < 40; k++) lines.push(`Kerstin B-PER`, `Holm I-PER`, 'bezocht O', `Bergen B-LOC`, '. O', '');
    const sents = readConll(lines.join('\n'));
    const a = serialize('xx', 14, train(sents, 'nl', { bits: 14, epochs: 2, seed: 3, dropout: 0.5 }));
    const b = serialize('xx', 14, train(sents, 'nl', { bits: 14, epochs: 2, seed: 3, dropout: 0.5 }));
    const c = serialize('xx', 14, train(sents, 'nl', { bits: 14, epochs: 2, seed: 3 }));
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(a, c)).not.toBe(0);
  });

  it('feeds the entities stage for Spanish and Dutch', () => {
    const ents = extractEntities('El ministro Javier Montero Ruiz llegó ayer a Sevilla. Montero Ruiz habló con la prensa.', 'es');
    expect(ents.some((e) => e.type === 'person' && e.name.includes('Javier Montero Ruiz'))).toBe(true);
    expect(ents.some((e) => e.type === 'place' && e.name === 'Sevilla')).toBe(true);
  });
});

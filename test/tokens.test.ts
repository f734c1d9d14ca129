import { describe, expect, it } from 'vitest';
import { charClass, DIGIT, LETTER, LOWER, MARK, OTHER, SURROGATE, UPPER } from '../src/extract/entities/charclass.js';
import { tokenize } from '../src/extract/entities/tokens.js';
import { tokenizeForTagger } from '../src/extract/tagger/features.js';
import { compact, deserialize, NT, rowOf, serialize } from '../src/extract/tagger/model.js';
import { readFileSync } from 'node:fs';
import { modelPath } from '../src/extract/tagger/index.js';

const toks = (text: string, elide = false) => tokenize(text, elide, new Set(['mr', 'dr'])).tokens;

describe('character classes', () => {
  it('agree with the Unicode property regexes on every UTF-16 code unit', () => {
    const re: Array<[number, RegExp]> = [[UPPER, /\p{Lu}/u], [LOWER, /\p{Ll}/u], [LETTER, /\p{L}/u], [MARK, /\p{M}/u], [DIGIT, /\p{N}/u]];
    let mismatches = 0;
    for (let c = 0; c < 0x10000; c++) {
      const want = c >= 0xd800 && c <= 0xdfff ? SURROGATE : (re.find(([, r]) => r.test(String.fromCharCode(c)))?.[0] ?? OTHER);
      if (charClass(c) !== want) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('entity tokenizer', () => {
  it('reads names, abbreviations, hyphens and possessives', () => {
    const t = toks("Mr. Müller's U.S.-based firm ANGLO-SAXON AI-driven iPhone 2025 l'Université");
    expect(t.map((x) => x.text)).toEqual(['Mr', 'Müller', 'U.S.', 'based', 'firm', 'ANGLO-SAXON', 'AI-driven', 'iPhone', '2025', "l'Université"]);
    const by = Object.fromEntries(t.map((x) => [x.text, x]));
    expect(by['Müller'].poss).toBe(true);
    expect(by['U.S.'].upper).toBe(true);
    expect(by["l'Université"].cap).toBe(false);
    expect(by['AI-driven'].cap).toBe(false);
    expect(by['ANGLO-SAXON'].upper).toBe(true);
    expect(by['iPhone'].cap).toBe(true);
    expect(by['2025'].num).toBe(true);
    expect(toks("l'Université de Genève", true)[0].text).toBe('Université');
  });

  it('keeps offsets true around astral letters, marks and long words', () => {
    const text = 'Café\u0301 𝐀𝐁𝐂 Corp 😀 Ĳssel ' + 'x'.repeat(250) + '-Yz ' + 'A-' + 'b'.repeat(42);
    const t = toks(text);
    for (const x of t) expect(text.slice(x.s, x.e)).toBe(x.text);
    expect(t.map((x) => x.text)).toContain('𝐀𝐁𝐂');
    expect(t.map((x) => x.text)).toContain('Corp');
    // At most 101 code units a token; the rest starts a new one.
    expect(Math.max(...t.map((x) => x.text.length))).toBe(101);
    // A lower-case tail of more than 41 letters after the hyphen leaves the word capitalized.
    expect(t[t.length - 1].cap).toBe(true);
    expect(toks('A-' + 'b'.repeat(41))[0].cap).toBe(false);
  });

  it('is linear on a 200 kB adversarial input', () => {
    const text = ("a'-.".repeat(20) + 'É'.repeat(300) + '.A.'.repeat(50) + '\n').repeat(300);
    const t0 = performance.now();
    const t = toks(text);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(t.length).toBeGreaterThan(1000);
  });
});

describe('tagger tokenizer', () => {
  it('splits words, numbers and punctuation as CoNLL does', () => {
    const text = "AT&T's 1,234.5 km/h U.S. rock-'n'-roll 12:30 e.g.\u00a0Zürich 𝐀𝐁 x\u0301y —";
    const toks = tokenizeForTagger(text).flat();
    for (const t of toks) expect(text.slice(t.s, t.e)).toBe(t.text);
    expect(toks.map((t) => t.text)).toEqual(['AT&T', "'s", '1,234.5', 'km', '/', 'h', 'U.S.', 'rock', '-', "'", 'n', "'", '-', 'roll', '12:30', 'e.g.', 'Zürich', '𝐀𝐁', 'x\u0301y', '—']);
  });
});

describe('compact tagger weights', () => {
  it('find the same row for every bucket as the dense table', () => {
    const dense = deserialize(readFileSync(modelPath('nl')));
    // Rebuild a dense Float32 table from the compact one, then compact it again: same rows, same index.
    const bits = dense.bits;
    const full = new Float32Array((1 << bits) * NT);
    let rows = 0;
    for (let b = 0; b < 1 << bits; b++) {
      const r = rowOf(bits, dense.index, b);
      if (r < 0) continue;
      rows++;
      for (let t = 0; t < NT; t++) full[b * NT + t] = dense.w[r + t] * dense.scale;
    }
    expect(rows * NT).toBe(dense.w.length);
    const again = compact({ lang: 'nl', bits, scale: 1, w: full });
    expect(again.w).toEqual(dense.w);
    expect(again.index).toEqual(dense.index);
    // And a model written again from it reads back the same.
    const re = deserialize(serialize('nl', bits, Float64Array.from(full)));
    expect(re.w).toEqual(dense.w);
  });
});

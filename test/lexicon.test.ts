import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../src/extract/entities.js';
import { compromiseLexicon, LEXICON_PATH } from '../src/extract/entities/lexicon.js';
import { lexiconText } from '../src/extract/entities/lexicon-source.js';

describe('compromise lexicon file', () => {
  it('is what the installed compromise package holds (npm run lexicon writes it)', async () => {
    expect(gunzipSync(readFileSync(LEXICON_PATH)).toString('utf8')).toBe(await lexiconText());
  });

  it('gives names, places and dictionary words with their tags', () => {
    const tags = new Map(compromiseLexicon());
    expect(tags.size).toBeGreaterThan(10000);
    expect(tags.get('london')).toContain('City');
    expect([...tags.values()].some((t) => t.includes('FirstName') || t.includes('MaleName') || t.includes('FemaleName'))).toBe(true);
  });

  it('leaves compromise itself to the option that asks for it', () => {
    const text = 'Yesterday John Smith of Acme visited Paris and met Richard Branson in London.';
    const names = extractEntities(text, 'en', { compromise: 'add' }).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['John Smith', 'Paris', 'Richard Branson', 'London']));
  });
});

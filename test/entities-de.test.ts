// German entities: the cross-lingual tagger (models/de.bin, trained on German-looking Dutch and English data) with
// the German lexicons (models/xling-lex.txt.gz) and span repairs. Sentences are made up, in the style of news text.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../src/extract/entities.js';
import { nounKind, tagLexicon, wordInfo } from '../src/extract/tagger/features.js';
import { loadTagger, tagText } from '../src/extract/tagger/index.js';

const ents = (text: string) => extractEntities(text, 'de').map((e) => `${e.type}:${e.name}`);

describe('German common-noun lexicon', () => {
  const lx = tagLexicon('de');
  it('knows inflected nouns, compounds and function words, not names', () => {
    expect(lx.xling).toBeDefined();
    const kind = (w: string) => wordInfo(lx, w).noun;
    expect(kind('Regierung')).toBe(1);
    expect(kind('Jahres')).toBe(1); // genitive of a known noun
    expect(kind('Bundesregierung')).toBe(2); // compound ending in a noun
    expect(kind('EU-Kommission')).toBe(2);
    expect(kind('Dennoch')).toBe(3);
    expect(kind('Die')).toBe(3);
    expect(kind('lassen')).toBe(4); // lower case: a verb first, not the noun "Lassen"
    expect(kind('Berlusconi')).toBe(0);
    expect(kind('Kowalczyk')).toBe(0);
    expect(nounKind(new Set(['welle']), 'schallwelle')).toBe(2);
    expect(nounKind(new Set(['welle']), 'welt')).toBe(0);
  });

  it('maps German function words to the Dutch ones the model was trained with', () => {
    expect(wordInfo(lx, 'von').lower).toBe(wordInfo(tagLexicon('nl'), 'van').lower);
    expect(wordInfo(lx, 'Universität').lower).toBe(wordInfo(tagLexicon('nl'), 'universiteit').lower);
  });
});

describe('German entities', () => {
  it('has a German model', () => {
    const t0 = performance.now();
    expect(loadTagger('de')).not.toBeNull();
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('finds people and places among capitalized nouns', () => {
    const got = ents('Bundeskanzlerin Henrike Alsfeld traf am Montag in Lissabon den Vorsitzenden der Kommission zu einem Gespräch über die Energiepreise.');
    expect(got).toContain('person:Henrike Alsfeld');
    expect(got).toContain('place:Lissabon');
    for (const noun of ['Bundeskanzlerin', 'Montag', 'Vorsitzenden', 'Kommission', 'Gespräch', 'Energiepreise']) {
      expect(got.some((g) => g.endsWith(`:${noun}`))).toBe(false);
    }
  });

  it('reads a sentence of common nouns as no names at all', () => {
    expect(ents('Die Lärmschutzwerte an den Autobahnen sollen nach dem Willen der Verkehrsplaner deutlich sinken.')).toEqual([]);
  });

  it('does not run a name on over lower-case words or into a following noun', () => {
    const got = ents('Im Finale stand der Stürmer Milan Kowalczyk zu Beginn nicht auf dem Platz.');
    expect(got).toContain('person:Milan Kowalczyk');
    expect(got.some((g) => /Kowalczyk (zu|Beginn)/.test(g))).toBe(false);
  });

  it('keeps a party acronym after a person apart from the person', () => {
    const got = ents('Am Abend sprach Verkehrsministerin Karola Wendt (SPD) von einem guten Kompromiss.');
    expect(got).toContain('person:Karola Wendt');
    expect(got).toContain('organization:SPD');
  });

  it('types companies by their legal form and places in the genitive', () => {
    const got = ents('Die Halvorsen Maschinenbau GmbH aus Bielefeld liefert künftig auch nach Norwegen.');
    expect(got).toContain('organization:Halvorsen Maschinenbau GmbH');
    expect(got).toContain('place:Bielefeld');
    expect(got).toContain('place:Norwegen');
    const gen = tagText('Die Wirtschaft Norwegens wuchs im vergangenen Jahr kräftig.', 'de').map((s) => s.type);
    expect(gen).toEqual(['LOC']);
  });

  it('keeps particles, initials and family names with a person', () => {
    const got = ents('Den Preis überreichte Konstantin von Wartenfeld gemeinsam mit Walter J. Brinkmann und Tobias Hammer.');
    expect(got).toContain('person:Konstantin von Wartenfeld');
    expect(got).toContain('person:Walter J. Brinkmann');
    expect(got).toContain('person:Tobias Hammer');
  });

  it('reads sports clubs and saints as one name', () => {
    const got = ents('Der 1. FC Lindenau spielte gegen den VfB Kassel, danach besuchten die Fans die St. Ansgarkapelle.');
    expect(got).toContain('organization:1. FC Lindenau');
    expect(got).toContain('organization:VfB Kassel');
    expect(got.some((g) => g.startsWith('place:St. Ansgarkapelle'))).toBe(true);
  });
});


import { describe, expect, it } from 'vitest';
import type { EntityItem } from '../src/export/schema.js';
import { extractEntities } from '../src/extract/entities.js';

function checkOffsets(text: string, items: EntityItem[]): void {
  for (const e of items) {
    expect(e.mentions.length).toBeGreaterThan(0);
    const forms = new Set([e.name, ...e.aliases]);
    for (const m of e.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.end).toBeGreaterThan(m.start);
      expect(forms.has(text.slice(m.start, m.end))).toBe(true);
    }
  }
}

const find = (items: EntityItem[], name: string) => items.find((e) => e.name === name || e.aliases.includes(name));

describe('extractEntities', () => {
  it('keeps legal-form company names whole and links the defined short name', () => {
    const text = 'On March 3, Bluewater Robotics Co., Ltd. (hereinafter referred to as “Bluewater”) and Kestrel Optics Inc. signed an agreement. Bluewater will supply parts to Kestrel Optics Inc. from 2026.';
    const items = extractEntities(text, 'en');
    checkOffsets(text, items);
    const bw = find(items, 'Bluewater Robotics Co., Ltd.');
    expect(bw?.type).toBe('organization');
    expect(bw?.name).toBe('Bluewater Robotics Co., Ltd.');
    expect(bw?.aliases).toContain('Bluewater');
    expect(bw?.mentions.length).toBe(3);
    expect(find(items, 'Kestrel Optics Inc.')?.type).toBe('organization');
    expect(items.some((e) => e.name === 'Co., Ltd.' || e.name === 'Ltd.')).toBe(false);
  });

  it('handles German, French and Dutch legal forms and a quoted definition', () => {
    const text = 'Die Nordlicht Maschinenbau GmbH („Nordlicht“) arbeitet mit der Talvik Systeme AG zusammen. Nordlicht liefert Motoren.';
    const items = extractEntities(text, 'de');
    checkOffsets(text, items);
    expect(find(items, 'Nordlicht Maschinenbau GmbH')?.aliases).toContain('Nordlicht');
    expect(find(items, 'Talvik Systeme AG')?.type).toBe('organization');
    const fr = 'La société Verdane Énergie SAS (« Verdane ») a signé avec Brume Logistique SARL.';
    const itemsFr = extractEntities(fr, 'fr');
    checkOffsets(fr, itemsFr);
    expect(find(itemsFr, 'Verdane Énergie SAS')?.aliases).toContain('Verdane');
    expect(find(itemsFr, 'Brume Logistique SARL')?.type).toBe('organization');
  });

  it('finds titled people with their role and links surname mentions', () => {
    const text = 'During the launch, Liu Wenhao, Chairman of Brightpeak Holding Group Co. Ltd, spoke about exports. Later, Ms. Harriet Olsen presented the plan. Wenhao said the plan is ambitious.';
    const items = extractEntities(text, 'en');
    checkOffsets(text, items);
    const liu = find(items, 'Liu Wenhao');
    expect(liu?.type).toBe('person');
    expect(liu?.role).toBe('Chairman of Brightpeak Holding Group Co. Ltd');
    expect(liu?.aliases).toContain('Wenhao');
    expect(find(items, 'Harriet Olsen')?.type).toBe('person');
    expect(find(items, 'Brightpeak Holding Group Co. Ltd')?.type).toBe('organization');
    expect(items.some((e) => e.name.startsWith('Ms'))).toBe(false);
  });

  it('titles in other languages', () => {
    const text = 'Según la Sra. Lucía Ferrán, el proyecto avanza. El Sr. Tomás Quiroga no comentó.';
    const items = extractEntities(text, 'es');
    checkOffsets(text, items);
    expect(find(items, 'Lucía Ferrán')?.type).toBe('person');
    expect(find(items, 'Tomás Quiroga')?.type).toBe('person');
  });

  it('recognizes countries in five languages, with alternate names merged', () => {
    const cases: Array<[string, string, string]> = [
      ['en', 'The company exports cars to Turkey and Brazil. Its plant in Türkiye opened in 2020.', 'Turkey'],
      ['fr', 'Le groupe vend ses voitures en Allemagne et au Brésil.', 'Allemagne'],
      ['de', 'Das Unternehmen liefert nach Frankreich und in die Tschechische Republik sowie nach Tschechien.', 'Frankreich'],
      ['es', 'La empresa opera en Alemania, Chile y Costa de Marfil.', 'Alemania'],
      ['pt', 'A empresa vende carros no Brasil e na Alemanha.', 'Alemanha'],
    ];
    for (const [lang, text, name] of cases) {
      const items = extractEntities(text, lang);
      checkOffsets(text, items);
      expect(find(items, name)?.type, `${lang}: ${name}`).toBe('place');
    }
    const en = extractEntities(cases[0][1], 'en');
    const tr = en.filter((e) => e.name === 'Turkey' || e.name === 'Türkiye' || e.aliases.includes('Türkiye'));
    expect(tr.length).toBe(1);
    expect(tr[0].mentions.length).toBe(2);
    const de = extractEntities(cases[2][1], 'de');
    const cz = de.filter((e) => /Tschech/.test(e.name));
    expect(cz.length).toBe(1);
    expect(cz[0].mentions.length).toBe(2);
  });

  it('finds events with their year', () => {
    const text = 'More than 500 dealers attended the 2025 Harbor Mobility Summit in Lisbon, which closed the Harbor Tech Day.';
    const items = extractEntities(text, 'en');
    checkOffsets(text, items);
    expect(find(items, '2025 Harbor Mobility Summit')?.type).toBe('event');
    expect(find(items, 'Harbor Tech Day')?.type).toBe('event');
    expect(find(items, 'Lisbon')?.type).toBe('place');
  });

  it('links an abbreviation in parentheses and keeps Romance institution names whole', () => {
    const text = 'Researchers from Westmoor Polytechnic University (WPU) joined the program. WPU will host the lab.';
    const items = extractEntities(text, 'en');
    checkOffsets(text, items);
    const wpu = find(items, 'Westmoor Polytechnic University');
    expect(wpu?.type).toBe('organization');
    expect(wpu?.aliases).toContain('WPU');
    expect(wpu?.mentions.length).toBe(3);
    const fr = "Le laboratoire Orvane a signé un accord avec l'Université technologique de Belcourt, à Lyon.";
    const itemsFr = extractEntities(fr, 'fr');
    checkOffsets(fr, itemsFr);
    expect(find(itemsFr, 'Université technologique de Belcourt')?.type).toBe('organization');
    expect(find(itemsFr, 'laboratoire Orvane')?.type).toBe('organization');
    expect(find(itemsFr, 'Lyon')?.type).toBe('place');
  });

  it('takes lists of all-caps brands as products, not acronyms', () => {
    const text = 'From ZEPHRA, MOLTEX & KARVO, and DUNELL to uLUMO, users love the cars. The plan covers ESG, AI and LCA.';
    const items = extractEntities(text, 'en');
    checkOffsets(text, items);
    expect(find(items, 'ZEPHRA')?.type).toBe('product');
    expect(find(items, 'MOLTEX & KARVO')?.type).toBe('product');
    expect(find(items, 'DUNELL')?.type).toBe('product');
    expect(items.some((e) => e.type === 'product' && (e.name === 'ESG' || e.name === 'AI'))).toBe(false);
  });

  it('does not tag function words or sentence-initial common words', () => {
    const fr = 'Que faire ? Ils ont signé. Le projet que nous avons lancé ont réussi. Dans ce cadre, Le partenaire agit.';
    const items = extractEntities(fr, 'fr');
    checkOffsets(fr, items);
    const names = items.map((e) => e.name.toLowerCase());
    for (const w of ['que', 'ont', 'le', 'dans', 'ils']) expect(names).not.toContain(w);
    const es = 'Que el proyecto avance. Los socios que firmaron ont dicho que sí.';
    expect(extractEntities(es, 'es').map((e) => e.name.toLowerCase())).not.toContain('que');
    const en = 'The plan works. Under the agreement, the parties agree. Die Hard is a film.';
    const namesEn = extractEntities(en, 'en').map((e) => e.name);
    for (const w of ['The', 'Under', 'Die']) expect(namesEn).not.toContain(w);
    const de = 'Die Firma wächst. Der Umsatz steigt. Unter anderem wurde gebaut.';
    const namesDe = extractEntities(de, 'de').map((e) => e.name);
    for (const w of ['Die', 'Der', 'Unter', 'Firma', 'Umsatz']) expect(namesDe).not.toContain(w);
  });

  it('merges a shorter name into the longer company name and case variants', () => {
    const text = 'Solvent Marine Automobile Co., Ltd. reported growth. Solvent Marine plans new models. SOLVENT MARINE fans cheered.';
    const items = extractEntities(text, 'en');
    checkOffsets(text, items);
    const org = items.filter((e) => e.type === 'organization');
    expect(org.length).toBe(1);
    expect(org[0].name).toBe('Solvent Marine Automobile Co., Ltd.');
    expect(org[0].aliases).toEqual(expect.arrayContaining(['Solvent Marine', 'SOLVENT MARINE']));
  });

  it('returns quickly on 100 kB adversarial inputs, with valid offsets', () => {
    const inputs = [
      'Co., '.repeat(20000),
      'A '.repeat(50000),
      'Alpha '.repeat(16000),
      'ABCD, '.repeat(16000),
      '(“'.repeat(30000),
      'Mr. '.repeat(25000),
      'a'.repeat(100000),
      'Ab&'.repeat(33000),
      'X Ltd. (hereinafter referred to as “'.repeat(3000),
    ];
    for (const text of inputs) {
      for (const lang of ['en', 'fr', 'de']) {
        const items = extractEntities(text, lang);
        checkOffsets(text, items);
      }
    }
  });

  it('returns nothing for empty text and handles unknown languages', () => {
    expect(extractEntities('', 'en')).toEqual([]);
    const text = 'Bluewater Robotics Co., Ltd. opened an office in Tokyo.';
    const items = extractEntities(text, 'it');
    checkOffsets(text, items);
    expect(find(items, 'Bluewater Robotics Co., Ltd.')?.type).toBe('organization');
  });
});

describe('wire agencies in datelines', () => {
  it('reads the agency of a dateline as an organization, in any language', () => {
    const de = 'Berlin (ots) - Die Stadtwerke Potsdam haben am Montag ihre Bilanz vorgelegt.\nMünchen/Hamburg (dpa) Der Vorstand tagte.';
    const names = extractEntities(de, 'de').filter((e) => e.type === 'organization').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['ots', 'dpa']));
    const en = 'LONDON (Reuters) - Acme Holdings plc said on Tuesday that profits rose.';
    expect(extractEntities(en, 'en').find((e) => e.name === 'Reuters')?.type).toBe('organization');
  });

  it('leaves places and words in parentheses alone', () => {
    const text = 'Robbie Fowler (England) 2\nDie Sitzung (zukünftige) - wurde vertagt.\nParis (France) - Le salon ouvre.';
    const ents = extractEntities(text, 'en');
    expect(ents.filter((e) => e.type === 'organization').map((e) => e.name)).not.toEqual(expect.arrayContaining(['England']));
    expect(ents.some((e) => e.name === 'zukünftige' || (e.name === 'France' && e.type === 'organization'))).toBe(false);
  });
});

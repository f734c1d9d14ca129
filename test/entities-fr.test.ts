// French entity rules: head-first institution and event names, context cues, place shapes, acronyms, coordination.
// Sentences are realistic press-release French; names are invented (none from eval/entities-fr).
import { describe, expect, it } from 'vitest';
import type { EntityItem } from '../src/export/schema.js';
import { extractEntities } from '../src/extract/entities.js';

function run(text: string): EntityItem[] {
  const items = extractEntities(text, 'fr');
  for (const e of items) {
    const forms = new Set([e.name, ...e.aliases]);
    for (const m of e.mentions) expect(forms.has(text.slice(m.start, m.end))).toBe(true);
  }
  return items;
}
const find = (items: EntityItem[], form: string) => items.find((e) => e.name === form || e.aliases.includes(form));
const typeOf = (items: EntityItem[], form: string) => find(items, form)?.type;

describe('French institution names', () => {
  it('keeps a long lower-case name whole up to its acronym', () => {
    const items = run("Le dossier a été transmis à l'Autorité de sûreté nucléaire et de radioprotection (ASNR), qui rendra son avis en juin.");
    const asnr = find(items, 'Autorité de sûreté nucléaire et de radioprotection');
    expect(asnr?.type).toBe('organization');
    expect(asnr?.aliases).toContain('ASNR');
  });

  it('spells acronyms with link words and hyphenated parts', () => {
    const items = run('La Banque ouest-africaine de développement (BOAD) finance le projet avec la Société générale de surveillance (SGS).');
    expect(find(items, 'Banque ouest-africaine de développement')?.aliases).toContain('BOAD');
    expect(find(items, 'Société générale de surveillance')?.aliases).toContain('SGS');
  });

  it('takes adjectives after a head noun but not verbs', () => {
    const items = run("Le programme est financé par la Commission européenne. Depuis 2020, la Société vise désormais les marchés allemands.");
    expect(typeOf(items, 'Commission européenne')).toBe('organization');
    expect(items.some((e) => /vise|désormais/.test(e.name))).toBe(false);
  });

  it('stops after a proper-noun complement', () => {
    const items = run("La Cour d'appel de Rennes de la demande de l'exploitant ne s'est pas prononcée.");
    expect(typeOf(items, "Cour d'appel de Rennes")).toBe('organization');
    expect(items.some((e) => e.name.includes('demande'))).toBe(false);
  });

  it('drops a sentence-initial article before a head noun', () => {
    const items = run('Le Conseil départemental de la Creuse a voté le budget mardi.');
    expect(typeOf(items, 'Conseil départemental de la Creuse')).toBe('organization');
  });

  it('gives the acronym to the longest name before it, not to a place inside it', () => {
    const items = run('Le Port autonome de Dakar (PAD) a signé la convention.');
    const pad = find(items, 'PAD');
    expect(pad?.type).toBe('organization');
    expect(pad?.name).toBe('Port autonome de Dakar');
  });

  it('strips a sentence-initial common noun before "de"', () => {
    const items = run('Reprise de Fonderies Marlière : les salariés créent une coopérative.');
    expect(typeOf(items, 'Fonderies Marlière')).toBe('organization');
    expect(items.some((e) => e.name.startsWith('Reprise'))).toBe(false);
  });
});

describe('French context cues', () => {
  it('types places after "à" and place nouns, and by their hyphenated shape', () => {
    const items = run("L'entreprise a ouvert une usine à Quimperlé et un entrepôt dans la commune de Plouay. Les équipes de Bagnols-sur-Cèze suivront.");
    expect(typeOf(items, 'Quimperlé')).toBe('place');
    expect(typeOf(items, 'Plouay')).toBe('place');
    expect(typeOf(items, 'Bagnols-sur-Cèze')).toBe('place');
  });

  it('knows French départements from the gazetteer', () => {
    const items = run('La laiterie, installée en Mayenne et dans le Morbihan, emploie 120 personnes.');
    expect(typeOf(items, 'Mayenne')).toBe('place');
    expect(typeOf(items, 'Morbihan')).toBe('place');
  });

  it('types organizations after descriptors, with adjectives in between', () => {
    const items = run('Le projet est soutenu par le fonds suisse Alpinvest et par la fintech nantaise Kermoor.');
    expect(typeOf(items, 'Alpinvest')).toBe('organization');
    expect(typeOf(items, 'Kermoor')).toBe('organization');
  });

  it('does not take an untyped pair of words for a person without a clue', () => {
    const items = run('« Nous sommes prêts », explique Yaëlle Karadec. Le collectif Orage Bleu présentera ses œuvres avec Tourisme Vendée.');
    expect(typeOf(items, 'Yaëlle Karadec')).toBe('person');
    expect(typeOf(items, 'Orage Bleu')).toBe('organization');
    expect(typeOf(items, 'Tourisme Vendée')).toBe('organization');
  });

  it('reads compound given names', () => {
    const items = run('Renseignements : Anne-Gaëlle Quéré, relations presse.');
    expect(typeOf(items, 'Anne-Gaëlle Quéré')).toBe('person');
  });

  it('types products by what they are', () => {
    const items = run("Le laboratoire teste son anticorps Olvérimab chez 80 patients. La société lance Kalipso, une application de paie. Le robot KX-40 sera livré en mars.");
    expect(typeOf(items, 'Olvérimab')).toBe('product');
    expect(typeOf(items, 'Kalipso')).toBe('product');
    expect(typeOf(items, 'KX-40')).toBe('product');
  });

  it('types a name listed with a typed one', () => {
    const items = run('Des bureaux ouvriront dans les régions de Matam et de Kédougou.');
    expect(typeOf(items, 'Matam')).toBe('place');
    expect(typeOf(items, 'Kédougou')).toBe('place');
  });
});

describe('French event names', () => {
  it('reads head-first event names and events after "lors de"', () => {
    const items = run("Le groupe exposera lors du Salon international de l'agriculture, puis aux Rencontres nationales du tourisme. La start-up présentera sa solution à Eurosatory 2026.");
    expect(typeOf(items, "Salon international de l'agriculture")).toBe('event');
    expect(typeOf(items, 'Rencontres nationales du tourisme')).toBe('event');
    expect(typeOf(items, 'Eurosatory 2026')).toBe('event');
  });

  it('links a name opened by a lower-case head to its later mentions', () => {
    const items = run("Le festival Lumières d'hiver ouvre vendredi à Annecy. Cette année, Lumières d'hiver attend 50 000 visiteurs.");
    const ev = find(items, "festival Lumières d'hiver");
    expect(ev?.type).toBe('event');
    expect(ev?.aliases).toContain("Lumières d'hiver");
    expect(ev?.mentions.length).toBe(2);
    expect(items.some((e) => e.name === 'Lumières')).toBe(false);
  });
});

describe('French rules stay linear', () => {
  it('handles long adversarial inputs quickly', () => {
    const inputs = [
      'Institut ' + 'de la recherche et de la santé '.repeat(6000),
      'à ' + 'Saint-Saint-'.repeat(8000) + 'X',
      ('le fonds belge ' + 'Alpha ').repeat(6000),
      'Agence ' + 'nationale '.repeat(20000) + '(' + 'A'.repeat(9) + ')',
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      run(text);
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/extract/figures.js';

type Row = [input: string, kind: string, value: number, unit: string | null, qualifier: string | null];

// One table per locale, same shape: the first figure found in `input` must have these fields.
const SPECS: Record<string, Row[]> = {
  en: [
    ['The firm now sells in more than 45 markets.', 'count', 45, 'market', 'min'],
    ['It delivered 2.4 million cars last year.', 'count', 2400000, 'car', null],
    ['Output reached over 3,500 electric trucks.', 'count', 3500, 'truck', 'min'],
    ['They hired four new engineers.', 'count', 4, 'engineer', null],
    ['The fund raised $12 million.', 'money', 12000000, 'USD', null],
    ['A deal worth US$ 3.5 billion was signed.', 'money', 3500000000, 'USD', null],
    ['Revenue hit €2bn.', 'money', 2000000000, 'EUR', null],
    ['Sales of HK$40 million were booked.', 'money', 40000000, 'HKD', null],
    ['Prices of 250 yuan apply.', 'money', 250, 'CNY', null],
    ['The grant totals CHF 1\'250\'000.', 'money', 1250000, 'CHF', null],
    ['Margins rose 7.5% this quarter.', 'percent', 7.5, null, null],
    ['Costs fell by nearly 12 percent.', 'percent', 12, null, 'approx'],
    ['Efficiency is up to 40 per cent higher.', 'percent', 40, null, 'max'],
    ['The team finished 42nd overall.', 'ordinal', 42, null, null],
    ['The brand is No. 3 in the region.', 'ordinal', 3, null, null],
    ['The plant has a 150 MW capacity.', 'quantity', 150, 'MW', null],
    ['The route covers 1,200 km of coast.', 'quantity', 1200, 'km', null],
    ['It stores 5 GWh of energy.', 'quantity', 5, 'GWh', null],
    ['Emissions dropped by 30,000 tonnes.', 'quantity', 30000, 't', null],
    ['About two thirds agreed.', 'count', 2 / 3, null, 'approx'],
    ['It received less than 500 applications.', 'count', 500, 'application', 'max'],
    ['The ticket was seven dollars twenty-five cents.', 'money', 7.25, 'USD', null],
    ['Each bag weighs 25 pounds.', 'quantity', 25, 'lb', null],
    ['The parcel weighs 3 (kg) in total.', 'quantity', 3, 'kg', null],
    ['Its market value is near 4.7b now.', 'count', 4700000000, null, null],
    ['per cent of 35', 'percent', 35, null, null],
    ['They sold half a dozen units.', 'count', 6, 'unit', null],
  ],
  fr: [
    ['Le groupe compte plus de 1 200 salariés.', 'count', 1200, 'salarié', 'min'],
    ['Il a ouvert trois nouveaux ateliers.', 'count', 3, 'atelier', null],
    ['Un budget de 4,5 millions d\u2019euros est prévu.', 'money', 4500000, 'EUR', null],
    ['Le chiffre atteint 2,3 milliards de dollars.', 'money', 2300000000, 'USD', null],
    ['La part monte à 18 % en un an.', 'percent', 18, null, null],
    ['Près de 40 pour cent des clients répondent.', 'percent', 40, null, 'approx'],
    ['Elle termine 3e du classement.', 'ordinal', 3, null, null],
    ['La ligne mesure 12,5 km au total.', 'quantity', 12.5, 'km', null],
    ['Environ 800 tonnes de déchets sont triées.', 'quantity', 800, 't', 'approx'],
    ['Le ticket coûte trois euros et quinze centimes.', 'money', 3.15, 'EUR', null],
    ['Le colis pèse 25 livres.', 'quantity', 25, 'lb', null],
    ['Le réseau relie quarante-deux villes.', 'count', 42, 'ville', null],
  ],
  de: [
    ['Das Werk hat mehr als 2.500 Beschäftigte.', 'count', 2500, 'beschäftigte', 'min'],
    ['Rund 1,2 Mio. Euro fließen in das Projekt.', 'money', 1200000, 'EUR', 'approx'],
    ['Der Umsatz stieg auf 3,4 Mrd. USD.', 'money', 3400000000, 'USD', null],
    ['Der Anteil liegt bei 27 Prozent.', 'percent', 27, null, null],
    ['Bis zu 15 % weniger Energie.', 'percent', 15, null, 'max'],
    ['Sie belegt den 4. Platz im Ranking.', 'ordinal', 4, null, null],
    ['Die Anlage erzeugt 80 Megawatt Strom.', 'quantity', 80, 'MW', null],
    ['Etwa zweihundertfünfzig Gäste kamen.', 'count', 250, 'gäste', 'approx'],
    ['Zwei Drittel der Befragten stimmten zu.', 'count', 2 / 3, null, null],
    ['Das Ticket kostet neun Euro und zwanzig Cent.', 'money', 9.2, 'EUR', null],
    ['Eine halbe Million Menschen kamen.', 'count', 500000, 'mensch', null],
    ['Das Paket wiegt 40 Pfund.', 'quantity', 40, 'lb', null],
    ['Es kamen neunundneunzigtausendfünfhundert Fans.', 'count', 99500, 'fans', null],
    ['Im Stadion saßen siebzehntausend Zuschauer.', 'count', 17000, 'zuschauer', null],
    ['Der Konzern zahlte 120 Millionen Pfund.', 'money', 120000000, 'GBP', null],
  ],
  es: [
    ['La empresa tiene más de 300 tiendas.', 'count', 300, 'tienda', 'min'],
    ['Invertirá 5 mil millones de dólares.', 'money', 5000000000, 'USD', null],
    ['El precio es de 12,50 euros.', 'money', 12.5, 'EUR', null],
    ['Las ventas crecieron un 14 por ciento.', 'percent', 14, null, null],
    ['Cerca de 2.000 empleados asistieron.', 'count', 2000, 'empleado', 'approx'],
    ['Ocupa el 5º puesto.', 'ordinal', 5, null, null],
    ['El parque cubre 40 hectáreas.', 'quantity', 40, 'ha', null],
    ['Abrió veinticinco ciudades nuevas.', 'count', 25, 'ciudad', null],
    ['El boleto cuesta ocho dólares con cuarenta centavos.', 'money', 8.4, 'USD', null],
    ['Pesa cuatro libras en total.', 'quantity', 4, 'lb', null],
    ['Recibió siete treintaidosavos del total.', 'count', 7 / 32, null, null],
    ['Pagó U$D 45 millones por la planta.', 'money', 45000000, 'USD', null],
  ],
  pt: [
    ['A rede tem mais de 150 lojas.', 'count', 150, 'loja', 'min'],
    ['O aporte soma R$ 2,5 milhões.', 'money', 2500000, 'BRL', null],
    ['O lucro foi de 30 milhões de euros.', 'money', 30000000, 'EUR', null],
    ['A alta foi de 9,5%.', 'percent', 9.5, null, null],
    ['Cerca de 60 por cento dos clientes.', 'percent', 60, null, 'approx'],
    ['Ficou em 2º lugar.', 'ordinal', 2, null, null],
    ['A usina gera 500 megawatts.', 'quantity', 500, 'MW', null],
    ['Foram contratados duzentos e trinta técnicos.', 'count', 230, 'técnico', null],
    ['O bilhete custa seis euros e dez cêntimos.', 'money', 6.1, 'EUR', null],
    ['O saco pesa 12 libras.', 'quantity', 12, 'lb', null],
    ['Recebeu três quinze avos da herança.', 'count', 3 / 15, null, null],
  ],
};

function checkOffsets(text: string, lang: string) {
  const figs = extractFigures(text, lang);
  for (const f of figs) expect(text.slice(f.start, f.end)).toBe(f.text);
  for (let i = 1; i < figs.length; i++) expect(figs[i]!.start).toBeGreaterThanOrEqual(figs[i - 1]!.end);
  return figs;
}

describe('extractFigures: spec tables', () => {
  for (const [lang, rows] of Object.entries(SPECS)) {
    describe(lang, () => {
      it.each(rows)('%s', (input, kind, value, unit, qualifier) => {
        const figs = checkOffsets(input, lang);
        expect(figs.length).toBeGreaterThan(0);
        const f = figs[0]!;
        expect(f.kind).toBe(kind);
        expect(f.value).toBeCloseTo(value, 9);
        expect(f.unit).toBe(unit);
        expect(f.qualifier).toBe(qualifier);
      });
    });
  }
});

describe('extractFigures: qualifiers and ranges are part of the figure', () => {
  it('keeps the qualifier in the text', () => {
    const [f] = checkOffsets('Shipments reached over 2.5 million units.', 'en');
    expect(f!.text).toBe('over 2.5 million units');
  });
  it('reads dash, "to" and "between" ranges', () => {
    const a = checkOffsets('Growth of 5–8% is expected.', 'en')[0]!;
    expect(a).toMatchObject({ kind: 'percent', value: 5, range: { min: 5, max: 8 } });
    const b = checkOffsets('They plan between 20 and 30 stores.', 'en')[0]!;
    expect(b).toMatchObject({ kind: 'count', value: 20, unit: 'store', range: { min: 20, max: 30 } });
    expect(b.text).toBe('between 20 and 30 stores');
    const c = checkOffsets('It will cost 3 to 4 million dollars.', 'en')[0]!;
    expect(c).toMatchObject({ kind: 'money', value: 3000000, range: { min: 3000000, max: 4000000 } });
    const d = checkOffsets('entre 10 et 15 sites', 'fr')[0]!;
    expect(d).toMatchObject({ value: 10, range: { min: 10, max: 15 } });
  });
});

describe('extractFigures: number words (fractions, decimals, ordinals, locale choice)', () => {
  const first = (t: string, lang: string) => checkOffsets(t, lang)[0]!;
  it.each([
    ['three fifths', 'en', 'count', 0.6],
    ['five and a quarter', 'en', 'count', 5.25],
    ['two point five', 'en', 'count', 2.5],
    ['twenty-fifth', 'en', 'ordinal', 25],
    ['un cinquième', 'fr', 'count', 0.2],
    ['deux virgule cinq', 'fr', 'count', 2.5],
    ['fünfundzwanzigster', 'de', 'ordinal', 25],
    ['zwei Komma drei', 'de', 'count', 2.3],
    ['dos coma cinco', 'es', 'count', 2.5],
    ['vigésimo quinto', 'es', 'ordinal', 25],
    ['vinte e cinco', 'pt', 'count', 25],
    ['um sobre três', 'pt', 'count', 1 / 3],
    ['vinte e cinco', 'es', 'count', 25],
    ['dix-sept', 'und', 'count', 17],
    ['4,800', 'und', 'count', 4.8],
    ['7,250 %', 'und', 'percent', 7.25],
  ])('%s (%s)', (text, lang, kind, value) => {
    const f = first(text, lang);
    expect(f.kind).toBe(kind);
    expect(f.value).toBeCloseTo(value, 9);
  });
  it('keeps "first" out of running text unless it ranks', () => {
    const long = 'The company opened its first plant in the region and hired staff. '.repeat(8);
    expect(checkOffsets(long, 'en').map((f) => f.text)).toEqual([]);
    const ranked = `${'The company grew again this year across its markets. '.repeat(8)}It ranked second in the country.`;
    expect(checkOffsets(ranked, 'en').map((f) => [f.text, f.kind, f.value])).toEqual([['second', 'ordinal', 2]]);
  });
});

describe('extractFigures: separators', () => {
  const one = (t: string, lang: string) => checkOffsets(t, lang)[0]!.value;
  it('reads locale-aware digit groups', () => {
    expect(one('we counted 1,234.5 liters', 'en')).toBe(1234.5);
    expect(one('on a compté 1 234,5 litres', 'fr')).toBe(1234.5);
    expect(one('on a compté 1\u00a0234,5 litres', 'fr')).toBe(1234.5);
    expect(one('on a compté 1\u202f234\u202f567 visiteurs', 'fr')).toBe(1234567);
    expect(one('wir zählten 1.234,5 Liter', 'de')).toBe(1234.5);
    expect(one("es kostet CHF 1'234", 'de')).toBe(1234);
    expect(one('a fraction of 0.75 remains', 'en')).toBe(0.75);
  });
});

describe('extractFigures: what is not a figure', () => {
  const none = (t: string, lang = 'en') => expect(checkOffsets(t, lang).map((f) => f.text)).toEqual([]);
  it('skips bare years and dates', () => {
    none('The plant opened in 2017.');
    none('The 2031 Forum takes place in Lisbon.');
    none('On June 3, the board met.');
    none('La réunion a eu lieu le 14 mars.', 'fr');
    none('Signed on 14/03/2024 in Paris.');
    none('Am 3. Mai wurde unterschrieben.', 'de');
  });
  it('skips durations, ages and clock times', () => {
    none('The firm has grown for 12 consecutive years.');
    none('A three-year agreement was signed.');
    none('Most 12-year-olds can swim.');
    none('The call starts at 10:30.');
    none('Over the past five years it expanded.');
  });
  it('skips names, labels, codes and contact data', () => {
    none('The COVID-19 crisis hit hard.');
    none('It reached level 4 autonomy.');
    none('The Model 3 sold well.');
    none('Version v2.1 is out.');
    none('Visit https://example.com/news/2024/123456 today.');
    none('Call +1 415 555 0100 for details.');
    none('Shares trade as NYSE: XYZ and 2333.HK since listing.');
    none('It joined the Fortune Global 500 list.');
    none('The 5G network launched.');
    none('the two companies met', 'en');
    none('les deux parties ont signé', 'fr');
  });
  it('unsupported languages fall back to English words', () => {
    const f = extractFigures('over 40 countries', 'ja');
    expect(f[0]).toMatchObject({ value: 40, unit: 'country', qualifier: 'min' });
    expect(extractFigures('over 40 countries', 'und')[0]!.value).toBe(40);
  });
});

describe('extractFigures: adversarial input', () => {
  const inputs = [
    'a'.repeat(100_000),
    '1,'.repeat(50_000),
    '$'.repeat(100_000),
    'May '.repeat(25_000),
    '9'.repeat(100_000),
    '1 '.repeat(50_000),
    'one '.repeat(25_000),
    'einundeinund'.repeat(8_000),
    'more than '.repeat(10_000),
    '1.'.repeat(50_000),
    '@a.'.repeat(33_000),
    '- 1 -'.repeat(20_000),
  ];
  it.each(inputs.map((s, i) => [i, s]))('input %i returns', (_i, s) => {
    const figs = extractFigures(s as string, 'en');
    expect(Array.isArray(figs)).toBe(true);
    for (const lang of ['fr', 'de']) expect(Array.isArray(extractFigures(s as string, lang))).toBe(true);
  });
});

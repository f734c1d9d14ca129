import type { FigureLocale } from '../figures.js';
import { calendar } from './calendar.js';
import { dotted, omit } from '../calendar.js';

// German figure words (general knowledge). Number words are written as one word ("einhundertdreißig"),
// so `numbers` holds the parts they are made of and `compoundNumbers` is on.
/** Ordinal stems -> value; "erst" and "acht" are also other words, so they only count with an ending. */
const ORDINAL_STEMS: Record<string, number> = {
  erst: 1, zweit: 2, dritt: 3, viert: 4, 'fünft': 5, fuenft: 5, sechst: 6, siebt: 7, siebent: 7, acht: 8, neunt: 9, zehnt: 10, elft: 11, 'zwölft': 12, zwoelft: 12, dreizehnt: 13, vierzehnt: 14, 'fünfzehnt': 15, sechzehnt: 16, siebzehnt: 17, achtzehnt: 18, neunzehnt: 19, zwanzigst: 20, 'dreißigst': 30, dreissigst: 30, vierzigst: 40, 'fünfzigst': 50, sechzigst: 60, siebzigst: 70, achtzigst: 80, neunzigst: 90, hundertst: 100, tausendst: 1000, millionst: 1e6, milliardst: 1e9, billionst: 1e12,
};
function ordinals(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [stem, v] of Object.entries(ORDINAL_STEMS)) {
    for (const end of ['', 'e', 'er', 'en', 'es', 'em']) {
      if (end === '' && (stem === 'erst' || stem === 'acht')) continue;
      out[stem + end] = v;
    }
    if (stem === 'acht') for (const end of ['e', 'er', 'en', 'es', 'em']) out[`acht${end}`] = 8;
  }
  return out;
}

export const figures: FigureLocale = {
  decimal: ',',
  numbers: {
    null: 0, ein: 1, eins: 1, eine: 1, einen: 1, einem: 1, einer: 1, eines: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
    elf: 11, zwölf: 12, zwoelf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, fuenfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18,
    neunzehn: 19, zwanzig: 20, dreißig: 30, dreissig: 30, vierzig: 40, fünfzig: 50, fuenfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80,
    neunzig: 90, einhalb: 0.5, anderthalb: 1.5, eineinhalb: 1.5,
  },
  hundreds: ['hundert'],
  scales: {
    dutzend: 12, tausend: 1e3, million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9, billion: 1e12, billionen: 1e12,
  },
  scaleAbbrevs: { 'Tsd.': 1e3, Tsd: 1e3, 'Mio.': 1e6, Mio: 1e6, 'Mrd.': 1e9, Mrd: 1e9, 'Bio.': 1e12, k: 1e3 },
  standaloneScales: [],
  numberJoin: ['und'],
  compoundNumbers: true,
  articleOnes: ['ein', 'eins', 'eine', 'einen', 'einem', 'einer', 'eines', 'einhalb'],
  ambiguousAlone: ['acht', 'elf', 'null', 'anderthalb'],
  fractions: {
    halbe: 2, halben: 2, halbes: 2, drittel: 3, viertel: 4, fünftel: 5, sechstel: 6, siebtel: 7, achtel: 8, neuntel: 9, zehntel: 10, hundertstel: 100,
  },
  // Ordinals: stems with their endings ("dritt", "dritte", "dritten", "dritter"…), built below.
  ordinals: { ...ordinals(), zuerst: 1 },
  neighbours: [],
  ordinalDenominators: false,
  decimalWords: ['komma'],
  denominatorMarks: [],
  articleNumerators: [],
  fractionOver: ['durch'],
  negative: ['minus', 'negativ'],
  rankCues: ['platz', 'rang', 'position', 'stelle', 'größte', 'größten', 'nr.', 'platziert'],
  percent: ['prozent', 'prozentpunkte', 'prozentpunkten', 'prozentpunkt', 'vh'],
  currencyWords: {
    dollar: 'USD', 'us-dollar': 'USD', 'us dollar': 'USD', 'kanadische dollar': 'CAD', 'australische dollar': 'AUD', 'hongkong-dollar': 'HKD',
    euro: 'EUR', 'britische pfund': 'GBP', 'pfund sterling': 'GBP', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY',
    franken: 'CHF', 'schweizer franken': 'CHF', rupien: 'INR', 'indische rupien': 'INR', won: 'KRW', real: 'BRL', rubel: 'RUB',
    kronen: '', 'dänische kronen': 'DKK', 'schwedische kronen': 'SEK', 'norwegische kronen': 'NOK', zloty: 'PLN', mark: '', 'finnische mark': '', riel: 'KHR', 'kambodschanische riel': 'KHR',
  },
  minorUnits: { cent: '', cents: '', rappen: 'CHF', pence: 'GBP' },
  scaleOf: [],
  unitWords: {
    kilometer: 'km', kilometern: 'km', meter: 'm', metern: 'm', zentimeter: 'cm', zentimetern: 'cm', millimeter: 'mm', millimetern: 'mm',
    nanometer: 'nm', nanometern: 'nm', mikrometer: 'µm', quadratmeter: 'm²', quadratmetern: 'm²', quadratkilometer: 'km²', quadratkilometern: 'km²',
    kubikmeter: 'm³', kubikmetern: 'm³', hektar: 'ha', tonne: 't', tonnen: 't', kilogramm: 'kg', kilo: 'kg', gramm: 'g', milligramm: 'mg',
    liter: 'l', litern: 'l', milliliter: 'ml', hektoliter: 'hl', meile: 'mi', meilen: 'mi', fuß: 'ft', zoll: 'in', barrel: 'bbl',
    kilowatt: 'kW', megawatt: 'MW', gigawatt: 'GW', kilowattstunden: 'kWh', kilowattstunde: 'kWh', megawattstunden: 'MWh', gigawattstunden: 'GWh',
    terawattstunden: 'TWh', 'stundenkilometer': 'km/h', 'kilometer pro stunde': 'km/h', 'metern pro sekunde': 'm/s', 'meter pro sekunde': 'm/s',
    grad: '°', 'grad celsius': '°C', ps: 'PS', pfund: 'lb', teelöffel: 'TL', esslöffel: 'EL',
  },
  ordinalSuffixes: [],
  rankPrefixes: ['nr.', 'nr', 'nummer', 'no.', '#'],
  dotOrdinalBefore: [
    'der', 'die', 'das', 'dem', 'den', 'des', 'zum', 'zur', 'am', 'im', 'beim', 'vom', 'ihr', 'ihre', 'ihrem', 'ihren', 'sein', 'seine', 'seinem',
    'seinen', 'unser', 'unsere', 'unserem', 'unseren', 'dessen', 'deren', 'diese', 'dieser', 'dieses', 'diesem', 'jede', 'jeder', 'jedes',
  ],
  qualifiers: {
    'mehr als': 'min', über: 'min', 'ueber': 'min', mindestens: 'min', 'wenigstens': 'min', 'oberhalb von': 'min', 'knapp über': 'min',
    'bis zu': 'max', unter: 'max', 'weniger als': 'max', höchstens: 'max', maximal: 'max', 'knapp unter': 'max',
    rund: 'approx', etwa: 'approx', ungefähr: 'approx', circa: 'approx', 'ca.': 'approx', zirka: 'approx', knapp: 'approx', fast: 'approx', beinahe: 'approx',
    nahezu: 'approx', annähernd: 'approx', 'gut': 'approx', 'rd.': 'approx',
  },
  rangeTo: ['bis'],
  rangeBetween: [['zwischen', 'und']],
  rangeNotAfter: ['von'],
  months: [...Object.keys(calendar.months), ...Object.keys(calendar.monthVariants), ...dotted(omit(calendar.monthAbbrevs, ['mär', 'jun', 'jul']))],
  timeUnits: [
    'jahr', 'jahre', 'jahren', 'jahres', 'monat', 'monate', 'monaten', 'woche', 'wochen', 'tag', 'tage', 'tagen', 'stunde', 'stunden', 'minute', 'minuten',
    'sekunde', 'sekunden', 'jahrzehnt', 'jahrzehnte', 'jahrzehnten', 'jahrhundert', 'jahrhunderte', 'quartal', 'quartale', 'quartalen', 'jährige', 'jährigen',
    'jähriger', 'jährig', 'nacht', 'nächte', 'saison', 'saisons',
  ],
  timeUnitBefore: ['aufeinanderfolgende', 'aufeinanderfolgenden', 'vollen', 'volle', 'weitere', 'weiteren', 'letzten', 'nächsten', 'ersten', 'langen'],
  timeMarkers: ['uhr', 'h'],
  nameCues: [
    'level', 'stufe', 'phase', 'modell', 'version', 'generation', 'serie', 'klasse', 'kategorie', 'typ', 'raum', 'saal', 'tor', 'seite', 'seiten',
    'abschnitt', 'artikel', 'kapitel', 'absatz', 'paragraf', 'paragraph', 'linie', 'strecke', 'straße', 'gebäude', 'halle', 'stand', 'tabelle', 'abbildung',
    'anhang', 'teil', 'staffel', 'folge', 'band', 'ausgabe', 'nummer', 'code', 'zone', 'los', 'gruppe', 'team', 'liga', 'top', 'covid', 'industrie',
    'norm', 'ziel', 'scope', 'terminal', 'gleis', 'bahnsteig', 'sektor', 'bundesliga', 'din', 'iso',
  ],
  yearCues: [
    'im', 'in', 'seit', 'bis', 'ab', 'vor', 'nach', 'von', 'für', 'und', 'oder', 'jahr', 'jahres', 'geschäftsjahr', 'anfang', 'ende', 'mitte', 'zwischen',
    'um', 'des', 'das', 'dem', 'den', 'der', 'sommer', 'winter', 'frühjahr', 'herbst', 'als', 'zum',
  ],
  definite: ['die', 'den', 'der', 'diese', 'dieser', 'beide', 'beiden', 'alle', 'ihre', 'seine', 'unsere', 'ersten', 'letzten', 'anderen'],
  stopwords: [
    'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'einen', 'einem', 'eines', 'und', 'oder', 'aber', 'in', 'im', 'an', 'am', 'auf',
    'aus', 'bei', 'beim', 'mit', 'nach', 'seit', 'von', 'vom', 'vor', 'zu', 'zum', 'zur', 'für', 'über', 'unter', 'um', 'als', 'wie', 'ist', 'sind',
    'war', 'waren', 'hat', 'haben', 'hatte', 'hatten', 'wird', 'werden', 'wurde', 'wurden', 'sich', 'nicht', 'auch', 'noch', 'nur', 'bereits',
    'schon', 'mehr', 'weniger', 'pro', 'je', 'jährlich', 'insgesamt', 'weltweit', 'rund', 'etwa', 'prozent', 'mal', 'davon', 'darunter', 'bis',
    'gegenüber', 'zwischen', 'durch', 'ohne', 'gegen', 'sowie', 'bzw', 'es', 'er', 'sie', 'wir', 'ihr', 'man', 'dass', 'was', 'wer', 'welche',
  ],
  nounOrder: 'capitalized',
  preAdjectives: [],
  plural: '.',
  notPlural: [],
  irregular: { länder: 'land', 'mitarbeitende': 'mitarbeitende', leute: 'leute', menschen: 'mensch', staaten: 'staat', kunden: 'kunde', studenten: 'student' },
  singular: [
    ['innen$', 'in'],
  ],
};

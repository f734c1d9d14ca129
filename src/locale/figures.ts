// Locale data for the figures stage (src/extract/figures.ts): the shape every language fills in, the
// language-independent tables (currency symbols and codes, unit symbols, stock exchanges), and the
// registry lang -> data. Words are lower case unless a field says otherwise; the extractor matches
// case-insensitively. Adding a language is adding a file with a FigureLocale and a line in FIGURE_LOCALES.

import { figures as en } from './en/figures.js';
import { figures as fr } from './fr/figures.js';
import { figures as de } from './de/figures.js';
import { figures as es } from './es/figures.js';
import { figures as pt } from './pt/figures.js';

export type QualifierName = 'min' | 'max' | 'approx';

export interface FigureLocale {
  /** The usual decimal mark: '.' reads 1,234.5; ',' reads 1.234,5. A lone separator before 1-2 or 4+ digits is always a decimal mark. */
  decimal: '.' | ',';
  /** Number words -> value: 0..99 (or the parts the language writes them with) and literal hundreds ("doscientos" 200). */
  numbers: Record<string, number>;
  /** Words that multiply what precedes them by 100 ("hundred", "cent", "hundert", "ciento"). */
  hundreds: string[];
  /** Scale words -> value ("thousand" 1e3, "million(s)" 1e6, "milliard" 1e9, "mil millones" 1e9). */
  scales: Record<string, number>;
  /** Scale abbreviations after digits, case-sensitive ("bn", "Mio.", "Mrd."). */
  scaleAbbrevs: Record<string, number>;
  /** Scale words that are a number on their own ("mil" in es/pt); other lone scale words ("millions of") are not figures. */
  standaloneScales: string[];
  /** Connectors inside number words ("and" in "hundred and two", "et" in "vingt et un", "y", "e", "und"). */
  numberJoin: string[];
  /** Number words are written as one word (de "einhundertdreißig"): word parts may follow each other freely. */
  compoundNumbers: boolean;
  /** Forms of "one" that are usually an article ("one", "un", "ein"): never a figure alone. */
  articleOnes: string[];
  /** Number words that are also common words ("neuf"): never a figure alone. */
  ambiguousAlone: string[];
  /** Fraction denominators after a number word or digit ("thirds" 3, "Drittel" 3, "tiers" 3). */
  fractions: Record<string, number>;
  /** Ordinal words -> value ("first" 1, "twenty-fifth" is read as "twenty" + "fifth"; "hundredth" 100, "millionth" 1e6). */
  ordinals: Record<string, number>;
  /** Ordinal words from "third" on are also fraction denominators ("three fifths", "un cinquième", "dos quintos"). */
  ordinalDenominators: boolean;
  /** Decimal marks in words ("point", "virgule", "Komma", "coma", "vírgula"). */
  decimalWords: string[];
  /** A word after a number that makes it a denominator ("avos": "dois onze avos" = 2/11). */
  denominatorMarks: string[];
  /** Articles that stand for "one" before a scale, fraction or ordinal word ("a dozen", "a half", "a fifth"). */
  articleNumerators: string[];
  /** Words between a numerator and a denominator ("one over three", "un sur trois", "uno sobre tres"). */
  fractionOver: string[];
  /** Words that make the number after them negative ("minus", "negative"). */
  negative: string[];
  /** Words that make "first"…"tenth" a rank in running text ("ranked", "place", "Platz"). */
  rankCues: string[];
  /** Close neighbours whose currency and unit words this locale also reads ("pt" for "es"). */
  neighbours: string[];
  /** Percent words after a number ("percent", "pour cent", "Prozent"). */
  percent: string[];
  /** Percent words before the number, when they open the phrase ("percent of 10"); optional. */
  percentBefore?: string[];
  /** Currency words after a number -> ISO 4217 code, or '' when the currency is known but has no current code ("francs"). */
  currencyWords: Record<string, string>;
  /** Minor-unit currency words ("cents", "pence"): money, amount as written, unit from `minorUnits` or null. */
  minorUnits: Record<string, string>;
  /** Words between a scale word and what it counts ("de" in "millions de dollars", "d'"). */
  scaleOf: string[];
  /** Unit words after a number -> unit symbol ("kilometres" km, "Tonnen" t). Singular and plural. */
  unitWords: Record<string, string>;
  /** Suffixes that make a digit number an ordinal ("st", "nd", "rd", "th"; "e", "er", "ème"; "º"). Case-insensitive. */
  ordinalSuffixes: string[];
  /** Words before a digit number that make it a rank ("No.", "Nr.", "n°"). */
  rankPrefixes: string[];
  /** Only de: articles and prepositions before "3." that make it an ordinal ("der", "zum"). */
  dotOrdinalBefore: string[];
  /** Qualifier words right before a figure -> min | max | approx. */
  qualifiers: Record<string, QualifierName>;
  /** Range connectors between two numbers ("to", "à", "bis"); dashes always work. */
  rangeTo: string[];
  /** Range frames: [before, between] as in "between 5 and 10". */
  rangeBetween: Array<[string, string]>;
  /** A word before the first number that makes "X to Y" a change, not a range ("from"). */
  rangeNotAfter: string[];
  /** Month names and abbreviations: a number next to one is a date (the dates stage takes it). */
  months: string[];
  /** Time units: a number before one ("18 years", "two-year") is a duration or an age (dates stage). */
  timeUnits: string[];
  /** Words allowed between a number and a time unit ("consecutive"). */
  timeUnitBefore: string[];
  /** Markers after a number that make it a clock time ("a.m.", "Uhr", "h"). */
  timeMarkers: string[];
  /** Words before a number that make it part of a name or label ("level 4", "phase 2", "model 3"). */
  nameCues: string[];
  /** Words before a bare four-digit year-like number that make it a year ("in 2017"). */
  yearCues: string[];
  /** Definite words before a number word that make it a reference, not a figure ("the two sides", "les deux parties"). */
  definite: string[];
  /** Words that end a counted-noun search: articles, prepositions, conjunctions, pronouns, auxiliaries, adverbs. */
  stopwords: string[];
  /** How the counted noun is found: 'head-last' (en: up to two modifiers, then a plural head), 'head-first'
   *  (fr/es/pt: the next word, after an optional pre-adjective), 'capitalized' (de: the next capitalized word). */
  nounOrder: 'head-last' | 'head-first' | 'capitalized';
  /** Adjectives that may stand between a number and its noun in head-first languages ("grands", "nouveaux"). */
  preAdjectives: string[];
  /** A word that looks plural (regex source, tested on the lower-case word). */
  plural: string;
  /** Words that look plural but are not, or are not nouns ("overseas", "news"). */
  notPlural: string[];
  /** Irregular plurals -> singular ("people" -> "person"). */
  irregular: Record<string, string>;
  /** Singularization rules, first match wins: [suffix regex source, replacement]. */
  singular: Array<[string, string]>;
}

/** Currency symbols (before or after the amount) -> ISO 4217. Letter-prefixed dollars first. */
export const CURRENCY_SYMBOLS: Record<string, string> = {
  'US$': 'USD', 'USD$': 'USD', 'usd$': 'USD', 'U$D': 'USD', 'U$S': 'USD', 'U.S.$': 'USD', 'C$': 'CAD', 'CA$': 'CAD', 'CAD$': 'CAD', 'A$': 'AUD', 'AU$': 'AUD', 'AUD$': 'AUD',
  'NZ$': 'NZD', 'HK$': 'HKD', 'S$': 'SGD', 'SG$': 'SGD', 'NT$': 'TWD', 'MX$': 'MXN', 'R$': 'BRL', 'RM': 'MYR', 'Rp': 'IDR',
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '￥': 'CNY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₾': 'GEL', '₭': 'LAK',
  '₫': 'VND', '₦': 'NGN', '₱': 'PHP', '₪': 'ILS', '฿': 'THB', '₴': 'UAH', 'zł': 'PLN', 'Fr.': 'CHF', 'SFr.': 'CHF', 'RMB': 'CNY',
};

/** ISO 4217 codes accepted before or after an amount (upper case, matched case-sensitively). */
export const CURRENCY_CODES: string[] = [
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CNH', 'HKD', 'TWD', 'CHF', 'CAD', 'AUD', 'NZD', 'SGD', 'INR', 'KRW', 'BRL', 'MXN', 'ARS', 'CLP',
  'COP', 'PEN', 'ZAR', 'RUB', 'TRY', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON', 'AED', 'SAR', 'QAR', 'KWD', 'EGP', 'NGN', 'KES',
  'IDR', 'MYR', 'THB', 'PHP', 'VND', 'PKR', 'BDT', 'ILS', 'UAH', 'KZT', 'GEL', 'LAK', 'LKR', 'MAD', 'UZS',
];

/** Unit symbols after a number (matched case-sensitively). */
export const UNIT_SYMBOLS: string[] = [
  'km/h', 'km/hr', 'kmph', 'kph', 'mph', 'm/s', 'km²', 'km2', 'm²', 'm2', 'm³', 'm3', 'cm²', 'cm2', 'cm³', 'cm3', 'sq ft', 'sq m',
  'km', 'm', 'dm', 'cm', 'mm', 'μm', 'µm', 'nm', 'mi', 'ft', 'yd', 'ha',
  'kg', 'g', 'mg', 'µg', 'μg', 't', 'kt', 'Mt', 'Gt', 'lb', 'lbs', 'oz',
  'l', 'L', 'ml', 'mL', 'cl', 'hl', 'bbl', 'gal',
  'Wh', 'kWh', 'MWh', 'GWh', 'TWh', 'W', 'kW', 'MW', 'GW', 'TW', 'kWp', 'MWp', 'GWp', 'V', 'kV', 'mAh', 'Ah', 'kVA', 'MVA',
  'Hz', 'kHz', 'MHz', 'GHz', 'KB', 'kB', 'MB', 'mb', 'Mb', 'GB', 'TB', 'PB', 'Kbps', 'Mbps', 'Gbps', 'Tbps', 'TOPS', 'TFLOPS', 'PFLOPS',
  '°C', '°F', 'hp', 'PS', 'Nm', 'bar', 'psi', 'kPa', 'MPa', 'dB', 'ppm', 'tCO2e', 'tCO₂e', 'CO2e', 'MtCO2e',
];

/** Stock exchanges: "NYSE: ABC", "HKEX: 9973" are tickers, not figures. */
export const EXCHANGES: string[] = [
  'NYSE', 'NYSE American', 'NASDAQ', 'Nasdaq', 'AMEX', 'OTC', 'OTCQX', 'OTCQB', 'TSX', 'TSXV', 'TSX-V', 'CSE', 'LSE', 'AIM', 'ASX', 'NZX',
  'HKEX', 'HKSE', 'SEHK', 'SSE', 'SZSE', 'SGX', 'KRX', 'KOSDAQ', 'KOSPI', 'TSE', 'TYO', 'JPX', 'NSE', 'BSE', 'SIX', 'SWX', 'FWB', 'ETR',
  'XETRA', 'Xetra', 'Euronext', 'EPA', 'BIT', 'BME', 'OMX', 'WSE', 'JSE', 'TASE', 'B3', 'BMV', 'IDX', 'SET', 'PSE', 'Bursa', 'Tadawul',
  'stock code', 'Stock Code', 'ticker',
];

/** Suffixes of exchange-qualified tickers ("2333.HK", "600104.SS"). */
export const TICKER_SUFFIXES: string[] = ['HK', 'SS', 'SH', 'SZ', 'T', 'KS', 'KQ', 'TW', 'SI', 'AX', 'L', 'DE', 'PA', 'TO', 'V', 'NS', 'BO'];

export const FIGURE_LOCALES: Record<string, FigureLocale> = { en, fr, de, es, pt };

/** The locale code for a language and whether pressx has figure words for it (else English is the default). */
export function figureLocaleInfo(lang: string): { code: string; supported: boolean } {
  const code = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return FIGURE_LOCALES[code] ? { code, supported: true } : { code: 'en', supported: false };
}

/** Locale data for a language code; English for 'und' and languages without data. */
export function figureLocale(lang: string): { code: string; data: FigureLocale } {
  const code = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return FIGURE_LOCALES[code] ? { code, data: FIGURE_LOCALES[code] } : { code: 'en', data: en };
}

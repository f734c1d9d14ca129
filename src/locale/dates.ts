// Locale data for the dates stage (src/extract/dates.ts): the shape every language fills in, and the
// registry lang -> data. All words are lower case; the extractor matches case-insensitively.
// Adding a language is adding a file with a DateLocale and a line in DATE_LOCALES.

import { dates as en } from './en/dates.js';
import { dates as fr } from './fr/dates.js';
import { dates as de } from './de/dates.js';
import { dates as es } from './es/dates.js';
import { dates as pt } from './pt/dates.js';

/** Calendar units: Y year, M month, W week, D day, H hour, MIN minute, S second, DE decade, CE century, Q quarter, HY half-year, WE weekend. */
export type DateUnit = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S' | 'DE' | 'CE' | 'Q' | 'HY' | 'WE';
/** TIMEX3 parts of day. */
export type PartOfDay = 'MO' | 'MI' | 'AF' | 'EV' | 'NI';
/** -1 last/previous, 0 this/current, 1 next/coming. */
export type Shift = -1 | 0 | 1;

export interface DateLocale {
  /** Month names and abbreviations -> 1..12. */
  months: Record<string, number>;
  /** Month forms that are also common words or names: taken alone only after a word of `monthContext`. */
  ambiguousMonths: string[];
  /** Words right before a bare month, season or old year that make it a date ("in", "since", "early"). */
  monthContext: string[];
  /** Weekday names -> 1 (Monday) .. 7 (Sunday). */
  weekdays: Record<string, number>;
  /** Suffixes after a day number: "st", "th", "er", "º". */
  dayOrdinalSuffixes: string[];
  /** Between the day and the month in day-month order: "" (space), "of", "de". Empty list: no day-month order. */
  dayMonthJoin: string[];
  /** Month names are written with a capital (en): a lower-case ambiguous month is never a date. */
  capitalizedMonths: boolean;
  /** Whether month-day order ("May 24") is usual. */
  monthDay: boolean;
  /** Between a month (or day-month) and its year: ",", "of", "de", "del". A plain space always works. */
  monthYearJoin: string[];
  /** Numeric dates: 'mdy' reads 05/04/2023 as May 4 (a first part over 12 still reads as a day). */
  numericOrder: 'mdy' | 'dmy';
  /** Number words -> value ("two" 2, "twenty" 20, "a" 1); compounds are summed ("twenty four", "vingt-quatre"). */
  numbers: Record<string, number>;
  /** Connectors inside number phrases ("y" in "treinta y uno", "et" in "vingt et un"). */
  numberJoin: string[];
  /** Vague quantities -> X ("several years" PXY, "quelques" …). */
  vague: string[];
  /** Duration units, singular and plural -> unit. */
  units: Record<string, DateUnit>;
  /** Words between number and unit that keep a duration ("consecutive", "full"). */
  unitBefore: string[];
  /** Words after the unit that stay in the duration ("consécutives", "in Folge"). */
  unitAfter: string[];
  /** Words before a duration that belong to its extent ("over the past", "the last", "nearly"). */
  durationPrefix: string[];
  /** After a duration: makes it an age, not a duration ("-old", "old"). */
  ageMarkers: string[];
  /** Before a count of years: makes it an age ("aged", "âgé de"). A count of years between commas ("Jean Dupont, 87 ans,") is an age too. */
  ageBefore: string[];
  /** Bare plural units that are vague durations on their own ("decades" PXDE). */
  vagueAlone: Record<string, DateUnit>;
  /** "ago" words: after the duration (en "ago") or before it (fr "il y a", es "hace", de "vor", pt "há"). */
  agoAfter: string[];
  agoBefore: string[];
  /** "before"/"later" anchored to the document: "a year earlier" -> shift -1. Word -> direction. */
  shiftAfter: Record<string, -1 | 1>;
  /** Days relative to the reference: today 0, yesterday -1 … */
  relativeDays: Record<string, number>;
  /** Relative-to-now adverbs: PRESENT_REF, PAST_REF, FUTURE_REF. */
  presentRef: string[];
  pastRef: string[];
  futureRef: string[];
  /** Phrases that look like dates and are not (an extracted date inside one is dropped). */
  notDates: string[];
  /** Shift words before the anchored noun ("last", "this", "le prochain"). */
  shiftBefore: Record<string, Shift>;
  /** Shift words after the anchored noun ("dernier", "pasado", "que viene"). */
  shiftAfterNoun: Record<string, Shift>;
  /** Optional determiners in front of a shifted noun; include the trailing space or apostrophe ("the ", "l'"). */
  determiners: string[];
  /** Calendar nouns that take a shift ("year" Y, "month" M, "week" W, "quarter" Q, "weekend" WE). */
  shiftUnits: Record<string, DateUnit>;
  /** Seasons -> SP, SU, FA, WI. */
  seasons: Record<string, 'SP' | 'SU' | 'FA' | 'WI'>;
  /** Ordinals for quarters and halves: first 1 … fourth 4 ("1st" … are built in). */
  ordinals: Record<string, number>;
  quarterWords: string[];
  halfWords: string[];
  /** Between "third quarter" and a year: "of", "de", "des Jahres". A plain space always works. */
  periodYearJoin: string[];
  /** Week words before a week number ("week", "KW", "semaine"). */
  weekWords: string[];
  /** Decades: "the 1990s", "années 90", "90er Jahre". */
  decadePrefix: string[];
  decadeSuffix: string[];
  /** Parts of day and phrases that name one relative to the reference ("tonight" 0 NI). */
  partsOfDay: Record<string, PartOfDay>;
  /** Between a day word and a part of day ("por la", "à"); a plain space always works. */
  partOfDayJoin: string[];
  dayParts: Record<string, [number, PartOfDay]>;
  /** Sets: phrases -> TIMEX3 value ("annually" P1Y); "a year"-style entries count only after `frequency` words ("twice a year"); "every"/"each" + unit is built from `every`. */
  sets: Record<string, string>;
  every: string[];
  /** Set words that are adjectives too: a set only when no lower-case word follows ("daily" vs "daily newspaper"). */
  setAdjectives: string[];
  frequency: string[];
  /** Clock: am/pm markers and hour words ("h", "Uhr", "horas"). */
  meridiem: Record<string, 'am' | 'pm'>;
  hourWords: string[];
  /** Words before a 4-digit number that make it a count, not a year ("more than", "over"). */
  countQualifiers: string[];
  /** Words that may follow a year although they look like plural nouns ("was", "has"). */
  yearFollowers: string[];
  /** Plural endings of nouns: a year followed by a lower-case plural noun is a count ("2000 employees"). */
  pluralEndings: string[];
  /** Words before a verb-tense marking the future, turning "Friday" forward ("will", "'ll"). */
  futureMarkers: string[];
  /** Endings of future verb forms ("ouvrira", "abrirá"); matched on words of 4+ letters. */
  futureEndings: string[];
  /** Words marking a past-tense clause ("said", "was", "a annoncé" -> "a"), for year inference. */
  pastMarkers: string[];
  /** Endings of past-tense verb forms ("ed", "ó", "ou"); matched on words of 4+ letters. */
  pastEndings: string[];
  /** Ordinal words for days of the month ("first" 1, "twentieth" 20); compounds are summed with `numbers` ("twenty first"). */
  dayOrdinalWords: Record<string, number>;
  /** Words for "thousand" in spelled-out years ("two thousand and twenty", "dos mil veinte"). */
  thousandWords: string[];
  /** Words before a count of units that make it a future date ("in two weeks", "en dos semanas", "dans trois jours"). */
  inFuture: string[];
  /** Words before a calendar noun that name a part of the current period ("end of", "a finales de"): "end of month" is this month. */
  periodEdges: string[];
  /** Words before a singular unit that make a one-unit duration ("all day", "toda la semana", "den ganzen Tag"). */
  wholePeriod: string[];
  /** Fiscal and school years -> value prefix ("año fiscal" FY, "año escolar" SY); with a year, a shift or alone (FYXXXX). */
  namedYears: Record<string, string>;
  /** Holidays -> "MM-DD" (fixed), or "MM-W-N" (N-th ISO weekday W of the month, N -1 the last), optionally "+D" days after. */
  holidays: Record<string, string>;
  /** Between a weekday and a shifted week, either order ("Tuesday of next week", "lunes de la próxima semana"); "" is a plain space. */
  weekdayWeekJoin: string[];
  /** Words before a bare day number naming a day of the month ("el día 18", "o dia 30"): XXXX-XX-18. */
  dayWords: string[];
  // ---- anaphora: expressions that count from the date last named in the text (the focus), not from the reference ----
  /** Before a calendar noun (shiftUnits or dayNouns): "the following year" 1, "that day" 0, "le même jour" 0. Word -> shift. */
  anaphoricBefore: Record<string, number>;
  /** After a calendar noun: "l'année suivante" 1, "el día anterior" -1, "ese mismo día" (before) … Word -> shift. */
  anaphoricAfter: Record<string, number>;
  /** Words before an anaphoric phrase that stay in it ("earlier that day", "later that year", "plus tard ce même jour"). */
  anaphoricEdges: string[];
  /** Nouns for one day in anaphoric phrases ("that day", "le même jour", "el día anterior"). */
  dayNouns: string[];
  /** Single words naming a day or year next to the focus ("la veille" D -1, "le lendemain" D 1, "Vorjahr" Y -1). */
  anaphoricWords: Record<string, [DateUnit, number]>;
  /** The agoAfter / shiftAfter words that count from a date named just before ("a year earlier", "two days later"), unlike "ago". */
  anaphoricAgo: string[];
  /** The agoAfter / shiftAfter words after which the count is a duration between two events ("three days later" P3D, "dos días después"). */
  durationAgo: string[];
  // ---- reporting periods (results releases): "the quarter", "the year-ago period", "el mismo periodo del año anterior" ----
  /** Nouns for the period a report covers: Q a quarter, P any period (taken only with a modifier below). */
  periodNouns: Record<string, 'Q' | 'P'>;
  /** Determiners before a reporting period ("the", "its", "el"). */
  periodDeterminers: string[];
  /** Modifiers naming the period under report itself ("latest", "same", "comparable"). */
  periodSame: string[];
  /** Modifiers naming that period one year earlier ("year-ago", "year-earlier", "prior-year"). */
  periodYearBack: string[];
  /** The same, standing alone as an adjective ("compared with year-earlier profit"). */
  periodYearBackAlone: string[];
  /** After the period noun, one year earlier ("a year ago", "last year", "del año anterior", "de l'an dernier"). */
  periodYearBackAfter: string[];
  // ---- tense ----
  /** Auxiliaries before a past participle that make it no past tense ("will be named", "is expected", "to be held"). */
  passiveAux: string[];
  /** Words right before a date that put it before the reference ("since", "depuis", "desde"). */
  pastBefore: string[];
  /** Words right before a date that put it after the reference ("until", "by", "payable", "jusqu'au", "hasta el"). */
  futureBefore: string[];
  /** Nouns with a clock-time value ("noon" 12:00, "midnight" 24:00, "midi", "mediodía"). */
  clockWords: Record<string, string>;
  /** Words after a count of quarters that make it a fraction, not a duration ("three-quarters of", "a quarter of"). */
  partitive: string[];
  /** Time zone names that mark UTC on a clock time ("UTC", "GMT"): the value ends with Z. */
  utcWords: string[];
  /** Relative adjectives on a noun that is no calendar word -> PAST_REF / FUTURE_REF / PRESENT_REF ("la próxima edición"), after a determiner below. */
  refAdjectives: Record<string, string>;
  refAdjectiveDeterminers: string[];
  /** Words after an "HH.MM" number that make it a clock time, not a count of hours ("a las 11.45 horas", "18.45 Uhr"). */
  clockHourWords: string[];
  /** A month noun before a month name, kept in its span ("el próximo mes de septiembre", "le mois de juin"). */
  monthNouns: string[];
  /** Words before a year naming a part of it, besides periodEdges ("early 2009", "mid-1996", "finales del 2006"). */
  yearEdges: string[];
  /** Century nouns ("century", "siècle", "siglo"): with an ordinal or a Roman numeral, a century ("the 20th century" 19). */
  centuryWords: string[];
  /** Words joining the two ends of a range ("to", "and", "au", "y", "bis"): "entre enero y marzo de 1998" -> enero takes 1998. */
  rangeWords: string[];
}

export const DATE_LOCALES: Record<string, DateLocale> = { en, fr, de, es, pt };

export function dateLocale(lang: string): DateLocale | null {
  return DATE_LOCALES[lang] ?? null;
}

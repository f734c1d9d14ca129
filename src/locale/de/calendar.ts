import type { Calendar } from '../calendar.js';

// German calendar words (general knowledge; Austrian "Jänner"), used by the dates, cleanup, figures and entities locale files.
export const calendar: Calendar = {
  months: {
    januar: 1, jänner: 1, februar: 2, märz: 3, april: 4, mai: 5, juni: 6, juli: 7, august: 8, september: 9, oktober: 10, november: 11, dezember: 12,
  },
  monthVariants: { maerz: 3 },
  monthAbbrevs: { jan: 1, feb: 2, febr: 2, mär: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dez: 12 },
  weekdays: { montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonntag: 7 },
  weekdayVariants: { sonnabend: 6 },
  weekdayAbbrevs: {},
};

import type { Calendar } from '../calendar.js';

// French calendar words (general knowledge), used by the dates, cleanup, figures and entities locale files.
export const calendar: Calendar = {
  months: {
    janvier: 1, février: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12,
  },
  monthVariants: { fevrier: 2, aout: 8, decembre: 12 },
  monthAbbrevs: { janv: 1, févr: 2, fevr: 2, fév: 2, avr: 4, juil: 7, sept: 9, oct: 10, nov: 11, déc: 12, dec: 12 },
  weekdays: { lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7 },
  weekdayVariants: {},
  weekdayAbbrevs: {},
};

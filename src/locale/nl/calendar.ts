import type { Calendar } from '../calendar.js';

// Dutch calendar words (general knowledge), used by the entities locale file.
export const calendar: Calendar = {
  months: {
    januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8, september: 9, oktober: 10, november: 11, december: 12,
  },
  monthVariants: {},
  monthAbbrevs: {},
  weekdays: { maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 7 },
  weekdayVariants: {},
  weekdayAbbrevs: {},
};

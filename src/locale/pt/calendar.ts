import type { Calendar } from '../calendar.js';

// Portuguese calendar words (general knowledge), used by the dates, cleanup, figures and entities locale files.
export const calendar: Calendar = {
  months: {
    janeiro: 1, fevereiro: 2, março: 3, abril: 4, maio: 5, junho: 6, julho: 7, agosto: 8, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  },
  monthVariants: { marco: 3 },
  monthAbbrevs: { jan: 1, fev: 2, mar: 3, abr: 4, mai: 5, jun: 6, jul: 7, ago: 8, set: 9, out: 10, nov: 11, dez: 12 },
  weekdays: {
    'segunda-feira': 1, 'terça-feira': 2, 'quarta-feira': 3, 'quinta-feira': 4, 'sexta-feira': 5, sábado: 6, domingo: 7,
  },
  weekdayVariants: {
    'segunda feira': 1, 'terça feira': 2, 'terca-feira': 2, 'terca feira': 2, 'quarta feira': 3, 'quinta feira': 4, 'sexta feira': 5, sabado: 6,
  },
  weekdayAbbrevs: {},
};

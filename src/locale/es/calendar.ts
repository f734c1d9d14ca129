import type { Calendar } from '../calendar.js';

// Spanish calendar words (general knowledge), used by the dates, cleanup, figures and entities locale files.
export const calendar: Calendar = {
  months: {
    enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  },
  monthVariants: {},
  monthAbbrevs: { ene: 1, feb: 2, mar: 3, abr: 4, may: 5, jun: 6, jul: 7, ago: 8, sep: 9, sept: 9, oct: 10, nov: 11, dic: 12 },
  weekdays: { lunes: 1, martes: 2, miércoles: 3, jueves: 4, viernes: 5, sábado: 6, domingo: 7 },
  weekdayVariants: { miercoles: 3, sabado: 6 },
  weekdayAbbrevs: {},
};

import type { CleanupLocale } from '../cleanup.js';
import { calendar } from './calendar.js';
import { merge, omit } from '../calendar.js';

export const de: CleanupLocale = {
  months: merge(calendar.months, calendar.monthVariants, omit(calendar.monthAbbrevs, ['febr'])),
  daySuffixes: ['.'],
  placeParticles: ['am', 'an', 'der', 'im', 'bei', 'ob'],
  verbParticles: ['ab', 'an', 'auf', 'aus', 'bei', 'ein', 'mit', 'nach', 'vor', 'zu', 'um', 'zurück', 'fest', 'weiter', 'vorbei'],
  dateConnectors: [],
  functionWords: [
    'an', 'am', 'auf', 'aus', 'bei', 'beim', 'bis', 'durch', 'für', 'gegen', 'hinter', 'in', 'im', 'ins',
    'mit', 'nach', 'neben', 'ohne', 'seit', 'über', 'um', 'unter', 'von', 'vom', 'vor', 'während', 'wegen',
    'zu', 'zum', 'zur', 'zwischen', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen',
    'einem', 'einer', 'eines', 'dieser', 'diese', 'dieses', 'diesen', 'diesem', 'jeder', 'jede', 'jedes',
    'sein', 'seine', 'seiner', 'seinen', 'seinem', 'ihr', 'ihre', 'ihrer', 'ihren', 'ihrem', 'unser',
    'unsere', 'und', 'oder', 'aber', 'sowie', 'sondern', 'denn', 'dass', 'weil', 'wenn', 'ob', 'als',
    'wie', 'ist', 'sind', 'wird', 'werden', 'hat', 'haben',
  ],
  bannerWords: ['KORREKTUR', 'BERICHTIGUNG', 'AKTUALISIERUNG', 'AKTUALISIERT', 'UPDATE', 'KORRIGIERT'],
  trailerStarts: ['Originalinhalt anzeigen', 'Original-Content von', 'QUELLE', 'SOURCE', '###', '-30-', 'ENDE',
    '-ENDE-', 'Foto -', 'Foto:', 'Pressefoto -'],
  boilerplateLines: [
    'Kommentare sind geschlossen', 'Kommentar schreiben', 'Teilen', 'Artikel teilen', 'Drucken',
    'Per E-Mail senden', 'Weiterlesen', 'Mehr lesen', 'Nach oben', 'Ähnliche Artikel', 'Anzeige',
    'Werbung', 'Alle akzeptieren', 'Cookies akzeptieren', 'Über den Autor', 'Über die Autorin', 'Zum Autor',
    'Zur Autorin', 'Seite drucken', 'Auf Facebook teilen',
  ],
  boilerplateStarts: [
    'Lesen Sie auch:', 'Lesen Sie auch', 'Mehr zum Thema:', 'Diese Website verwendet Cookies',
    'Wir verwenden Cookies', 'Diese Webseite verwendet Cookies', 'Abonnieren Sie unseren Newsletter',
    'Melden Sie sich für unseren Newsletter an', 'Klicken Sie hier', 'Mehr lesen:', 'Weiterlesen:', 'Auch interessant:',
  ],
  bio: {
    firstPerson: ['ich', 'Ich', 'mein', 'Mein', 'meine', 'Meine', 'mich', 'mir'],
    cues: ['Leidenschaft', 'Beruf', 'liebe', 'begeistert', 'Journalist', 'Journalistin', 'Fotografie',
      'Schreiben', 'Absolvent', 'Absolventin', 'Reporter', 'Reporterin', 'Redakteur', 'Redakteurin'],
    professions: ['Journalist', 'Journalistin', 'Redakteur', 'Redakteurin', 'Reporter', 'Reporterin',
      'Korrespondent', 'Korrespondentin', 'Autor', 'Autorin', 'Blogger', 'Bloggerin', 'Kolumnist', 'Kolumnistin'],
    copulas: ['ist', 'ist ein', 'ist eine', 'arbeitet als'],
  },
};

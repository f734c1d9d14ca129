import type { CleanupLocale } from '../cleanup.js';
import { calendar } from './calendar.js';
import { merge, omit } from '../calendar.js';

export const fr: CleanupLocale = {
  months: merge(calendar.months, calendar.monthVariants, omit(calendar.monthAbbrevs, ['fév'])),
  daySuffixes: ['er'],
  placeParticles: ['de', 'du', 'des', 'la', 'le', 'les', 'sur', 'en'],
  dateConnectors: [],
  functionWords: [
    'à', 'a', 'au', 'aux', 'de', 'des', 'du', 'd’', "d'", 'en', 'dans', 'par', 'pour', 'sur', 'sous', 'avec',
    'sans', 'chez', 'entre', 'vers', 'contre', 'depuis', 'pendant', 'selon', 'parmi', 'après', 'avant',
    'dont', 'le', 'la', 'les', 'l’', "l'", 'un', 'une', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses',
    'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes', 'et', 'ou', 'mais', 'ni', 'car',
    'que', 'qu’', "qu'", 'qui', 'si', 'lorsque', 'quand', 'comme', 'afin', 'est', 'sont', 'M.',
  ],
  bannerWords: ['RECTIFICATIF', 'CORRECTION', 'MISE À JOUR', 'ERRATUM', 'CORRIGÉ'],
  trailerStarts: ['Voir la version originale', 'Voir le contenu original', 'Consulter le contenu original', 'SOURCE', '###',
    '-30-', '- 30 -', 'FIN', '-FIN-', '- FIN -', 'Photo -', 'Photo :', 'Logo -', 'Vidéo -'],
  boilerplateLines: [
    'Les commentaires sont fermés', 'Laisser un commentaire', 'Partager', 'Partager cet article',
    'Imprimer', 'Envoyer par e-mail', 'Lire la suite', 'Lire plus', 'Haut de page', 'Articles similaires',
    'À lire aussi', 'Publicité', 'Accepter les cookies', 'Tout accepter', 'À propos de l’auteur',
    "À propos de l'auteur", 'À propos de l’autrice', "À propos de l'autrice", 'Partager sur Facebook', 'Partager sur X',
  ],
  boilerplateStarts: [
    'Lire aussi :', 'Lire aussi:', 'À lire aussi :', 'Ce site utilise des cookies', 'Nous utilisons des cookies',
    'En poursuivant votre navigation', 'Inscrivez-vous à notre newsletter', 'Abonnez-vous à notre newsletter',
    'Cliquez ici pour', 'Lire la suite :', 'Lire la suite:', 'Lire plus :', 'À lire également :', 'Voir aussi :',
  ],
  bio: {
    firstPerson: ['je', 'Je', 'j’', "j'", 'J’', "J'", 'mon', 'Mon', 'ma', 'Ma', 'mes', 'Mes', 'moi'],
    cues: ['passion', 'passionné', 'passionnée', 'profession', 'amoureux', 'amoureuse', 'j’aime', "j'aime",
      'journaliste', 'rédacteur', 'rédactrice', 'diplômé', 'diplômée', 'photographie', 'écriture', 'reporter',
      'correspondant', 'correspondante'],
    professions: ['journaliste', 'rédacteur', 'rédactrice', 'reporter', 'correspondant', 'correspondante',
      'blogueur', 'blogueuse', 'chroniqueur', 'chroniqueuse', 'auteur', 'autrice', 'pigiste'],
    copulas: ['est', 'est un', 'est une', 'est le', 'est la', 'travaille comme'],
  },
};

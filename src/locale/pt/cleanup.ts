import type { CleanupLocale } from '../cleanup.js';
import { calendar } from './calendar.js';
import { merge } from '../calendar.js';

export const pt: CleanupLocale = {
  months: merge(calendar.months, calendar.monthVariants, calendar.monthAbbrevs),
  daySuffixes: ['º', '°'],
  placeParticles: ['de', 'do', 'da', 'dos', 'das'],
  dateConnectors: ['de'],
  functionWords: [
    'a', 'à', 'ao', 'aos', 'às', 'até', 'com', 'contra', 'de', 'do', 'da', 'dos', 'das', 'desde', 'em',
    'no', 'na', 'nos', 'nas', 'entre', 'para', 'pela', 'pelo', 'pelas', 'pelos', 'por', 'sem', 'sob',
    'sobre', 'o', 'os', 'as', 'um', 'uma', 'uns', 'umas', 'este', 'esta', 'esse', 'essa', 'seu', 'sua',
    'seus', 'suas', 'nosso', 'nossa', 'meu', 'minha', 'e', 'ou', 'mas', 'nem', 'que', 'porque', 'se',
    'como', 'quando', 'onde', 'cujo', 'cuja', 'é', 'são', 'foi',
  ],
  bannerWords: ['CORREÇÃO', 'CORRECAO', 'RETIFICAÇÃO', 'RETIFICACAO', 'ERRATA', 'ATUALIZAÇÃO', 'ATUALIZACAO'],
  trailerStarts: ['Veja o conteúdo original', 'Ver conteúdo original', 'FONTE', 'SOURCE', '###', '-30-', 'FIM', '-FIM-',
    'Foto -', 'Foto:'],
  boilerplateLines: [
    'Os comentários estão fechados', 'Comentários encerrados', 'Deixe um comentário', 'Compartilhar',
    'Partilhar', 'Compartilhe', 'Imprimir', 'Enviar por e-mail', 'Leia mais', 'Ler mais', 'Voltar ao topo',
    'Notícias relacionadas', 'Artigos relacionados', 'Publicidade', 'Aceitar cookies', 'Aceitar todos', 'Sobre o autor',
    'Sobre a autora', 'Compartilhar no Facebook', 'Partilhar no Facebook',
  ],
  boilerplateStarts: [
    'Leia também:', 'Leia mais:', 'Este site utiliza cookies', 'Este site usa cookies', 'Utilizamos cookies',
    'Usamos cookies', 'Assine a nossa newsletter', 'Assine nossa newsletter', 'Clique aqui para', 'Ler mais:',
    'Leia também :', 'Veja também:',
  ],
  bio: {
    firstPerson: ['eu', 'Eu', 'meu', 'Meu', 'minha', 'Minha', 'meus', 'minhas', 'me'],
    cues: ['paixão', 'apaixonado', 'apaixonada', 'profissão', 'amante', 'adoro', 'jornalista', 'escritor',
      'escritora', 'fotografia', 'formado', 'formada', 'repórter', 'correspondente'],
    professions: ['jornalista', 'escritor', 'escritora', 'redator', 'redatora', 'repórter', 'correspondente',
      'blogueiro', 'blogueira', 'colunista', 'autor', 'autora', 'editor', 'editora'],
    copulas: ['é', 'é um', 'é uma', 'trabalha como'],
  },
  // "às"/"àquele" whose no-break space was lost in mojibake: Ã + space + these -> à + these.
  graveContractions: ['quele', 'queles', 'quela', 'quelas', 'quilo', 's '],
};

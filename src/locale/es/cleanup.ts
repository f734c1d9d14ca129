import type { CleanupLocale } from '../cleanup.js';
import { calendar } from './calendar.js';
import { merge, omit } from '../calendar.js';

export const es: CleanupLocale = {
  months: merge(calendar.months, omit(calendar.monthAbbrevs, ['may'])),
  daySuffixes: ['º', '°'],
  placeParticles: ['de', 'del', 'la', 'las', 'los', 'el'],
  dateConnectors: ['de'],
  functionWords: [
    'a', 'al', 'ante', 'bajo', 'con', 'contra', 'de', 'del', 'desde', 'durante', 'en', 'entre', 'hacia',
    'hasta', 'mediante', 'para', 'por', 'según', 'sin', 'sobre', 'tras', 'el', 'la', 'los', 'las', 'un',
    'una', 'unos', 'unas', 'lo', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'su', 'sus', 'nuestro',
    'nuestra', 'mi', 'mis', 'y', 'e', 'o', 'u', 'ni', 'pero', 'sino', 'que', 'porque', 'si', 'como',
    'cuando', 'donde', 'cuyo', 'cuya', 'es', 'son', 'fue',
  ],
  bannerWords: ['CORRECCIÓN', 'CORRECCION', 'FE DE ERRATAS', 'ACTUALIZACIÓN', 'ACTUALIZACION', 'ACTUALIZADO'],
  trailerStarts: ['Vea el contenido original', 'Ver el contenido original', 'Ver contenido original', 'FUENTE', 'SOURCE',
    '###', '-30-', 'FIN', '-FIN-', 'Foto -', 'Foto:'],
  boilerplateLines: [
    'Los comentarios están cerrados', 'Comentarios cerrados', 'Deja un comentario', 'Compartir',
    'Compartir este artículo', 'Imprimir', 'Enviar por correo', 'Leer más', 'Seguir leyendo',
    'Volver arriba', 'Artículos relacionados', 'Noticias relacionadas', 'Publicidad', 'Aceptar cookies',
    'Aceptar todas', 'Sobre el autor', 'Sobre la autora', 'Acerca del autor', 'Compartir en Facebook', 'Compartir en X',
  ],
  boilerplateStarts: [
    'Lea también:', 'Lee también:', 'Leer también:', 'Este sitio web utiliza cookies', 'Este sitio utiliza cookies',
    'Utilizamos cookies', 'Usamos cookies', 'Suscríbete a nuestro boletín', 'Haga clic aquí', 'Haz clic aquí',
    'Leer más:', 'Lee más:', 'Te puede interesar:', 'Noticia relacionada:',
  ],
  bio: {
    firstPerson: ['yo', 'Yo', 'mi', 'Mi', 'mis', 'Mis', 'me', 'Me'],
    cues: ['pasión', 'apasionado', 'apasionada', 'profesión', 'amante', 'me encanta', 'periodista',
      'escritor', 'escritora', 'fotografía', 'licenciado', 'licenciada', 'reportero', 'reportera', 'corresponsal'],
    professions: ['periodista', 'escritor', 'escritora', 'redactor', 'redactora', 'reportero', 'reportera',
      'corresponsal', 'bloguero', 'bloguera', 'columnista', 'autor', 'autora', 'editor', 'editora'],
    copulas: ['es', 'es un', 'es una', 'trabaja como'],
  },
};

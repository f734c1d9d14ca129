import type { CleanupLocale } from '../cleanup.js';

export const es: CleanupLocale = {
  months: {
    enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9,
    setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
    ene: 1, feb: 2, mar: 3, abr: 4, jun: 6, jul: 7, ago: 8, sep: 9, sept: 9, oct: 10, nov: 11, dic: 12,
  },
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
  trailerStarts: ['Vea el contenido original', 'Ver el contenido original', 'FUENTE', 'SOURCE', '###', '-30-'],
  boilerplateLines: [
    'Los comentarios están cerrados', 'Comentarios cerrados', 'Deja un comentario', 'Compartir',
    'Compartir este artículo', 'Imprimir', 'Enviar por correo', 'Leer más', 'Seguir leyendo',
    'Volver arriba', 'Artículos relacionados', 'Noticias relacionadas', 'Publicidad', 'Aceptar cookies',
    'Aceptar todas',
  ],
  boilerplateStarts: [
    'Lea también:', 'Lee también:', 'Leer también:', 'Este sitio web utiliza cookies', 'Este sitio utiliza cookies',
    'Utilizamos cookies', 'Usamos cookies', 'Suscríbete a nuestro boletín', 'Haga clic aquí', 'Haz clic aquí',
  ],
  bio: {
    firstPerson: ['yo', 'Yo', 'mi', 'Mi', 'mis', 'Mis', 'me', 'Me'],
    cues: ['pasión', 'apasionado', 'apasionada', 'profesión', 'amante', 'me encanta', 'periodista',
      'escritor', 'escritora', 'fotografía', 'licenciado', 'licenciada'],
    professions: ['periodista', 'escritor', 'escritora', 'redactor', 'redactora', 'reportero', 'reportera',
      'corresponsal', 'bloguero', 'bloguera', 'columnista', 'autor', 'autora', 'editor', 'editora'],
    copulas: ['es', 'es un', 'es una', 'trabaja como'],
  },
};

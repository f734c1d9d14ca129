import { describe, expect, it } from 'vitest';
import { cleanup, type CleanupResult } from '../src/extract/cleanup.js';

/** Mojibake made the way it happens: UTF-8 bytes read as windows-1252 (or Latin-1). */
const CP1252_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};
function misread(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => CP1252_HIGH[b] ?? String.fromCharCode(b)).join('');
}

function checkOffsets(r: CleanupResult): void {
  const bad = [...r.repairs, ...r.truncated].filter(
    (x) => !(Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.start <= x.end && x.end <= r.text.length),
  );
  expect(bad).toEqual([]);
  // truncated spans are whole lines of the text
  for (const t of r.truncated) {
    expect(t.start === 0 || r.text[t.start - 1] === '\n').toBe(true);
    expect(t.end === r.text.length || r.text[t.end] === '\n').toBe(true);
  }
}

describe('clean text is left alone', () => {
  const clean: [string, string][] = [
    ['fr', 'Le comité a présenté ses vœux à l’équipe. Où se trouve la gare ? Ça coûte 12 € à Noël.'],
    ['de', 'Die Größe der Straße überrascht: Äpfel, Öl und Übermut für 15 € im März.'],
    ['es', '¿Dónde está el niño? ¡Qué año! La compañía ganó 3 millones de euros en diciembre.'],
    ['pt', 'A associação lançou ações em São Paulo; não há razão para pôr à prova a coleção.'],
    ['pl', 'Zażółć gęślą jaźń. Spółka ogłosiła wyniki za październik.'],
    ['cs', 'Příliš žluťoučký kůň úpěl ďábelské ódy. ÚŽASNÉ VÝSLEDKY ŠKODA.'],
    ['und', 'NESTLÉ® recibió 10 Å—, ESSE CARA AI QUEM É¿ and RETWEET SE VOCÊ… today.'],
    ['und', 'ПОДЁРГАТЬ Пёс Він сіль. Ελληνικά κείμενα. עברית. العربية.'],
  ];
  for (const [lang, text] of clean) {
    it(`${lang}: byte-identical`, () => {
      const r = cleanup(text, lang);
      expect(r.text).toBe(text);
      expect(r.repairs).toEqual([]);
      expect(r.removed).toEqual([]);
    });
  }
});

describe('repairs', () => {
  it('mojibake, once and twice, in several languages', () => {
    const orig = 'L’équipe a présenté « Ça marche » — die Größe, el niño, a coleção.';
    const once = misread(orig);
    const twice = misread(once);
    expect(once).not.toBe(orig);
    for (const bad of [once, twice]) {
      const r = cleanup(bad, 'und');
      expect(r.text).toBe(orig);
      expect(r.repairs.length).toBeGreaterThan(0);
      for (const rp of r.repairs) expect(rp.kind).toBe('mojibake');
      checkOffsets(r);
      // The before texts put back where they stand give the input again.
      let back = '';
      let pos = 0;
      for (const rp of r.repairs) {
        back += r.text.slice(pos, rp.start) + rp.before;
        pos = rp.end;
      }
      back += r.text.slice(pos);
      expect(back).toBe(bad);
    }
  });

  it('Latin-1 reading with C1 controls, and lone C1 controls', () => {
    const r = cleanup('It\u00e2\u0080\u0099s here \u0093quoted\u0094 and \u0081gone.', 'en');
    expect(r.text).toBe('It’s here “quoted” and gone.');
    const kinds = new Set(r.repairs.map((x) => x.kind));
    expect(kinds.has('mojibake')).toBe(true);
    expect(kinds.has('c1')).toBe(true);
    expect(kinds.has('control')).toBe(true);
    checkOffsets(r);
  });

  it('control characters, NUL and stray replacement characters', () => {
    const r = cleanup('Alpha\u0000 beta\u0007 gamma \ufffd delta', 'en');
    expect(r.text).toBe('Alpha beta gamma delta');
    checkOffsets(r);
  });

  it('HTML tags and entities', () => {
    const r = cleanup('<p>Sales rose 5&nbsp;% at AT&amp;T&#8217;s unit.<br>Second line &lt;ok&gt;</p>', 'en');
    expect(r.text).toBe('Sales rose 5\u00a0% at AT&T’s unit.\nSecond line <ok>');
    expect(r.repairs.some((x) => x.kind === 'entity' && x.before === '&#8217;' && r.text.slice(x.start, x.end) === '’')).toBe(true);
    expect(r.repairs.some((x) => x.kind === 'markup')).toBe(true);
    checkOffsets(r);
  });

  it('does not treat comparisons as tags', () => {
    const t = 'Margins < 5% and > 2% for a<b.';
    expect(cleanup(t, 'en').text).toBe(t);
  });

  it('NFC, ligatures, doubled single quotes', () => {
    const r = cleanup('Cafe\u0301 ﬁnance said ’’yes’’ today.', 'en');
    expect(r.text).toBe('Café finance said ”yes” today.');
    const kinds = r.repairs.map((x) => x.kind).sort();
    expect(kinds).toEqual(['ligature', 'nfc', 'quote', 'quote']);
    checkOffsets(r);
  });

  it('words hyphenated across line breaks and runs of spaces', () => {
    const r = cleanup('The inter-\nnational   agreement  was signed.\n\n\n\nNext   paragraph.  ', 'en');
    expect(r.text).toBe('The international\nagreement was signed.\n\nNext paragraph.');
    expect(r.repairs.some((x) => x.kind === 'hyphenation' && x.before.includes('-\n'))).toBe(true);
    expect(r.repairs.some((x) => x.kind === 'whitespace')).toBe(true);
    checkOffsets(r);
  });

  it('à whose no-break space was lost', () => {
    const r = cleanup(misread('Il est arrivé à Paris').replace('\u00a0', ' '), 'fr');
    expect(r.text).toBe('Il est arrivé à Paris');
  });

  it('letter-spaced words stay', () => {
    const t = 'C O N C L U S Ã O';
    expect(cleanup(t, 'pt').text).toBe(t);
  });
});

describe('structure', () => {
  it('title, dateline with wire and date, trailers', () => {
    const raw = [
      'Acme Robotics Opens New Research Centre in Lyon',
      '',
      'LYON, France, March 3, 2025 /PRNewswire/ -- Acme Robotics today opened a research centre with 40 engineers.',
      '',
      'The centre will focus on logistics robots.',
      '',
      'About Acme Robotics',
      'Acme Robotics builds warehouse robots.',
      '',
      'Media contact: Jane Roe, press@acme.example',
      'View original content:https://www.prnewswire.com/news-releases/acme-123.html',
      'SOURCE Acme Robotics',
    ].join('\n');
    const r = cleanup(raw, 'en');
    expect(r.title).toBe('Acme Robotics Opens New Research Centre in Lyon');
    expect(r.dateline).toEqual({ text: 'LYON, France, March 3, 2025 /PRNewswire/ --', place: 'LYON, France', date: '2025-03-03', source: 'PRNewswire' });
    expect(r.kind).toBe('release');
    expect(r.removed.map((x) => x.reason)).toEqual(['boilerplate', 'boilerplate']);
    expect(r.text).toContain('About Acme Robotics\nAcme Robotics builds warehouse robots.');
    expect(r.text).toContain('Media contact: Jane Roe');
    expect(r.text).not.toContain('View original');
    expect(r.truncated).toEqual([]);
  });

  it('datelines in other languages', () => {
    const fr = cleanup('Paris (Agence X) - Le groupe a annoncé ses résultats.', 'fr');
    expect(fr.dateline).toMatchObject({ place: 'Paris', source: 'Agence X' });
    const de = cleanup('MÜNCHEN, 12. März 2024 – Die Firma meldet einen Rekord.', 'de');
    expect(de.dateline).toMatchObject({ place: 'MÜNCHEN', date: '2024-03-12' });
    const es = cleanup('MADRID, 5 de mayo de 2023 /Agencia/ -- La empresa presentó su plan.', 'es');
    expect(es.dateline).toMatchObject({ place: 'MADRID', date: '2023-05-05', source: 'Agencia' });
    const pt = cleanup('São Paulo, Brasil, 1 de julho de 2022 — A empresa abriu uma fábrica.', 'pt');
    expect(pt.dateline).toMatchObject({ place: 'São Paulo, Brasil', date: '2022-07-01' });
    const none = cleanup('Acme grew fast - and then slowed down in the winter.', 'en');
    expect(none.dateline).toBeNull();
  });

  it('correction banners in several languages make a correction', () => {
    for (const [lang, banner] of [
      ['en', 'CORRECTION -- Acme Robotics'],
      ['en', '/C O R R E C T I O N -- Acme Robotics/'],
      ['en', 'UPDATE: Acme Robotics'],
      ['fr', 'RECTIFICATIF - Groupe Exemple'],
      ['de', 'KORREKTUR: Beispiel AG'],
      ['es', 'CORRECCIÓN - Ejemplo S.A.'],
      ['pt', 'CORREÇÃO: Exemplo S.A.'],
    ]) {
      const r = cleanup(`${banner}\nThe company corrects the figure given yesterday.`, lang);
      expect(r.kind).toBe('correction');
      expect(r.removed).toEqual([{ text: banner, reason: 'banner' }]);
      expect(r.text).toBe('The company corrects the figure given yesterday.');
    }
    expect(cleanup('Correction of the market continued on Monday.', 'en').kind).toBe('release');
  });

  it('author bios and comment lines', () => {
    const en = cleanup('The plant opened in May.\n\nI am a keen cyclist and my passion is telling stories about cities\n\nComments are closed.', 'en');
    expect(en.text).toBe('The plant opened in May.');
    expect(en.removed.map((x) => x.reason)).toEqual(['boilerplate', 'boilerplate']);
    const third = cleanup('The plant opened in May.\n\nMaria Lopez is a freelance journalist who covers energy.', 'en');
    expect(third.text).toBe('The plant opened in May.');
    const fr = cleanup('L’usine a ouvert en mai.\n\nJe suis rédactrice et ma passion est l’écriture.\nLes commentaires sont fermés.', 'fr');
    expect(fr.text).toBe('L’usine a ouvert en mai.');
    const de = cleanup('Das Werk wurde im Mai eröffnet.\nTeilen\nDrucken', 'de');
    expect(de.text).toBe('Das Werk wurde im Mai eröffnet.');
    // a quote from an executive in the first person is not a bio
    const quote = cleanup('The plant opened in May.\n“I love this plant and my team,” said the CEO.', 'en');
    expect(quote.removed).toEqual([]);
  });

  it('cut-off lines are flagged, headings and fragments handled', () => {
    const raw = [
      'Global Voices, Shared Stories',
      'The summit gathered partners from',
      'What Comes Next?',
      'Sales in the region rose sharply, led by',
      'From',
      'Le',
      'From January to',
      'He said the plan was “ambitious and',
      'The results (first quarter',
      'Notably, former',
      'Strategic cooperation signing ceremony',
      'The company expects growth in 2025.',
      'Die Firma investiert in die',
      'La empresa invierte en la',
      'A empresa investe na',
      'L’entreprise investit dans les',
    ].join('\n');
    const r = cleanup(raw, 'und');
    checkOffsets(r);
    const flagged = r.truncated.map((t) => r.text.slice(t.start, t.end));
    expect(flagged).toEqual([
      'The summit gathered partners from',
      'Sales in the region rose sharply, led by',
      'From January to',
      'He said the plan was “ambitious and',
      'The results (first quarter',
      'Notably, former',
      'Die Firma investiert in die',
      'La empresa invierte en la',
      'A empresa investe na',
      'L’entreprise investit dans les',
    ]);
    expect(r.removed).toEqual([
      { text: 'From', reason: 'fragment' },
      { text: 'Le', reason: 'fragment' },
    ]);
    expect(r.text).toContain('Global Voices, Shared Stories\n');
    expect(r.text).toContain('What Comes Next?');
    expect(r.text).toContain('Strategic cooperation signing ceremony');
    expect(r.title).toBe('Global Voices, Shared Stories');
  });

  it('offsets stay valid after lines are removed', () => {
    const raw = misread('CORRECTION -- Société Générale\nLa société a publié « ses résultats » à Paris.\n\n\nComments are closed.\nLe chiffre d’affaires progresse de');
    const r = cleanup(raw, 'fr');
    checkOffsets(r);
    expect(r.kind).toBe('correction');
    expect(r.text).toBe('La société a publié « ses résultats » à Paris.\n\nLe chiffre d’affaires progresse de');
    for (const rp of r.repairs) expect(r.text.slice(rp.start, rp.end)).not.toContain('Ã');
    expect(r.text.slice(r.truncated[0].start, r.truncated[0].end)).toBe('Le chiffre d’affaires progresse de');
  });
});

describe('adversarial inputs finish', () => {
  const inputs: [string, string][] = [
    ['Ã', 'Ã'.repeat(100_000)],
    ['Ã©', 'Ã©'.repeat(50_000)],
    ['<', '<'.repeat(100_000)],
    ['<p ', '<p '.repeat(33_000)],
    ['<!--', '<!--'.repeat(25_000)],
    ['&#', '&#'.repeat(50_000)],
    ['long line', 'word, '.repeat(17_000)],
    ['spaces', ' \t'.repeat(50_000) + 'x'],
    ['May', 'May May 12 '.repeat(9_000)],
    ['caps', 'LONDON, PARIS, '.repeat(7_000)],
    ['hyphens', 'a-\n'.repeat(33_000)],
    ['fffd', '\ufffd '.repeat(50_000)],
    ['quotes', '“('.repeat(50_000)],
    ['C1', '\u0080\u0099'.repeat(50_000)],
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      const r = cleanup(text, 'und');
      expect(typeof r.text).toBe('string');
      checkOffsets(r);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// One spec table per locale, same shape for every language: adding a language is adding a row.
interface LocaleSpec {
  lang: string;
  title: string;
  /** A complete sentence of body text. */
  body: string;
  datelines: { line: string; place: string; date: string | null; source: string | null }[];
  banners: string[];
  trailers: string[];
  /** Share, print, cookie, "read more" and "comments are closed" lines. */
  furniture: string[];
  /** An author bio: its heading and a first-person paragraph. */
  bio: string[];
  cutOff: string[];
  fragments: string[];
  /** Short title-like lines inside the text: kept, never flagged. */
  headings: string[];
  /** "About X" section and media contact: part of the release, kept. */
  about: string[];
  contact: string[];
}

const LOCALE_SPECS: LocaleSpec[] = [
  {
    lang: 'en',
    title: 'Northwind Foods Opens Its First Plant in Ghana',
    body: 'Northwind Foods said on Monday that it had opened a plant with 200 workers.',
    datelines: [
      { line: 'ACCRA, Ghana, March 3, 2025 /PRNewswire/ --', place: 'ACCRA, Ghana', date: '2025-03-03', source: 'PRNewswire' },
      { line: 'LEEDS (Northern Wire) -', place: 'LEEDS', date: null, source: 'Northern Wire' },
      { line: 'Nairobi, Kenya —', place: 'Nairobi, Kenya', date: null, source: null },
      { line: 'BOSTON--(BUSINESS WIRE)--', place: 'BOSTON', date: null, source: 'BUSINESS WIRE' },
      { line: 'LONDON, Nov. 4, 2024 --', place: 'LONDON', date: '2024-11-04', source: null },
    ],
    banners: ['CORRECTION -- Northwind Foods', '/C O R R E C T I O N -- Northwind Foods/', 'UPDATE: Northwind Foods'],
    trailers: ['View original content:https://www.example.com/release-1.html', 'SOURCE Northwind Foods Ltd.', '###', '-30-', 'ENDS'],
    furniture: ['Share this article', 'Print', 'Read more: Cocoa prices climb again', 'We use cookies to improve your experience.', 'Comments are closed.'],
    bio: ['About the author', 'I’m a food reporter and my passion is telling the stories of farmers.'],
    cutOff: ['The plant will supply shops in', 'He said the deal was “a first step and', 'Profits rose in the first half of the', 'Separately, outgoing'],
    fragments: ['From', 'The'],
    headings: ['A New Chapter for West Africa', 'Built to last, made to share', 'What Happens Next?'],
    about: ['About Northwind Foods', 'Northwind Foods makes snacks in six countries.'],
    contact: ['Media contact:', 'Jane Doe, +44 20 7946 0000, press@northwind.example'],
  },
  {
    lang: 'fr',
    title: 'Maison Verlaine ouvre une usine de biscuits à Tours',
    body: 'Maison Verlaine a annoncé lundi l’ouverture d’une usine de 200 salariés.',
    datelines: [
      { line: 'PARIS, 3 mars 2025 /PRNewswire/ --', place: 'PARIS', date: '2025-03-03', source: 'PRNewswire' },
      { line: 'NANTES (Ouest Éco) -', place: 'NANTES', date: null, source: 'Ouest Éco' },
      { line: 'LAUSANNE, Suisse —', place: 'LAUSANNE, Suisse', date: null, source: null },
      { line: 'BORDEAUX, 1er avril 2024 –', place: 'BORDEAUX', date: '2024-04-01', source: null },
    ],
    banners: ['RECTIFICATIF -- Maison Verlaine', 'MISE À JOUR : Maison Verlaine'],
    trailers: ['Voir le contenu original : https://www.example.com/cp-1.html', 'SOURCE Maison Verlaine SAS', '###'],
    furniture: ['Partager cet article', 'Imprimer', 'Lire aussi : Le prix du beurre au plus haut', 'Nous utilisons des cookies pour améliorer votre expérience.', 'Les commentaires sont fermés.'],
    bio: ['À propos de l’auteur', 'Je suis journaliste économique et ma passion est l’industrie agroalimentaire.'],
    cutOff: ['L’usine emploiera 120 personnes et fournira les magasins de', 'Selon la direction, la production commencera avec les', '« Nous voulons aller plus loin et'],
    fragments: ['Le', 'De la'],
    headings: ['Un partenariat stratégique, une ambition mondiale', 'Et maintenant ?', 'Une usine pour la région'],
    about: ['À propos de Maison Verlaine', 'Maison Verlaine fabrique des biscuits depuis 1952.'],
    contact: ['Contact presse :', 'Claire Martin, +33 1 23 45 67 89, presse@verlaine.example'],
  },
  {
    lang: 'de',
    title: 'Brenner Maschinenbau eröffnet Werk in Leipzig',
    body: 'Brenner Maschinenbau hat am Montag ein Werk mit 300 Beschäftigten eröffnet.',
    datelines: [
      { line: 'STUTTGART, 14. Mai 2024 /PRNewswire/ --', place: 'STUTTGART', date: '2024-05-14', source: 'PRNewswire' },
      { line: 'BREMEN (Hafenbote) -', place: 'BREMEN', date: null, source: 'Hafenbote' },
      { line: 'Wien, Österreich —', place: 'Wien, Österreich', date: null, source: null },
      { line: 'Frankfurt am Main, 3. März 2025 –', place: 'Frankfurt am Main', date: '2025-03-03', source: null },
    ],
    banners: ['KORREKTUR: Brenner Maschinenbau AG', 'BERICHTIGUNG - Brenner Maschinenbau AG'],
    trailers: ['Originalinhalt anzeigen:https://www.example.com/pm-1.html', 'QUELLE Brenner Maschinenbau AG', '###'],
    furniture: ['Artikel teilen', 'Drucken', 'Mehr lesen: Stahlpreise steigen weiter', 'Diese Website verwendet Cookies.', 'Kommentare sind geschlossen.'],
    bio: ['Über den Autor', 'Ich bin Journalist und meine Leidenschaft ist die Industrie.'],
    cutOff: ['Das neue Werk beliefert Kunden in ganz Europa mit', 'Nach Angaben des Unternehmens entstehen dort bis zu 300 Stellen für die', '„Wir investieren in die Zukunft und'],
    fragments: ['Die', 'Und der'],
    headings: ['Schnell, sicher und nachhaltig', 'Wie geht es weiter?', 'Ein Werk für die Region'],
    about: ['Über Brenner Maschinenbau', 'Brenner Maschinenbau baut seit 1921 Werkzeugmaschinen.'],
    contact: ['Pressekontakt:', 'Anna Schmidt, +49 89 1234567, presse@brenner.example'],
  },
  {
    lang: 'es',
    title: 'Aceites del Sur abre una planta en Jaén',
    body: 'Aceites del Sur anunció el lunes la apertura de una planta con 200 empleados.',
    datelines: [
      { line: 'SEVILLA, 15 de octubre de 2024 /PRNewswire/ --', place: 'SEVILLA', date: '2024-10-15', source: 'PRNewswire' },
      { line: 'GUADALAJARA, Jal. (Diario Económico) -', place: 'GUADALAJARA, Jal.', date: null, source: 'Diario Económico' },
      { line: 'Buenos Aires, Argentina —', place: 'Buenos Aires, Argentina', date: null, source: null },
      { line: 'SANTIAGO, 2 de mayo de 2023 --', place: 'SANTIAGO', date: '2023-05-02', source: null },
    ],
    banners: ['CORRECCIÓN - Aceites del Sur, S.A.', 'FE DE ERRATAS: Aceites del Sur'],
    trailers: ['Ver contenido original:https://www.example.com/np-1.html', 'FUENTE Aceites del Sur, S.A.', '###'],
    furniture: ['Compartir', 'Imprimir', 'Leer más: El precio del aceite sube otra vez', 'Utilizamos cookies para mejorar su experiencia.', 'Los comentarios están cerrados.'],
    bio: ['Sobre el autor', 'Soy periodista, mi pasión es el campo y me encanta escribir.'],
    cutOff: ['La planta abastecerá a los mercados de', 'Según la empresa, la producción comenzará con las', '«Queremos crecer y'],
    fragments: ['El', 'De la'],
    headings: ['Una alianza estratégica, una ambición global', '¿Qué sigue?', 'Una planta para la región'],
    about: ['Acerca de Aceites del Sur', 'Aceites del Sur produce aceite de oliva desde 1960.'],
    contact: ['Contacto de prensa:', 'Lucía Gómez, +34 910 000 000, prensa@aceites.example'],
  },
  {
    lang: 'pt',
    title: 'Café Serra Azul inaugura fábrica em Minas Gerais',
    body: 'A Café Serra Azul anunciou na segunda-feira a abertura de uma fábrica com 200 funcionários.',
    datelines: [
      { line: 'CURITIBA, 22 de julho de 2024 /PRNewswire/ --', place: 'CURITIBA', date: '2024-07-22', source: 'PRNewswire' },
      { line: 'LISBOA (Jornal Económico) -', place: 'LISBOA', date: null, source: 'Jornal Económico' },
      { line: 'Rio de Janeiro, Brasil —', place: 'Rio de Janeiro, Brasil', date: null, source: null },
      { line: 'PORTO, 3 de março de 2025 --', place: 'PORTO', date: '2025-03-03', source: null },
    ],
    banners: ['CORREÇÃO: Café Serra Azul S.A.', 'RETIFICAÇÃO - Café Serra Azul'],
    trailers: ['Veja o conteúdo original:https://www.example.com/cp-1.html', 'FONTE Café Serra Azul S.A.', '###'],
    furniture: ['Compartilhar', 'Imprimir', 'Leia também: Preço do café volta a subir', 'Utilizamos cookies para melhorar a sua experiência.', 'Os comentários estão fechados.'],
    bio: ['Sobre o autor', 'Sou jornalista, minha paixão é o campo e eu adoro escrever.'],
    cutOff: ['A fábrica vai abastecer os mercados do', 'Segundo a empresa, a produção começará com as', '«Queremos crescer e'],
    fragments: ['O', 'De um'],
    headings: ['Uma parceria estratégica, uma ambição global', 'E agora?', 'Uma fábrica para a região'],
    about: ['Sobre a Café Serra Azul', 'A Café Serra Azul produz café desde 1948.'],
    contact: ['Contato para imprensa:', 'Ana Souza, +55 11 0000-0000, imprensa@serraazul.example'],
  },
];

function lineSpans(r: CleanupResult): string[] {
  return r.truncated.map((t) => r.text.slice(t.start, t.end));
}

describe.each(LOCALE_SPECS)('locale $lang', (s) => {
  // A whole release: title, dateline, body with headings, cut-off lines and fragments, About
  // section, contact, then page furniture, a bio and the wire trailers.
  const doc = (banner?: string) =>
    [
      ...(banner ? [banner] : []),
      s.title,
      '',
      `${s.datelines[0].line} ${s.body}`,
      '',
      s.headings[0],
      s.body,
      s.cutOff[0],
      s.fragments[0],
      s.body,
      '',
      ...s.headings.slice(1).flatMap((h) => [h, s.body]),
      ...s.cutOff.slice(1),
      s.fragments.slice(1).join('\n'),
      s.body,
      '',
      ...s.about,
      '',
      ...s.contact,
      '',
      ...s.furniture,
      '',
      ...s.bio,
      '',
      ...s.trailers,
    ].join('\n');

  it('title and kind', () => {
    const r = cleanup(doc(), s.lang);
    expect(r.title).toBe(s.title);
    expect(r.kind).toBe('release');
    checkOffsets(r);
  });

  it.each(s.datelines)('dateline $line', (d) => {
    const sep = d.line.endsWith('--') && !d.line.endsWith(' --') ? '' : ' ';
    const r = cleanup(`${s.title}\n\n${d.line}${sep}${s.body}`, s.lang);
    expect(r.dateline).toEqual({ text: d.line, place: d.place, date: d.date, source: d.source });
    expect(r.title).toBe(s.title);
  });

  it.each(s.banners)('banner %s', (b) => {
    const r = cleanup(doc(b), s.lang);
    expect(r.kind).toBe('correction');
    expect(r.removed.filter((x) => x.reason === 'banner')).toEqual([{ text: b, reason: 'banner' }]);
    expect(r.title).toBe(s.title);
    expect(r.dateline?.place).toBe(s.datelines[0].place);
  });

  it('trailers, share/print lines and the bio are removed as boilerplate', () => {
    const r = cleanup(doc(), s.lang);
    const boiler = r.removed.filter((x) => x.reason === 'boilerplate').map((x) => x.text);
    expect(boiler).toEqual([...s.furniture, ...s.bio, ...s.trailers]);
    for (const t of boiler) expect(r.text).not.toContain(t);
  });

  it('orphan fragments are removed', () => {
    const r = cleanup(doc(), s.lang);
    expect(r.removed.filter((x) => x.reason === 'fragment').map((x) => x.text)).toEqual(s.fragments.flatMap((f) => f.split('\n')));
  });

  it('cut-off lines are kept and flagged, and nothing else', () => {
    const r = cleanup(doc(), s.lang);
    expect(lineSpans(r)).toEqual(s.cutOff);
    for (const c of s.cutOff) expect(r.text).toContain(c);
  });

  it('headings, the About section and the media contact are kept and not flagged', () => {
    const r = cleanup(doc(), s.lang);
    const flagged = lineSpans(r);
    for (const h of [...s.headings, ...s.about, ...s.contact]) {
      expect(r.text.split('\n')).toContain(h);
      expect(flagged).not.toContain(h);
      expect(r.removed.map((x) => x.text)).not.toContain(h);
    }
  });

  it('a second pass removes nothing and changes nothing', () => {
    const first = cleanup(doc(s.banners[0]), s.lang);
    const second = cleanup(first.text, s.lang);
    expect(second.text).toBe(first.text);
    expect(second.removed).toEqual([]);
  });
});

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

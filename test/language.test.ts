import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguageWith } from '../src/extract/language.js';

// Sentences written for these tests.
const SAMPLES: Record<string, string> = {
  en: 'The company announced today that its new factory will open next spring and employ three hundred people.',
  fr: "L'entreprise a annoncé aujourd'hui que sa nouvelle usine ouvrira au printemps prochain avec trois cents salariés.",
  de: 'Das Unternehmen gab heute bekannt, dass sein neues Werk im nächsten Frühjahr eröffnet und dreihundert Menschen beschäftigt.',
  es: 'La empresa anunció hoy que su nueva fábrica abrirá la próxima primavera y dará empleo a trescientas personas.',
  pt: 'A empresa anunciou hoje que a sua nova fábrica vai abrir na próxima primavera e empregar trezentas pessoas.',
  nl: 'Het bedrijf heeft vandaag bekendgemaakt dat de nieuwe fabriek volgend voorjaar opengaat en driehonderd mensen werk biedt.',
  it: "L'azienda ha annunciato oggi che il suo nuovo stabilimento aprirà la prossima primavera e darà lavoro a trecento persone.",
  sv: 'Företaget meddelade i dag att den nya fabriken öppnar nästa vår och kommer att anställa trehundra personer.',
  no: 'Selskapet kunngjorde i dag at den nye fabrikken åpner neste vår og skal ansette tre hundre personer.',
  da: 'Virksomheden meddelte i dag, at den nye fabrik åbner næste forår og skal ansætte tre hundrede personer.',
  id: 'Perusahaan itu mengumumkan hari ini bahwa pabrik barunya akan dibuka musim semi mendatang karena permintaan terus naik.',
  ms: 'Syarikat itu mengumumkan hari ini bahawa kilang baharunya akan dibuka tahun depan kerana permintaan terus meningkat.',
  pl: 'Firma ogłosiła dzisiaj, że jej nowa fabryka zostanie otwarta następnej wiosny i zatrudni trzysta osób.',
  ru: 'Компания сегодня объявила, что её новый завод откроется следующей весной и даст работу тремстам людям.',
  uk: 'Компанія сьогодні оголосила, що її новий завод відкриється наступної весни і дасть роботу тремстам людям.',
  el: 'Η εταιρεία ανακοίνωσε σήμερα ότι το νέο της εργοστάσιο θα ανοίξει την επόμενη άνοιξη.',
  ja: '同社は本日、新しい工場を来年の春に開設すると発表しました。',
  zh: '该公司今天宣布，其新工厂将于明年春天开业，并雇用三百名员工。',
  ko: '회사는 오늘 새 공장이 내년 봄에 문을 열 것이라고 발표했습니다.',
  ar: 'أعلنت الشركة اليوم أن مصنعها الجديد سيفتح في الربيع المقبل.',
  he: 'החברה הודיעה היום כי המפעל החדש שלה ייפתח באביב הבא.',
  th: 'บริษัทประกาศในวันนี้ว่าโรงงานแห่งใหม่จะเปิดในฤดูใบไม้ผลิปีหน้า',
  hi: 'कंपनी ने आज घोषणा की कि उसका नया कारखाना अगले वसंत में खुलेगा।',
  mr: 'मी उद्या सकाळी शाळेत जाणार आहे कारण माझी परीक्षा आहे.',
};

describe('detectLanguage', () => {
  for (const [code, text] of Object.entries(SAMPLES)) {
    it(`detects ${code}`, () => {
      const r = detectLanguage(text);
      expect(r.code).toBe(code);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('returns two-letter macrolanguage codes (no, not nb)', () => {
    expect(detectLanguage(SAMPLES.no).code).toBe('no');
    for (const text of Object.values(SAMPLES)) expect(detectLanguage(text).code).toMatch(/^[a-z]{2}$/);
  });

  it('returns und for empty, short, digit-only, punctuation-only and URL-only input', () => {
    for (const t of ['', '   ', 'Hello', '12345 678 90', '2024-05-01 12:30:00', '!!! ??? ...', '$$$ %%% ###',
      'https://www.example.com/path/to/page?id=42', 'press@example.com']) {
      const r = detectLanguage(t);
      expect(r.code).toBe('und');
      expect(r.confidence).toBe(0);
    }
  });

  it('reads a long document from its opening', () => {
    const long = `${SAMPLES.de} `.repeat(200) + SAMPLES.en.repeat(50);
    expect(detectLanguage(long).code).toBe('de');
  });

  it('ignores URLs and e-mail addresses', () => {
    const t = `${SAMPLES.fr} Contact : presse@exemple.fr, https://www.exemple.fr/communiques/2024/usine`;
    expect(detectLanguage(t).code).toBe('fr');
  });

  it('every variant returns a valid result', () => {
    for (const v of ['franc', 'franc-script', 'franc-script-markers', 'eld', 'eld-script', 'combined', 'fusion'] as const) {
      const r = detectLanguageWith(SAMPLES.en, v);
      expect(r.code).toBe('en');
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('finishes on 100 kB adversarial inputs', () => {
    const inputs = [
      'a'.repeat(100000),
      '1,'.repeat(50000),
      '$'.repeat(100000),
      'May '.repeat(25000),
      'http://'.repeat(14000),
      'a@'.repeat(50000),
      'a.'.repeat(50000) + '@',
      '#'.repeat(100000),
      '\ud840'.repeat(100000),
      'www.'.repeat(25000),
    ];
    for (const t of inputs) {
      const r = detectLanguage(t);
      expect(typeof r.code).toBe('string');
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });
});

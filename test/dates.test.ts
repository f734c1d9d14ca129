import { describe, expect, it } from 'vitest';
import { extractDates } from '../src/extract/dates.js';

// Spec rows: [text, reference, expected (text -> value) pairs]. Texts are written for these tests.
type Row = [string, string | null, [string, string][]];

const SPECS: Record<string, Row[]> = {
  en: [
    ['The board met on May 24.', '2021-03-01', [['May 24', '2020-05-24']]],
    ['The board will meet on January 10.', '2021-11-20', [['January 10', '2022-01-10']]],
    ['Results for 2019 were strong and the fair on June 3 drew crowds.', '2023-01-01', [['2019', '2019'], ['June 3', '2019-06-03']]],
    ['The offer expires on 23-Sep-2020.', null, [['23-Sep-2020', '2020-09-23']]],
    ['It ships three days from today.', '2022-03-04', [['three days from today', '2022-03-07']]],
    ['The plant opened on 2023-05-24 in Ohio.', null, [['2023-05-24', '2023-05-24']]],
    ['On May 24 the board met.', null, [['May 24', 'XXXX-05-24']]],
    ['On May 24 the board met.', '2021-06-01', [['May 24', '2021-05-24']]],
    ['Its 2023 Demo Day took place on October 16th in Lyon.', null, [['2023', '2023'], ['October 16th', '2023-10-16']]],
    ['The 2025 Global Forum opens in October.', null, [['2025', '2025'], ['October', '2025-10']]],
    ['Sales grew in 2017 and again in the third quarter of 2019.', null, [['2017', '2017'], ['the third quarter of 2019', '2019-Q3']]],
    ['Results for Q3 2025 and H1 2024 are out.', null, [['Q3 2025', '2025-Q3'], ['H1 2024', '2024-H1']]],
    ['Deliveries start in week 12 of 2025.', null, [['week 12 of 2025', '2025-W12']]],
    ['It was popular in the 1990s.', null, [['1990s', '199']]],
    ['The launch is planned for summer 2025.', null, [['summer 2025', '2025-SU']]],
    ['It has ranked first for 18 consecutive years.', null, [['18 consecutive years', 'P18Y']]],
    ['They signed a two-year partnership.', null, [['two-year', 'P2Y']]],
    ['Sales rose for five consecutive months.', null, [['five consecutive months', 'P5M']]],
    ['The test took 30 minutes.', null, [['30 minutes', 'PT30M']]],
    ['Over the past four years, revenue doubled.', null, [['Over the past four years', 'P4Y']]],
    ['It lasted three weeks.', null, [['three weeks', 'P3W']]],
    ['The firm has made tools for decades.', null, [['decades', 'PXDE']]],
    ['The show is held every year.', null, [['every year', 'P1Y']]],
    ['The report is published annually.', null, [['annually', 'P1Y']]],
    ['Prices are updated daily.', null, [['daily', 'P1D']]],
    ['The meeting starts at 10:30 a.m. sharp.', '2022-03-04', [['10:30 a.m.', '2022-03-04T10:30']]],
    ['The meeting starts at 10:30 a.m. sharp.', null, [['10:30 a.m.', 'XXXX-XX-XXT10:30']]],
    ['The deal closed today.', '2022-03-04', [['today', '2022-03-04']]],
    ['The deal closed today.', null, [['today', 'PRESENT_REF']]],
    ['It was announced yesterday and ships tomorrow.', '2022-03-04', [['yesterday', '2022-03-03'], ['tomorrow', '2022-03-05']]],
    ['Profit fell last year but will rise next year.', '2022-03-04', [['last year', '2021'], ['next year', '2023']]],
    ['Revenue rose last month and will grow next quarter.', '2022-03-04', [['last month', '2022-02'], ['next quarter', '2022-Q2']]],
    ['The company currently employs staff.', null, [['currently', 'PRESENT_REF']]],
    ['In the past, it made radios; in the future, it will make cars.', null, [['In the past', 'PAST_REF'], ['in the future', 'FUTURE_REF']]],
    ['The plant was built a year ago.', '2022-03-04', [['a year ago', '2021']]],
    ['The vote is on Thursday of next week.', '2022-03-02', [['Thursday of next week', '2022-03-10']]],
    ['The fair opened on the fourth of June.', '2022-08-01', [['fourth of June', '2022-06-04']]],
    ['Stores will close at the end of the month.', '2022-03-02', [['the end of the month', '2022-03']]],
    ['The plant will reopen in three weeks.', '2022-03-02', [['in three weeks', '2022-03-23']]],
    ['Sales peaked at Christmas 2019.', null, [['Christmas 2019', '2019-12-25']]],
    // tense: a participle after an auxiliary is no past tense; a word right before the date decides
    ['She will be named chief executive in December.', '2023-03-04', [['December', '2023-12']]],
    ['The dividend is payable Jan. 2 to holders of record.', '2023-11-02', [['Jan. 2', '2024-01-02']]],
    ['The agency extended its deadline until 9 a.m. Tuesday.', '2000-04-03', [['9 a.m. Tuesday', '2000-04-04T09:00']]],
    ['Found off the coast of Florida in late November, the boy has been at the center of a custody fight.', '2000-01-06', [['November', '1999-11']]],
    ['Sales rose between January and March 2023.', '2024-05-01', [['January', '2023-01'], ['March 2023', '2023-03']]],
    ['The father would be traveling to the United States Thursday with his wife.', '2000-04-05', [['Thursday', '2000-04-06']]],
    ['Protesters planned a large demonstration in Little Havana on Saturday.', '2000-01-07', [['Saturday', '2000-01-08']]],
    // clock words, time zones, weekends
    ['The offer will expire at noon Friday.', '2023-10-25', [['noon Friday', '2023-10-27T12:00']]],
    ['Trading resumed at 14:30 UTC.', '2023-10-25', [['14:30 UTC', '2023-10-25T14:30Z']]],
    ['At 0800 GMT, central banks announced a joint effort.', '2008-09-18', [['0800 GMT', '2008-09-18T08:00Z']]],
    ['Talks continued over the weekend, officials said.', '2023-10-30', [['the weekend', '2023-W43-WE']]],
    // durations: fractions, counts between two events, "a quarter of" as a fraction
    ['The probe lasted 2 1/2 years and the hearing half an hour.', null, [['2 1/2 years', 'P2.5Y'], ['half an hour', 'PT0.5H']]],
    ['Three days later, the index was down 2%.', '1998-03-03', [['Three days', 'P3D']]],
    ['Iraq imports about three-quarters of its food.', '1998-03-03', []],
    // sets, centuries, parts of a year
    ['The agency gives a daily tally of inspections, not quarterly results.', null, [['daily', 'P1D']]],
    ['Mines were cleared near the 11th century temple.', null, [['11th century', '10']]],
    ['The system must be ready by the year two thousand.', null, [['two thousand', '2000']]],
    ['The unit will be sold by the end of 1990.', '1989-10-30', [['the end of 1990', '1990']]],
    ['Show sales in two thousand and twenty.', null, [['two thousand and twenty', '2020']]],
    ['The fair runs from July the 5th to July the 8th.', '2016-11-07', [['July the 5th', '2016-07-05'], ['July the 8th', '2016-07-08']]],
    ['I bought it for $12 December 27.', '2019-07-04', [['December 27', '2019-12-27']]],
  ],
  fr: [
    ['Le conseil s\'est réuni le 24 mai, il a voté.', '2021-03-01', [['24 mai', '2020-05-24']]],
    ['Le salon ouvrira le 10 janvier.', '2021-11-20', [['10 janvier', '2022-01-10']]],
    ['En 2019, la foire du 3 juin a attiré du monde.', '2023-01-01', [['2019', '2019'], ['3 juin', '2019-06-03']]],
    ['La date limite est le 29/2.', null, [['29/2', 'XXXX-02-29']]],
    ['Le groupe ouvrira samedi à 8 h.', '1999-05-26', [['samedi', '1999-05-29'], ['8 h', '1999-05-29T08:00']]],
    ['Le 12 mai, les deux groupes ont signé un accord.', null, [['12 mai', 'XXXX-05-12']]],
    ['Le 12 mai, les deux groupes ont signé un accord.', '2024-06-01', [['12 mai', '2024-05-12']]],
    ['La loi du 27 juin 2019 est entrée en vigueur.', null, [['27 juin 2019', '2019-06-27']]],
    ['Le salon se tiendra en octobre 2024.', null, [['octobre 2024', '2024-10']]],
    ['Les ventes ont progressé l\'an dernier.', '2022-03-04', [["l'an dernier", '2021']]],
    ['Le chantier durera deux ans.', null, [['deux ans', 'P2Y']]],
    ['Il est arrivé hier soir.', '2022-03-04', [['hier soir', '2022-03-03TEV']]],
    ['Le groupe publie ses comptes chaque année.', null, [['chaque année', 'P1Y']]],
    ['Le résultat du premier semestre 2023 est stable.', null, [['premier semestre 2023', '2023-H1']]],
    ['Actuellement, le site emploie du personnel.', null, [['Actuellement', 'PRESENT_REF']]],
    ['Le vote a lieu le jeudi de la semaine prochaine.', '2022-03-02', [['le jeudi de la semaine prochaine', '2022-03-10']]],
    ['La foire a ouvert le quatre juin.', '2022-08-01', [['quatre juin', '2022-06-04']]],
    ['Les magasins fermeront à la fin du mois.', '2022-03-02', [['à la fin du mois', '2022-03']]],
    ['L\'usine rouvrira dans trois semaines.', '2022-03-02', [['dans trois semaines', '2022-03-23']]],
    ['Jean Martin, 87 ans, a été hospitalisé.', null, []],
    ['Le Parlement, élu le 6 mai dernier, a siégé.', '1999-05-27', [['6 mai dernier', '1999-05-06']]],
    ['Les inscriptions se feront ce même lundi après-midi, de 13 h 30 à 15 h 30.', '1999-09-05', [['lundi après-midi', '1999-09-06TAF'], ['13 h 30', '1999-09-06T13:30'], ['15 h 30', '1999-09-06T15:30']]],
    ["Il a été heurté hier en début d'après-midi.", '1999-05-21', [["hier en début d'après-midi", '1999-05-20TAF']]],
    ['Les conduites datent de la fin du XIXe siècle.', null, [['XIXe siècle', '18']]],
    ['La région est disputée depuis un demi-siècle.', null, [['depuis un demi-siècle', 'P50Y']]],
    ['Les inscriptions ont lieu tous les jeudis.', null, [['tous les jeudis', 'XXXX-WXX-4']]],
    ['Marseille revient six ans après sa victoire.', '1999-09-13', [['six ans', 'P6Y']]],
  ],
  de: [
    ['Der Vorstand hat sich am 24. Mai getroffen.', '2021-03-01', [['24. Mai', '2020-05-24']]],
    ['Die Messe wird am 10. Januar eröffnet.', '2021-11-20', [['10. Januar', '2022-01-10']]],
    ['Anno 2019 zog die Messe am 3. Juni viele Besucher an.', '2023-01-01', [['2019', '2019'], ['3. Juni', '2019-06-03']]],
    ['Die Frist endet am 28.10. um Mitternacht.', null, [['28.10.', 'XXXX-10-28']]],
    ['Das Werk öffnet Dez-2018 nicht.', null, [['Dez-2018', '2018-12']]],
    ['Am 24. Mai 2023 wurde der Vertrag unterzeichnet.', null, [['24. Mai 2023', '2023-05-24']]],
    ['Die Messe findet im Oktober statt.', '2022-03-04', [['Oktober', '2022-10']]],
    ['Der Umsatz stieg vergangene Woche.', '2022-03-04', [['vergangene Woche', '2022-W08']]],
    ['Das Werk läuft seit 18 Jahren.', null, [['seit 18 Jahren', 'P18Y']]],
    ['Im dritten Quartal 2024 sank der Gewinn.', null, [['dritten Quartal 2024', '2024-Q3']]],
    ['Der Bericht erscheint jährlich.', null, [['jährlich', 'P1Y']]],
    ['Die Zahlen kamen gestern.', '2022-03-04', [['gestern', '2022-03-03']]],
    ['Derzeit arbeiten dort viele Menschen.', null, [['Derzeit', 'PRESENT_REF']]],
    ['Die Sitzung beginnt um 14.30 Uhr.', null, [['14.30 Uhr', 'XXXX-XX-XXT14:30']]],
    ['Das war in den 90er Jahren.', null, [['90er Jahren', '199']]],
    ['Die Abstimmung ist am Donnerstag nächster Woche.', '2022-03-02', [['Donnerstag nächster Woche', '2022-03-10']]],
    ['Die Messe öffnete am vierten Juni.', '2022-08-01', [['vierten Juni', '2022-06-04']]],
    ['Die Läden schließen Ende des Monats.', '2022-03-02', [['Ende des Monats', '2022-03']]],
    ['Das Werk wird in drei Wochen wieder öffnen.', '2022-03-02', [['in drei Wochen', '2022-03-23']]],
    ['Der Umsatz war an Weihnachten 2019 am höchsten.', null, [['Weihnachten 2019', '2019-12-25']]],
    ['Die Arbeiten beginnen nach dem Wochenende.', '2019-09-11', [['dem Wochenende', '2019-W37-WE']]],
  ],
  es: [
    ['La junta se reunió el 24 de mayo.', '2021-03-01', [['24 de mayo', '2020-05-24']]],
    ['La feria abrirá el 10 de enero.', '2021-11-20', [['10 de enero', '2022-01-10']]],
    ['En 2019 la feria del 3 de junio atrajo a mucha gente.', '2023-01-01', [['2019', '2019'], ['3 de junio', '2019-06-03']]],
    ['El plazo vence el 29/2.', null, [['29/2', 'XXXX-02-29']]],
    ['Llega dos días a partir de hoy.', '2022-03-04', [['dos días a partir de hoy', '2022-03-06']]],
    ['El acuerdo se firmó el 24 de mayo de 2023 en Madrid.', null, [['24 de mayo de 2023', '2023-05-24']]],
    ['La feria abre en octubre.', '2022-03-04', [['octubre', '2022-10']]],
    ['Las ventas crecerán el próximo mes.', '2022-03-04', [['el próximo mes', '2022-04']]],
    ['El proyecto durará tres años.', null, [['tres años', 'P3Y']]],
    ['La planta abrió hace dos años.', '2022-03-04', [['hace dos años', '2020']]],
    ['El informe se publica cada año.', null, [['cada año', 'P1Y']]],
    ['Ayer se presentó el plan.', '2022-03-04', [['Ayer', '2022-03-03']]],
    ['Actualmente la empresa tiene mil empleados.', null, [['Actualmente', 'PRESENT_REF']]],
    ['Los resultados del tercer trimestre de 2024 son buenos.', null, [['tercer trimestre de 2024', '2024-Q3']]],
    ['La tienda abre a las 10:30 los sábados.', null, [['10:30', 'XXXX-XX-XXT10:30']]],
    ['La votación es el jueves de la próxima semana.', '2022-03-02', [['el jueves de la próxima semana', '2022-03-10']]],
    ['La feria abrió el cuatro de junio.', '2022-08-01', [['cuatro de junio', '2022-06-04']]],
    ['Las tiendas cerrarán a finales de mes.', '2022-03-02', [['a finales de mes', '2022-03']]],
    ['La planta reabrirá en tres semanas.', '2022-03-02', [['en tres semanas', '2022-03-23']]],
    ['Las ventas subieron en el año fiscal 2019.', null, [['el año fiscal 2019', 'FY2019']]],
    ['La circulación quedó interrumpida hasta las 11.45 horas.', '2001-01-03', [['11.45 horas', '2001-01-03T11:45']]],
    ['Los pilotos han probado estos días sus coches. Desde entonces no ha hablado.', null, [['estos días', 'PRESENT_REF'], ['entonces', 'PAST_REF']]],
    ['Será el responsable del equipo para la próxima edición.', null, [['próxima', 'FUTURE_REF']]],
    ['Las ventas crecieron entre enero y marzo de 1998.', '1999-05-01', [['enero', '1998-01'], ['marzo de 1998', '1998-03']]],
    ['Retiene a los rehenes desde hace 14 días. Dos días después, liberó a uno.', '2000-06-01', [['hace 14 días', '2000-05-18'], ['Dos días', 'P2D']]],
    ['La iglesia data del siglo XVIII.', null, [['siglo XVIII', '17']]],
    ['La película se estrenará a partir del próximo mes de septiembre.', '1999-07-01', [['próximo mes de septiembre', '1999-09']]],
    ['Me iré en dos semanas.', '2018-07-05', [['en dos semanas', '2018-07-19']]],
    ['Los mercados cayeron hace unas horas.', '2008-10-06', [['hace unas horas', '2008-10-06']]],
  ],
  pt: [
    ['O conselho reuniu-se em 24 de maio e votou.', '2021-03-01', [['24 de maio', '2020-05-24']]],
    ['A feira abrirá em 10 de janeiro.', '2021-11-20', [['10 de janeiro', '2022-01-10']]],
    ['Em 2019 a feira de 3 de junho atraiu muita gente.', '2023-01-01', [['2019', '2019'], ['3 de junho', '2019-06-03']]],
    ['O prazo termina em 29/2.', null, [['29/2', 'XXXX-02-29']]],
    ['A fábrica abriu dois meses atras.', '2022-03-04', [['dois meses atras', '2022-01']]],
    ['O acordo foi assinado em 24 de maio de 2023.', null, [['24 de maio de 2023', '2023-05-24']]],
    ['A feira abre em outubro.', '2022-03-04', [['outubro', '2022-10']]],
    ['As vendas subiram no ano passado.', '2022-03-04', [['ano passado', '2021']]],
    ['O projeto vai durar três anos.', null, [['três anos', 'P3Y']]],
    ['A fábrica abriu há dois anos.', '2022-03-04', [['há dois anos', '2020']]],
    ['O relatório é publicado anualmente.', null, [['anualmente', 'P1Y']]],
    ['O plano foi apresentado ontem.', '2022-03-04', [['ontem', '2022-03-03']]],
    ['Atualmente a empresa tem mil funcionários.', null, [['Atualmente', 'PRESENT_REF']]],
    ['Os resultados do primeiro semestre de 2024 são bons.', null, [['primeiro semestre de 2024', '2024-H1']]],
    ['A loja abre na sexta-feira.', '2022-03-04', [['sexta-feira', '2022-03-04']]],
    ['A votação é na quinta-feira da próxima semana.', '2022-03-02', [['quinta-feira da próxima semana', '2022-03-10']]],
    ['A feira abriu em quatro de junho.', '2022-08-01', [['quatro de junho', '2022-06-04']]],
    ['As lojas vão fechar no final do mês.', '2022-03-02', [['no final do mês', '2022-03']]],
    ['A fábrica reabrirá em três semanas.', '2022-03-02', [['em três semanas', '2022-03-23']]],
    ['As vendas subiram no Natal de 2019.', null, [['Natal de 2019', '2019-12-25']]],
    ['A loja fecha à meia-noite.', '2019-10-30', [['meia-noite', '2019-10-30T24:00']]],
  ],
};

function check(text: string, lang: string, ref: string | null) {
  const out = extractDates(text, lang, ref);
  for (const d of out) expect(text.slice(d.start, d.end)).toBe(d.text);
  for (let i = 1; i < out.length; i++) expect(out[i].start).toBeGreaterThanOrEqual(out[i - 1].end);
  return out;
}

for (const [lang, rows] of Object.entries(SPECS)) {
  describe(`dates ${lang}`, () => {
    for (const [text, ref, want] of rows) {
      it(`${text} (${ref ?? 'no reference'})`, () => {
        const got = check(text, lang, ref).map((d) => [d.text, d.value]);
        expect(got).toEqual(want);
      });
    }
  });
}

describe('year inference', () => {
  it('marks inferred years, not stated ones', () => {
    const out = extractDates('Its 2023 Demo Day took place on October 16th. On May 24 the board met.', 'en', null);
    expect(out.map((d) => [d.text, d.value, d.inferred ?? false])).toEqual([
      ['2023', '2023', false],
      ['October 16th', '2023-10-16', true],
      ['May 24', 'XXXX-05-24', false],
    ]);
  });
  it('a year stated in another sentence does not carry over', () => {
    expect(extractDates('Sales rose in 2019. On May 24 the board met.', 'en', '2023-06-01').map((d) => d.value)).toEqual(['2019', '2023-05-24']);
  });
  it('a bare year repeated in the document is listed once', () => {
    expect(extractDates('The 2025 Forum opened. The 2025 Forum closed.', 'en', null).map((d) => d.text)).toEqual(['2025']);
  });
  it('February 29 goes to a leap year', () => {
    expect(extractDates('The deal closed on Feb 29.', 'en', '2017-03-22').map((d) => d.value)).toEqual(['2016-02-29']);
  });
});

describe('anaphora: dates counted from the date last named', () => {
  const rows: [string, string, string, string[]][] = [
    ['en', 'The company was founded in 1995. The following year, it opened a plant in Ohio.', '2023-10-26', ['1995', '1996']],
    ['en', 'It moved to Texas in June 2010 and went public later that year.', '2023-10-26', ['2010-06', '2010']],
    ['en', 'Sales fell 35% in January, compared to the same month a year ago.', '2009-02-03', ['2009-01', '2008-01']],
    ['fr', 'Le contrat a été signé le 12 mars 2019. Le même jour, la société a annoncé un plan.', '2019-05-01', ['2019-03-12', '2019-03-12']],
    ['de', 'Der Vertrag wurde am 3. Mai 2019 unterzeichnet. Am Vortag hatte der Aufsichtsrat zugestimmt.', '2019-10-30', ['2019-05-03', '2019-05-02']],
    ['es', 'El acuerdo se firmó el 5 de octubre de 1999. Ese mismo día dimitió el presidente.', '2000-02-16', ['1999-10-05', '1999-10-05']],
  ];
  for (const [lang, text, ref, want] of rows) {
    it(`${lang}: ${text}`, () => {
      expect(check(text, lang, ref).map((d) => d.value)).toEqual(want);
    });
  }
  it('without a date named before, the reference is the anchor', () => {
    expect(check('The following year, it opened a plant.', 'en', '2023-10-26').map((d) => d.value)).toEqual(['2024']);
  });
});

describe('reporting periods: the quarter under report', () => {
  const rows: [string, string, string, [string, string][]][] = [
    ['en', 'Acme Corp. said third-quarter net income rose 12% to $5 million from $4.5 million a year ago.', '2023-10-26',
      [['third-quarter', '2023-Q3'], ['a year ago', '2022-Q3']]],
    ['en', 'Acme posted a third-quarter profit. Revenue in the quarter rose 8%. In the year-ago quarter, the company earned $2 million, compared with year-earlier sales of $9 million.', '2023-10-26',
      [['third-quarter', '2023-Q3'], ['the quarter', '2023-Q3'], ['the year-ago quarter', '2022-Q3'], ['year-earlier', '2022-Q3']]],
    ['en', 'Acme posted a third-quarter profit. Sales rose 4% from the same period last year.', '2023-10-26',
      [['third-quarter', '2023-Q3'], ['the same period last year', '2022-Q3']]],
    ['en', 'Net income was $3 million, compared with year-earlier profit of $2 million.', '2023-10-26', [['year-earlier', '2022']]],
    ['es', 'El beneficio del tercer trimestre subió un 5% frente al mismo periodo del año anterior.', '2009-10-16',
      [['tercer trimestre', '2009-Q3'], ['al mismo periodo del año anterior', '2008-Q3']]],
    ['pt', 'O lucro do terceiro trimestre subiu 5% em relação ao mesmo período do ano anterior.', '2019-10-30',
      [['terceiro trimestre', '2019-Q3'], ['ao mesmo período do ano anterior', '2018-Q3']]],
    ['de', 'Im dritten Quartal stieg der Umsatz, im Vorjahresquartal war er gesunken.', '2019-10-30',
      [['dritten Quartal', '2019-Q3'], ['Vorjahresquartal', '2018-Q3']]],
  ];
  for (const [lang, text, ref, want] of rows) {
    it(`${lang}: ${text}`, () => {
      expect(check(text, lang, ref).map((d) => [d.text, d.value])).toEqual(want);
    });
  }
  it('"a year ago" far from any quarter stays a year', () => {
    const text = `Acme posted a third-quarter profit.${' The plant employs many people in the region.'.repeat(20)} It was built a year ago.`;
    expect(check(text, 'en', '2023-10-26').map((d) => d.value)).toEqual(['2023-Q3', '2022']);
  });
});

describe('not dates', () => {
  const none: [string, string][] = [
    ['en', 'May the new plant bring jobs to the region.'],
    ['en', 'Up to now the results are good.'],
    ['en', 'The brand sells cars in 80 countries.'],
    ['en', 'The COVID-19 crisis hit sales.'],
    ['en', 'It ranks 233rd on the Fortune Global 500 list.'],
    ['en', 'The camp welcomes 10-year-olds.'],
    ['en', 'The firm hired 2000 engineers.'],
    ['en', 'It may rise again.'],
    ['fr', 'Le premier centre outre-mer a ouvert.'],
    ['fr', 'À ce jour, le laboratoire compte des partenaires.'],
  ];
  for (const [lang, text] of none) {
    it(`${lang}: ${text}`, () => {
      expect(check(text, lang, null)).toEqual([]);
    });
  }
});

describe('robustness', () => {
  const inputs = [
    'May '.repeat(25000),
    '1'.repeat(100000),
    '1/'.repeat(50000),
    '2023-'.repeat(20000),
    '12 mai '.repeat(15000),
    'every '.repeat(17000),
    'a'.repeat(100000),
    '10:30 '.repeat(17000),
    'the last '.repeat(12000),
    'the year-ago quarter '.repeat(5000),
    'until 9 a.m. Tuesday '.repeat(5000),
    'a year ago '.repeat(9000),
    'la próxima edición '.repeat(5000),
  ];
  for (const lang of ['en', 'fr', 'de', 'es', 'pt']) {
    it(`100 kB adversarial inputs return (${lang})`, () => {
      for (const text of inputs) {
        const out = check(text, lang, '2022-03-04');
        expect(Array.isArray(out)).toBe(true);
      }
    });
  }
  it('a month abbreviation in a date shape picks the locale of a one-line text', () => {
    expect(check('Eu voltarei 23/set/2020', 'und', '2016-11-07').map((d) => d.value)).toEqual(['2020-09-23']);
  });
  it('unknown language falls back to the language-independent shapes', () => {
    expect(check('Signed 2023-05-24.', 'xx', null).map((d) => d.value)).toEqual(['2023-05-24']);
  });
  it('empty text', () => {
    expect(extractDates('', 'en', null)).toEqual([]);
  });
});

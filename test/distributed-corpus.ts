// Many distinct, realistic short releases for the distributed tests: the opening paragraphs of the
// 16 fixtures (five languages), each with a sentence of its own (an order intake, a growth rate and
// a quarter that differ from one document to the next) in the lead, so that every text, and so
// every record id, is different. About 1–2 kB each.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const SENTENCES: Record<string, (n: string, p: string, q: number, y: number) => string> = {
  en: (n, p, q, y) => `The company said order intake reached ${n} units in the ${['first', 'second', 'third', 'fourth'][q]} quarter of ${y}, up ${p}% from a year earlier.`,
  fr: (n, p, q, y) => `La société a indiqué que ses commandes ont atteint ${n} unités au ${['premier', 'deuxième', 'troisième', 'quatrième'][q]} trimestre ${y}, en hausse de ${p} % sur un an.`,
  de: (n, p, q, y) => `Das Unternehmen meldete für das ${q + 1}. Quartal ${y} einen Auftragseingang von ${n} Einheiten, ein Plus von ${p} Prozent gegenüber dem Vorjahr.`,
  es: (n, p, q, y) => `La empresa informó de que los pedidos alcanzaron ${n} unidades en el ${['primer', 'segundo', 'tercer', 'cuarto'][q]} trimestre de ${y}, un ${p} % más que un año antes.`,
  pt: (n, p, q, y) => `A empresa informou que as encomendas atingiram ${n} unidades no ${['primeiro', 'segundo', 'terceiro', 'quarto'][q]} trimestre de ${y}, alta de ${p}% sobre o ano anterior.`,
};

interface Base {
  name: string;
  lang: string;
  paragraphs: string[];
}

let bases: Base[] | null = null;

function loadBases(): Base[] {
  if (bases) return bases;
  bases = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(FIXTURES, f), 'utf8').replace(/\r\n/g, '\n');
      const lang = f.split('-')[1] ?? 'en';
      // Paragraphs are separated by blank lines (one fixture uses single line breaks).
      const paras = text.split('\n\n').map((p) => p.trim()).filter(Boolean);
      const paragraphs = paras.length > 1 ? paras : text.split('\n').map((p) => p.trim()).filter(Boolean);
      return { name: f.replace(/\.txt$/, ''), lang: SENTENCES[lang] ? lang : 'en', paragraphs };
    });
  return bases;
}

export interface CorpusDoc {
  name: string;
  lang: string;
  text: string;
}

/** Document number `i` (any non-negative integer): the same i always gives the same text. */
export function corpusDoc(i: number): CorpusDoc {
  const all = loadBases();
  const base = all[i % all.length];
  const k = Math.floor(i / all.length);
  const kept: string[] = [];
  let size = 0;
  for (const p of base.paragraphs) {
    if (size > 0 && size + p.length > 1800) break;
    kept.push(p);
    size += p.length + 2;
    if (size >= 900) break;
  }
  const n = (1000 + i * 37).toLocaleString('en-US');
  const pct = (1 + (i % 89) / 10).toFixed(1);
  const sentence = SENTENCES[base.lang](n, base.lang === 'en' || base.lang === 'pt' ? pct : pct.replace('.', ','), k % 4, 2019 + (k % 7));
  // In the lead (the paragraph after the headline), where cleanup keeps it.
  const at = Math.min(1, kept.length - 1);
  kept[at] = `${kept[at]} ${sentence}`;
  return { name: `${String(i).padStart(5, '0')}-${base.name}`, lang: base.lang, text: kept.join('\n\n') + '\n' };
}

export function corpus(from: number, count: number): CorpusDoc[] {
  return Array.from({ length: count }, (_, j) => corpusDoc(from + j));
}

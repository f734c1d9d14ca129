// Place gazetteer: country names (with alternates) in the text's language and in English, from the
// i18n-iso-countries package; continents, regions and cities from src/locale; compromise's own place lexicon.
import countries from 'i18n-iso-countries';
import { compromiseWords } from './lexicon.js';
import { ENTITY_LOCALES, entityLocale, WORLD_CITIES } from '../../locale/entities.js';

export interface PlaceInfo {
  /** Identity for alias merging: "country:TR" for every name of Türkiye, else "place:<lower form>". */
  key: string;
}

/** Lower-cases and unifies apostrophes, the form every gazetteer lookup uses. */
const NEEDS_KEY_FIX = /[\u2019\u2018\u02bc`\u00a0\u202f]/;
export function gazKey(s: string): string {
  if (!NEEDS_KEY_FIX.test(s)) return s.toLowerCase();
  return s.replace(/[\u2019\u2018\u02bc`]/g, "'").replace(/[\u00a0\u202f]/g, ' ').toLowerCase();
}

const cache = new Map<string, Map<string, PlaceInfo>>();

/** Map of lower-cased place name -> info, for one language (built once, then cached). */
export function placeGazetteer(lang: string): Map<string, PlaceInfo> {
  // Languages without entity locale data share the English gazetteer: a worker meeting sixty languages keeps six
  // gazetteers, not sixty (about 1 MB each).
  if (!ENTITY_LOCALES[lang]) lang = 'en';
  const hit = cache.get(lang);
  if (hit) return hit;
  const map = new Map<string, PlaceInfo>();
  const add = (name: string, key?: string) => {
    const k = gazKey(name.trim());
    if (k.length < 2 || k.includes(',') || k.includes('(')) return;
    if (!map.has(k)) map.set(k, { key: key ?? `place:${k}` });
  };
  const langs = lang === 'en' ? ['en'] : [lang, 'en'];
  for (const l of langs) {
    if (!countries.langs().includes(l)) continue;
    const names = countries.getNames(l, { select: 'all' }) as Record<string, string[]>;
    for (const [code, list] of Object.entries(names)) for (const n of list) add(n, `country:${code}`);
  }
  // A few short forms in everyday use that the package lists only as official long names.
  for (const [code, list] of Object.entries({ US: ['USA', 'U.S.', 'U.S.A.', 'US', 'America'], GB: ['UK', 'U.K.', 'Britain', 'Great Britain'], AE: ['UAE', 'U.A.E.'] })) {
    for (const n of list) add(n, `country:${code}`);
  }
  for (const n of entityLocale(lang).places) add(n);
  for (const n of WORLD_CITIES) add(n);
  if (lang === 'en') for (const n of entityLocale('en').places) add(n);
  for (const n of compromiseWords().places) if (n.length >= 4) add(n);
  cache.set(lang, map);
  return map;
}

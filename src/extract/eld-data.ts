// eld (the n-gram language detector) with its extra-small database held compactly. eld keeps each of its 49,553
// n-grams as a small object of language → score, about 29 MB of heap in every worker thread; here the same data is
// read from models/eld-xs.json.gz (written by scripts/eld-data.ts from the installed package; a test compares the
// two) into one Map of n-gram → slice of a byte array, about 3 MB. eld's own detector runs unchanged on it: its
// n-gram table is a Proxy that answers eld's lookups (`ngrams[ngram]`, then `for (lang in …)`) from the packed form.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The file's form: eld's database type, its language codes, and [n-gram, [language, score, language, score, …]]. */
export interface EldData {
  type: string;
  languages: Record<string, string>;
  ngrams: Array<[string, number[]]>;
}

export const ELD_DATA_PATH = fileURLToPath(new URL('../../models/eld-xs.json.gz', import.meta.url));

/** eld's own instance API (the part pressx uses). */
export interface Eld {
  detect(text: string): { language: string; getScores(): Record<string, number> };
  info(): { Languages: Record<string, string> };
}

/** The n-gram table eld reads, answering from packed arrays. */
function packedNgrams(data: EldData): Record<string, Record<number, number>> {
  const at = new Map<string, number>();
  let total = 0;
  for (const [, pairs] of data.ngrams) total += pairs.length;
  const bytes = new Uint8Array(total);
  const ends = new Uint32Array(data.ngrams.length);
  let o = 0;
  data.ngrams.forEach(([ngram, pairs], k) => {
    at.set(ngram, k);
    for (const v of pairs) bytes[o++] = v;
    ends[k] = o;
  });
  return new Proxy({}, {
    get(_t, key) {
      if (typeof key !== 'string') return undefined;
      const k = at.get(key);
      if (k === undefined) return undefined;
      const out: Record<number, number> = {};
      for (let i = k === 0 ? 0 : ends[k - 1]; i < ends[k]; i += 2) out[bytes[i]] = bytes[i + 1];
      return out;
    },
    has(_t, key) { return typeof key === 'string' && at.has(key); },
  });
}

/** A fresh eld instance loaded with the compact extra-small database. */
export async function compactEld(): Promise<Eld> {
  // createEld is eld's own factory (its static entry points call it the same way), reached by path: the package
  // exports only ready-made instances.
  const detectorUrl = new URL('../languageDetector.js', import.meta.resolve('eld'));
  const { createEld } = (await import(detectorUrl.href)) as { createEld(): { instance: Eld; loadData(d: unknown): unknown } };
  const data = JSON.parse(gunzipSync(readFileSync(ELD_DATA_PATH)).toString('utf8')) as EldData;
  const { instance, loadData } = createEld();
  if (!loadData({ type: data.type, languages: data.languages, ngrams: packedNgrams(data) })) throw new Error('eld: the compact database did not load');
  return instance;
}

/** eld's extra-small database from the installed package, in the file's form (scripts/eld-data.ts, and the test). */
export async function eldPackageData(): Promise<EldData> {
  const url = new URL('../ngrams/extrasmall.js', import.meta.resolve('eld'));
  const { ngramsData } = (await import(url.href)) as { ngramsData: { type: string; languages: Record<string, string>; ngrams: Record<string, Record<string, number>> } };
  const ngrams: Array<[string, number[]]> = [];
  for (const [ngram, scores] of Object.entries(ngramsData.ngrams)) {
    const pairs: number[] = [];
    for (const [lang, score] of Object.entries(scores)) pairs.push(Number(lang), score);
    ngrams.push([ngram, pairs]);
  }
  return { type: ngramsData.type, languages: ngramsData.languages, ngrams };
}

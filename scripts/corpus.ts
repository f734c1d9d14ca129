// The one reader of the seeds and dev corpora for the evaluation scripts (../shared beside the repo).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));

export interface CorpusDoc {
  id: string;
  text: string;
  published: string | null;
  /** The seed's gold language, or the corpus name's language suffix (-en, -fr…), else 'und'. */
  lang: string;
}

/** The seed articles, with their gold objects; `goldPath` is the folder score.mjs reads. */
export function readSeeds(): { docs: (CorpusDoc & { gold: Record<string, unknown> })[]; goldPath: string } {
  const dir = join(SHARED, 'seeds');
  const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const gold = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as Record<string, unknown>;
    return { id: f, text: readFileSync(join(dir, f), 'utf8'), published: null, lang: String(gold.language ?? 'und'), gold };
  });
  return { docs, goldPath: dir };
}

/** One dev corpus (`input.jsonl`) and the path of its gold file. */
export function readCorpus(name: string): { docs: CorpusDoc[]; goldPath: string } {
  const dir = join(SHARED, 'corpora', name);
  const lang = /-(en|fr|de|es|pt|nl)$/.exec(name)?.[1] ?? 'und';
  const docs = readFileSync(join(dir, 'input.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
    const o = JSON.parse(l) as { id: string; text: string; published?: string };
    return { id: o.id, text: o.text, published: o.published ?? null, lang };
  });
  return { docs, goldPath: join(dir, `${name}.gold.ndjson`) };
}

// The stage interface and the document state that stages share through `file.data`.
// A stage has a name, says what it reads (`requires`) and what it adds (`assigns`), and never
// rewrites another stage's results. Problems are reported as vfile messages with a place.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import type {
  DateRecordItem,
  DatelineInfo,
  EntityItem,
  FigureItem,
  LanguageInfo,
  RemovedItem,
  RepairItem,
  SourceInfo,
  SpanItem,
} from './export/schema.js';

export interface PipelineOptions {
  /** YYYY-MM-DD: resolves relative dates; wins over the input's `published` and the dateline. */
  referenceDate?: string | null;
  /** Force the language (ISO 639-1) instead of detecting it. */
  lang?: string | null;
}

/** Everything a document accumulates on its way through the pipeline. */
export interface DocData {
  options: PipelineOptions;
  source: SourceInfo;
  /** Fields given with the input (JSON lines): published date, title, url. */
  input: { published: string | null; title: string | null; url: string | null };
  raw: string;
  language: LanguageInfo;
  kind: 'release' | 'correction';
  title: string | null;
  dateline: DatelineInfo | null;
  published: string | null;
  removed: RemovedItem[];
  repairs: RepairItem[];
  truncated: SpanItem[];
  sentences: SpanItem[];
  words: number;
  entities: EntityItem[];
  dates: DateRecordItem[];
  figures: FigureItem[];
}

declare module 'vfile' {
  interface DataMap {
    pressx: Partial<DocData>;
  }
}

export interface Stage {
  name: string;
  requires: (keyof DocData)[];
  assigns: (keyof DocData)[];
  /** Prepare stages run on the raw text before parsing (`tree` is undefined); extract stages after. */
  run(file: VFile, doc: Partial<DocData>, tree?: Root): void;
}

/** The document state of a file; throws if a stage reads something no earlier stage assigned. */
export function need<K extends keyof DocData>(doc: Partial<DocData>, key: K, stage: string): DocData[K] {
  const v = doc[key];
  if (v === undefined) throw new Error(`stage ${stage} requires "${String(key)}", which no earlier stage assigned`);
  return v as DocData[K];
}

// Each extraction module behind the stage interface: what it reads, what it adds.
// The modules themselves are pure functions of text; these adapters connect them to `file.data`.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { need, type DocData, type Stage } from '../stage.js';
import { cleanup } from './cleanup.js';
import { extractDates } from './dates.js';
import { extractEntities } from './entities.js';
import { extractFigures } from './figures.js';
import { detectLanguage } from './language.js';

/** 1-based line and column of a string offset, for vfile message places. */
export function pointAt(text: string, offset: number): { line: number; column: number; offset: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: end - last, offset: end };
}

function detect(doc: Partial<DocData>, text: string): void {
  const forced = doc.options?.lang;
  doc.language = forced ? { code: forced, confidence: 1 } : detectLanguage(text);
}

/** Language of the raw text: a first guess that picks the locale data cleanup uses. */
export const languageStage: Stage = {
  name: 'language',
  requires: ['raw'],
  assigns: ['language'],
  run(_file, doc) {
    detect(doc, need(doc, 'raw', 'language'));
  },
};

/** Repair, structure, boilerplate and cut-off lines: raw text in, cleaned text (file.value) out. */
export const cleanupStage: Stage = {
  name: 'cleanup',
  requires: ['raw', 'language'],
  assigns: ['title', 'dateline', 'kind', 'removed', 'repairs', 'truncated', 'published'],
  run(file, doc) {
    const raw = need(doc, 'raw', 'cleanup');
    const result = cleanup(raw, need(doc, 'language', 'cleanup').code);
    file.value = result.text;
    doc.title = doc.input?.title ?? result.title;
    doc.dateline = result.dateline;
    doc.kind = result.kind;
    doc.removed = result.removed;
    doc.repairs = result.repairs;
    doc.truncated = result.truncated;
    doc.published = doc.options?.referenceDate ?? doc.input?.published ?? result.dateline?.date ?? null;
    for (const w of result.warnings) {
      const place = w.offset === undefined ? undefined : pointAt(result.text, w.offset);
      file.message(w.message, { place, ruleId: w.code, source: 'pressx:cleanup' });
    }
    // The language of what remains, once boilerplate and mojibake are gone.
    if (result.text !== raw && !doc.options?.lang) detect(doc, result.text);
  },
};

/** Sentences and words from the NLCST tree (retext-english / retext-latin). */
export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  assigns: ['sentences', 'words'],
  run(file, doc, tree) {
    const sentences: DocData['sentences'] = [];
    let words = 0;
    // NLCST is Root > Paragraph > Sentence > Word…; a direct walk is several times faster than a
    // generic visitor, and this stage runs on every document.
    for (const paragraph of tree?.children ?? []) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue;
        const { start, end } = sentence.position ?? {};
        if (start?.offset !== undefined && end?.offset !== undefined) sentences.push({ start: start.offset, end: end.offset });
        for (const node of sentence.children) if (node.type === 'WordNode') words++;
      }
    }
    doc.sentences = sentences;
    doc.words = words;
    if (words < 20) {
      file.message(`only ${words} words: language and extraction are less reliable on text this short`, {
        ruleId: 'short-text',
        source: 'pressx:segment',
      });
    }
  },
};

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['language'],
  assigns: ['entities'],
  run(file, doc) {
    doc.entities = extractEntities(String(file.value), need(doc, 'language', 'entities').code);
  },
};

export const datesStage: Stage = {
  name: 'dates',
  requires: ['language', 'published'],
  assigns: ['dates'],
  run(file, doc) {
    doc.dates = extractDates(String(file.value), need(doc, 'language', 'dates').code, doc.published ?? null);
  },
};

export const figuresStage: Stage = {
  name: 'figures',
  requires: ['language'],
  assigns: ['figures'],
  run(file, doc) {
    doc.figures = extractFigures(String(file.value), need(doc, 'language', 'figures').code);
  },
};

/** Thrown when a stage fails; the pipeline turns it into an error record naming the stage. */
export class StageError extends Error {
  constructor(readonly stage: string, cause: unknown) {
    super(`stage "${stage}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export function runStage(stage: Stage, file: VFile, tree?: Root): void {
  const doc = (file.data.pressx ??= {});
  try {
    stage.run(file, doc, tree);
  } catch (err) {
    throw err instanceof StageError ? err : new StageError(stage.name, err);
  }
}

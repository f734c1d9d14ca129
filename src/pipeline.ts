// The whole pipeline in one place: the order of the stages lives here and nowhere else.
//
//   source ─ingest─▶ vfile(raw) ─prepare─▶ cleaned text ─parse─▶ NLCST ─extract─▶ spans ─compile─▶ record
//
// unified is the backbone: one processor per parser (retext-english for English, retext-latin for
// every other language), whose transformers are the extract stages and whose compiler emits the
// record. The prepare stages run on the vfile before parsing, because they change the text itself
// and decide which parser reads it.
import type { Root } from 'nlcst';
import retextEnglish from 'retext-english';
import retextLatin from 'retext-latin';
import chunkedParsing from './extract/chunked-parse.js';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { compileRecord, errorRecord, sourceInfo } from './export/compile.js';
import type { PressRecord } from './export/schema.js';
import { cleanupStage, datesStage, entitiesStage, figuresStage, languageStage, runStage, segmentStage, StageError } from './extract/stages.js';
import { BINARY_SHARE, controlShare, decodeBytes } from './ingest/decode.js';
import { sha256, type SourceDoc } from './ingest/sources.js';
import type { DocData, PipelineOptions, Stage } from './stage.js';

/** Before parsing: detect the language, then clean the text (which re-detects on what remains). */
export const PREPARE: readonly Stage[] = [languageStage, cleanupStage];
/** After parsing, in order: each reads the cleaned text and the tree, and adds its own results. */
export const EXTRACT: readonly Stage[] = [segmentStage, entitiesStage, datesStage, figuresStage];

declare module 'unified' {
  interface CompileResultMap {
    PressRecord: PressRecord;
  }
}

type RecordProcessor = Processor<Root, Root, Root, undefined, PressRecord>;

/** A unified processor: `parser` (retext-english or retext-latin), the extract stages, the compiler. */
export function createProcessor(parser: 'english' | 'latin'): RecordProcessor {
  const processor = unified().use(parser === 'english' ? retextEnglish : retextLatin).use(chunkedParsing);
  for (const stage of EXTRACT) {
    processor.use(function attacher() {
      return (tree: Root, file: VFile) => runStage(stage, file, tree);
    });
  }
  return processor.use(function compiler(this: unknown) {
    (this as { compiler: (tree: Root, file: VFile) => PressRecord }).compiler = (_tree, file) => compileRecord(file);
  }) as unknown as RecordProcessor;
}

export interface Pipeline {
  /** One document in, exactly one record out (an error record when it cannot be processed). */
  process(src: SourceDoc): { record: PressRecord; file: VFile };
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A pipeline with its own processors: no state is shared between two pipelines. */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  if (options.referenceDate && !DATE_RE.test(options.referenceDate)) {
    throw new RangeError(`reference date must be YYYY-MM-DD, got ${JSON.stringify(options.referenceDate)}`);
  }
  const processors = { english: createProcessor('english'), latin: createProcessor('latin') };

  return {
    process(src) {
      const file = new VFile({ path: src.uri });
      if (src.error) return { record: errorRecord(src, src.error.code, src.error.message, src.encoding ?? null, file), file };

      let raw: string;
      let encoding: string;
      if (src.text !== undefined) {
        raw = src.text;
        encoding = src.encoding ?? 'utf-8';
        if (controlShare(raw) > BINARY_SHARE) {
          return { record: errorRecord(src, 'binary', `${src.uri}: the text is binary data (over 10% control characters), not a release`, encoding, file), file };
        }
      } else {
        const decoded = decodeBytes(src.bytes ?? new Uint8Array());
        if (!decoded.ok) return { record: errorRecord(src, decoded.code, `${src.uri}: ${decoded.message}`, decoded.encoding, file), file };
        raw = decoded.text;
        encoding = decoded.encoding;
        for (const w of decoded.warnings) file.message(w.message, { ruleId: w.code, source: 'pressx:decode' });
      }
      for (const w of src.warnings ?? []) file.message(w.message, { ruleId: w.code, source: 'pressx:ingest' });
      if (raw.trim() === '') {
        const what = raw.length === 0 ? 'is empty' : 'holds only white space';
        return { record: errorRecord(src, 'empty', `${src.uri} ${what}: there is no text to extract from`, encoding, file), file };
      }

      const doc: Partial<DocData> = {
        options,
        source: sourceInfo({ ...src, sha256: src.sha256 ?? sha256(raw) }, encoding),
        input: { published: src.published ?? null, title: src.title ?? null, url: src.url ?? null },
        raw,
      };
      file.value = raw;
      file.data.pressx = doc;
      try {
        for (const stage of PREPARE) runStage(stage, file);
        const processor = doc.language?.code === 'en' ? processors.english : processors.latin;
        const tree = processor.parse(file);
        const record = processor.stringify(processor.runSync(tree, file), file);
        return { record, file };
      } catch (err) {
        const where = err instanceof StageError ? err.message : `processing failed: ${err instanceof Error ? err.message : String(err)}`;
        return { record: errorRecord(src, 'internal', `${src.uri}: ${where} (this is a pressx bug; please report it with the document)`, encoding, file), file };
      }
    },
  };
}

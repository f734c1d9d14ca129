// Public API of pressx.
import { createPipeline } from './pipeline.js';
import type { PressRecord } from './export/schema.js';
import type { PipelineOptions } from './stage.js';

export { createPipeline, createProcessor, PREPARE, EXTRACT } from './pipeline.js';
export type { Pipeline } from './pipeline.js';
export { readSources, type SourceDoc } from './ingest/sources.js';
export { decodeBytes } from './ingest/decode.js';
export { PressRecord as RecordSchema, jsonSchema, SCHEMA_ID } from './export/schema.js';
export type { PressRecord } from './export/schema.js';
export type { PipelineOptions, Stage, DocData } from './stage.js';

export interface ExtractOptions extends PipelineOptions {
  /** Where the text came from (record.source.uri); defaults to "inline". */
  uri?: string;
  published?: string | null;
  title?: string | null;
}

/** Extracts one record from a string. For many documents, reuse one pipeline (createPipeline). */
export function extract(text: string, options: ExtractOptions = {}): PressRecord {
  const { uri = 'inline', published = null, title = null, ...pipelineOptions } = options;
  return createPipeline(pipelineOptions).process({ uri, text, published, title, size: Buffer.byteLength(text) }).record;
}

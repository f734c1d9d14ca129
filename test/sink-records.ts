// Records for the sink tests, made by the real pipeline: the fixtures (ok records) and error records
// from an empty file, a PNG image, a missing path, and a document over the size cap.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorRecord } from '../src/export/compile.js';
import type { PressRecord } from '../src/export/schema.js';
import { readSources, sha256, tooLarge } from '../src/ingest/sources.js';
import { createPipeline } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export interface SinkTestRecords {
  /** ok records from fixtures/ */
  fixtures: PressRecord[];
  /** empty, binary, not-found, too-large */
  errors: PressRecord[];
  all: PressRecord[];
}

/** A too-large error record as `pressx run --max-bytes` makes it, for a 60 MB file. */
export function tooLargeRecord(): PressRecord {
  const src = { uri: 'releases/huge.txt', sha256: sha256('a 60 MB file'), size: 60_000_000 };
  const e = tooLarge(src.uri, src.size, 10_000_000);
  return errorRecord(src, e.code, e.message);
}

/** Writes the bad inputs under `dir/in` and runs everything through one pipeline. */
export async function sinkTestRecords(dir: string): Promise<SinkTestRecords> {
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'empty.txt'), '');
  writeFileSync(join(dir, 'in', 'image.png'), PNG);
  const pipeline = createPipeline();
  const run = async (inputs: string[]) => {
    const out: PressRecord[] = [];
    for await (const src of readSources(inputs)) out.push(pipeline.process(src).record);
    return out;
  };
  const fixtures = await run([join(ROOT, 'fixtures')]);
  const errors = [...(await run([join(dir, 'in', 'empty.txt'), join(dir, 'in', 'image.png'), join(dir, 'in', 'missing.txt')])), tooLargeRecord()];
  return { fixtures, errors, all: [...fixtures, ...errors] };
}

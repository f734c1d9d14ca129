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

/** The tables whose row counts the sink tests compare. */
export const COUNTED_TABLES = ['documents', 'sources', 'entities', 'entity_aliases', 'entity_mentions', 'dates', 'figures', 'removed', 'repairs', 'truncated', 'warnings', 'ledger'];

/** The source hashes a sink's ledger must hold after these records. */
export const shasOf = (records: PressRecord[]): Set<string> => new Set(records.flatMap((r) => (r.source.sha256 ? [r.source.sha256] : [])));

/** Row counts a set of records must produce in a sink (SQLite or PostgreSQL), computed from the records alone. */
export function expectedCounts(records: PressRecord[]): Record<string, number> {
  const sum = (f: (r: PressRecord) => number) => records.reduce((n, r) => n + f(r), 0);
  return {
    documents: new Set(records.map((r) => r.id)).size,
    sources: new Set(records.map((r) => `${r.id} ${r.source.uri}`)).size,
    entities: sum((r) => r.entities.length),
    entity_aliases: sum((r) => r.entities.reduce((n, e) => n + e.aliases.length, 0)),
    entity_mentions: sum((r) => r.entities.reduce((n, e) => n + e.mentions.length, 0)),
    dates: sum((r) => r.dates.length),
    figures: sum((r) => r.figures.length),
    removed: sum((r) => r.removed.length),
    repairs: sum((r) => r.repairs.length),
    truncated: sum((r) => r.truncated.length),
    warnings: sum((r) => r.warnings.length),
    ledger: shasOf(records).size,
  };
}

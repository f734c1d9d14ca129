// The record compiler: `file.data` in, pressx.record/1 out. Also builds error records, so that a
// document that cannot be processed still yields exactly one record.
import type { VFile } from 'vfile';
import { sha256, type SourceDoc } from '../ingest/sources.js';
import type { DocData } from '../stage.js';
import { SCHEMA_ID, type PressRecord, type SourceInfo, type WarningItem } from './schema.js';

export function sourceInfo(src: SourceDoc, encoding: string | null): SourceInfo {
  return { uri: src.uri, sha256: src.sha256 ?? null, bytes: src.size ?? null, encoding };
}

/** vfile messages → record warnings (code = ruleId, message = reason, line/column when placed). */
export function warningsOf(file: VFile | null): WarningItem[] {
  if (!file) return [];
  return file.messages.map((m) => {
    const w: WarningItem = { code: m.ruleId ?? 'warning', message: m.reason };
    if (m.line) w.line = m.line;
    if (m.column) w.column = m.column;
    return w;
  });
}

const byStart = <T extends { start: number; end: number }>(a: T, b: T) => a.start - b.start || a.end - b.end;

export function compileRecord(file: VFile): PressRecord {
  const d = file.data.pressx as DocData;
  const text = String(file.value);
  return {
    schema: SCHEMA_ID,
    id: sha256(text),
    status: 'ok',
    source: d.source,
    language: d.language,
    kind: d.kind,
    title: d.title,
    dateline: d.dateline,
    published: d.published,
    text,
    removed: d.removed,
    repairs: [...d.repairs].sort(byStart),
    truncated: [...d.truncated].sort(byStart),
    entities: d.entities,
    dates: [...d.dates].sort(byStart),
    figures: [...d.figures].sort(byStart),
    warnings: warningsOf(file),
  };
}

/** One record for a document that could not be processed, with `source` as far as known. */
export function errorRecord(src: SourceDoc, code: string, message: string, encoding: string | null = null, file: VFile | null = null): PressRecord {
  return {
    schema: SCHEMA_ID,
    id: sha256(`error\0${src.uri}\0${src.sha256 ?? ''}`),
    status: 'error',
    source: sourceInfo(src, encoding),
    language: { code: 'und', confidence: 0 },
    kind: 'release',
    title: null,
    dateline: null,
    published: null,
    text: '',
    removed: [],
    repairs: [],
    truncated: [],
    entities: [],
    dates: [],
    figures: [],
    warnings: warningsOf(file),
    error: { code, message },
  };
}

/** Marks an error record's problem as fatal on its file, so that vfile-reporter prints it as an error. */
export function markFatal(record: PressRecord, file: VFile): void {
  if (record.status === 'error' && record.error) {
    const m = file.message(record.error.message, { ruleId: record.error.code, source: 'pressx' });
    m.fatal = true;
  }
}

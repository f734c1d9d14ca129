// The record contract, pressx.record/1, defined once. Every other description of the record (the
// TypeScript types, the JSON Schema printed by `pressx schema`, the docs) is derived from this file.
import { z } from 'zod';

export const SCHEMA_ID = 'pressx.record/1';

const offset = z.number().int().nonnegative();
/** A span of the record's own `text`: `text.slice(start, end)` in UTF-16 code units. */
export const Span = z.object({ start: offset, end: offset });

export const Source = z.object({
  uri: z.string().describe('the path as given, or the id of a JSON-lines input'),
  sha256: z.string().nullable().describe('sha256 (hex) of the raw bytes; null when they could not be read'),
  bytes: z.number().int().nonnegative().nullable(),
  encoding: z.string().nullable().describe('as detected: utf-8 (with or without BOM) | utf-16le | utf-16be | windows-1252'),
});

export const Language = z.object({
  code: z.string().describe('BCP-47 primary tag (ISO 639-1 where one exists); "und" when unknown'),
  confidence: z.number().min(0).max(1),
});

export const Dateline = z.object({
  text: z.string(),
  place: z.string().nullable(),
  date: z.string().nullable().describe('YYYY-MM-DD when the dateline states a full date'),
  source: z.string().nullable().describe('the wire or outlet named in the dateline, e.g. PRNewswire'),
});

export const Removed = z.object({
  text: z.string(),
  reason: z.string().describe('banner | boilerplate | fragment | markup | duplicate | …'),
});

export const Repair = Span.extend({
  kind: z.string().describe('mojibake | control | markup | entity | quote | hyphenation | whitespace | nfc | …'),
  before: z.string().describe('the original text that now stands at start..end'),
});

export const EntityType = z.enum(['organization', 'person', 'place', 'product', 'event']);
export const Entity = z.object({
  type: EntityType,
  name: z.string().describe('canonical (longest, most formal) form'),
  aliases: z.array(z.string()),
  mentions: z.array(Span),
  role: z.string().nullable(),
});

export const DateType = z.enum(['date', 'duration', 'set', 'time']);
export const DateItem = Span.extend({
  text: z.string(),
  type: DateType,
  value: z.string().describe('TIMEX3 value: 2023-05-24, 2023-10, 2024, 2025-Q1, XXXX-05-24, P18Y, PRESENT_REF…'),
  inferred: z.literal(true).optional().describe('the year is not written: taken from a year stated nearby, or from the reference date and the tense'),
});

export const FigureKind = z.enum(['count', 'money', 'percent', 'ordinal', 'quantity']);
export const Qualifier = z.enum(['min', 'max', 'approx']);
export const Figure = Span.extend({
  text: z.string(),
  kind: FigureKind,
  value: z.number(),
  unit: z.string().nullable().describe('money: ISO 4217; count: counted noun, singular, lower case; quantity: unit symbol'),
  qualifier: Qualifier.nullable(),
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
});

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().positive().optional().describe('1-based line in the source, when the problem has a place'),
  column: z.number().int().positive().optional(),
});

export const RecordError = z.object({
  code: z.string().describe('empty | binary | unreadable | is-directory | not-found | bad-json | bad-input | decode | internal'),
  message: z.string(),
});

export const PressRecord = z
  .object({
    schema: z.literal(SCHEMA_ID),
    id: z.string().describe('sha256 (hex) of text; for error records, of the source uri and bytes'),
    status: z.enum(['ok', 'error']),
    source: Source,
    language: Language,
    kind: z.enum(['release', 'correction']),
    title: z.string().nullable(),
    dateline: Dateline.nullable(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    text: z.string(),
    removed: z.array(Removed),
    repairs: z.array(Repair),
    truncated: z.array(Span),
    entities: z.array(Entity),
    dates: z.array(DateItem),
    figures: z.array(Figure),
    warnings: z.array(Warning),
    error: RecordError.optional(),
  })
  .strict();

export type PressRecord = z.infer<typeof PressRecord>;
export type SourceInfo = z.infer<typeof Source>;
export type LanguageInfo = z.infer<typeof Language>;
export type DatelineInfo = z.infer<typeof Dateline>;
export type RemovedItem = z.infer<typeof Removed>;
export type RepairItem = z.infer<typeof Repair>;
export type SpanItem = z.infer<typeof Span>;
export type EntityItem = z.infer<typeof Entity>;
export type EntityTypeName = z.infer<typeof EntityType>;
export type DateRecordItem = z.infer<typeof DateItem>;
export type FigureItem = z.infer<typeof Figure>;
export type WarningItem = z.infer<typeof Warning>;
export type RecordErrorInfo = z.infer<typeof RecordError>;

/** The JSON Schema (draft 2020-12) of pressx.record/1, generated from the zod schema above. */
export function jsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PressRecord, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    title: SCHEMA_ID,
    description: 'One pressx record per input document. Offsets index the record text in UTF-16 code units.',
    ...schema,
  };
}

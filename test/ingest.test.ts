import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/ingest/decode.js';
import { readSources, type SourceDoc } from '../src/ingest/sources.js';

const TEXT = 'Zürich — Société Générale a annoncé une hausse de 12 % ; “quoted” text.';

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(le).swap16() : le;
  const mark = bom ? Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : Buffer.alloc(0);
  return new Uint8Array(Buffer.concat([mark, body]));
}

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM as utf-8', () => {
    for (const bytes of [Buffer.from(TEXT), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])]) {
      const d = decodeBytes(new Uint8Array(bytes));
      expect(d.ok && d.text).toBe(TEXT);
      expect(d.ok && d.encoding).toBe('utf-8');
      expect(d.ok && d.warnings).toEqual([]);
    }
  });

  it.each([
    ['utf-16le', false, true],
    ['utf-16le', false, false],
    ['utf-16be', true, true],
    ['utf-16be', true, false],
  ] as const)('reads %s (BOM: %s)', (encoding, be, bom) => {
    const d = decodeBytes(utf16(TEXT, be, bom));
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.encoding).toBe(encoding);
      expect(d.text).toBe(TEXT);
    }
  });

  it('falls back to windows-1252 with a warning when the bytes are not UTF-8', () => {
    // "Café – 5 €" in windows-1252: é = E9, en dash = 96, euro = 80.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
    const d = decodeBytes(bytes);
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.encoding).toBe('windows-1252');
      expect(d.text).toBe('Café – 5 €');
      expect(d.warnings.map((w) => w.code)).toEqual(['decode-fallback']);
    }
  });

  it('refuses binary files by magic number and by control characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const gz = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]);
    const junk = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i * 7) % 32));
    for (const [bytes, what] of [[png, 'PNG'], [gz, 'gzip'], [junk, 'binary']] as const) {
      const d = decodeBytes(bytes);
      expect(d.ok).toBe(false);
      if (!d.ok) {
        expect(d.code).toBe('binary');
        expect(d.message).toContain(what);
      }
    }
  });
});

async function collect(inputs: string[], stdin?: NodeJS.ReadableStream): Promise<SourceDoc[]> {
  const out: SourceDoc[] = [];
  for await (const s of readSources(inputs, { stdin })) out.push(s);
  return out;
}

describe('readSources', () => {
  let dir: string;
  let socketServer: ReturnType<typeof createServer> | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pressx-ingest-'));
    mkdirSync(join(dir, 'releases', 'deep'), { recursive: true });
    writeFileSync(join(dir, 'releases', 'a.txt'), 'First release text.');
    writeFileSync(join(dir, 'releases', 'b.md'), '# Second\n\nRelease body.');
    writeFileSync(join(dir, 'releases', 'deep', 'c.txt'), 'Third, in a subfolder.');
    writeFileSync(join(dir, 'releases', 'notes.json'), '{"ignored": true}');
    writeFileSync(join(dir, 'releases', '.hidden.txt'), 'hidden files are skipped');
    mkdirSync(join(dir, 'folder.txt'));
    writeFileSync(
      join(dir, 'batch.jsonl'),
      [
        JSON.stringify({ id: 'doc-1', text: 'Hello from line one.', published: '2024-03-01', title: 'T' }),
        '',
        '{"id": "doc-2", "text": "unterminated',
        JSON.stringify({ id: 'doc-3', text: 'Third line.', published: 'March 2024' }),
        JSON.stringify(['not', 'an', 'object']),
        JSON.stringify({ id: 'doc-5' }),
      ].join('\n') + '\n',
    );
  });

  afterAll(() => {
    socketServer?.close();
  });

  it('walks folders recursively in sorted order, keeping .txt/.md/.jsonl and skipping hidden files', async () => {
    const docs = await collect([join(dir, 'releases')]);
    expect(docs.map((d) => d.uri.slice(dir.length + 1))).toEqual(['releases/a.txt', 'releases/b.md', 'releases/deep/c.txt']);
    expect(docs.every((d) => d.bytes && d.sha256?.length === 64 && d.size === d.bytes.length)).toBe(true);
  });

  it('expands globs', async () => {
    const docs = await collect([join(dir, 'releases', '**', '*.txt')]);
    expect(docs.map((d) => d.uri.split('/').pop())).toEqual(['a.txt', 'c.txt']);
  });

  it('reads JSON lines with one document or one error per non-blank line, naming the line', async () => {
    const docs = await collect([join(dir, 'batch.jsonl')]);
    expect(docs).toHaveLength(5);
    expect(docs[0]).toMatchObject({ uri: 'doc-1', text: 'Hello from line one.', published: '2024-03-01', title: 'T' });
    expect(docs[1].error?.code).toBe('bad-json');
    expect(docs[1].error?.message).toContain('line 3');
    expect(docs[2]).toMatchObject({ uri: 'doc-3', published: null });
    expect(docs[2].warnings?.[0].code).toBe('bad-published');
    expect(docs[3].error?.code).toBe('bad-json');
    expect(docs[3].error?.message).toContain('line 5');
    expect(docs[4]).toMatchObject({ uri: 'doc-5', error: { code: 'bad-input' } });
    expect(docs[4].error?.message).toContain('"text"');
  });

  it('turns missing paths, empty globs, folders named like files and unreadable paths into error docs', async () => {
    const sock = join(dir, 'socket.txt');
    socketServer = createServer();
    await new Promise<void>((resolve) => socketServer!.listen(sock, resolve));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    const docs = await collect([
      join(dir, 'missing.txt'),
      join(dir, 'nothing-*.txt'),
      join(dir, 'folder.txt'),
      sock,
      join(dir, 'dangling.txt'),
    ]);
    expect(docs.map((d) => d.error?.code)).toEqual(['not-found', 'not-found', 'is-directory', 'unreadable', 'not-found']);
    for (const d of docs) expect(d.error?.message).toContain(d.uri);
  });

  it('reads standard input as one document named -', async () => {
    const docs = await collect(['-'], Readable.from([Buffer.from('From stdin '), Buffer.from('in two chunks.')]));
    expect(docs).toHaveLength(1);
    expect(docs[0].uri).toBe('-');
    expect(Buffer.from(docs[0].bytes!).toString()).toBe('From stdin in two chunks.');
  });
});

// Sources: turns the command line's inputs (files, folders, globs, JSON-lines files, `-` for stdin)
// into a stream of documents. Every document that comes in yields exactly one SourceDoc, and an
// input that cannot be read yields one SourceDoc carrying an error, so nothing disappears.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { decodeBytes } from './decode.js';

export interface SourceError {
  code: string;
  message: string;
}

export interface SourceDoc {
  /** The path as given, `path:line` for a JSON line without id, or the JSON line's id. */
  uri: string;
  /** Raw bytes, when the document is a file of its own (decoded by the pipeline). */
  bytes?: Uint8Array;
  /** Already-decoded text, for JSON-lines inputs. */
  text?: string;
  /** Encoding of the JSON-lines file the text came from. */
  encoding?: string;
  /** sha256 of the raw bytes (the file, or the JSON line). */
  sha256?: string;
  size?: number;
  published?: string | null;
  url?: string | null;
  title?: string | null;
  error?: SourceError;
  /** Input-level warnings (e.g. a malformed `published` field), reported with the record. */
  warnings?: { code: string; message: string; line?: number }[];
}

export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md']);
export const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function fsError(err: unknown, path: string): SourceError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return { code: 'not-found', message: `${path}: no such file or folder` };
  if (code === 'EISDIR') return { code: 'is-directory', message: `${path} is a folder, not a file` };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'unreadable', message: `${path}: permission denied` };
  return { code: 'unreadable', message: `${path} cannot be read (${code ?? String(err)})` };
}

export interface ReadOptions {
  stdin?: NodeJS.ReadableStream;
  /**
   * Documents larger than this many bytes are not read: each becomes a SourceDoc carrying a
   * `too-large` error. For JSON lines, the cap applies to each line.
   */
  maxBytes?: number;
  /** Only files modified at or after this time (documents inside JSON-lines files go by the file's time). */
  since?: Date;
  /** Called for each file left out by `since`. */
  onSkip?: (uri: string) => void;
}

/** Expands inputs in order; folders are walked recursively in sorted order for reproducible runs. */
export async function* readSources(inputs: string[], options: ReadOptions = {}): AsyncGenerator<SourceDoc> {
  const o: Required<Pick<ReadOptions, 'maxBytes'>> & ReadOptions = { maxBytes: Number.POSITIVE_INFINITY, ...options };
  const readPath = (path: string) => readPathWith(path, o);
  const walk = (dir: string) => walkWith(dir, o);
  for (const input of inputs) {
    if (input === '-') {
      yield await readStdin(options.stdin ?? process.stdin, o.maxBytes);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && isDynamicPattern(input)) {
        const matches = (await glob(input, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
        if (matches.length === 0) yield { uri: input, error: { code: 'not-found', message: `${input}: the pattern matches no file` } };
        for (const m of matches) yield* readPath(m);
        continue;
      }
      yield { uri: input, error: fsError(err, input) };
      continue;
    }
    if (info.isDirectory()) {
      const ext = extname(input).toLowerCase();
      if (DOCUMENT_EXTENSIONS.has(ext) || JSONL_EXTENSIONS.has(ext)) {
        yield { uri: input, error: { code: 'is-directory', message: `${input} is a folder named like a file; give the files inside it or the folder without the extension` } };
        continue;
      }
      yield* walk(input);
    } else {
      yield* readPath(input);
    }
  }
}

export function tooLarge(uri: string, size: number, maxBytes: number): SourceError {
  const mb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${n} bytes`);
  return { code: 'too-large', message: `${uri}: the document is ${mb(size)}, over the ${mb(maxBytes)} limit (--max-bytes); it was not processed` };
}

async function* walkWith(dir: string, o: ReadOptions & { maxBytes: number }): AsyncGenerator<SourceDoc> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { uri: dir, error: fsError(err, dir) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walkWith(path, o);
    else if (e.isFile() || e.isSymbolicLink()) {
      const ext = extname(e.name).toLowerCase();
      if (DOCUMENT_EXTENSIONS.has(ext) || JSONL_EXTENSIONS.has(ext)) yield* readPathWith(path, o);
    }
  }
}

/** A file given explicitly is read whatever its extension; JSON-lines files by extension. */
async function* readPathWith(path: string, o: ReadOptions & { maxBytes: number }): AsyncGenerator<SourceDoc> {
  const ext = extname(path).toLowerCase();
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    yield { uri: path, error: fsError(err, path) };
    return;
  }
  if (o.since && info.mtime < o.since) {
    o.onSkip?.(path);
    return;
  }
  if (JSONL_EXTENSIONS.has(ext)) {
    yield* readJsonLines(path, o.maxBytes);
    return;
  }
  if (info.isFile() && info.size > o.maxBytes) {
    yield { uri: path, size: info.size, error: tooLarge(path, info.size, o.maxBytes) };
    return;
  }
  try {
    const bytes = new Uint8Array(await readFile(path));
    yield { uri: path, bytes, sha256: sha256(bytes), size: bytes.length };
  } catch (err) {
    yield { uri: path, error: fsError(err, path) };
  }
}

async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number): Promise<SourceDoc> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      // Past the cap, keep counting but stop holding the bytes.
      if (size <= maxBytes) chunks.push(buf);
    }
  } catch (err) {
    return { uri: '-', error: { code: 'unreadable', message: `standard input cannot be read (${String(err)})` } };
  }
  if (size > maxBytes) return { uri: '-', size, error: tooLarge('standard input', size, maxBytes) };
  const bytes = new Uint8Array(Buffer.concat(chunks));
  return { uri: '-', bytes, sha256: sha256(bytes), size: bytes.length };
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * JSON lines, streamed: `{id, text, published?, url?, title?}` a line. A malformed line becomes one
 * error record naming the file and line number; blank lines are skipped (they hold no document).
 */
async function* readJsonLines(path: string, maxBytes: number): AsyncGenerator<SourceDoc> {
  let lineNo = 0;
  try {
    const stream = createReadStream(path);
    let pending: Buffer | null = null;
    // A line over the cap is not kept: its bytes are counted and dropped up to its newline.
    let oversize = 0;
    const flushLine = function* (buf: Buffer): Generator<SourceDoc> {
      lineNo++;
      if (oversize) {
        const size = oversize + buf.length;
        oversize = 0;
        yield { uri: `${path}:${lineNo}`, size, error: tooLarge(`${path}:${lineNo}`, size, maxBytes) };
        return;
      }
      if (buf.length > maxBytes) {
        yield { uri: `${path}:${lineNo}`, size: buf.length, error: tooLarge(`${path}:${lineNo}`, buf.length, maxBytes) };
        return;
      }
      let bytes = buf;
      if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      if (lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      if (bytes.length === 0 || /^\s*$/.test(bytes.toString('latin1'))) return;
      yield parseJsonLine(path, lineNo, bytes);
    };
    for await (const chunk of stream) {
      let buf: Buffer = pending ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
      let nl = buf.indexOf(0x0a);
      if (lineNo === 0 && pending === null && (buf[0] === 0xff || buf[0] === 0xfe) && (buf[1] === 0xfe || buf[1] === 0xff)) {
        yield { uri: path, error: { code: 'bad-input', message: `${path}: JSON-lines files must be UTF-8; this one is UTF-16 (convert it, e.g. iconv -f UTF-16 -t UTF-8)` } };
        stream.destroy();
        return;
      }
      while (nl >= 0) {
        yield* flushLine(buf.subarray(0, nl));
        buf = buf.subarray(nl + 1);
        nl = buf.indexOf(0x0a);
      }
      // `buf` holds the pending part of the line and the new chunk.
      if (oversize || buf.length > maxBytes) {
        oversize += buf.length;
        pending = null;
      } else pending = buf.length ? Buffer.from(buf) : null;
    }
    if (oversize) yield* flushLine(Buffer.alloc(0));
    if (pending) yield* flushLine(pending);
    if (lineNo === 0) yield { uri: path, error: { code: 'empty', message: `${path}: the JSON-lines file is empty` } };
  } catch (err) {
    yield { uri: lineNo ? `${path}:${lineNo}` : path, error: fsError(err, path) };
  }
}

function parseJsonLine(path: string, lineNo: number, bytes: Buffer): SourceDoc {
  const where = `${path}:${lineNo}`;
  const digest = sha256(bytes);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { uri: where, sha256: digest, size: bytes.length, error: { code: 'bad-json', message: `${where}: line ${lineNo} is not UTF-8 text` } };
  let obj: unknown;
  try {
    obj = JSON.parse(decoded.text);
  } catch (err) {
    const detail = (err as Error).message.replace(/^JSON\.parse: /, '');
    return { uri: where, sha256: digest, size: bytes.length, error: { code: 'bad-json', message: `${where}: line ${lineNo} is not valid JSON (${detail})` } };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { uri: where, sha256: digest, size: bytes.length, error: { code: 'bad-json', message: `${where}: line ${lineNo} must be a JSON object {"id", "text", …}` } };
  }
  const o = obj as Record<string, unknown>;
  const uri = typeof o.id === 'string' && o.id.trim() ? o.id : typeof o.id === 'number' ? String(o.id) : where;
  if (typeof o.text !== 'string') {
    return { uri, sha256: digest, size: bytes.length, error: { code: 'bad-input', message: `${where}: line ${lineNo} has no "text" string` } };
  }
  const warnings: SourceDoc['warnings'] = [];
  let published: string | null = null;
  if (o.published !== undefined && o.published !== null) {
    if (typeof o.published === 'string' && DATE_RE.test(o.published.slice(0, 10)) && !Number.isNaN(Date.parse(o.published.slice(0, 10)))) {
      published = o.published.slice(0, 10);
    } else {
      warnings.push({ code: 'bad-published', message: `${where}: "published" must be YYYY-MM-DD; ignored ${JSON.stringify(o.published)}` });
    }
  }
  return {
    uri,
    text: o.text,
    encoding: 'utf-8',
    sha256: digest,
    size: bytes.length,
    published,
    url: typeof o.url === 'string' ? o.url : null,
    title: typeof o.title === 'string' ? o.title : null,
    warnings,
  };
}

// Byte decoding: BOM sniffing, UTF-16 without BOM, UTF-8, windows-1252 fallback, binary refusal.
// Pure function of the bytes; every outcome says which encoding it used.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  ok: true;
  text: string;
  encoding: Encoding;
  warnings: { code: string; message: string }[];
}
export interface DecodeFailure {
  ok: false;
  code: 'binary' | 'decode';
  message: string;
  encoding: Encoding | null;
}

/** Magic numbers of formats people drop into a folder of releases by mistake. */
const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['gzip archive', [0x1f, 0x8b]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['bzip2 archive', [0x42, 0x5a, 0x68]],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['WebP/RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: false, ignoreBOM: true });
// windows-1252 differs from Latin-1 in 0x80–0x9F. Node 20's TextDecoder('windows-1252') decodes
// those bytes as Latin-1 C1 controls, so the table is applied here (undefined bytes stay as is).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** UTF-16 without a BOM: text in Latin scripts has a zero byte in every other position. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of characters that no text document contains: C0 controls other than tab/newline/CR/FF. */
export function controlShare(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return n ? bad / n : 0;
}

/** Over this share of control characters, a "text" is binary data. */
export const BINARY_SHARE = 0.1;

export function decodeBytes(bytes: Uint8Array): Decoded | DecodeFailure {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return finish(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return finish(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return finish(bytes.subarray(2), 'utf-16be');
  for (const [what, sig] of MAGIC) {
    if (startsWith(bytes, sig)) {
      return { ok: false, code: 'binary', encoding: null, message: `this looks like a ${what}, not text; pressx reads plain-text releases (.txt, .md) and JSON lines` };
    }
  }
  const sniffed = sniffUtf16(bytes);
  if (sniffed) return finish(bytes.subarray(0, bytes.length - (bytes.length % 2)), sniffed);
  return finish(bytes, 'utf-8');
}

function finish(bytes: Uint8Array, encoding: Encoding): Decoded | DecodeFailure {
  const warnings: Decoded['warnings'] = [];
  let text: string;
  let used = encoding;
  if (encoding === 'utf-16le') text = utf16le.decode(bytes);
  else if (encoding === 'utf-16be') text = utf16be.decode(bytes);
  else {
    try {
      text = utf8.decode(bytes);
    } catch {
      text = decodeCp1252(bytes);
      used = 'windows-1252';
      warnings.push({
        code: 'decode-fallback',
        message: 'the bytes are not valid UTF-8; decoded as windows-1252 (check the accented characters of this document)',
      });
    }
  }
  // NUL bytes and other control characters in bulk mean a binary file that no magic number caught.
  if (controlShare(text) > BINARY_SHARE) {
    return { ok: false, code: 'binary', encoding: used, message: `the file holds binary data (over 10% control characters when read as ${used}), not text` };
  }
  return { ok: true, text, encoding: used, warnings };
}

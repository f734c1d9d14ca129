// Long documents are parsed in pieces. parse-latin (under retext-english and retext-latin) first reads the whole
// text as one sentence and merges inner-word symbols by splicing that one array, so its time grows with the square
// of the text: 250 kB parse in 0.17 s, 2 MB in 10 s. A blank line always ends a paragraph, so cutting the text
// there gives the same paragraphs, sentences and words; each piece is parsed alone and its nodes are moved to their
// place in the whole text.
import type { Root, RootContent } from 'nlcst';
import type { Processor } from 'unified';

/** Longest piece parsed at once (characters); below it a document is parsed whole, as before. */
export const PARSE_CHUNK = 8192;

type Parse = (text: string) => Root;
interface Point { line: number; column: number; offset?: number }

const SPACE = /[ \t\r\n\u00a0\u2028\u2029]/;
const TERMINAL = /[.!?\u2026\u203d]/;
const UPPER = /\p{Lu}/u;

/**
 * Where to end the piece that starts at `start` (at most about `max` characters): after the last blank line in its
 * second half; failing that, after the last line break; after a sentence's final mark, a space and a capital letter
 * (a cut that may end a sentence early after an abbreviation: only lines longer than max / 2 come to this), or after
 * any space; as a last resort at `max` itself (never inside a surrogate pair).
 */
export function cutAt(text: string, start: number, max: number): number {
  const limit = start + max;
  if (limit >= text.length) return text.length;
  const floor = start + (max >> 1);
  const afterSpace = (i: number) => {
    let j = i;
    while (j < text.length && j - i < 256 && SPACE.test(text[j])) j++;
    return j;
  };
  // A blank line: parse-latin always ends a sentence and a paragraph there, so the pieces parse exactly as the whole.
  for (let nl = text.lastIndexOf('\n', limit - 1); nl >= floor; nl = text.lastIndexOf('\n', nl - 1)) {
    let k = nl - 1;
    while (k > start && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k--;
    if (text[k] === '\n') return afterSpace(nl);
  }
  // A line break: the same unless a sentence runs on over it (a heading without a full stop, say).
  const nl = Math.max(text.lastIndexOf('\n', limit - 1), text.lastIndexOf('\r', limit - 1));
  if (nl >= floor) return afterSpace(nl);
  let space = -1;
  for (let i = limit - 1; i > floor; i--) {
    if (!SPACE.test(text[i])) continue;
    if (TERMINAL.test(text[i - 1]) && i + 1 < text.length && UPPER.test(text[i + 1])) return afterSpace(i);
    if (space < 0) space = i;
  }
  if (space >= 0) return afterSpace(space);
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** Parses `text` whole when short, else in pieces (see cutAt), with every node's position in the whole text. */
export function parseInChunks(text: string, parse: Parse, max = PARSE_CHUNK): Root {
  if (text.length <= max) return parse(text);
  const children: RootContent[] = [];
  const at: Point & { offset: number } = { line: 1, column: 1, offset: 0 };
  while (at.offset < text.length) {
    const end = cutAt(text, at.offset, max);
    const piece = parse(text.slice(at.offset, end));
    for (const child of piece.children) {
      moveNode(child, at);
      children.push(child);
    }
    // Advance the point over the piece, counting lines as parse-latin does (\r, \n, or \r\n).
    for (let i = at.offset; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 || (c === 10 && text.charCodeAt(i - 1) !== 13)) { at.line++; at.column = 1; } else if (c !== 10) at.column++;
    }
    at.offset = end;
  }
  return { type: 'RootNode', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { ...at } } };
}

/** Moves a node parsed from a piece that starts at `at` (new point objects: parse-latin shares them between nodes). */
function moveNode(node: RootContent, at: Point & { offset: number }): void {
  const stack: Array<{ position?: { start: Point; end: Point }; children?: unknown[] }> = [node];
  const move = (p: Point): Point => ({
    line: p.line + at.line - 1,
    column: p.line === 1 ? p.column + at.column - 1 : p.column,
    offset: (p.offset ?? 0) + at.offset,
  });
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) n.position = { start: move(n.position.start), end: move(n.position.end) };
    if (n.children) for (const c of n.children) stack.push(c as (typeof stack)[number]);
  }
}

/** unified plugin, used after retext-english or retext-latin: their parser, run on pieces of long documents. */
export default function chunkedParsing(this: Processor, max = PARSE_CHUNK): void {
  const whole = this.parser as unknown as (text: string, file: unknown) => Root;
  if (!whole) throw new Error('chunkedParsing: use it after a parser plugin (retext-english, retext-latin)');
  (this as unknown as { parser: (text: string, file: unknown) => Root }).parser = (text, file) => parseInChunks(String(text), (t) => whole(t, file), max);
}

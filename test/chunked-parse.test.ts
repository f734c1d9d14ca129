// Long documents are parsed in pieces (src/extract/chunked-parse.ts): the pieces must give the same words,
// sentences and positions as parsing the whole text, and parsing must stay linear on long adversarial text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'nlcst';
import retextEnglish from 'retext-english';
import retextLatin from 'retext-latin';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { cutAt, parseInChunks } from '../src/extract/chunked-parse.js';
import { ROOT } from './helpers.js';

// The parsers alone, each run on the whole text it is given.
const englishParser = unified().use(retextEnglish);
const latinParser = unified().use(retextLatin);
const english = (t: string) => englishParser.parse(t) as Root;
const latin = (t: string) => latinParser.parse(t) as Root;

interface Leaf { type: string; value: string; start: [number, number, number]; end: [number, number, number] }
type Pos = { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };

/** The leaves (text, white space, punctuation, symbols) in order, with their positions. */
function leaves(tree: Root): Leaf[] {
  const out: Leaf[] = [];
  const walk = (n: { type: string; value?: string; children?: unknown[]; position?: Pos }) => {
    if (n.children) for (const c of n.children) walk(c as typeof n);
    else {
      const p = n.position!;
      out.push({ type: n.type, value: n.value!, start: [p.start.line, p.start.column, p.start.offset!], end: [p.end.line, p.end.column, p.end.offset!] });
    }
  };
  walk(tree as never);
  return out;
}

/**
 * Sentences with words, as their start offset and word count. (Where a piece ends in punctuation after a space, as
 * in French "… difficiles. »", parse-latin gives that mark to the sentence before it, where the whole text makes it
 * a sentence of its own: the ends of such sentences may differ by that mark, never their words.)
 */
function sentences(tree: Root): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of tree.children) {
    if (p.type !== 'ParagraphNode') continue;
    for (const s of p.children) {
      const words = s.type === 'SentenceNode' ? s.children.filter((c) => c.type === 'WordNode').length : 0;
      if (words > 0) out.push([s.position!.start.offset!, words]);
    }
  }
  return out;
}

/** Line and column of every offset of `text`, counted as parse-latin counts them. */
function pointOf(text: string, offset: number): [number, number] {
  let line = 1, column = 1;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' || (c === '\n' && text[i - 1] !== '\r')) { line++; column = 1; } else if (c !== '\n') column++;
  }
  return [line, column];
}

function texts(): string[] {
  const dirs = [join(ROOT, 'fixtures'), join(ROOT, '..', 'shared', 'seeds')];
  const out: string[] = [];
  for (const d of dirs) {
    let files: string[] = [];
    try { files = readdirSync(d); } catch { continue; }
    for (const f of files.sort()) if (f.endsWith('.txt')) out.push(readFileSync(join(d, f), 'utf8'));
  }
  return out;
}

describe('parsing in pieces', () => {
  it('gives the same words, sentences and positions as one parse, on every fixture and seed', () => {
    const all = texts();
    expect(all.length).toBeGreaterThanOrEqual(16);
    let cut = 0;
    for (const text of all) {
      // Pieces short enough to cut the text several times, long enough that every cut falls at a blank line.
      const max = Math.max(64, 2 * Math.max(...text.split(/\n[ \t]*\n/).map((l) => l.length)) + 16);
      if (text.length > max) cut++;
      for (const parse of [english, latin]) {
        const whole = parse(text);
        const pieces = parseInChunks(text, parse, max);
        expect(pieces.children.length).toBeGreaterThan(0);
        expect(leaves(pieces)).toEqual(leaves(whole));
        expect(sentences(pieces)).toEqual(sentences(whole));
        expect(pieces.position!.end.offset).toBe(text.length);
      }
    }
    expect(cut).toBeGreaterThanOrEqual(10);
  });

  it('keeps sentences and positions on a long line without line breaks, cut after a sentence', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Acme Corp. hired ${i + 1} engineers in Lyon on Monday.`).join(' ');
    const pieces = parseInChunks(text, english, 1000);
    expect(leaves(pieces)).toEqual(leaves(english(text)));
    expect(sentences(pieces).length).toBe(sentences(english(text)).length);
  });

  it('gives every leaf its own text and position, with \\r\\n and \\r line ends, cut anywhere', () => {
    const text = 'Première ligne.\r\nDeuxième\rTroisième ligne, 2,5 % de hausse.\n\n' + 'mot-composé '.repeat(300) + '\r\nfin.';
    for (const max of [7, 50, 333]) {
      const tree = parseInChunks(text, latin, max);
      const ls = leaves(tree);
      let offset = 0;
      for (const l of ls) {
        expect(l.start[2]).toBe(offset);
        expect(text.slice(l.start[2], l.end[2])).toBe(l.value);
        expect([l.start[0], l.start[1]]).toEqual(pointOf(text, l.start[2]));
        offset = l.end[2];
      }
      expect(offset).toBe(text.length);
    }
  });

  it('cuts where it should: after a blank line, a line break, a sentence, a space, never inside a surrogate pair', () => {
    expect(cutAt('aaaaaaaa\n\nbbbb\nbbbbbbbbbb', 0, 16)).toBe(10);
    expect(cutAt('aaaa\n  bbbbbbbbbb', 0, 10)).toBe(7);
    expect(cutAt('One two. Three four five', 0, 14)).toBe(9);
    // Not after an abbreviation before a lower-case word.
    expect(cutAt('Acme Corp. hired them', 0, 14)).toBe(11);
    expect(cutAt('aaaaaa bbbbbbbbbbbb', 0, 10)).toBe(7);
    expect(cutAt('aaaaaaaa😀aaaaaaaaaaaa', 0, 9)).toBe(8);
    expect(cutAt('short', 0, 10)).toBe(5);
  });

  it('stays linear on 1.6 MB of hyphenated words, where one parse takes quadratic time', () => {
    // Each "a-b" is a word built by one merge, which parse-latin alone splices into a single array of the whole
    // text: 400 kB of them take 40 s in one parse (1.6 MB would take ten minutes), about 1 s in pieces.
    const text = 'a-b '.repeat(400_000);
    const tree = parseInChunks(text, english);
    const ls = leaves(tree);
    expect(ls.map((l) => l.value).join('')).toBe(text);
    expect(ls[ls.length - 1].end[2]).toBe(text.length);
  }, 60_000);
});

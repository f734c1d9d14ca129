// Text repairs (src/extract/repair.ts): encoding damage à la ftfy, every change listed in repairs[]
// with what it replaced, and every regular expression of the module linear on adversarial input.
import { describe, expect, it } from 'vitest';
import { REPAIR_PATTERNS, repairText, type RepairOutput } from '../src/extract/repair.js';

/** UTF-8 bytes read as windows-1252 (undefined bytes as Latin-1 C1 controls). */
const HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};
const misread = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => HIGH[b] ?? String.fromCharCode(b)).join('');

/** Rebuilds the input from the output and the repairs (their `before` and where they stand). */
export function rebuild(r: RepairOutput): string {
  let out = '';
  let pos = 0;
  for (const rp of r.repairs) {
    expect(rp.start).toBeGreaterThanOrEqual(pos);
    out += r.text.slice(pos, rp.start) + rp.before;
    pos = rp.end;
  }
  return out + r.text.slice(pos);
}

describe('encoding repair', () => {
  it('once and twice mis-decoded UTF-8', () => {
    const once = misread('Die Bürgermeisterin sagte: „Wir bauen die Brücke“ — 12 €.');
    expect(repairText(once).text).toBe('Die Bürgermeisterin sagte: „Wir bauen die Brücke“ — 12 €.');
    const twice = misread(misread('It’s the company’s café.'));
    expect(repairText(twice).text).toBe('It’s the company’s café.');
  });

  it('lost bytes become one replacement character (ftfy: lossy sequences)', () => {
    // the right quote's UTF-8 bytes, the second replaced by "?" by a legacy converter
    const r = repairText('We don\u00e2?\u2122t know; it\u00c3?\u00c2\u00a9s gone');
    expect(r.text).toBe('We don\ufffdt know; it\ufffd\u00a9s gone');
    expect(r.repairs.every((x) => x.kind === 'mojibake')).toBe(true);
    // the same bytes with a U+FFFD where a byte was undefined in windows-1252
    expect(repairText('the \u00e2\u20acquote\u00e2\u20ac\ufffd here').text).toBe('the \u00e2\u20acquote\ufffd here');
  });

  it('a question mark after an accented letter is not a lost byte', () => {
    for (const t of ['«¿Qué?» dijo ella.', '“Você?” perguntou.', 'AMANHÃ? Sim.']) expect(repairText(t).text).toBe(t);
  });

  it('a weak pair is left when the line holds other non-ASCII text (ftfy: whole-segment decoding)', () => {
    expect(repairText('Mixed – TrÃ¥dlös remix').text).toBe('Mixed – TrÃ¥dlös remix');
    // the same pair in a line that is wholly mis-decoded is repaired
    expect(repairText(misread('Trådlös på året')).text).toBe('Trådlös på året');
  });

  it('lower-cased mojibake: the output is a fixed point', () => {
    const r = repairText('\u00e3\u2020\u00e2\u20ac\u2122x \u00e3\u0192\u00e2\u20ac');
    expect(repairText(r.text).text).toBe(r.text);
    expect(rebuild(r)).toBe('\u00e3\u2020\u00e2\u20ac\u2122x \u00e3\u0192\u00e2\u20ac');
  });

  it('Arabic with a no-break space turned into a space', () => {
    const raw = misread('قال إن ٠١ من').replace(/\u00a0/g, ' ');
    const r = repairText(raw.replace('Ù\u00a0', 'Ù '));
    expect(r.text.replace(/\s+/g, ' ')).toContain('قال إن');
  });

  it('Greek and Chinese text stay', () => {
    for (const t of ['Η «πρόταση» του υπουργού και «πολιτική».', '一棟兩層樓的建築，沿中山南路（台北）。']) expect(repairText(t).text).toBe(t);
  });
});

describe('every change is listed', () => {
  const samples = [
    'Line one\r\nLine two\r\n\r\nLine three\rend',
    '  Runs   of\t\tspaces  \nand tabs\t\n',
    '<p>Tags &amp;amp; entities &#8217; &lt;b&gt;</p><br/>x',
    misread('Société Générale’s “new” café') + '\u0000 \u0081\u0093ok\u0094',
    'inter-\nnational   co-\noperation ’’quoted’’ ﬁnance Ｆｕｌｌ',
    'Cafe\u0301 \ufffd alone and in\ufffdside',
  ];
  for (const s of samples) {
    it(JSON.stringify(s.slice(0, 24)), () => {
      const r = repairText(s);
      expect(rebuild(r)).toBe(s);
      for (const rp of r.repairs) expect(rp.before).not.toBe(r.text.slice(rp.start, rp.end));
    });
  }

  it('CR LF: one newline repair per run of line breaks', () => {
    const r = repairText('a\r\n\r\nb\r\nc');
    expect(r.text).toBe('a\n\nb\nc');
    expect(r.repairs.filter((x) => x.kind === 'newline').map((x) => x.before)).toEqual(['\r\n\r\n', '\r\n']);
  });

  it('white space: one repair per run', () => {
    const r = repairText('a    b\t \tc   ');
    expect(r.text).toBe('a b c');
    expect(r.repairs.map((x) => [x.kind, x.before])).toEqual([['whitespace', '    '], ['whitespace', '\t \t'], ['whitespace', '   ']]);
  });

  it('entities decoded to a fixed point', () => {
    expect(repairText('AT&amp;amp;T &amp;lt;3').text).toBe('AT&T <3');
  });
});

describe('regular expressions run in linear time', () => {
  const base = [' ', 'a', '7', '.', ',', 'Ã', '€', '&#', '<', '-\n', '\t', 'é', '\u0301', '\ufffd', '’', '&a', '<a ', '\n', '；', '\u0080', 'Ù ', 'ÃÂ'];
  const inputs: [string, string][] = [];
  for (const b of base) inputs.push([JSON.stringify(b), b.repeat(Math.ceil(100_000 / b.length))]);
  inputs.push(['letters then !', 'a'.repeat(100_000) + '!']);
  inputs.push(['<a + spaces', '<a' + ' '.repeat(100_000)]);
  inputs.push(['&# + digits', '&#' + '1'.repeat(100_000)]);
  inputs.push(['word-\\n chain', 'ab-\n'.repeat(25_000)]);
  inputs.push(['spaces + tab + x', ' \t'.repeat(50_000) + 'x']);
  inputs.push(['accented + marks', 'e\u0301'.repeat(50_000)]);
  for (const [name, re] of Object.entries(REPAIR_PATTERNS)) {
    it(name, () => {
      for (const [what, input] of inputs) {
        const t0 = performance.now();
        if (re.global || re.sticky) {
          re.lastIndex = 0;
          input.replace(re, '');
          re.lastIndex = 0;
        } else {
          re.exec(input);
          input.replace(re, '');
        }
        const ms = performance.now() - t0;
        expect(ms, `${name} on ${what}`).toBeLessThan(200);
      }
    });
  }

  it('repairText on the same inputs', () => {
    for (const [what, input] of inputs) {
      const t0 = performance.now();
      const r = repairText(input);
      expect(performance.now() - t0, what).toBeLessThan(2000);
      expect(rebuild(r)).toBe(input);
    }
  });
});

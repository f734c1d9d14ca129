// Cleanup stage: one entry point over text repairs (repair.ts) and line structure (structure.ts).
// The output text keeps the line structure of the input: kept lines joined with '\n', a blank line
// wherever the input had one or more. Every repair and truncated span indexes into `text`.
import type { DatelineInfo, RemovedItem, RepairItem, SpanItem } from '../export/schema.js';
import { CLEANUP_LOCALES } from '../locale/cleanup.js';
import { repairText, type RepairOptions } from './repair.js';
import { analyseLines } from './structure.js';

export interface CleanupResult {
  text: string;
  title: string | null;
  dateline: DatelineInfo | null;
  kind: 'release' | 'correction';
  removed: RemovedItem[];
  repairs: RepairItem[];
  truncated: SpanItem[];
  warnings: { code: string; message: string; offset?: number }[];
}

const GRAVE_CONTRACTIONS = Object.values(CLEANUP_LOCALES).flatMap((l) => l.graveContractions ?? []);

export function cleanup(raw: string, lang: string, opts: RepairOptions = {}): CleanupResult {
  // CR LF and CR become LF inside repairText (repairs of kind 'newline'), so that every change is listed.
  const input = String(raw ?? '');
  const rep = repairText(input, { graveContractions: GRAVE_CONTRACTIONS, ...opts });
  const st = analyseLines(rep.text, lang);

  // Assemble the output and remember where each source line went.
  const n = st.lines.length;
  const lineStart = new Array<number>(n);
  const outStart = new Array<number>(n).fill(-1);
  const parts: string[] = [];
  let pos = 0;
  let len = 0;
  let pendingBlank = false;
  let droppedSince = false;
  let any = false;
  const removed: RemovedItem[] = [];
  for (let i = 0; i < n; i++) {
    const l = st.lines[i];
    lineStart[i] = pos;
    pos += l.text.length + 1;
    if (l.role === 'blank') {
      pendingBlank = true;
      continue;
    }
    if (l.role === 'removed') {
      removed.push({ text: l.text, reason: l.reason ?? 'boilerplate' });
      droppedSince = true;
      continue;
    }
    if (any) {
      // Lines that were apart only because a removed line stood between them stay apart: a blank
      // line keeps a second repair pass from joining "word-" to the next line as a hyphenation.
      const apart = droppedSince && /\p{L}-$/u.test(parts[parts.length - 1] ?? '');
      const sep = pendingBlank || apart ? '\n\n' : '\n';
      parts.push(sep);
      len += sep.length;
    }
    pendingBlank = false;
    droppedSince = false;
    any = true;
    outStart[i] = len;
    parts.push(l.text);
    len += l.text.length;
  }
  const text = parts.join('');

  // Map a position of the repaired text to the output (null when its line was dropped).
  const lineOf = (p: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStart[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const mapPos = (p: number, preferEnd: boolean): number | null => {
    let i = lineOf(p);
    // A position at the very start of a line may belong to the end of the previous line.
    if (preferEnd && p === lineStart[i] && i > 0 && outStart[i] < 0 && outStart[i - 1] >= 0) i--;
    if (outStart[i] < 0) return null;
    return outStart[i] + Math.min(p - lineStart[i], st.lines[i].text.length);
  };
  const repairs: RepairItem[] = [];
  for (const r of rep.repairs) {
    const s = mapPos(r.start, false);
    const e = mapPos(r.end, true);
    if (s === null || e === null || e < s) continue;
    repairs.push({ kind: r.kind, start: s, end: e, before: r.before });
  }
  const truncated: SpanItem[] = [];
  for (let i = 0; i < n; i++) {
    const l = st.lines[i];
    if (l.truncated && outStart[i] >= 0) truncated.push({ start: outStart[i], end: outStart[i] + l.text.length });
  }
  const warnings: CleanupResult['warnings'] = [];
  const moji = repairs.filter((r) => r.kind === 'mojibake').length;
  if (moji > 0) warnings.push({ code: 'mojibake-repaired', message: `${moji} mis-decoded character sequence(s) repaired`, offset: repairs.find((r) => r.kind === 'mojibake')?.start });
  if (truncated.length >= 3) warnings.push({ code: 'truncated-lines', message: `${truncated.length} lines stop mid-sentence; the source text looks cut`, offset: truncated[0].start });
  if (text.length === 0 && input.trim().length > 0) warnings.push({ code: 'all-removed', message: 'every line was removed as banner, boilerplate or fragment' });

  return { text, title: st.title, dateline: st.dateline, kind: st.kind, removed, repairs, truncated, warnings };
}

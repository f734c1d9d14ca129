import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { eld as packageEld } from 'eld/extrasmall';
import { compactEld, ELD_DATA_PATH, eldPackageData } from '../src/extract/eld-data.js';

describe('compact eld database', () => {
  it('is what the installed eld package holds (npm run eld-data writes it)', async () => {
    expect(JSON.parse(gunzipSync(readFileSync(ELD_DATA_PATH)).toString('utf8'))).toEqual(await eldPackageData());
  });

  it("gives eld's own answers and scores on real sentences in many languages", async () => {
    const ours = await compactEld();
    const lines = readFileSync(new URL('../../shared/corpora/ud-langid/input.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);
    let compared = 0;
    for (let k = 0; k < lines.length; k += 20) {
      const text = JSON.parse(lines[k]).text as string;
      const a = packageEld.detect(text), b = ours.detect(text);
      expect(b.language).toBe(a.language);
      expect(b.getScores()).toEqual(a.getScores());
      compared++;
    }
    expect(compared).toBeGreaterThan(400);
    expect(ours.info().Languages).toEqual(packageEld.info().Languages);
  });
});

// The text of models/compromise-lex.txt.gz, made from the installed compromise package (scripts/compromise-lexicon.ts
// writes it; a test compares it with the committed file). Only the script and the test load compromise this way.

/** compromise's lexicon as lines "word<TAB>Tag,Tag", in the package's order. */
export async function lexiconText(): Promise<string> {
  const nlp = (await import('compromise')).default as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  let out = '';
  for (const [w, tag] of Object.entries(nlp.model().one.lexicon)) out += `${w}\t${(Array.isArray(tag) ? tag : [tag]).join(',')}\n`;
  return out;
}

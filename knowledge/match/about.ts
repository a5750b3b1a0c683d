// Clauses found by what they speak of rather than by a question: every clause naming at least one
// concept of each group asked for (and none of those to avoid), ranked by the index's score for a
// short query. The report flow's guidance is found this way.

import type { ConceptFilter, ConceptMatch } from '../library.js';
import { readQuery, retrieve } from './retrieve.js';
import type { SchoolIndex } from './school-index.js';

/** Per index (one policy version), the answers already found: the guidance asks the same few each time. */
const found = new WeakMap<SchoolIndex, Map<string, ConceptMatch[]>>();
/** Enough for every guidance topic's searches many times over; past it the oldest is dropped. */
const PER_INDEX = 500;

/** Clauses whose concepts fit `filter`, best for `query` first (those `query` does not reach last). */
export function clausesAbout(index: SchoolIndex, query: string, filter: ConceptFilter): ConceptMatch[] {
  const cache = found.get(index) ?? new Map<string, ConceptMatch[]>();
  found.set(index, cache);
  const key = JSON.stringify([query, filter.needs, filter.avoid ?? []]);
  const known = cache.get(key);
  if (known) return [...known];
  const fits = (concepts: ReadonlySet<string>) =>
    filter.needs.every((group) => group.some((id) => concepts.has(id))) && !filter.avoid?.some((id) => concepts.has(id));
  const result = retrieve(index, readQuery(index, query))
    .filter((c) => fits(c.indexed.concepts))
    .map((c) => ({ clause: c.indexed.clause, score: Math.round(Math.min(1, c.score) * 100) / 100, concepts: c.indexed.concepts, schoolPlatform: c.indexed.schoolPlatform }));
  if (cache.size >= PER_INDEX) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return [...result];
}

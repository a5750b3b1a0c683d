// Clauses found by what they speak of rather than by a question: every clause naming at least one
// concept of each group asked for (and none of those to avoid), ranked by the index's score for a
// short query. The report flow's guidance is found this way.

import type { ConceptFilter, ConceptMatch } from '../library.js';
import { readQuery, retrieve } from './retrieve.js';
import type { SchoolIndex } from './school-index.js';

/** Clauses whose concepts fit `filter`, best for `query` first (those `query` does not reach last). */
export function clausesAbout(index: SchoolIndex, query: string, filter: ConceptFilter): ConceptMatch[] {
  const fits = (concepts: ReadonlySet<string>) =>
    filter.needs.every((group) => group.some((id) => concepts.has(id))) && !filter.avoid?.some((id) => concepts.has(id));
  return retrieve(index, readQuery(index, query))
    .filter((c) => fits(c.indexed.concepts))
    .map((c) => ({ clause: c.indexed.clause, score: Math.round(Math.min(1, c.score) * 100) / 100, concepts: c.indexed.concepts, schoolPlatform: c.indexed.schoolPlatform }));
}

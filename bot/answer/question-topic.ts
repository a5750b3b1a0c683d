// What a question is about, for grouping what staff ask: read from the matcher's result, never from
// lists of phrases. Answered (or the closest the policy comes): the heading of the clause cited
// first. Not covered: the vocabulary concepts the question names. Neither: "other".

import type { MatchResult } from '../../knowledge/library.js';
import type { QuestionTopic } from '../ports/store.js';

/** Questions with no topic words the vocabulary knows. */
export const otherTopic: QuestionTopic = { key: 'other', label: 'Other questions' };

export function questionTopic(m: MatchResult): QuestionTopic {
  const best = m.outcome === 'none' ? undefined : m.hits[0]?.clause;
  if (best) {
    const heading = (best.heading || best.headingPath.at(-1) || best.ref).replace(/\s+/g, ' ').trim();
    if (heading) return { key: `heading:${heading.toLowerCase()}`, label: heading };
  }
  // Sorted, so "parents … photos" and "photos … parents" are one topic.
  const ids = [...new Set(m.concepts)].sort();
  if (!ids.length) return otherTopic;
  return { key: `concepts:${ids.join('+')}`, label: ids.map((id) => id.replace(/[_-]+/g, ' ')).join(' + ') };
}

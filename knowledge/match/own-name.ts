// The words a policy and its staff use for the school itself ("the Trust", "the academy",
// "Northgate"): read as "school" on both sides, so "academy accounts" meets "school account".

import { isLexiconWord, words } from './analyze.js';
import type { SchoolInfo } from '../types.js';

const NAME_GENERIC = new Set(['school', 'schools', 'primary', 'junior', 'infant', 'infants', 'nursery', 'academy', 'church', 'england', 'community', 'college', 'federation', 'trust', 'family', 'and', 'the', 'of', 'st', 'saint', 'high', 'early', 'years', 'centre', 'model', 'policy', 'borough', 'council', 'ce', 'c', 'e']);
/** What an organisation of several schools calls itself, when its name says so ("Northgate Learning Trust"). */
const ORGANISATION = new Set(['trust', 'partnership', 'collaborative']);
/** Kinds of school a policy may name itself by ("all academies in the Trust"). */
const KINDS = new Set(['academy', 'academies', 'nursery', 'nurseries', 'federation']);

/** Distinctive words of the school's name and id ("templemoor", "ashgrove"), and its organisation word. */
export function ownNameWords(school: Pick<SchoolInfo, 'name' | 'id'>): Set<string> {
  const all = words(`${school.name} ${school.id}`);
  const own = all.filter((w) => w.length >= 4 && !NAME_GENERIC.has(w) && !isLexiconWord(w));
  // "my trust laptop" at Northgate Learning Trust: the organisation the name calls itself is the school.
  return new Set([...own, ...all.filter((w) => ORGANISATION.has(w))]);
}

/** Words of a policy's text with the school's own names read as "school" ("Trust devices" → "school devices"). */
export function asSchoolWords(ws: string[], own: ReadonlySet<string>): string[] {
  return ws.map((w) => (own.has(w) || KINDS.has(w) ? 'school' : w));
}

// The words a policy and its staff use for the school itself ("the Trust", "Northgate", "St
// Aldhelm's"): read as "school" in questions and clauses alike, so "say I work at Northgate"
// meets "staff may say that they work for the school", and "Trust devices" meets "school laptop".

import { words } from '../language/terms.js';
import { STOPWORDS, VOCABULARY_WORDS } from '../language/vocabulary.js';
import type { SchoolInfo } from '../types.js';

/** Words of a school's name that say what kind of school it is, not which. */
const NAME_GENERIC = new Set(['school', 'schools', 'primary', 'junior', 'infant', 'infants', 'nursery', 'academy', 'church', 'england', 'community', 'college', 'federation', 'trust', 'family', 'st', 'saint', 'high', 'early', 'years', 'centre', 'model', 'policy', 'borough', 'council', 'ce', 'c', 'e', 'rc', 'catholic', 'voluntary', 'aided', 'controlled', 'learning', 'partnership', 'multi', 'free', 'secondary', 'grammar', 'preparatory', 'prep', 'hall', 'house']);
/** What an organisation of several schools calls itself, when its name says so ("Northgate Learning Trust"). */
const ORGANISATION = new Set(['trust', 'partnership', 'collaborative', 'federation']);
const VOCABULARY = new Set(VOCABULARY_WORDS);

/** Distinctive words of the school's name and id ("templemoor", "aldhelms"), and its organisation word. */
export function ownNameWords(school: Pick<SchoolInfo, 'name' | 'id'>): Set<string> {
  const all = words(`${school.name} ${school.id}`);
  const own = all.filter((w) => w.length >= 4 && !NAME_GENERIC.has(w) && !STOPWORDS.has(w) && !VOCABULARY.has(w));
  // "my trust laptop" at Northgate Learning Trust: the organisation the name calls itself is the school.
  return new Set([...own, ...all.filter((w) => ORGANISATION.has(w))]);
}

// For a message describing an incident, the clauses the report flow would show as guidance for the
// situation the words describe (who posted, about whom, what kind): the same engine, read early.

import type { PolicyLibrary } from '../../knowledge/library.js';
import type { ClauseMatch } from '../../knowledge/types.js';
import { findGuidance } from '../report/guidance.js';
import { readIncident } from '../report/read-incident.js';

/** Guidance clauses for the incident `text` describes, best first; [] when the policy is silent. */
export function incidentGuidance(library: PolicyLibrary, schoolId: string, text: string): ClauseMatch[] {
  const guidance = findGuidance(library, schoolId, readIncident(library, text));
  return guidance.items.flatMap((item) => {
    const clause = library.clause(item.citation.clauseId);
    return clause ? [{ clause, score: 0.5 }] : [];
  });
}

/**
 * The matcher's clauses for what was said, with the situation's guidance woven in: the matcher's
 * best first (it read the words), then guidance it missed, then the rest; five at most.
 */
export function withGuidance(matched: ClauseMatch[], guidance: ClauseMatch[], keep = 2): ClauseMatch[] {
  const out: ClauseMatch[] = [];
  const add = (m: ClauseMatch) => {
    if (!out.some((o) => o.clause.id === m.clause.id)) out.push(m);
  };
  matched.slice(0, keep).forEach(add);
  guidance.forEach(add);
  matched.slice(keep).forEach(add);
  return out.slice(0, 5);
}

// The shapes of the knowledge layer: a school's policy as ingested clauses, and ranked matches.

/** What a clause does. */
export type Effect = 'forbids' | 'permits' | 'permission' | 'discourages' | 'requires' | 'informs';

/** Whom a clause binds. */
export type Party = 'staff' | 'parents' | 'pupils' | 'governors';

/** One clause of a policy, as ingested; nothing here is typed by hand. */
export interface Clause {
  /** Stable across re-ingests of the same text: `<school>-<section>` or `<school>-<heading-slug>-<n>`. */
  id: string;
  school: string;
  /** Section number where the policy numbers it ("7.9"), else the heading. */
  ref: string;
  /** Section number, when the policy numbers this clause. */
  section?: string;
  /** Headings above the clause, outermost first. */
  headingPath: string[];
  /** The nearest heading. */
  heading: string;
  /** The whole clause text, cleaned of extraction artefacts. */
  text: string;
  effect: Effect;
  /** Whose permission or approval, when effect is `permission` ("the Head teacher"). */
  permissionFrom?: string;
  binds: Party[];
  /** The clause's sentences (or halves of "X may…, but Y must not…"), each with its own effect. */
  parts?: ClausePart[];
  /** The sentence that introduced the list this clause is an item of ("Adults must not:"). */
  leadIn?: string;
}

/** One sentence of a clause and what it does on its own. */
export interface ClausePart {
  text: string;
  effect: Effect;
  permissionFrom?: string;
  /** What the rule does not apply to ("unless they are family members" → "they are family members"). */
  exception?: string;
  /** The only circumstance in which it applies ("only during breaks" → "during breaks"; "school devices only"). */
  limit?: string;
  /** A list of exceptions after the rule ("The only exceptions are: (a) where…; (b) where…"), each item apart. */
  exceptions?: string[];
}

/** A school as its policy file names it. */
export interface SchoolInfo {
  id: string;
  name: string;
  /** The name as a colleague would say it, for chat verdict lines ("LFSSQ Federation"); `name` otherwise. */
  shortName?: string;
  /** Dates the policy text gives (approved, reviewed, review due…), as written. */
  dates: { label: string; value: string }[];
  /** Who staff should ask when in doubt, as the policy names them (e.g. "the Executive Headteacher"). */
  contact: string;
  /** The source file the policy came from. */
  source: string;
  /** When the policy says it is due for review (ISO date), when it says so. */
  reviewDue?: string;
  /** Who signed or approved it, as its signature lines say ("Mrs J. Patel, Headteacher"). */
  approvedBy?: string;
  /** Which version of the policy file this is: a short hash of its text (the log and the outline name it). */
  version?: string;
}

/** A school's ingested policy. */
export interface Policy {
  school: SchoolInfo;
  clauses: Clause[];
  /** Text the ingest could not place as clauses (contents pages, form templates), with why. */
  setAside: { text: string; reason: string }[];
}

/** A clause with how well it matched a query (0..1, higher is better). */
export interface ClauseMatch {
  clause: Clause;
  score: number;
}

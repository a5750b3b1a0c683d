// The policy library: every school's policy from one folder, each indexed once on first use,
// with look-ups by school and clause, and the one matcher (`match`) the bot and the report flow use.

import { relative } from 'node:path';
import { PolicyError } from './errors.js';
import { buildSchoolIndex, type SchoolIndex } from './match/school-index.js';
import { matchIndex, type MatchOptions, type MatchResult } from './match/match.js';
import { clausesAbout } from './match/about.js';
import { expanded, termsOfWords, words } from './language/terms.js';
import { concept, type Slot } from './language/vocabulary.js';
import { likeQuestions, type AskedQuestion, type LikeQuestion } from './match/like-questions.js';
import { listPolicyFiles, readPolicyFile } from './policy-files.js';
import type { Clause, ClauseMatch, Party, Policy, SchoolInfo } from './types.js';

export type { MatchOptions, MatchResult, ClauseHit } from './match/match.js';
export type { AskedQuestion, LikeQuestion } from './match/like-questions.js';

export interface SearchOptions {
  limit?: number;
  /** Only clauses that bind this party (e.g. 'parents' for what parents may do). */
  binds?: Party;
}

/** Which vocabulary concepts a clause must and must not name (ids from knowledge/language/vocabulary.ts). */
export interface ConceptFilter {
  needs: readonly (readonly string[])[];
  avoid?: readonly string[];
}

/** A concept named in a text: which, of what kind, where (word index, words spanned) and the words that named it. */
export interface ConceptMention {
  concept: string;
  slot: Slot;
  at: number;
  span: number;
  text: string;
}

export interface TextReading {
  /** Lower-case words, text-speak expanded ("msg" → "message"). */
  words: readonly string[];
  mentions: ConceptMention[];
}

/** A clause found by its concepts, with every concept it names. */
export interface ConceptMatch extends ClauseMatch {
  concepts: ReadonlySet<string>;
  /** The clause speaks of the school's own accounts or pages. */
  schoolPlatform: boolean;
}

export interface PolicyLibrary {
  /** The folder the policies were read from. */
  readonly dir: string;
  schools(): SchoolInfo[];
  policy(schoolId: string): Policy | undefined;
  /** A school as its policy names it; throws PolicyError 'school_unknown' for an unknown id. */
  school(schoolId: string): SchoolInfo;
  clause(clauseId: string): Clause | undefined;
  /**
   * The matcher: a staff message read and matched against `schoolId`'s policy only (its reading,
   * the ranked clauses with the deciding sentence and verdict of each, a calibrated confidence,
   * answer / closest / none, and why). Throws PolicyError 'school_unknown' for an unknown school.
   */
  match(schoolId: string, question: string, opts?: MatchOptions): MatchResult;
  /**
   * Of questions asked before at this school, those that ask what `question` asks (the same or a
   * close question, as the matcher reads both), best first. For a head teacher's remembered answers.
   */
  likeQuestions(schoolId: string, question: string, asked: AskedQuestion[]): LikeQuestion[];
  /** Clauses about a topic, best first; [] when nothing in the school's policy fits. */
  search(schoolId: string, query: string, opts?: SearchOptions): ClauseMatch[];
  /**
   * Clauses that speak of concepts of the one vocabulary (at least one of each `needs` group, none
   * of `avoid`), ranked by how well they meet `query`; each with the concepts it names. The report
   * flow finds its guidance this way: the index's reading of clauses, never its own word lists.
   */
  about(schoolId: string, query: string, opts: ConceptFilter): ConceptMatch[];
  /**
   * A piece of text (an incident described, a platform named) read with the matcher's vocabulary:
   * its words as the matcher reads them and the concepts it names, in order.
   */
  concepts(text: string): TextReading;
  /** The school's search index (built on first use); throws PolicyError 'school_unknown'. */
  index(schoolId: string): SchoolIndex;
  /** Files in the folder that could not be used, with why (they are skipped, not fatal). */
  readonly problems: { file: string; message: string }[];
}

/** Reads every policy file in `dir`; a file that cannot be used is skipped and listed in `problems`. */
export async function loadPolicyLibrary(dir: string): Promise<PolicyLibrary> {
  const policies = new Map<string, Policy>();
  const problems: { file: string; message: string }[] = [];
  for (const file of await listPolicyFiles(dir)) {
    try {
      const p = await readPolicyFile(file);
      p.school.source = relative(process.cwd(), file) || file;
      policies.set(p.school.id, p);
    } catch (err) {
      problems.push({ file, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return createPolicyLibrary([...policies.values()], dir, problems);
}

/** A library over policies already parsed (tests, the ingest command). */
export function createPolicyLibrary(list: Policy[], dir = '', problems: { file: string; message: string }[] = []): PolicyLibrary {
  const policies = new Map(list.map((p) => [p.school.id, p]));
  const clauses = new Map<string, Clause>();
  for (const p of list) for (const c of p.clauses) clauses.set(c.id, c);
  const indexes = new Map<string, SchoolIndex>();
  const index = (schoolId: string): SchoolIndex => {
    const cached = indexes.get(schoolId);
    if (cached) return cached;
    const p = policies.get(schoolId);
    if (!p) throw unknownSchool(schoolId, [...policies.keys()]);
    const built = buildSchoolIndex(p);
    indexes.set(schoolId, built);
    return built;
  };
  return {
    dir,
    problems,
    schools: () => [...policies.values()].map((p) => p.school).sort((a, b) => a.id.localeCompare(b.id)),
    policy: (id) => policies.get(id),
    school(id) {
      const p = policies.get(id);
      if (!p) throw unknownSchool(id, [...policies.keys()]);
      return p.school;
    },
    clause: (id) => clauses.get(id),
    index,
    match: (schoolId, question, opts) => matchIndex(index(schoolId), question.slice(0, MAX_QUERY), opts),
    concepts: (text) => readText(text.slice(0, MAX_QUERY)),
    about: (schoolId, query, filter) => clausesAbout(index(schoolId), query.slice(0, MAX_QUERY), filter),
    likeQuestions: (schoolId, question, asked) =>
      likeQuestions(index(schoolId), question.slice(0, MAX_QUERY), asked.map((a) => ({ id: a.id, text: a.text.slice(0, MAX_QUERY) }))),
    search(schoolId, query, opts = {}) {
      const m = matchIndex(index(schoolId), query.slice(0, MAX_QUERY), { limit: 20, ...(opts.binds ? { binds: opts.binds } : {}) });
      if (m.outcome === 'none') return [];
      const fitting = opts.binds ? m.hits.filter((h) => h.clause.binds.includes(opts.binds!)) : m.hits;
      return fitting.slice(0, opts.limit ?? 5).map((h) => ({ clause: h.clause, score: h.score }));
    },
  };
}

function readText(text: string): TextReading {
  const ws = expanded(words(text));
  const mentions = termsOfWords(ws).flatMap((t) => t.concepts.map((id) => ({ concept: id, slot: concept(id).slot, at: t.at, span: t.span, text: t.text })));
  return { words: ws, mentions };
}

/** Longer text is cut before matching (the bot refuses such questions before they get here). */
const MAX_QUERY = 1000;

/** The error for a school id with no policy, naming the ones there are. */
export function unknownSchool(schoolId: string, known: string[]): PolicyError {
  const list = known.length ? known.sort().join(', ') : 'none';
  return new PolicyError('school_unknown', `There is no policy for school "${schoolId}". Known schools: ${list}.`);
}

// Guidance for a report, found in the school's own policy: for every topic that fits the situation
// (guidance-topics.ts), the clauses whose words speak to it. Where the policy is silent, we say so.

import type { Clause, ClauseMatch } from '../../knowledge/types.js';
import type { GuidanceItem, ReportFields } from '../escalations/model.js';
import type { Block, Citation } from '../reply.js';
import { possessive } from '../english.js';
import { fitsPlace, fitsPoster, fitsSubject, guidanceTopics, namesPoster, type GuidanceTopic } from './guidance-topics.js';

export { guidanceTopics } from './guidance-topics.js';

/** What the report flow needs from the policy library (the knowledge layer's PolicyLibrary fits). */
export interface GuidanceLibrary {
  search(schoolId: string, query: string, options?: { limit?: number }): ClauseMatch[];
  policy(id: string): { school: { name: string }; clauses?: Clause[] } | undefined;
}

export interface Guidance {
  items: GuidanceItem[];
  /** Labels of the situation's key topics the school's policy says nothing about. */
  silent: string[];
  /** The school's name as its policy gives it. */
  schoolName?: string;
}

/** Finds the school's clauses for every topic that applies to the report so far. */
export function findGuidance(library: GuidanceLibrary, school: string, fields: Partial<ReportFields>): Guidance {
  const policy = library.policy(school);
  const schoolName = policy?.school.name ?? school;
  const items: GuidanceItem[] = [];
  const silent: string[] = [];
  for (const topic of guidanceTopics.filter((t) => t.applies(fields))) {
    const fitting = candidates(library, school, topic, policy?.clauses ?? []).filter((c) => fits(topic, c, fields));
    if (fitting.length === 0) {
      if (topic.key?.(fields)) silent.push(topic.label);
      continue;
    }
    const fresh = order(topic, fitting, fields).filter((c) => !items.some((i) => i.citation.clauseId === c.id));
    for (const c of fresh.slice(0, topic.max ?? 1)) {
      const citation: Citation = { clauseId: c.id, school, schoolName, ref: c.ref, heading: c.heading };
      items.push({ topic: topic.id, citation, text: c.text });
    }
  }
  return { items, silent, schoolName };
}

/**
 * The index's best clauses for the topic's searches first, then (so that a clause the ranking
 * placed low is not missed) every other clause of the policy; `fits` decides which speak to it.
 */
function candidates(library: GuidanceLibrary, school: string, topic: GuidanceTopic, all: Clause[]): Clause[] {
  const seen = new Map<string, Clause>();
  for (const query of topic.queries) {
    for (const m of library.search(school, query, { limit: 8 })) if (!seen.has(m.clause.id)) seen.set(m.clause.id, m.clause);
  }
  for (const c of all) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()];
}

function fits(topic: GuidanceTopic, c: Clause, f: Partial<ReportFields>): boolean {
  if (!topic.signal.every((re) => re.test(c.text)) || topic.not?.test(c.text)) return false;
  if (topic.also && !topic.also(c.text, f)) return false;
  if (topic.binds && !c.binds.includes(topic.binds)) return false;
  if (!fitsPlace(c.text, f.platform) || !fitsSubject(c.text, f.about)) return false;
  return !topic.samePoster || fitsPoster(c.text, c.binds, f.poster);
}

/** A clause naming this poster first, then the one that says what to do, then the index's order. */
function order(topic: GuidanceTopic, list: Clause[], f: Partial<ReportFields>): Clause[] {
  const prefer = (typeof topic.prefer === 'function' ? topic.prefer(f) : topic.prefer) ?? [];
  const tier = (c: Clause) => {
    const i = prefer.findIndex((re) => re.test(c.text));
    return i < 0 ? prefer.length : i;
  };
  const rank = (c: Clause) => (namesPoster(c.text, f.poster) ? 0 : 100) + tier(c);
  return list.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
}

const quoteMax = 700;

/** The sentence for what the policy is silent on, naming the school and who will advise instead. */
export function silenceText(silent: string[], schoolName?: string): string {
  const advisers = new Set(silent.map((label) => guidanceTopics.find((t) => t.label === label)?.adviser ?? 'head'));
  const who = advisers.has('dsl') ? 'the designated safeguarding lead and the head teacher will advise' : 'the head teacher will advise';
  const whose = schoolName ? possessive(schoolName) : "Your school's";
  return `${whose} policy says nothing about ${joinAnd(silent, 'or')}; ${who}.`;
}

/** The guidance as reply blocks: each clause quoted and cited, then what the policy is silent on. */
export function guidanceBlocks(g: Guidance, schoolName = g.schoolName): Block[] {
  if (g.items.length === 0 && g.silent.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', text: schoolName ? `What the policy says (${schoolName})` : "What your school's policy says" }];
  for (const item of g.items) {
    const text = item.text.length > quoteMax ? `${item.text.slice(0, quoteMax).trimEnd()}…` : item.text;
    blocks.push({ kind: 'quote', text, citation: item.citation });
  }
  if (g.silent.length > 0) blocks.push({ kind: 'text', text: silenceText(g.silent, schoolName) });
  return blocks;
}

/** Guidance as plain text, for fallback text. */
export function guidanceText(g: Guidance): string {
  const lines = g.items.map((i) => `"${i.text.length > quoteMax ? `${i.text.slice(0, quoteMax)}…` : i.text}" (${i.citation.schoolName} ${i.citation.ref})`);
  if (g.silent.length) lines.push(silenceText(g.silent, g.schoolName));
  return lines.join('\n');
}

export function joinAnd(items: string[], word = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

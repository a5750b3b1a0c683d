// Guidance for a report, found in the school's own policy: for every topic that fits the situation
// (guidance-topics.ts), the clauses the index finds naming its concepts, filtered by whom they bind
// and who posted. Where the policy is silent, we say so.

import type { ConceptMatch, PolicyLibrary } from '../../knowledge/library.js';
import type { GuidanceItem, ReportFields } from '../escalations/model.js';
import type { Block, Citation } from '../reply.js';
import { possessive } from '../english.js';
import { ownsPlace } from './read-incident.js';
import { fitsPoster, forReport, guidanceTopics, namesPoster, type GuidanceTopic } from './guidance-topics.js';

export { guidanceTopics } from './guidance-topics.js';

/** What the report flow needs from the policy library (the knowledge layer's PolicyLibrary fits). */
export type GuidanceLibrary = Pick<PolicyLibrary, 'about' | 'policy' | 'concepts'>;

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
  if (!policy) return { items, silent, schoolName };
  const platform = fields.platform ? library.concepts(fields.platform) : undefined;
  const onSchoolPage = !!platform && (platform.mentions.some((m) => m.concept === 'official') || platform.words.some(ownsPlace));
  for (const topic of guidanceTopics.filter((t) => t.applies(fields))) {
    const found = foundFor(library, school, topic, fields);
    const fitting = found.filter((m) => fits(topic, m, fields, onSchoolPage));
    if (fitting.length === 0) {
      if (topic.key?.(fields)) silent.push(topic.label);
      continue;
    }
    const fresh = order(topic, fitting, fields).filter((m) => !items.some((i) => i.citation.clauseId === m.clause.id));
    for (const { clause: c } of fresh.slice(0, topic.max ?? 1)) {
      const citation: Citation = { clauseId: c.id, school, schoolName, ref: c.ref, heading: c.heading };
      items.push({ topic: topic.id, citation, text: c.text });
    }
  }
  return { items, silent, schoolName };
}

/** Clauses naming the topic's concepts (its first set, then the others), the index's best first. */
function foundFor(library: GuidanceLibrary, school: string, topic: GuidanceTopic, fields: Partial<ReportFields>): ConceptMatch[] {
  const out = new Map<string, ConceptMatch>();
  for (const needs of [forReport(topic.needs, fields, []), ...(topic.also ?? [])]) {
    // The LADO is for allegations against staff: a clause naming it is quoted under that topic alone.
    const avoid = [...forReport(topic.avoid, fields, []), ...(needs.flat().includes('lado') ? [] : ['lado'])];
    for (const m of library.about(school, topic.query, { needs, avoid })) if (!out.has(m.clause.id)) out.set(m.clause.id, m);
  }
  return [...out.values()];
}

function fits(topic: GuidanceTopic, m: ConceptMatch, f: Partial<ReportFields>, onSchoolPage: boolean): boolean {
  const binds = typeof topic.binds === 'function' ? topic.binds(f) : topic.binds;
  if (binds && !m.clause.binds.includes(binds)) return false;
  // A clause about the school's own pages fits a post on one of them, and no other.
  if (m.schoolPlatform && !onSchoolPage) return false;
  return !topic.samePoster || fitsPoster(m.concepts, m.clause.binds, f.poster);
}

/** A clause naming this poster first, then the one that says what to do, then the index's order. */
function order(topic: GuidanceTopic, list: ConceptMatch[], f: Partial<ReportFields>): ConceptMatch[] {
  const prefer = forReport(topic.prefer, f, []);
  const tier = (m: ConceptMatch) => {
    const i = prefer.findIndex((id) => m.concepts.has(id));
    return i < 0 ? prefer.length : i;
  };
  const rank = (m: ConceptMatch) => (topic.anyPoster || namesPoster(m.concepts, f.poster) ? 0 : 100) + tier(m);
  return list.map((m, i) => ({ m, i })).sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i).map((x) => x.m);
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

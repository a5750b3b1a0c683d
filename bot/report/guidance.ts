// Guidance for a report, found in the school's own policy through the clause index: one generic
// topic query per situation, nothing written per school. Where the policy is silent, we say so.

import type { ClauseMatch } from '../../knowledge/types.js';
import type { GuidanceItem, ReportFields } from '../escalations/model.js';
import type { Block, Citation } from '../reply.js';

/** What the report flow needs from the policy library (the knowledge layer's PolicyLibrary fits). */
export interface GuidanceLibrary {
  search(schoolId: string, query: string, options?: { limit?: number }): ClauseMatch[] | Promise<ClauseMatch[]>;
  policy(id: string): { school: { name: string } } | undefined;
}

interface Topic {
  id: string;
  /** Said when the policy is silent: "Your school's policy says nothing specific about <label>." */
  label: string;
  /** Short topic searches, tried in turn (the index ranks short queries best). */
  queries: string[];
  /** A clause counts only if its text speaks to the situation (a rule for staff's own posts does not). */
  signal: RegExp[];
  /** A clause that also matches this is about something else (a Prevent clause naming the police). */
  not?: RegExp;
  /** How many clauses to quote at most. */
  max?: number;
  applies(f: Partial<ReportFields>): boolean;
}

const safeguarding = (f: Partial<ReportFields>) =>
  f.category === 'child-at-risk' || f.category === 'sexual' || f.category === 'extremism';
const staffAndChild = (f: Partial<ReportFields>) =>
  f.poster === 'staff' && (f.about === 'pupil' || f.category === 'child-at-risk' || f.category === 'sexual');

/** The situations a report can be in, each with the words a policy uses for it; most specific first. */
export const guidanceTopics: Topic[] = [
  {
    id: 'prevent', label: 'extremism and radicalisation (Prevent)',
    queries: ['concern radicalisation', 'radicalisation', 'extremism', 'Prevent'],
    signal: [/radicali[sz]|extremis|terroris/i, /concern|report|immediately|inform|refer/i],
    applies: (f) => f.category === 'extremism',
  },
  {
    id: 'staff-allegation', label: 'a member of staff who may put a child at risk (LADO)',
    queries: ['LADO', 'allegation member of staff child at risk'],
    signal: [/LADO|Local Authority Designated Officer|allegation/i, /child|safeguard/i, /refer|record|report|disclos/i],
    not: /misplaced|malicious/i,
    applies: staffAndChild,
  },
  {
    id: 'child-at-risk', label: 'telling the designated safeguarding lead',
    queries: ['communication received from children', 'designated safeguarding lead', 'safeguarding officer', 'child protection'],
    signal: [/designated safeguarding|safeguarding (lead|officer)|child protection (officer|lead)|\bDSL\b/i],
    applies: safeguarding,
  },
  {
    id: 'illegal', label: 'illegal content (police or CEOP)',
    queries: ['CEOP', 'illegal content', 'contact the police'],
    signal: [/CEOP|Child Exploitation|police/i, /illegal|crime|criminal|indecent/i],
    applies: (f) => f.category === 'sexual' || f.category === 'discriminatory',
  },
  {
    id: 'evidence', label: 'keeping evidence',
    queries: ['keep records', 'screenshots', 'do not delete', 'keep evidence'],
    signal: [/keep records|screen ?prints?|screen ?shots?|evidence/i],
    applies: (f) => f.category !== 'sexual',
  },
  {
    id: 'pupil-poster', label: 'pupils who post about staff',
    queries: ['school discipline', 'pupils post inappropriate material about staff'],
    signal: [/pupils?|students?/i, /discipline|sanction|behaviour/i],
    applies: (f) => (f.poster === 'pupil' || f.poster === 'ex-pupil') && f.about !== 'pupil',
  },
  {
    id: 'parent-poster', label: 'parents who post offensive comments', max: 2,
    queries: ['parents post offensive comments', 'remove the post', 'meeting with the headteacher'],
    signal: [/parents?|carers?|stakeholders?/i, /remov|meeting|legal|police|block/i],
    applies: (f) => f.poster === 'parent',
  },
  {
    id: 'removal', label: 'asking for a post to be removed',
    queries: ['remove the post', 'request that the material is removed', 'contact the host provider'],
    signal: [/remov/i, /request|\bask|host|provider|third.part|reported/i],
    applies: (f) => f.poster === 'other' || f.poster === 'unknown' || f.poster === 'ex-pupil' || f.poster === 'pupil',
  },
  {
    id: 'threats', label: 'threats and the police',
    queries: ['police', 'contact the police'],
    signal: [/contact(ing)? the police|the police (will|should|may|must) be (contacted|informed|called)/i],
    not: /radicali[sz]|LADO|Local Authority Designated Officer/i,
    applies: (f) => f.category === 'threatening' || f.category === 'discriminatory',
  },
  {
    id: 'defamation', label: 'defamatory posts',
    queries: ['legal advice', 'legal action'],
    signal: [/legal (advice|action)/i, /defamat|libel|posted/i],
    applies: (f) => f.category === 'defamatory',
  },
];

export interface Guidance {
  items: GuidanceItem[];
  /** Labels of the topics the school's policy says nothing about. */
  silent: string[];
}

/** Finds the school's clauses for every topic that applies to the report so far. */
export async function findGuidance(library: GuidanceLibrary, school: string, fields: Partial<ReportFields>): Promise<Guidance> {
  const schoolName = library.policy(school)?.school.name ?? school;
  const items: GuidanceItem[] = [];
  const silent: string[] = [];
  for (const topic of guidanceTopics.filter((t) => t.applies(fields))) {
    const found: GuidanceItem[] = [];
    let spoken = false;
    for (const query of topic.queries) {
      for (const m of await library.search(school, query, { limit: 5 })) {
        const c = m.clause;
        if (!topic.signal.every((re) => re.test(c.text)) || topic.not?.test(c.text)) continue;
        spoken = true;
        if (found.length >= (topic.max ?? 1) || [...items, ...found].some((i) => i.citation.clauseId === c.id)) continue;
        const citation: Citation = { clauseId: c.id, school, schoolName, ref: c.ref, heading: c.heading };
        found.push({ topic: topic.id, citation, text: c.text });
      }
    }
    if (!spoken) silent.push(topic.label);
    items.push(...found);
  }
  return { items, silent };
}

const quoteMax = 700;

/** The guidance as reply blocks: each clause quoted and cited, then what the policy is silent on. */
export function guidanceBlocks(g: Guidance, schoolName?: string): Block[] {
  if (g.items.length === 0 && g.silent.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', text: schoolName ? `What the policy says (${schoolName})` : "What your school's policy says" }];
  for (const item of g.items) {
    const text = item.text.length > quoteMax ? `${item.text.slice(0, quoteMax).trimEnd()}…` : item.text;
    blocks.push({ kind: 'quote', text, citation: item.citation });
  }
  if (g.silent.length > 0) {
    blocks.push({ kind: 'text', text: `Your school's policy says nothing specific about ${joinAnd(g.silent)}; the head teacher will advise.` });
  }
  return blocks;
}

/** Guidance as plain text, for fallback text. */
export function guidanceText(g: Guidance): string {
  const lines = g.items.map((i) => `"${i.text.length > quoteMax ? `${i.text.slice(0, quoteMax)}…` : i.text}" (${i.citation.schoolName} ${i.citation.ref})`);
  if (g.silent.length) lines.push(`Your school's policy says nothing specific about ${joinAnd(g.silent)}.`);
  return lines.join('\n');
}

export function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

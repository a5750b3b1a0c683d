// Allegations that an adult who works or volunteers at the school has harmed a child or may pose a
// risk (Keeping Children Safe in Education, part four): what the reporter must and must not do,
// the LADO reminder in the head's alert with the school's own words on it, and its deadline.

import type { Escalation, ReportFields, Subject } from '../escalations/model.js';
import type { Block, Reply } from '../reply.js';
import { findGuidance, guidanceBlocks, type GuidanceLibrary } from './guidance.js';
import { readIncident } from './read-incident.js';
import { blocksText } from './report-flow.js';

/** The guidance topic (guidance-topics.ts) whose clauses speak of the LADO. */
const ladoTopic = 'staff-allegation';

/**
 * An allegation about an adult at the school: the reporter said so ("yes" or "not sure" to the
 * first question, or chose it as the kind of post), or a member of staff posted about a pupil.
 */
export function isAllegation(f: Partial<ReportFields>): boolean {
  return f.category === 'allegation' || f.adultConcern === 'yes' || f.adultConcern === 'unsure' || (f.poster === 'staff' && f.about === 'pupil');
}

/** An allegation about the head teacher: it goes to the chair and the DSL, never to the head. */
export function isAllegationAboutHead(f: Partial<ReportFields>): boolean {
  return isAllegation(f) && f.about === 'head';
}

/**
 * The report as the guidance lookup knows the situation: an adult of the school (staff) whose
 * conduct puts a child at risk, whoever posted about it. Its topics then bring the school's words
 * on the DSL and the LADO, not those on asking a parent to take a post down.
 */
export function guidanceSituation(f: Partial<ReportFields>): Partial<ReportFields> {
  if (!isAllegation(f)) return f;
  // Sexual content keeps its own topics (CEOP, indecent images) alongside the LADO.
  return { ...f, poster: 'staff', about: 'pupil', category: f.category === 'sexual' ? 'sexual' : 'child-at-risk' };
}

/** Said to the reporter first: tell nobody else, investigate nothing, speak to the right person today. */
export function allegationWarning(about?: Subject): string {
  const who =
    about === 'head'
      ? 'the designated safeguarding lead or the chair of governors (not the head teacher)'
      : 'the head teacher or the designated safeguarding lead';
  return (
    'This is about an adult who works with children. Do not tell the person concerned, and do not investigate or ask anyone about it yourself. ' +
    `Speak to ${who} today, in person, as well as making this report. (Keeping Children Safe in Education, part four.)`
  );
}

/** Said when someone answers that the report is about an adult at the school. */
export const allegationNoted =
  "I'll treat this as a concern about an adult at the school: it goes to the head teacher and the designated safeguarding lead as urgent (to the chair of governors instead of the head, if it is about the head). " +
  'Do not tell the person concerned, and do not investigate it yourself.';

const dayMs = 24 * 3600 * 1000;
const ukDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const ukWeekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short' });

/** The first working day after `iso` (UK time, Monday to Friday; bank holidays are not known). */
export function ladoDeadline(iso: string): Date {
  let day = new Date(Date.parse(iso) + dayMs);
  while (['Sat', 'Sun'].includes(ukWeekday.format(day))) day = new Date(day.getTime() + dayMs);
  return day;
}

/** "Tuesday 3 March 2026": the day by whose end the LADO should be told. */
export function ladoDeadlineText(createdAt: string): string {
  return ukDay.format(ladoDeadline(createdAt)).replace(',', '');
}

/** The head's reminder of the LADO, with the school's policy where it speaks of it. */
export function ladoBlocks(e: Escalation): Block[] {
  const who = isAllegationAboutHead(e.report) ? 'The chair of governors' : 'The head teacher';
  const reminder =
    `Allegation about an adult who works with children (KCSIE part four). ${who} should tell the Local Authority Designated Officer (LADO) ` +
    `within one working day, by the end of ${ladoDeadlineText(e.createdAt)}, with the designated safeguarding lead's advice. ` +
    'Do not investigate, or tell the person concerned, before speaking to the LADO.';
  const items = e.guidance.filter((g) => g.topic === ladoTopic);
  const silent = items.length === 0 ? (e.guidanceSilent ?? []).filter((label) => /LADO/.test(label)) : [];
  const schoolName = e.guidance[0]?.citation.schoolName;
  return [{ kind: 'text', text: reminder, tone: 'urgent' }, ...guidanceBlocks({ items, silent, schoolName })];
}

/**
 * The reply to a message telling of an allegation ("a parent posted that Mr Smith hits children"):
 * what to do now, the school's words on it, and the report, in place of a policy answer.
 */
export function allegationReply(library: GuidanceLibrary, school: string, text: string): Reply {
  const read = { ...readIncident(library, text), adultConcern: 'yes' as const };
  const blocks: Block[] = [
    { kind: 'text', text: allegationWarning(read.about), tone: 'urgent' },
    ...guidanceBlocks(findGuidance(library, school, guidanceSituation(read))),
    { kind: 'text', text: 'Report it now, so that it is recorded and reaches the right people at once.' },
    { kind: 'actions', actions: [{ label: 'Start a report', action: { type: 'report.start', description: text }, style: 'primary' }] },
  ];
  return { text: blocksText(blocks), blocks };
}

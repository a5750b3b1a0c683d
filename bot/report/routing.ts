// Who a report goes to and how urgently, and the safety advice the reporter must see first.
// National guidance (UKCIS 2024, 999) is the same for every school, so it lives here as text.

import type { Category, Recipient, ReportFields, Urgency } from '../escalations/model.js';
import type { PersonRef, Role, SchoolPeople } from '../people.js';
import type { Block } from '../reply.js';
import { allegationWarning, isAllegation, isAllegationAboutHead } from './allegation.js';

/** Child-protection categories: DSL and head at once, and no details in any notification. */
export const childProtection: Category[] = ['child-at-risk', 'sexual', 'extremism', 'allegation'];

/** Child protection: a child-protection category, or an allegation about an adult at the school. */
export function isChildProtection(f: Pick<ReportFields, 'category'> & Partial<ReportFields>): boolean {
  return childProtection.includes(f.category) || isAllegation(f);
}

export interface Routing {
  urgency: Urgency;
  recipients: Recipient[];
  /** Said plainly to the reporter when the usual people are not configured. */
  gaps: string[];
}

/** Decides urgency and recipients from the report and the school's configured people. */
export function routeReport(f: ReportFields, people: SchoolPeople): Routing {
  const cp = isChildProtection(f);
  const urgency: Urgency = cp || f.category === 'threatening' ? 'urgent' : 'normal';
  const gaps: string[] = [];
  const roles: Role[] = cp ? ['dsl', 'head'] : ['head'];
  let headRole: Role | undefined = 'head';
  if (f.about === 'head') {
    if (people.chairs.length > 0) headRole = 'chair';
    else if (isAllegationAboutHead(f)) {
      // An allegation about the head never goes to the head: the DSL alone, and the reporter is told.
      headRole = undefined;
      gaps.push(
        'No chair of governors is set up in the assistant, so this concern about the head teacher has gone to the designated safeguarding lead only, not to the head teacher. ' +
          'Please also tell the chair of governors yourself today.',
      );
    } else gaps.push('No chair of governors is set up in the assistant, so this report about the head teacher goes to the head teacher. You may prefer to contact the chair of governors directly.');
  }
  const recipients: Recipient[] = [];
  const add = (list: PersonRef[], role: Role) => {
    for (const person of list) {
      if (!recipients.some((r) => r.person.platform === person.platform && r.person.userId === person.userId)) recipients.push({ person, role });
    }
  };
  for (const role of roles) {
    if (role === 'dsl') add(people.dsls, 'dsl');
    else if (headRole === 'chair') add(people.chairs, 'chair');
    else if (headRole === 'head') add(people.heads, 'head');
  }
  if (cp && people.dsls.length === 0) gaps.push('No designated safeguarding lead is set up in the assistant: find your DSL and tell them in person now.');
  if (recipients.length === 0) {
    const whom = headRole === undefined ? 'the designated safeguarding lead or the chair of governors' : 'the head teacher';
    gaps.push(`Nobody is set up in the assistant to receive reports for your school yet, so nobody has been alerted: please tell ${whom} in person. Your report is saved and will be visible to them once they are set up.`);
  }
  return { urgency, recipients, gaps };
}

/** UKCIS (2024) advice on nudes and semi-nudes: said before anything else for sexual content. */
export const imageryWarning =
  'Do not view, copy, forward, screenshot or save the image, and do not ask a child to send it to you. ' +
  'Tell the designated safeguarding lead (DSL) in person now. (UKCIS guidance, 2024.) ' +
  'This report takes words and links only, never images.';

export const dslNowWarning = 'A child may be at risk: speak to the designated safeguarding lead (DSL) in person now, as well as making this report.';

export const policeWarning = 'If anyone is in immediate danger, call 999 now. Otherwise the school will decide whether to involve the police (101 for non-emergencies).';

/** The safety advice for the report so far, most important first. */
export function safetyBlocks(f: Partial<ReportFields>): Block[] {
  const blocks: Block[] = [];
  if (f.category === 'sexual') blocks.push({ kind: 'text', text: imageryWarning, tone: 'urgent' });
  if (isAllegation(f)) blocks.push({ kind: 'text', text: allegationWarning(f.about), tone: 'urgent' });
  else if (f.category === 'child-at-risk' || f.category === 'extremism') blocks.push({ kind: 'text', text: dslNowWarning, tone: 'urgent' });
  if (f.category === 'threatening') blocks.push({ kind: 'text', text: policeWarning, tone: 'urgent' });
  return blocks;
}

/** The school's safeguarding record system, as configured, else a generic name. */
export function safeguardingSystemName(people: SchoolPeople): string {
  return people.safeguardingSystem?.trim() || 'your safeguarding record system (e.g. CPOMS or MyConcern)';
}

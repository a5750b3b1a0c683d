// Who may see and act on an escalation: the school's configured heads and DSLs (the chair instead
// of the heads for a report about the head teacher); a reporter may only see their own.

import { rolesOf, samePerson, type PersonRef, type SchoolPeople } from '../people.js';
import { isAllegationAboutHead } from '../report/allegation.js';
import type { Escalation } from './model.js';

/** May this person acknowledge, note, resolve and see every detail of the escalation? */
export function canManage(e: Escalation, people: SchoolPeople, actor: PersonRef & { school: string }): boolean {
  if (actor.school !== e.school || people.school !== e.school) return false;
  const roles = rolesOf(people, actor);
  if (roles.includes('dsl')) return true;
  // An allegation about the head is never the head's to see, chair or no chair.
  if (isAllegationAboutHead(e.report)) return roles.includes('chair');
  if (e.report.about === 'head' && people.chairs.length > 0) return roles.includes('chair');
  return roles.includes('head');
}

export function isReporter(e: Escalation, actor: PersonRef): boolean {
  return samePerson(e.reporter, actor);
}

/** Does this person manage escalations at all (sees the escalation lists)? */
export function isManager(people: SchoolPeople, actor: PersonRef): boolean {
  return rolesOf(people, actor).length > 0;
}

export const refusalText =
  'Sorry, only the head teacher and the designated safeguarding lead (and the chair of governors, for reports about the head) can see or act on escalations. ' +
  "You can see your own reports with 'my reports'.";

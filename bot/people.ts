// Who is who: people as the platforms name them, and the roles configuration gives them.

import type { DigestSchedule } from './digest/digest-schedule.js';

export type Platform = 'slack' | 'teams' | 'console';

/** A person on one platform. */
export interface PersonRef {
  platform: Platform;
  userId: string;
  /** Display name where the platform gave one; never used for access decisions. */
  name?: string;
  /** Slack team id / Teams tenant id, where the platform has one (needed to reach them). */
  tenant?: string;
}

/** Roles that see and act on escalations; everyone else is staff. */
export type Role = 'head' | 'dsl' | 'chair';

/** The people of one school who receive escalations, and how the school works. */
export interface SchoolPeople {
  school: string;
  heads: PersonRef[];
  dsls: PersonRef[];
  /** Chair of governors: receives reports about the head teacher. */
  chairs: PersonRef[];
  /** The school's safeguarding record system (CPOMS, MyConcern…), named in safeguarding alerts. */
  safeguardingSystem?: string;
  /** Hours an escalation may stay unacknowledged before it is re-sent and marked overdue. */
  responseHours: number;
  /** The same for urgent escalations (a child at risk, extremism, threats); 1 hour when not given. */
  urgentResponseHours?: number;
  /** Months after resolution before an escalation is reduced (child protection: once recorded); 12 when not given. */
  retentionMonths?: number;
  /** Days a logged staff question is kept before it is deleted; 180 when not given. */
  questionRetentionDays?: number;
  /** When the weekly digest goes to the heads (UK time); no digest when absent. */
  digest?: DigestSchedule;
}

/** Used when a school's people carry no retention period. */
export const defaultRetentionMonths = 12;

/** Used when a school's people carry no retention period for logged questions. */
export const defaultQuestionRetentionDays = 180;

/** Used when a school's people carry no urgent response time. */
export const defaultUrgentResponseHours = 1;

/** Hours the head (and DSL) have to acknowledge an escalation of this urgency. */
export function responseHoursFor(people: SchoolPeople, urgency: 'urgent' | 'normal'): number {
  // An urgent report is never chased later than a normal one would be.
  if (urgency === 'urgent') return Math.min(people.urgentResponseHours ?? defaultUrgentResponseHours, people.responseHours);
  return people.responseHours;
}

/** Roles as configured: a port, so the core never reads the environment. */
export interface Directory {
  /** The school's people; a school with none configured has empty lists. */
  people(school: string): SchoolPeople;
}

/** Same person: same platform and user id (names and tenants aside). */
export function samePerson(a: PersonRef, b: PersonRef): boolean {
  return a.platform === b.platform && a.userId === b.userId;
}

/** The roles a person holds at a school. */
export function rolesOf(people: SchoolPeople, person: PersonRef): Role[] {
  const roles: Role[] = [];
  if (people.heads.some((p) => samePerson(p, person))) roles.push('head');
  if (people.dsls.some((p) => samePerson(p, person))) roles.push('dsl');
  if (people.chairs.some((p) => samePerson(p, person))) roles.push('chair');
  return roles;
}

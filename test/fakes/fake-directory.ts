// A Directory with fixed people: a head, a DSL and a chair on the console platform by default.

import type { Directory, PersonRef, SchoolPeople } from '../../bot/people.js';

export interface FakeDirectoryOptions {
  heads?: string[];
  dsls?: string[];
  chairs?: string[];
  safeguardingSystem?: string;
  responseHours?: number;
  urgentResponseHours?: number;
  retentionMonths?: number;
  questionRetentionDays?: number;
}

const person = (userId: string): PersonRef => ({ platform: 'console', userId, name: userId });

export function createFakeDirectory(options: FakeDirectoryOptions = {}): Directory {
  return {
    people: (school: string): SchoolPeople => ({
      school,
      heads: (options.heads ?? ['head']).map(person),
      dsls: (options.dsls ?? ['dsl']).map(person),
      chairs: (options.chairs ?? ['chair']).map(person),
      ...(options.safeguardingSystem ? { safeguardingSystem: options.safeguardingSystem } : {}),
      responseHours: options.responseHours ?? 24,
      ...(options.urgentResponseHours ? { urgentResponseHours: options.urgentResponseHours } : {}),
      ...(options.retentionMonths ? { retentionMonths: options.retentionMonths } : {}),
      ...(options.questionRetentionDays ? { questionRetentionDays: options.questionRetentionDays } : {}),
    }),
  };
}

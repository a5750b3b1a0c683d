// The roles directory built from configuration: which school a workspace or tenant belongs to,
// and who its heads, DSLs and chair are on each platform.

import type { Directory, PersonRef, Platform, SchoolPeople } from '../bot/people.js';
import { readDigestSchedule, type DigestSchedule } from '../bot/digest/digest-schedule.js';
import type { AppConfig, PeopleIds, TenantRoute } from './config.js';

/** The console's fixed people, so the whole loop can be tried locally. */
export const consolePeople: PeopleIds = { heads: ['head'], dsls: ['dsl'], chairs: ['chair'] };

export interface ConfiguredDirectory extends Directory {
  /** The school for a Slack team / Teams tenant: its mapping, else the default school. */
  schoolFor(platform: Platform, tenant?: string): string;
  /** The school BOT_CONFIG maps a Slack team / Teams tenant to, if it maps it. */
  mappedSchool(platform: Platform, tenant?: string): string | undefined;
}

/**
 * Builds the directory; `defaultSchool` serves every workspace/tenant not mapped in BOT_CONFIG.
 * The console's people exist only when the terminal chat runs (`withConsole`): on Slack or Teams
 * nobody could deliver to them, and their deliveries would fail forever.
 */
export function createDirectory(config: AppConfig, defaultSchool: string, options: { withConsole?: boolean } = {}): ConfiguredDirectory {
  const routesFor = (platform: Platform): Record<string, TenantRoute> =>
    platform === 'slack' ? config.slackTeams : platform === 'teams' ? config.teamsTenants : {};

  function people(school: string): SchoolPeople {
    const result: SchoolPeople = {
      school,
      heads: [],
      dsls: [],
      chairs: [],
      safeguardingSystem: config.schools[school]?.safeguardingSystem ?? config.safeguardingSystem,
      responseHours: config.schools[school]?.responseHours ?? config.responseHours,
      urgentResponseHours: config.schools[school]?.urgentResponseHours ?? config.urgentResponseHours,
      retentionMonths: config.schools[school]?.retentionMonths ?? config.retentionMonths,
      ...(config.schools[school]?.questionRetentionDays ? { questionRetentionDays: config.schools[school].questionRetentionDays } : {}),
      ...digestOf(config, school),
    };
    const add = (platform: Platform, ids: PeopleIds, tenant?: string) => {
      const ref = (userId: string): PersonRef => ({ platform, userId, ...(tenant ? { tenant } : {}) });
      result.heads.push(...ids.heads.map(ref));
      result.dsls.push(...ids.dsls.map(ref));
      result.chairs.push(...ids.chairs.map(ref));
    };
    if (school === defaultSchool) {
      add('slack', config.slackPeople);
      add('teams', config.teamsPeople, config.teams?.tenantId);
      if (options.withConsole) add('console', consolePeople);
    }
    for (const platform of ['slack', 'teams'] as const) {
      for (const [tenant, route] of Object.entries(routesFor(platform))) {
        if (route.school === school) add(platform, route, tenant);
      }
    }
    return result;
  }

  // Own keys only: a tenant id such as "constructor" maps to nothing.
  const mappedSchool = (platform: Platform, tenant?: string) => (tenant && Object.hasOwn(routesFor(platform), tenant) ? routesFor(platform)[tenant].school : undefined);
  return {
    people,
    schoolFor: (platform, tenant) => mappedSchool(platform, tenant) || defaultSchool,
    mappedSchool,
  };
}

/** The school's weekly digest: BOT_CONFIG's (false: none), else WEEKLY_DIGEST's; none by default. */
function digestOf(config: AppConfig, school: string): { digest?: DigestSchedule } {
  const own = config.schools[school]?.digest;
  const text = own === false ? undefined : own ?? config.weeklyDigest;
  const read = text ? readDigestSchedule(text) : undefined;
  return read && typeof read !== 'string' ? { digest: read } : {};
}

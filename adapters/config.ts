// The one place that reads the environment (and a `.env` file): turns it into a typed AppConfig.
// Everything else receives its config as a parameter.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../bot/errors.js';
import { readDigestSchedule } from '../bot/digest/digest-schedule.js';
import { monthsProblem, readBotConfig, type PeopleIds, type SchoolSettings, type TenantRoute } from './bot-config.js';
import { installationKey } from './slack/installation-store.js';

export type { PeopleIds, SchoolSettings, TenantRoute } from './bot-config.js';

export interface SlackConfig {
  /** The one workspace's bot token; absent when workspaces install by OAuth (`oauth`). */
  botToken?: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  /** "Add to Slack": many workspaces, each with its own token from its install. */
  oauth?: SlackOAuthConfig;
}

/** SLACK_CLIENT_ID and the rest: Bolt's installer at /slack/install, installations kept in the store. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` of each install link. */
  stateSecret: string;
  /** Seals each installation (its tokens) at rest; checked at load. */
  installationKey: string;
  /**
   * Workspaces (T…) and Enterprise Grid organisations (E…) that may install besides those BOT_CONFIG
   * maps (`mapped` alone: only those); empty: any workspace may install and ask to join a school.
   */
  installTeams: string[];
}

export interface TeamsConfig {
  /** Empty when running unauthenticated for local testing. */
  appId: string;
  appPassword: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export interface AppConfig {
  /** The default school (SCHOOL); resolved against the policies at start when absent. */
  school?: string;
  policiesDir: string;
  dataDir: string;
  databaseUrl?: string;
  port: number;
  /** The address to listen on (HOST); unset: every interface, or 127.0.0.1 when Teams runs unauthenticated. */
  host?: string;
  slack?: SlackConfig;
  teams?: TeamsConfig;
  /** People of the default school, from the *_USERS variables. */
  slackPeople: PeopleIds;
  teamsPeople: PeopleIds;
  /** Slack team id → school and people; Teams tenant id → school and people (`BOT_CONFIG`). */
  slackTeams: Record<string, TenantRoute>;
  teamsTenants: Record<string, TenantRoute>;
  schools: Record<string, SchoolSettings>;
  /** Defaults for every school without its own settings. */
  responseHours: number;
  urgentResponseHours: number;
  /** Months after resolution before escalations are reduced (RETENTION_MONTHS, default 12). */
  retentionMonths: number;
  /** WEEKLY_DIGEST: every school's weekly digest ("monday 8", UK time) unless BOT_CONFIG says otherwise; none when unset. */
  weeklyDigest?: string;
  safeguardingSystem?: string;
  /** How often due deliveries and reminders are processed (ms). */
  workIntervalMs: number;
  /** How often the policies folder is looked at for ingested or restored policies (ms). */
  policyReloadMs: number;
  /** How often policies due for review are checked (ms); each is sent at most once a week. */
  policyReviewCheckMs: number;
  logLevel: 'info' | 'warn' | 'error' | 'silent';
}

type Env = Record<string, string | undefined>;

const projectRoot = resolve(new URL('..', import.meta.url).pathname);

/** Reads `.env` from the working directory into `env` without overriding what is set. */
export function readDotEnv(env: Env = process.env, file = resolve('.env')): void {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    const value = m[2].replace(/^(['"])(.*)\1$/, '$2');
    if (env[m[1]] === undefined) env[m[1]] = value;
  }
}

/** Where the policies are and which school is the default: all the command-line tools need. */
export function policySettings(env: Env = process.env): { policiesDir: string; school?: string } {
  const school = blankToUndefined(env.SCHOOL);
  return {
    policiesDir: resolve(blankToUndefined(env.POLICIES_DIR) ?? resolve(projectRoot, 'knowledge/policies')),
    ...(school ? { school } : {}),
  };
}

/** Builds the configuration from environment variables; throws ConfigError naming what is wrong. */
export function loadConfig(env: Env = process.env): AppConfig {
  const slack = slackConfig(env);
  const mapping = readBotConfig(env.BOT_CONFIG);
  const policies = policySettings(env);
  const slackPeople = peopleFromEnv(env, 'SLACK');
  if (slack?.oauth && slackPeople.heads.length + slackPeople.dsls.length + slackPeople.chairs.length > 0) {
    // NOTE: with OAuth each workspace has its own token: a person must be named with their workspace.
    throw new ConfigError('config_invalid', 'With Slack OAuth (SLACK_CLIENT_ID), name heads, DSLs and chairs per workspace in BOT_CONFIG (slack.<team id>.heads…), not in SLACK_HEAD_USERS, SLACK_DSL_USERS or SLACK_CHAIR_USERS.');
  }
  return {
    school: policies.school,
    policiesDir: policies.policiesDir,
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: blankToUndefined(env.DATABASE_URL),
    port: positiveInt(env.PORT, 3978, 'PORT'),
    host: blankToUndefined(env.HOST),
    slack,
    teams: teamsConfig(env),
    slackPeople,
    teamsPeople: peopleFromEnv(env, 'TEAMS'),
    slackTeams: mapping.slack,
    teamsTenants: mapping.teams,
    schools: mapping.schools,
    responseHours: positiveNumber(env.RESPONSE_HOURS, 24, 'RESPONSE_HOURS'),
    urgentResponseHours: positiveNumber(env.URGENT_RESPONSE_HOURS, 1, 'URGENT_RESPONSE_HOURS'),
    retentionMonths: retentionMonths(env.RETENTION_MONTHS),
    ...weeklyDigest(env.WEEKLY_DIGEST),
    safeguardingSystem: blankToUndefined(env.SAFEGUARDING_SYSTEM),
    workIntervalMs: positiveInt(env.WORK_INTERVAL_MS, 5000, 'WORK_INTERVAL_MS'),
    policyReloadMs: positiveInt(env.POLICY_RELOAD_MS, 2000, 'POLICY_RELOAD_MS'),
    policyReviewCheckMs: positiveInt(env.POLICY_REVIEW_CHECK_MS, 3_600_000, 'POLICY_REVIEW_CHECK_MS'),
    logLevel: logLevel(env.LOG_LEVEL),
  };
}

/** HOST, else every interface; an unauthenticated Teams endpoint listens on this machine only. */
export function listenAddress(config: Pick<AppConfig, 'host' | 'teams'>): string {
  if (config.host) return config.host;
  return config.teams && !config.teams.appId ? '127.0.0.1' : '0.0.0.0';
}

function slackConfig(env: Env): SlackConfig | undefined {
  const botToken = blankToUndefined(env.SLACK_BOT_TOKEN);
  const signingSecret = blankToUndefined(env.SLACK_SIGNING_SECRET);
  const appToken = blankToUndefined(env.SLACK_APP_TOKEN);
  const oauth = slackOAuthConfig(env);
  if (oauth) {
    if (botToken) throw new ConfigError('config_invalid', 'Set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (workspaces install by OAuth), not both.');
    if (appToken) throw new ConfigError('config_invalid', 'Slack OAuth (SLACK_CLIENT_ID) needs Slack over HTTP for its install page: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET.');
    if (!signingSecret) throw new ConfigError('config_invalid', 'Slack OAuth (SLACK_CLIENT_ID) needs SLACK_SIGNING_SECRET.');
    return { signingSecret, apiUrl: blankToUndefined(env.SLACK_API_URL), oauth };
  }
  if (!botToken && !signingSecret && !appToken) return undefined;
  if (!botToken) throw new ConfigError('config_invalid', 'SLACK_BOT_TOKEN is not set, but other Slack variables are.');
  if (!signingSecret && !appToken) {
    throw new ConfigError('config_invalid', 'Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode).');
  }
  return { botToken, signingSecret: signingSecret ?? '', appToken, apiUrl: blankToUndefined(env.SLACK_API_URL) };
}

const oauthNames = ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_INSTALLATION_KEY', 'SLACK_INSTALL_TEAMS'] as const;

/** The OAuth settings when SLACK_CLIENT_ID is set; each missing or too weak one named. */
function slackOAuthConfig(env: Env): SlackOAuthConfig | undefined {
  const clientId = blankToUndefined(env.SLACK_CLIENT_ID);
  if (!clientId) {
    const stray = oauthNames.find((n) => blankToUndefined(env[n]));
    if (stray) throw new ConfigError('config_invalid', `${stray} is set but SLACK_CLIENT_ID is not: set SLACK_CLIENT_ID for Slack OAuth, or unset ${stray}.`);
    return undefined;
  }
  const missing = oauthNames.slice(0, 3).filter((n) => !blankToUndefined(env[n]));
  if (missing.length) throw new ConfigError('config_invalid', `Slack OAuth (SLACK_CLIENT_ID) also needs ${missing.join(', ')}.`);
  const stateSecret = env.SLACK_STATE_SECRET!.trim();
  if (stateSecret.length < 16) throw new ConfigError('config_invalid', 'SLACK_STATE_SECRET must be at least 16 characters (a long random string).');
  const key = env.SLACK_INSTALLATION_KEY!.trim();
  installationKey(key);
  return { clientId, clientSecret: env.SLACK_CLIENT_SECRET!.trim(), stateSecret, installationKey: key, installTeams: list(env.SLACK_INSTALL_TEAMS) };
}

function teamsConfig(env: Env): TeamsConfig | undefined {
  const appId = blankToUndefined(env.MICROSOFT_APP_ID);
  const enabled = appId || /^(1|true|yes)$/i.test(env.TEAMS_ENABLED ?? '');
  if (!enabled) return undefined;
  const appType = env.MICROSOFT_APP_TYPE || 'MultiTenant';
  if (!['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(appType)) {
    throw new ConfigError('config_invalid', `MICROSOFT_APP_TYPE must be MultiTenant, SingleTenant or UserAssignedMSI, not "${appType}".`);
  }
  return {
    appId: appId ?? '',
    appPassword: env.MICROSOFT_APP_PASSWORD ?? '',
    tenantId: blankToUndefined(env.MICROSOFT_APP_TENANT_ID),
    appType: appType as TeamsConfig['appType'],
  };
}

function peopleFromEnv(env: Env, prefix: 'SLACK' | 'TEAMS'): PeopleIds {
  return {
    heads: list(env[`${prefix}_HEAD_USERS`]),
    dsls: list(env[`${prefix}_DSL_USERS`]),
    chairs: list(env[`${prefix}_CHAIR_USERS`]),
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}


function blankToUndefined(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function positiveInt(v: string | undefined, fallback: number, name: string): number {
  const n = positiveNumber(v, fallback, name);
  if (!Number.isInteger(n)) throw new ConfigError('config_invalid', `${name} must be a whole number, not "${v}".`);
  return n;
}

/** RETENTION_MONTHS: a whole number of months from 1 to 120 (default 12); anything else stops start-up. */
function retentionMonths(v: string | undefined): number {
  if (blankToUndefined(v) === undefined) return 12;
  const problem = monthsProblem(Number(v));
  if (problem) throw new ConfigError('config_invalid', `RETENTION_MONTHS ${problem.replace(/not .*$/, `not ${JSON.stringify(v)}`)}.`);
  return Number(v);
}

function positiveNumber(v: string | undefined, fallback: number, name: string): number {
  if (blankToUndefined(v) === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError('config_invalid', `${name} must be a positive number, not "${v}".`);
  return n;
}

function logLevel(v: string | undefined): AppConfig['logLevel'] {
  const level = (v ?? 'info').toLowerCase();
  return (['info', 'warn', 'error', 'silent'] as const).find((l) => l === level) ?? 'info';
}

function weeklyDigest(v: string | undefined): { weeklyDigest?: string } {
  if (!v?.trim()) return {};
  const read = readDigestSchedule(v);
  if (typeof read === 'string') throw new ConfigError('config_invalid', `WEEKLY_DIGEST ${read}.`);
  return { weeklyDigest: v.trim() };
}

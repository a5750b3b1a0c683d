// BOT_CONFIG: the JSON file mapping Slack workspaces and Teams tenants to schools and their people,
// checked whole at start against a schema: a misspelt key, a missing school or a bad number is named
// with where it is ("slack.T0123.head is not a setting here: did you mean "heads"?").

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { readDigestSchedule } from '../bot/digest/digest-schedule.js';
import { ConfigError } from '../bot/errors.js';

/** Slack and Teams ids of one school's people, as a mapping entry gives them. */
export interface PeopleIds {
  heads: string[];
  dsls: string[];
  chairs: string[];
}

/** One Slack workspace or Teams tenant mapped to a school (`BOT_CONFIG`). */
export interface TenantRoute extends PeopleIds {
  school: string;
}

export interface SchoolSettings {
  safeguardingSystem?: string;
  responseHours?: number;
  /** Hours to acknowledge an urgent escalation before it is re-sent. */
  urgentResponseHours?: number;
  /** Months after resolution before an escalation is reduced (1 to 120). */
  retentionMonths?: number;
  /** Days a logged staff question is kept (1 to 3650; default 180). */
  questionRetentionDays?: number;
  /** The weekly digest to the heads: "monday 8" (UK time), or false for none (overrides WEEKLY_DIGEST). */
  digest?: string | false;
}

/** Longest retention accepted: ten years. The statutory record lives in the safeguarding system, not here. */
export const maxRetentionMonths = 120;

/** The message for a retention period that is not a whole number of months from 1 to 120. */
export function monthsProblem(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= maxRetentionMonths
    ? undefined
    : `must be a whole number of months from 1 to ${maxRetentionMonths}, not ${JSON.stringify(v)}`;
}

/** Longest a logged question may be kept: ten years. */
export const maxQuestionRetentionDays = 3650;

export interface BotConfigFile {
  slack: Record<string, TenantRoute>;
  teams: Record<string, TenantRoute>;
  schools: Record<string, SchoolSettings>;
}

const idList = z.union([z.string(), z.array(z.string())]).optional();
const hours = z.unknown().superRefine((v, ctx) => {
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a positive number of hours, not ${JSON.stringify(v)}` });
  }
});
const months = z.unknown().superRefine((v, ctx) => {
  // In JSON a number of months is a number: "12" in quotes is refused like any other wrong value.
  const problem = v === undefined ? undefined : monthsProblem(v);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});
const days = z.unknown().superRefine((v, ctx) => {
  const ok = v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= maxQuestionRetentionDays);
  if (!ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole number of days from 1 to ${maxQuestionRetentionDays}, not ${JSON.stringify(v)}` });
});
const route = z
  .object({ school: z.string({ required_error: 'needs a "school"', invalid_type_error: 'needs a "school"' }).min(1, 'needs a "school"'), heads: idList, dsls: idList, chairs: idList })
  .strict();
const digest = z.unknown().superRefine((v, ctx) => {
  if (v === undefined || v === false) return;
  const read = typeof v === 'string' ? readDigestSchedule(v) : `must be a day and an hour such as "monday 8", or false, not ${JSON.stringify(v)}`;
  if (typeof read === 'string') ctx.addIssue({ code: z.ZodIssueCode.custom, message: read });
});
const settings = z.object({ safeguardingSystem: z.string().optional(), responseHours: hours, urgentResponseHours: hours, retentionMonths: months, questionRetentionDays: days, digest }).strict();
const fileSchema = z.object({ slack: z.record(route).optional(), teams: z.record(route).optional(), schools: z.record(settings).optional() }).strict();

/** Reads and checks the BOT_CONFIG file; throws ConfigError naming the file, the place and what is wrong. */
export function readBotConfig(file: string | undefined): BotConfigFile {
  const empty: BotConfigFile = { slack: {}, teams: {}, schools: {} };
  if (!file?.trim()) return empty;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError('config_invalid', `BOT_CONFIG file ${file} could not be read: ${(cause as Error).message}`, { cause });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError('config_invalid', `BOT_CONFIG file ${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError('config_invalid', `BOT_CONFIG file ${file} must hold a JSON object.`);
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError('config_invalid', `BOT_CONFIG file ${file}: ${describeIssue(parsed.error.issues[0])}.`);
  const routes = (r: Record<string, z.infer<typeof route>> | undefined) =>
    Object.fromEntries(Object.entries(r ?? {}).map(([id, e]) => [id, { school: e.school, heads: ids(e.heads), dsls: ids(e.dsls), chairs: ids(e.chairs) }]));
  return { slack: routes(parsed.data.slack), teams: routes(parsed.data.teams), schools: (parsed.data.schools ?? {}) as Record<string, SchoolSettings> };
}

/** The school ids BOT_CONFIG names that are not among `known`, with where each is named. */
export function unknownSchools(config: BotConfigFile, known: string[]): string[] {
  const out: string[] = [];
  for (const platform of ['slack', 'teams'] as const) {
    for (const [id, r] of Object.entries(config[platform])) if (!known.includes(r.school)) out.push(`${platform}.${id}.school "${r.school}"`);
  }
  for (const id of Object.keys(config.schools)) if (!known.includes(id)) out.push(`schools.${id}`);
  return out;
}

const knownKeys: Record<number, string[]> = { 0: ['slack', 'teams', 'schools'], 2: ['school', 'heads', 'dsls', 'chairs', 'safeguardingSystem', 'responseHours', 'urgentResponseHours', 'retentionMonths', 'questionRetentionDays', 'digest'] };

function describeIssue(issue: z.ZodIssue): string {
  const where = issue.path.join('.');
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const key = issue.keys[0];
    const guess = (knownKeys[issue.path.length] ?? []).find((k) => k.toLowerCase().startsWith(key.toLowerCase()) || key.toLowerCase().startsWith(k.toLowerCase()));
    return `${where ? `${where}.` : ''}${key} is not a setting here${guess ? ` (did you mean "${guess}"?)` : ''}`;
  }
  if (issue.code === z.ZodIssueCode.invalid_type && issue.path.length <= 2) return `${where} must be an object of id → {school, heads, dsls}`;
  // "needs a school" is said of the entry, not of its missing field.
  if (issue.message.startsWith('needs a')) return `${issue.path.slice(0, -1).join('.')} ${issue.message}`;
  return `${where} ${issue.message}`;
}

function ids(value: string | string[] | undefined): string[] {
  const list = typeof value === 'string' ? value.split(',') : value ?? [];
  return list.map((v) => v.trim()).filter(Boolean);
}

// A workspace that installs the assistant by itself (Slack's "Add to Slack") without being mapped to
// a school in the configuration: its installer is asked which school it belongs to, that school's
// head teacher is asked to confirm, and only then does it get answers from that school's policy and
// send its reports to that school's people. One record per workspace in the store, so every
// instance agrees; a decision is claimed once, so two heads pressing at once decide once.

import type { Actor, BotResponse, InboundEvent } from '../events.js';
import { respond } from '../events.js';
import { rolesOf, samePerson, type Directory, type PersonRef, type Platform } from '../people.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Notifier } from '../ports/notifier.js';
import type { Store } from '../ports/store.js';
import { textReply, type Action } from '../reply.js';
import { chooseReply, decidedReply, installerToldReply, requestReply, waitingText, type SchoolChoice } from './join-replies.js';

export type JoinState = 'choosing' | 'pending' | 'confirmed' | 'refused';

/** Where a self-installed workspace stands. */
export interface WorkspaceJoin {
  platform: Platform;
  tenant: string;
  /** The workspace's name as the platform gave it at install. */
  name?: string;
  installer: PersonRef;
  state: JoinState;
  school?: string;
  /** The current request to the school's heads: a decision carries it, so an older button is stale. */
  request?: string;
  requestedAt?: string;
  decidedBy?: PersonRef;
  decidedAt?: string;
}

export interface JoinDeps {
  store: Pick<Store, 'getFlow' | 'saveFlow' | 'claimEvent'>;
  notifiers: Notifier[];
  directory: Directory;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  /** The schools whose policies are present, to choose from. */
  schools: () => SchoolChoice[];
}

type Decide = Extract<Action, { type: 'workspace.decide' }>;

const notSetUp = "This workspace isn't set up for a school yet, so I can't answer from any school's policy. Please ask whoever runs the assistant to add it to BOT_CONFIG.";

const keyOf = (platform: Platform, tenant: string) => `workspace:${platform}:${tenant}`;

/** The workspace's record, or undefined when there is none or it is not one (a damaged record is never trusted). */
export async function readJoin(deps: Pick<JoinDeps, 'store' | 'logger'>, platform: Platform, tenant: string): Promise<WorkspaceJoin | undefined> {
  const state = (await deps.store.getFlow(keyOf(platform, tenant)))?.state;
  if (state === undefined) return undefined;
  if (isJoin(state) && state.platform === platform && state.tenant === tenant) return state;
  deps.logger.warn('a workspace record is malformed; the workspace is treated as not set up', { platform, tenant });
  return undefined;
}

/**
 * For an actor whose workspace the configuration maps to no school: the school it joined (a head
 * confirmed it), or, when it has none, the response to the event (the join steps, or why nothing is answered).
 */
export async function joinedOrUnserved(deps: JoinDeps, ev: InboundEvent, hasPolicy: (school: string) => boolean): Promise<{ actor: Actor } | { response: BotResponse }> {
  const join = ev.actor.tenant ? await readJoin(deps, ev.actor.platform, ev.actor.tenant) : undefined;
  if (join?.state === 'confirmed' && join.school && hasPolicy(join.school)) return { actor: { ...ev.actor, school: join.school } };
  return { response: await onUnserved(deps, ev, join) };
}

async function onUnserved(deps: JoinDeps, ev: InboundEvent, join: WorkspaceJoin | undefined): Promise<BotResponse> {
  const actor = ev.actor;
  if (ev.type === 'installed' && actor.tenant) return startJoin(deps, actor, actor.tenant, ev.workspaceName, join);
  if (!join) return respond({ replies: [textReply(notSetUp, 'notice')] });
  if (ev.type === 'action' && ev.action.type === 'workspace.choose') return choose(deps, actor, ev.action.school, join);
  const text = waitingText(join, schoolName(deps, join.school));
  const installer = samePerson(join.installer, actor) && join.state === 'choosing';
  return respond({ replies: [installer ? chooseReply(deps.schools(), text) : textReply(text, 'notice')] });
}

/** Installed (again): a pending request stays; otherwise the installer is asked which school. */
async function startJoin(deps: JoinDeps, actor: Actor, tenant: string, name: string | undefined, join: WorkspaceJoin | undefined): Promise<BotResponse> {
  if (join?.state === 'pending') return respond({ replies: [textReply(waitingText(join, schoolName(deps, join.school)), 'notice')] });
  const installer: PersonRef = { platform: actor.platform, userId: actor.userId, tenant, ...(actor.name ? { name: actor.name } : {}) };
  const fresh: WorkspaceJoin = { platform: actor.platform, tenant, ...(name ? { name: name.slice(0, 200) } : {}), installer, state: 'choosing' };
  await save(deps, fresh);
  return respond({ replies: [chooseReply(deps.schools())] });
}

/** The installer chose a school: its heads are asked to confirm (at least one must be reached). */
async function choose(deps: JoinDeps, actor: Actor, school: string, join: WorkspaceJoin): Promise<BotResponse> {
  const quiet = (text: string) => respond({ ephemeral: textReply(text, 'notice') });
  if (!samePerson(join.installer, actor)) return quiet('Only the person who installed me in this workspace can choose its school; I have sent them a message about it.');
  if (join.state === 'refused') return quiet(waitingText(join, schoolName(deps, join.school)));
  const chosen = deps.schools().find((s) => s.id === school);
  if (!chosen) return respond({ replies: [chooseReply(deps.schools(), "I don't have that school's policy any more. Please choose again.")] });
  if (join.state === 'pending' && join.school === school) return quiet(waitingText(join, chosen.name));
  const heads = deps.directory.people(school).heads;
  if (!heads.length) {
    return quiet(`${chosen.name} has no head teacher set up with me, so nobody can confirm this workspace. Please ask whoever runs the assistant to add it to BOT_CONFIG.`);
  }
  const request = deps.newId();
  const pending: WorkspaceJoin = { ...join, state: 'pending', school, request, requestedAt: deps.clock.now().toISOString() };
  await save(deps, pending);
  const reached = await sendAll(deps, heads, requestReply(pending, chosen.name));
  if (reached === 0) {
    // Nobody was told: the request would wait for no one. The installer tries again later.
    await save(deps, { ...join, state: 'choosing' });
    return quiet(`I couldn't reach ${chosen.name}'s head teacher just now. Please press the school's button again in a few minutes.`);
  }
  return respond({ update: textReply(waitingText(pending, chosen.name), 'notice') });
}

/** A head confirms or refuses a workspace's request to use their school's policy. */
export async function decide(deps: JoinDeps, actor: Actor, action: Decide): Promise<BotResponse> {
  const quiet = (text: string) => respond({ ephemeral: textReply(text, 'notice') });
  const join = await readJoin(deps, action.platform, action.tenant);
  if (!join || join.request !== action.request || !join.school) return quiet('That request is out of date, so nothing was changed.');
  const name = schoolName(deps, join.school);
  if (!rolesOf(deps.directory.people(join.school), actor).includes('head')) return quiet(`Only ${name}'s head teacher can confirm a workspace for ${name}.`);
  if (join.state !== 'pending') return quiet(decidedReply(join, name).text);
  // Two heads pressing at once, on two instances: only the first decision counts.
  if (!(await deps.store.claimEvent(`workspace-decision:${join.platform}:${join.tenant}:${join.request}`))) {
    const now = (await readJoin(deps, join.platform, join.tenant)) ?? join;
    return quiet(now.state === 'pending' ? 'Another head teacher has just answered this request; nothing was changed.' : decidedReply(now, name).text);
  }
  const decided: WorkspaceJoin = { ...join, state: action.approve ? 'confirmed' : 'refused', decidedBy: personOf(actor), decidedAt: deps.clock.now().toISOString() };
  await save(deps, decided);
  deps.logger.info('workspace join decided', { platform: join.platform, tenant: join.tenant, school: join.school, state: decided.state });
  await sendAll(deps, [join.installer], installerToldReply(decided, name));
  return respond({ update: decidedReply(decided, name) });
}

async function save(deps: JoinDeps, join: WorkspaceJoin): Promise<void> {
  await deps.store.saveFlow(keyOf(join.platform, join.tenant), join);
}

/** Sends one DM to each person on their platform; resolves how many were reached. */
async function sendAll(deps: JoinDeps, people: PersonRef[], reply: ReturnType<typeof textReply>): Promise<number> {
  let reached = 0;
  for (const person of people) {
    const notifier = deps.notifiers.find((n) => n.platform === person.platform);
    try {
      if (!notifier) throw new Error(`no notifier for ${person.platform}`);
      await notifier.sendDirect(person, reply);
      reached++;
    } catch (error) {
      deps.logger.warn('workspace join message not delivered', { to: `${person.platform}:${person.userId}`, error: (error as Error).message });
    }
  }
  return reached;
}

function schoolName(deps: Pick<JoinDeps, 'schools'>, school: string | undefined): string {
  return deps.schools().find((s) => s.id === school)?.name ?? school ?? 'the school';
}

function personOf(actor: Actor): PersonRef {
  return { platform: actor.platform, userId: actor.userId, ...(actor.tenant ? { tenant: actor.tenant } : {}), ...(actor.name ? { name: actor.name } : {}) };
}

const states: readonly string[] = ['choosing', 'pending', 'confirmed', 'refused'];
const optStr = (v: unknown) => v === undefined || typeof v === 'string';

function isJoin(v: unknown): v is WorkspaceJoin {
  if (typeof v !== 'object' || v === null) return false;
  const j = v as Record<string, unknown>;
  const installer = j.installer as Record<string, unknown> | undefined;
  return (
    typeof j.platform === 'string' && typeof j.tenant === 'string' && typeof j.state === 'string' && states.includes(j.state) &&
    typeof installer === 'object' && installer !== null && typeof installer.userId === 'string' && typeof installer.platform === 'string' &&
    optStr(j.school) && optStr(j.request) && optStr(j.name)
  );
}

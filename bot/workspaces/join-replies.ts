// What a self-installed workspace's installer and the chosen school's head teacher are told: the
// choice of school, the head's request with Confirm / Refuse, and where things stand.

import { possessive } from '../english.js';
import type { Platform } from '../people.js';
import { blocksText } from '../report/report-flow.js';
import type { Block, Reply } from '../reply.js';
import { textReply } from '../reply.js';
import type { WorkspaceJoin } from './workspace-join.js';

/** A school the installer may choose: one whose policy is present. */
export interface SchoolChoice {
  id: string;
  name: string;
}

const place: Record<Platform, string> = { slack: 'Slack workspace', teams: 'Teams organisation', console: 'workspace' };

/** "the Slack workspace "Oak Trust" (T0123)". */
function workspace(join: WorkspaceJoin): string {
  return `the ${place[join.platform] ?? 'workspace'} ${join.name ? `"${join.name}" ` : ''}(${join.tenant})`;
}

/** Which school is this workspace for? One button per school whose policy is present. */
export function chooseReply(schools: SchoolChoice[], lead?: string): Reply {
  const blocks: Block[] = [
    ...(lead ? [{ kind: 'text' as const, text: lead, tone: 'notice' as const }] : []),
    {
      kind: 'text',
      text: "Thanks for installing me. Which school is this workspace for? I'll answer staff here from that school's social media policy and send their reports to its head teacher, once the head teacher confirms.",
    },
    { kind: 'actions', actions: schools.map((s) => ({ label: s.name.slice(0, 75), action: { type: 'workspace.choose' as const, school: s.id } })) },
  ];
  return { text: blocksText(blocks), blocks };
}

/** The head's request: confirm that this workspace belongs to their school, or refuse. */
export function requestReply(join: WorkspaceJoin & { request?: string }, schoolName: string): Reply {
  const text =
    `Someone (user ${join.installer.userId}) has installed the policy assistant in ${workspace(join)} and says it belongs to ${schoolName}. ` +
    `If you confirm, staff there will get answers from ${possessive(schoolName)} social media policy and their reports will come to ${possessive(schoolName)} head teacher and safeguarding lead. ` +
    "If you don't know this workspace, refuse: nothing will be answered there.";
  const decide = (approve: boolean) => ({ type: 'workspace.decide' as const, platform: join.platform, tenant: join.tenant, request: join.request ?? '', approve });
  const blocks: Block[] = [
    { kind: 'heading', text: `A workspace asks to use ${possessive(schoolName)} policy` },
    { kind: 'text', text },
    { kind: 'actions', actions: [{ label: 'Confirm', action: decide(true), style: 'primary' }, { label: 'Refuse', action: decide(false), style: 'danger' }] },
  ];
  return { text: blocksText(blocks), blocks, preview: `A workspace asks to use ${possessive(schoolName)} policy` };
}

/** Where the workspace stands, for anyone in it while it is not answering. */
export function waitingText(join: WorkspaceJoin, schoolName: string): string {
  switch (join.state) {
    case 'choosing':
      return "This workspace isn't answering yet: the person who installed me needs to choose its school first.";
    case 'pending':
      return `This workspace is waiting for ${possessive(schoolName)} head teacher to confirm it belongs to ${schoolName}. Until then I can't answer from any school's policy or take reports here.`;
    case 'refused':
      return `${possessive(schoolName)} head teacher did not confirm this workspace, so I can't answer here. Please ask whoever runs the assistant.`;
    case 'confirmed':
      return `This workspace was confirmed for ${schoolName}, but ${possessive(schoolName)} policy is not available just now. Please ask whoever runs the assistant.`;
  }
}

/** What the head's message shows once the request is decided (by them or by another head). */
export function decidedReply(join: WorkspaceJoin, schoolName: string): Reply {
  const by = join.decidedBy ? ` by ${join.decidedBy.name ?? join.decidedBy.userId}` : '';
  if (join.state === 'confirmed') return textReply(`Confirmed${by}: ${workspace(join)} now gets answers from ${possessive(schoolName)} policy, and its reports come to ${schoolName}.`);
  if (join.state === 'refused') return textReply(`Refused${by}: ${workspace(join)} is not answered.`);
  return textReply(waitingText(join, schoolName), 'notice');
}

/** The installer is told the head's decision. */
export function installerToldReply(join: WorkspaceJoin, schoolName: string): Reply {
  if (join.state === 'confirmed') {
    return textReply(`${possessive(schoolName)} head teacher confirmed this workspace. Staff here can now ask me about ${possessive(schoolName)} social media policy, and report worrying posts to the school.`);
  }
  return textReply(`${possessive(schoolName)} head teacher did not confirm this workspace, so I won't answer here. If that's a mistake, please speak to them.`, 'notice');
}

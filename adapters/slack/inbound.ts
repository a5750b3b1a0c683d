// Slack payloads → the core's plain data: who is acting (team id → school), where, and what they
// said, pressed or submitted. Pure functions over payloads shaped as Slack sends them.

import type { Actor, Where } from '../../bot/events.js';
import type { Action } from '../../bot/reply.js';
import { truncate, slackToPlain, stripMention } from './mrkdwn.js';

/** Picks the school for a Slack team (the directory's `schoolFor('slack', teamId)`). */
export type SchoolFor = (teamId: string | undefined) => string;

/** The acting person as the core sees them. */
export function toActor(userId: string, teamId: string | undefined, schoolFor: SchoolFor, name?: string): Actor {
  return {
    platform: 'slack',
    userId,
    ...(name ? { name } : {}),
    ...(teamId ? { tenant: teamId } : {}),
    school: schoolFor(teamId),
  };
}

/** A conversation id is a DM when Slack says so (`channel_type: im`) or its id starts with D. */
export function whereOf(channel: string | undefined, channelType?: string): Where {
  if (channelType) return channelType === 'im' ? 'dm' : 'channel';
  return channel?.startsWith('D') ? 'dm' : 'channel';
}

/** A DM's text as the user meant it. */
export function messageText(text: string | undefined): string {
  return slackToPlain(text ?? '').trim();
}

/** A mention's text without the assistant's own `<@U…>`. */
export function mentionText(text: string | undefined, botUserId?: string): string {
  return slackToPlain(stripMention(text ?? '', botUserId)).trim();
}

/** Limit on a description carried into the report form (the modal's input takes 3,000). */
const MAX_DESCRIPTION = 3000;

/** The action that opens the report form from `/report <text>` (text as the description). */
export function reportFromCommand(text: string | undefined): Action {
  const description = messageText(text);
  return description ? { type: 'report.start', description: truncate(description, MAX_DESCRIPTION) } : { type: 'report.start' };
}

/** Message shortcut payload, the parts the assistant reads. */
export interface MessageShortcutPayload {
  message?: { text?: string; user?: string; ts?: string; files?: unknown[] };
  channel?: { id?: string; name?: string };
}

/**
 * The action that opens the report form from "Report this message": the message's text as the
 * description, saying where it was posted. Only the text: attached images and files are never read.
 */
export function reportFromShortcut(payload: MessageShortcutPayload): Action {
  const text = messageText(payload.message?.text);
  const where = payload.channel?.name ? ` in #${payload.channel.name}` : '';
  const author = payload.message?.user ? ` by @${payload.message.user}` : '';
  const files = payload.message?.files?.length ? '\n(The message had attachments; they were not copied.)' : '';
  const description = `Slack message${author}${where}:\n"${text}"${files}`;
  return { type: 'report.start', description: truncate(description, MAX_DESCRIPTION) };
}

/** Why a DM with files is answered with a warning instead of being read. */
export const FILES_NOTICE =
  'I can\'t take images, screenshots or files, and I don\'t keep them. Please describe what you saw in words. ' +
  'If it may show a child in a sexual way: do not view, copy, forward, screenshot or save it, and do not ask a child to send it. ' +
  'Tell your designated safeguarding lead in person now.';

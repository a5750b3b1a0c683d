// The welcome card Teams users see when the app is installed, as a platform-neutral Reply.

import type { Reply } from '../../bot/reply.js';

/** The bot's commands, as the manifest lists them and the welcome card shows them. */
export const TEAMS_COMMANDS: { title: string; description: string }[] = [
  { title: 'ask', description: 'Ask what the social media policy allows, e.g. "can I accept a parent\'s friend request?"' },
  { title: 'report', description: 'Report an abusive or worrying post; it goes privately to the head teacher' },
  { title: 'my reports', description: 'See the reports you have made and where they stand' },
  { title: 'escalations', description: 'Heads and DSLs: open, overdue and recent reports' },
];

/** What the assistant says when it is added to a chat or a team. */
export function welcomeReply(where: 'dm' | 'channel'): Reply {
  const intro =
    where === 'dm'
      ? 'Ask me "can I…?" questions about your school\'s social media policy and I\'ll answer from the policy itself, quoting the clause. I can also help you report an abusive or worrying post: it goes privately to the head teacher (and the safeguarding lead when a child may be at risk).'
      : 'Mention me with a "can I…?" question about the school\'s social media policy and I\'ll answer in the thread, quoting the clause. Reports are never taken here: I\'ll continue them with you in a private chat.';
  return {
    text: `Hello! I'm the school's social media policy assistant. ${intro}`,
    blocks: [
      { kind: 'heading', text: "Hello! I'm the school's social media policy assistant" },
      { kind: 'text', text: intro },
      { kind: 'fields', fields: TEAMS_COMMANDS.map((c) => ({ label: c.title, value: c.description })) },
      ...(where === 'dm' ? [{ kind: 'actions' as const, actions: [{ label: 'Report a post', action: { type: 'report.start' as const } }] }] : []),
    ],
  };
}

// Slack's agent messaging for assistant threads (Bolt's Assistant): a new thread is greeted, naming
// the school, with the suggested prompts; a message in it is answered in the thread like any DM.
// The messages tab itself (app_home_opened) is handled in listeners.ts.

import { Assistant, type App } from '@slack/bolt';
import type { DirectMessage, SharedListeners } from './listeners.js';

/** Registers the Assistant on the app; call before the other listeners' message handler matters. */
export function registerAgent(app: App, shared: SharedListeners): void {
  app.assistant(
    new Assistant({
      threadStarted: async ({ event, body, client }) => {
        const thread = event.assistant_thread;
        const teamId = (body as { team_id?: string }).team_id;
        shared.work.push(`${teamId}:${thread.user_id}`, async () => {
          if (!(await shared.firstTime(body as { event_id?: string }))) return;
          await shared.open(client, { userId: thread.user_id, teamId }, { channel: thread.channel_id, threadTs: thread.thread_ts }, true);
        });
      },
      // The thread's context (the channel the user is viewing) changes nothing the assistant says.
      threadContextChanged: async () => {},
      userMessage: async ({ message, body, client }) => {
        const m = message as DirectMessage & { bot_id?: string };
        if (m.bot_id) return;
        shared.directMessage(client, body as { team_id?: string; event_id?: string }, m);
      },
    }),
  );
}

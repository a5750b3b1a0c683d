// The Slack app manifest declares everything the adapter listens for, on the one URL it serves.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SLACK_EVENTS_PATH, SLACK_NAMES } from '../../../adapters/slack/app.js';
import { SLACK_BOT_SCOPES, SLACK_REDIRECT_PATH } from '../../../adapters/slack/oauth.js';

const manifest = readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8');

describe('Slack manifest', () => {
  it('requests every scope the adapter uses, the same ones an "Add to Slack" install asks for', () => {
    for (const scope of ['app_mentions:read', 'assistant:write', 'chat:write', 'commands', 'im:history', 'im:write', 'users:read']) {
      assert.match(manifest, new RegExp(`- ${scope}\\b`), scope);
    }
    const bot = /bot:\n((?:\s+- \S+.*\n)+)/.exec(manifest)?.[1] ?? '';
    assert.deepEqual([...bot.matchAll(/- (\S+)/g)].map((m) => m[1]), SLACK_BOT_SCOPES);
  });

  it('sends installs back to the OAuth redirect, and tells the app when it is removed', () => {
    assert.match(manifest, new RegExp(`redirect_urls:\\n\\s+- https://\\S+${SLACK_REDIRECT_PATH}\\n`));
    for (const event of ['app_uninstalled', 'tokens_revoked']) assert.match(manifest, new RegExp(`- ${event}\\b`));
  });

  it('subscribes to the events, commands and shortcut the listeners handle', () => {
    for (const event of ['message.im', 'app_mention', 'app_home_opened', 'assistant_thread_started', 'assistant_thread_context_changed']) assert.match(manifest, new RegExp(`- ${event.replace('.', '\\.')}\\b`));
    assert.match(manifest, new RegExp(`command: ${SLACK_NAMES.policyCommand}\\n`));
    assert.match(manifest, new RegExp(`command: ${SLACK_NAMES.reportCommand}\\n`));
    assert.match(manifest, new RegExp(`callback_id: ${SLACK_NAMES.reportShortcut}\\n`));
    assert.match(manifest, /home_tab_enabled: true/);
    assert.match(manifest, /messages_tab_enabled: true/);
    assert.match(manifest, /assistant_view:\n\s+assistant_description: \S/);
  });

  it('points events, commands and interactivity at the one URL', () => {
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]);
    assert.equal(urls.length, 4);
    for (const url of urls) assert.ok(url.endsWith(SLACK_EVENTS_PATH), url);
    assert.match(manifest, /socket_mode_enabled: false/);
  });
});

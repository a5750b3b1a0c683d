// Several workspaces, images never taken, and start-up: a second Slack team mapped to another
// school by BOT_CONFIG; a DM with a file; a token Slack refuses; Socket Mode chosen by the app token.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../bot/ports/logger.js';
import { ConfigError } from '../../../bot/errors.js';
import { createSlackAdapter } from '../../../adapters/slack/app.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { startFakeSlackApi } from './fake-slack-api.js';
import { realCore, HEAD, STAFF, type RealCore } from './real-core.js';
import { dmEvent, viewSubmissionPayload } from './slack-requests.js';

const OTHER_TEAM = 'T0SCHOOL2';
const OTHER_HEAD = 'UHEADTM01';
const noBot = { handle: async () => ({ replies: [], direct: [] }), runDueWork: async () => {} };

describe('Slack across workspaces', () => {
  let h: SlackHarness;
  let core: RealCore;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slack-ws-'));
    const file = join(dir, 'bot-config.json');
    writeFileSync(file, JSON.stringify({ slack: { [OTHER_TEAM]: { school: 'templemoor', heads: [OTHER_HEAD], dsls: [] } } }));
    h = await startSlackHarness({ core: async (config) => (core = await realCore(config, { BOT_CONFIG: file })) });
  });
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each workspace from its own school\'s policy', async () => {
    await h.sendEvent(dmEvent(STAFF, 'Can I be friends with parents on Facebook?'), { team: OTHER_TEAM });
    await h.sendEvent(dmEvent('USTAFFC01', 'Can I be friends with parents on Facebook?'));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === 2);
    const [templemoor] = h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${STAFF}`);
    const [cadmus] = h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DUSTAFFC01');
    assert.match(JSON.stringify(templemoor.args), /Templemoor/i);
    assert.doesNotMatch(JSON.stringify(templemoor.args), /Cadmus/);
    assert.match(JSON.stringify(cadmus.args), /Cadmus/);
  });

  it('sends a report from the second workspace to that school\'s head only', async () => {
    await h.sendCommand('/report', '', STAFF, { team_id: OTHER_TEAM });
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = h.api.callsTo('views.open')[0].args.view as Record<string, unknown>;
    const select = (value: string) => ({ v: { type: 'static_select', selected_option: { value } } });
    const values = {
      'f:category': select('abusive'), 'f:poster': select('pupil'), 'f:about': select('colleague'),
      'f:platform': { v: { type: 'plain_text_input', value: 'TikTok' } },
      'f:seenAt': { v: { type: 'datetimepicker', selected_date_time: Math.floor(Date.now() / 1000) - 600 } },
      'f:evidenceKept': select('yes'), 'f:replied': select('no'),
      'f:description': { v: { type: 'plain_text_input', value: 'A Year 6 pupil posted a video mocking a teacher.' } },
    };
    const res = await h.sendInteraction(viewSubmissionPayload(STAFF, view, values, OTHER_TEAM));
    assert.equal(res.status, 200);
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === `D${OTHER_HEAD}`));
    const [escalation] = await core.store.listEscalations({});
    assert.equal(escalation.school, 'templemoor');
    assert.ok(!h.api.callsTo('conversations.open').some((c) => c.args.users === HEAD), 'the other school\'s head is not told');
  });

  it('never reads a file sent by DM: it warns, in words, and answers only the text', async () => {
    await h.sendEvent({ ...dmEvent(STAFF, ''), subtype: 'file_share', files: [{ id: 'F1', name: 'screenshot.png', mimetype: 'image/png' }] });
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    const [notice] = h.api.callsTo('chat.postMessage');
    assert.match(String(notice.args.text), /can't take images/);
    assert.match(String(notice.args.text), /do not view, copy, forward, screenshot or save it/);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(h.api.callsTo('chat.postMessage').length, 1);
    assert.ok(!h.api.calls.some((c) => c.method.startsWith('files.')));
  });
});

describe('Slack start-up', () => {
  it('refuses to start with a token Slack rejects, saying which variable', async () => {
    const api = await startFakeSlackApi('xoxb-right');
    try {
      const adapter = createSlackAdapter(
        { botToken: 'xoxb-wrong', signingSecret: 'secret', apiUrl: api.url },
        { bot: noBot, store: { claimEvent: async () => true }, schoolFor: () => 'cadmus', logger: silentLogger, express: (await import('express')).default() },
      );
      await assert.rejects(adapter.start(), (e: unknown) => e instanceof ConfigError && /SLACK_BOT_TOKEN/.test(e.message) && /invalid_auth/.test(e.message));
    } finally {
      await api.close();
    }
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set, without the HTTP server or signing secret', () => {
    const adapter = createSlackAdapter(
      { botToken: 'xoxb-x', signingSecret: '', appToken: 'xapp-1-A-1-x' },
      { bot: noBot, store: { claimEvent: async () => true }, schoolFor: () => 'cadmus', logger: silentLogger },
    );
    assert.equal(adapter.mode, 'socket');
  });

  it('refuses HTTP mode without a signing secret', () => {
    assert.throws(
      () => createSlackAdapter({ botToken: 'xoxb-x', signingSecret: '' }, { bot: noBot, store: { claimEvent: async () => true }, schoolFor: () => 'cadmus', logger: silentLogger, express: {} as never }),
      /SLACK_SIGNING_SECRET/,
    );
  });
});

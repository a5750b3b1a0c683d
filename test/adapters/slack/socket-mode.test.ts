// Slack over Socket Mode end to end: the real Bolt app with an app-level token opens its connection
// through the local fake Web API (apps.connections.open) to a local fake Socket Mode server, and a
// question and a whole report round trip over the websocket, acknowledged envelope by envelope.

import assert from 'node:assert/strict';
import type { SlackConfig } from '../../../adapters/config.js';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/app.js';
import { silentLogger } from '../../../bot/ports/logger.js';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.js';
import { startFakeSocketMode, type FakeSocketMode } from './fake-socket-mode.js';
import { realCore, HEAD, STAFF, type RealCore } from './real-core.js';
import { BOT_TOKEN } from './slack-harness.js';
import { dmEvent, eventEnvelope, viewSubmissionPayload } from './slack-requests.js';
import { reportValues } from './report-values.js';

type Json = Record<string, any>;

describe('Slack over Socket Mode', () => {
  let api: FakeSlackApi;
  let socket: FakeSocketMode;
  let adapter: SlackAdapter;
  let core: RealCore;

  beforeEach(async () => {
    api = await startFakeSlackApi(BOT_TOKEN);
    socket = await startFakeSocketMode();
    api.socketModeUrl = socket.url;
    const config: SlackConfig = { botToken: BOT_TOKEN, signingSecret: '', appToken: 'xapp-1-test', apiUrl: api.url };
    core = await realCore(config, { SLACK_APP_TOKEN: config.appToken! });
    adapter = createSlackAdapter(config, { bot: core.bot, store: core.store, schoolFor: core.schoolFor, logger: silentLogger });
    assert.equal(adapter.mode, 'socket');
    await adapter.start();
    await socket.connected();
  });

  afterEach(async () => {
    await adapter?.stop();
    await socket.close();
    await api.close();
  });

  const posts = (channel: string) => api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

  it('opens the connection with the app-level token and answers a DM question over the websocket', async () => {
    const open = api.callsTo('apps.connections.open')[0];
    assert.equal(open.token, 'xapp-1-test');
    const ack = await socket.send('events_api', JSON.parse(eventEnvelope(dmEvent(STAFF, 'Can I go on Facebook on the school computer?'))));
    assert.match(ack.envelope_id, /^env-/);
    await api.waitFor(() => posts(`D${STAFF}`).length === 1);
    const blocks = JSON.stringify(posts(`D${STAFF}`)[0].args.blocks);
    assert.match(blocks, /Staff are not allowed to access social media websites from the school computers/);
    assert.match(blocks, /Cadmus Family of Schools\* · 3\.1/);
  });

  it('takes a report from /report through the modal to the head\'s DM over the websocket', async () => {
    const command = { command: '/report', text: '', user_id: STAFF, user_name: 'staff', team_id: 'T0SCHOOL1', channel_id: 'C0STAFFROOM', channel_name: 'staffroom', trigger_id: 'trig-socket-1', response_url: api.responseUrl('cmd'), api_app_id: 'A0ASSIST' };
    await socket.send('slash_commands', command);
    await api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = api.callsTo('views.open')[0].args.view as Json;
    assert.equal(view.callback_id, 'form:report');

    const ack = await socket.send('interactive', viewSubmissionPayload(STAFF, view, reportValues()));
    assert.equal(ack.payload?.response_action, undefined, 'the modal closes: no errors in the ack');
    await api.waitFor(() => posts(`D${HEAD}`).length === 1 && posts(`D${STAFF}`).length === 1, 10_000);
    const ref = /ESC-\d{4}-\d+/.exec(String(posts(`D${STAFF}`)[0].args.text))![0];
    assert.match(String(posts(`D${HEAD}`)[0].args.text), new RegExp(ref));
    assert.equal((await core.store.getEscalation(ref))?.reporter.userId, STAFF);
  });

  it('answers a submission with a field error in the ack itself, keeping the modal open', async () => {
    await socket.send('slash_commands', { command: '/report', text: '', user_id: STAFF, team_id: 'T0SCHOOL1', channel_id: 'C0STAFFROOM', channel_name: 'staffroom', trigger_id: 'trig-socket-2', response_url: api.responseUrl('cmd2') });
    await api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = api.callsTo('views.open')[0].args.view as Json;
    const ack = await socket.send('interactive', viewSubmissionPayload(STAFF, view, reportValues({ 'f:link': { v: { type: 'url_text_input', value: 'not a link' } } })));
    assert.equal(ack.payload?.response_action, 'errors');
    assert.match(JSON.stringify(ack.payload?.errors), /not a web link/);
    assert.equal(await core.store.listEscalations({}).then((l) => l.length), 0);
  });
});

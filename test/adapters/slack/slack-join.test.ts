// A workspace BOT_CONFIG does not map, installed by OAuth, over real HTTP against the fake Slack Web
// API: its installer is asked which school; nothing is answered there until that school's head
// teacher confirms (by a button in their own workspace); then its staff get that school's answers
// and their reports reach that school's head.

import assert from 'node:assert/strict';
import { buttonValue, startOAuthHarness, type OAuthHarness } from './oauth-harness.js';
import { dmEvent, viewSubmissionPayload } from './slack-requests.js';
import { reportValues } from './report-values.js';
import type { RecordedCall } from './fake-slack-api.js';

const T_TEMPLE = 'T0TEMPLE1';
const T_NEW = 'T0NEWSCHL';
const HEAD = 'UHEADTEMP';
const INSTALLER = 'UINSTALLN';
const STAFF = 'USTAFFNEW';
const NOT_HEAD = 'USTAFFTMP';
const QUESTION = 'Can I be friends with parents on Facebook?';

const postsTo = (h: OAuthHarness, channel: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const text = (c: RecordedCall) => JSON.stringify(c.args.blocks ?? c.args.text);
/** What people were told privately (ephemeral messages, by the API or a response_url). */
const said = (h: OAuthHarness) => h.api.calls.filter((c) => c.method === 'response_url' || c.method === 'chat.postEphemeral').map((c) => JSON.stringify(c.args)).join('\n');

describe('Slack OAuth: a workspace that is not mapped asks to join a school', () => {
  let h: OAuthHarness;
  beforeEach(async () => {
    h = await startOAuthHarness({ slack: { [T_TEMPLE]: { school: 'templemoor', heads: [HEAD] } } });
    assert.equal((await h.install({ team: T_TEMPLE, token: 'xoxb-temple', installer: 'UINSTALLT' })).status, 200);
  });
  afterEach(() => h.close());

  it('answers only after the chosen school\'s head teacher confirms, then from that school\'s policy', async () => {
    const page = await h.install({ team: T_NEW, teamName: 'Oak Lane staff', token: 'xoxb-new', installer: INSTALLER });
    assert.equal(page.status, 200);
    assert.match(page.html, /asking which school/);
    await h.api.waitFor(() => postsTo(h, `D${INSTALLER}`).length === 1);
    const ask = postsTo(h, `D${INSTALLER}`)[0];
    assert.equal(ask.token, 'xoxb-new');
    assert.match(text(ask), /Which school is this workspace for/);
    for (const name of ['Templemoor', 'Cadmus', 'Hardmoor']) assert.match(text(ask), new RegExp(name));

    // Before any choice, staff there get no answer from any policy.
    await h.event(T_NEW, dmEvent(STAFF, QUESTION));
    await h.api.waitFor(() => postsTo(h, `D${STAFF}`).length === 1);
    assert.match(text(postsTo(h, `D${STAFF}`)[0]), /needs to choose its school first/);
    assert.doesNotMatch(text(postsTo(h, `D${STAFF}`)[0]), /Cadmus|Templemoor|No —|Yes —/);

    // Someone else pressing the installer's button changes nothing.
    const templemoor = buttonValue(ask, 'workspace.choose', (a) => a.school === 'templemoor');
    await h.press(T_NEW, STAFF, ask, templemoor);
    await h.api.waitFor(() => /Only the person who installed me/.test(said(h)));
    assert.equal(postsTo(h, `D${HEAD}`).length, 0);

    await h.press(T_NEW, INSTALLER, ask, templemoor);
    await h.api.waitFor(() => postsTo(h, `D${HEAD}`).length === 1);
    const request = postsTo(h, `D${HEAD}`)[0];
    assert.equal(request.token, 'xoxb-temple', 'the head is asked in their own workspace');
    assert.match(text(request), /Oak Lane staff/);
    assert.match(text(request), /T0NEWSCHL/);
    await h.api.waitFor(() => h.api.callsTo('chat.update').some((c) => /waiting for Templemoor/.test(text(c))));

    await h.event(T_NEW, dmEvent(STAFF, QUESTION));
    await h.api.waitFor(() => postsTo(h, `D${STAFF}`).length === 2);
    assert.match(text(postsTo(h, `D${STAFF}`)[1]), /waiting for Templemoor.*head teacher to confirm/);

    // A member of staff who is not the head cannot confirm.
    const confirm = buttonValue(request, 'workspace.decide', (a) => a.approve === true);
    await h.press(T_TEMPLE, NOT_HEAD, request, confirm);
    await h.api.waitFor(() => /Only Templemoor.*head teacher can confirm/.test(said(h)));

    await h.press(T_TEMPLE, HEAD, request, confirm);
    await h.api.waitFor(() => postsTo(h, `D${INSTALLER}`).length === 2);
    assert.match(text(postsTo(h, `D${INSTALLER}`)[1]), /head teacher confirmed this workspace/);
    assert.equal(postsTo(h, `D${INSTALLER}`)[1].token, 'xoxb-new');
    await h.api.waitFor(() => h.api.callsTo('chat.update').some((c) => c.token === 'xoxb-temple' && /Confirmed by/.test(text(c))));

    await h.event(T_NEW, dmEvent(STAFF, QUESTION));
    await h.api.waitFor(() => postsTo(h, `D${STAFF}`).length === 3);
    const answer = postsTo(h, `D${STAFF}`)[2];
    assert.match(text(answer), /Templemoor/);
    assert.doesNotMatch(text(answer), /Cadmus/);

    // Pressed again: already decided, nothing changes.
    await h.press(T_TEMPLE, HEAD, request, confirm);
    await h.api.waitFor(() => /Confirmed by/.test(said(h)));

    // A report from the new workspace reaches the school's head, in the head's workspace.
    await h.command(T_NEW, '/report', '', STAFF);
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = h.api.callsTo('views.open')[0].args.view as Record<string, unknown>;
    await h.interaction(viewSubmissionPayload(STAFF, view, reportValues(), T_NEW));
    await h.api.waitFor(async () => (await h.store.listEscalations({})).length === 1);
    const [escalation] = await h.store.listEscalations({});
    assert.equal(escalation.school, 'templemoor');
    await h.bot.runDueWork();
    await h.api.waitFor(() => postsTo(h, `D${HEAD}`).some((c) => text(c).includes(escalation.ref)));
  });

  it('keeps a refused workspace unanswered, and a forged decision changes nothing', async () => {
    await h.install({ team: T_NEW, token: 'xoxb-new', installer: INSTALLER });
    await h.api.waitFor(() => postsTo(h, `D${INSTALLER}`).length === 1);
    await h.press(T_NEW, INSTALLER, postsTo(h, `D${INSTALLER}`)[0], buttonValue(postsTo(h, `D${INSTALLER}`)[0], 'workspace.choose', (a) => a.school === 'templemoor'));
    await h.api.waitFor(() => postsTo(h, `D${HEAD}`).length === 1);
    const request = postsTo(h, `D${HEAD}`)[0];
    await h.press(T_TEMPLE, HEAD, request, buttonValue(request, 'workspace.decide', (a) => a.approve === false));
    await h.api.waitFor(() => postsTo(h, `D${INSTALLER}`).length === 2);
    assert.match(text(postsTo(h, `D${INSTALLER}`)[1]), /did not confirm/);

    await h.event(T_NEW, dmEvent(STAFF, QUESTION));
    await h.api.waitFor(() => postsTo(h, `D${STAFF}`).length === 1);
    assert.match(text(postsTo(h, `D${STAFF}`)[0]), /did not confirm this workspace/);
    // A forged decision for the refused workspace, with a made-up request id, changes nothing.
    const forged = JSON.stringify({ type: 'workspace.decide', platform: 'slack', tenant: T_NEW, request: 'made-up', approve: true });
    await h.press(T_TEMPLE, HEAD, request, forged);
    await h.api.waitFor(() => /out of date/.test(said(h)));
    await h.event(T_NEW, dmEvent(STAFF, QUESTION));
    await h.api.waitFor(() => postsTo(h, `D${STAFF}`).length === 2);
    assert.match(text(postsTo(h, `D${STAFF}`)[1]), /did not confirm this workspace/);
  });
});

// One install for many workspaces, over real HTTP against the fake Slack Web API: workspaces
// installed by "Add to Slack" are each answered with their own token from their own school's
// policy by one process; an uninstall stops answers; a bad, replayed or cross-browser state is
// refused before Slack is asked for a token; a workspace the deployment does not serve is refused
// and its token revoked; a head's DM whose workspace token is revoked waits and goes after re-install.

import assert from 'node:assert/strict';
import { startOAuthHarness, type OAuthHarness } from './oauth-harness.js';
import { dmEvent, viewSubmissionPayload } from './slack-requests.js';
import { reportValues } from './report-values.js';
import type { RecordedCall } from './fake-slack-api.js';

const T_CADMUS = 'T0CADMUS1';
const T_TEMPLE = 'T0TEMPLE1';
const T_HEADS = 'T0TRUSTHQ';
const HEAD_TEMPLE = 'UHEADTEMP';
const HEAD_CADMUS = 'UHEADCADM';
const STAFF = 'USTAFF001';
const OTHER_STAFF = 'USTAFF002';

const botConfig = {
  slack: {
    [T_CADMUS]: { school: 'cadmus', heads: [] },
    // A trust whose heads sit in a workspace of their own: reports from T_CADMUS reach them there.
    [T_HEADS]: { school: 'cadmus', heads: [HEAD_CADMUS] },
    [T_TEMPLE]: { school: 'templemoor', heads: [HEAD_TEMPLE] },
  },
};

const postsTo = (h: OAuthHarness, channel: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const text = (c: RecordedCall) => JSON.stringify(c.args.blocks ?? c.args.text);

describe('Slack OAuth: one process, many workspaces', () => {
  let h: OAuthHarness;
  afterEach(() => h?.close());

  it('answers two workspaces installed by OAuth from their own schools\' policies, each with its own token; uninstall stops answers', async () => {
    h = await startOAuthHarness(botConfig);
    const a = await h.install({ team: T_CADMUS, teamName: 'Cadmus staff', token: 'xoxb-cadmus', installer: 'UINSTALLA' });
    const b = await h.install({ team: T_TEMPLE, teamName: 'Templemoor staff', token: 'xoxb-temple', installer: 'UINSTALLB' });
    assert.equal(a.status, 200, a.html);
    assert.match(a.html, /installed in Cadmus staff/);
    assert.equal(b.status, 200, b.html);
    const sealed = JSON.stringify((await h.store.getFlow(`slack-installation:T:${T_CADMUS}`))?.state);
    assert.ok(sealed.length > 50 && !sealed.includes('xoxb-cadmus'), 'the token is kept sealed in the store');
    // Each installer is greeted in their own workspace, with its token.
    await h.api.waitFor(() => postsTo(h, 'DUINSTALLA').length === 1 && postsTo(h, 'DUINSTALLB').length === 1);
    assert.equal(postsTo(h, 'DUINSTALLA')[0].token, 'xoxb-cadmus');
    assert.match(text(postsTo(h, 'DUINSTALLB')[0]), /Templemoor/);

    const question = 'Can I be friends with parents on Facebook?';
    await h.event(T_CADMUS, dmEvent(STAFF, question));
    await h.event(T_TEMPLE, dmEvent(OTHER_STAFF, question));
    await h.api.waitFor(() => postsTo(h, `D${STAFF}`).length === 1 && postsTo(h, `D${OTHER_STAFF}`).length === 1);
    const [cadmus] = postsTo(h, `D${STAFF}`);
    const [temple] = postsTo(h, `D${OTHER_STAFF}`);
    assert.equal(cadmus.token, 'xoxb-cadmus');
    assert.equal(temple.token, 'xoxb-temple');
    assert.match(text(cadmus), /Cadmus Family of Schools/);
    assert.doesNotMatch(text(cadmus), /Templemoor/);
    assert.match(text(temple), /Templemoor/);
    assert.doesNotMatch(text(temple), /Cadmus/);

    // Slack revokes the token and tells the app; the installation is forgotten.
    h.api.revoke('xoxb-cadmus');
    const gone = await h.event(T_CADMUS, { type: 'app_uninstalled' });
    assert.equal(gone.status, 200);
    await h.api.waitFor(async () => (await h.store.getFlow(`slack-installation:T:${T_CADMUS}`)) === undefined);
    const before = h.api.calls.length;
    const after = await h.event(T_CADMUS, dmEvent(STAFF, question));
    assert.equal(after.status, 200, 'acknowledged, so Slack does not retry');
    // A question in the other workspace, asked after, is answered: by then the first was long handled.
    await h.event(T_TEMPLE, dmEvent(OTHER_STAFF, 'Can I use my own phone to take photos of pupils?'));
    await h.api.waitFor(() => postsTo(h, `D${OTHER_STAFF}`).length === 2);
    const since = h.api.calls.slice(before);
    assert.ok(!since.some((c) => c.token === 'xoxb-cadmus' || c.args.channel === `D${STAFF}`), `nothing answered in the uninstalled workspace: ${since.map((c) => c.method).join(', ')}`);
  });

  it('refuses a forged, replayed or other-browser state before asking Slack for a token', async () => {
    h = await startOAuthHarness(botConfig);
    h.api.addInstall({ code: 'code-1', team: T_TEMPLE, token: 'xoxb-temple', installer: 'UINSTALLB' });
    const page = await h.installPage();
    assert.equal(page.status, 200);
    assert.match(page.html, /Add to Slack/);
    assert.ok(page.state && page.cookie, 'a state in the link and in a cookie');

    const [body, signature] = page.state.split('.');
    const forged = `${Buffer.from(JSON.stringify({ o: { scopes: [] }, t: Date.now(), n: 'x' })).toString('base64url')}.${signature}`;
    const forgedCookie = `slack-app-oauth-state=${forged}`;
    let res = await h.callback({ code: 'code-1', state: forged }, forgedCookie);
    assert.equal(res.status, 400);
    assert.match(res.html, /not one this assistant made/);
    res = await h.callback({ code: 'code-1', state: `${body}.${'é'.repeat(signature.length)}` }, `slack-app-oauth-state=${body}.${'é'.repeat(signature.length)}`);
    assert.equal(res.status, 400, 'a signature of multi-byte characters is refused, not a crash');
    res = await h.callback({ code: 'code-1', state: page.state });
    assert.equal(res.status, 400);
    assert.match(res.html, /opened in another browser/);
    res = await h.callback({ state: page.state }, page.cookie);
    assert.match(res.html, /not a complete install link/);
    res = await h.callback({ error: 'access_denied', state: page.state }, page.cookie);
    assert.match(res.html, /cancelled/);
    assert.equal(h.api.callsTo('oauth.v2.access').length, 0, 'Slack was never asked for a token');

    const good = await h.callback({ code: 'code-1', state: page.state }, page.cookie);
    assert.equal(good.status, 200, good.html);
    const replay = await h.callback({ code: 'code-1', state: page.state }, page.cookie);
    assert.equal(replay.status, 400);
    assert.match(replay.html, /already used/);
    assert.equal(h.api.callsTo('oauth.v2.access').length, 1);
    assert.doesNotMatch(replay.html + good.html, /<script|xoxb|secret/i);
  });

  it('refuses an install from a workspace the deployment does not serve, and revokes its new token', async () => {
    h = await startOAuthHarness(botConfig, { SLACK_INSTALL_TEAMS: 'mapped' });
    const stranger = await h.install({ team: 'T0STRANGE', teamName: '<b>Elsewhere</b>', token: 'xoxb-stranger', installer: 'USTRANGER' });
    assert.equal(stranger.status, 403);
    assert.match(stranger.html, /does not serve this workspace/);
    assert.deepEqual(h.api.callsTo('auth.revoke').map((c) => c.token), ['xoxb-stranger']);
    assert.equal(await h.store.getFlow('slack-installation:T:T0STRANGE'), undefined);
    const org = await h.install({ team: 'T0ORGWIDE', enterprise: 'E0TRUST', isEnterpriseInstall: true, token: 'xoxb-org', installer: 'UORGADMIN' });
    assert.equal(org.status, 403);
    assert.match(org.html, /one workspace at a time/);
    assert.equal(h.api.callsTo('auth.revoke').length, 2);
    // A mapped workspace still installs.
    assert.equal((await h.install({ team: T_TEMPLE, token: 'xoxb-temple', installer: 'UINSTALLB' })).status, 200);

    const before = h.api.calls.length;
    await h.event('T0STRANGE', dmEvent('USTRANGER', 'Can I post photos of pupils?'));
    assert.ok(!h.api.calls.slice(before).some((c) => c.method === 'chat.postMessage'), 'nothing is answered there');
  });

  it('keeps a head\'s escalation DM waiting while their workspace\'s token is revoked, and sends it once the workspace is installed again', async () => {
    h = await startOAuthHarness(botConfig);
    await h.install({ team: T_CADMUS, token: 'xoxb-cadmus', installer: 'UINSTALLA' });
    await h.install({ team: T_HEADS, token: 'xoxb-heads-1', installer: 'UINSTALLH' });
    await h.api.waitFor(() => postsTo(h, 'DUINSTALLH').length === 1);

    // The heads' workspace removes the app (token revoked) while staff elsewhere report a post.
    h.api.revoke('xoxb-heads-1');
    await h.event(T_HEADS, { type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOTASSIST'] } });
    await h.api.waitFor(async () => (await h.store.getFlow(`slack-installation:T:${T_HEADS}`)) === undefined);
    await h.command(T_CADMUS, '/report', '', STAFF);
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = h.api.callsTo('views.open')[0].args.view as Record<string, unknown>;
    const submitted = await h.interaction(viewSubmissionPayload(STAFF, view, reportValues(), T_CADMUS));
    assert.equal(submitted.status, 200);
    await h.api.waitFor(async () => (await h.store.listEscalations({})).length === 1);
    const [escalation] = await h.store.listEscalations({});
    assert.equal(escalation.school, 'cadmus');
    await h.bot.runDueWork();
    const [waiting] = (await h.store.listDeliveries(escalation.ref)).filter((d) => d.to.userId === HEAD_CADMUS);
    assert.equal(waiting.state, 'retrying', 'the DM is kept, to be tried again');
    assert.match(waiting.lastError ?? '', /not installed in workspace T0TRUSTHQ/);
    assert.equal(postsTo(h, `D${HEAD_CADMUS}`).length, 0);

    // Installed again, with a new token: the waiting DM goes at once, not after its backoff.
    const again = await h.install({ team: T_HEADS, token: 'xoxb-heads-2', installer: 'UINSTALLH' });
    assert.equal(again.status, 200);
    await h.api.waitFor(() => postsTo(h, `D${HEAD_CADMUS}`).length === 1);
    assert.equal(postsTo(h, `D${HEAD_CADMUS}`)[0].token, 'xoxb-heads-2');
    assert.match(text(postsTo(h, `D${HEAD_CADMUS}`)[0]), new RegExp(escalation.ref));
    await h.bot.runDueWork();
    const delivered = (await h.store.listDeliveries(escalation.ref)).find((d) => d.id === waiting.id);
    assert.equal(delivered?.state, 'sent');
    assert.equal((await h.store.getEscalation(escalation.ref))?.status, 'open', 'the escalation itself was never lost');
  });
});

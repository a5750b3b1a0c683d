// The Slack InstallationStore in our stores (the embedded one and PostgreSQL when a test server is
// there): installations round-trip, tokens are never stored in clear, a record under another key
// or copied to another workspace does not open; and the OAuth state is signed, expires and is
// usable once.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import type { Store } from '../../../bot/ports/store.js';
import { createInstallationStore, installationKey } from '../../../adapters/slack/installation-store.js';
import { createStateStore, stateLifetimeMs } from '../../../adapters/slack/oauth-state.js';
import { createMemoryStore } from '../../fakes/memory-store.js';
import { makePostgresTestStore, postgresTestUrl } from '../store/postgres-test-db.js';

const installation = (team: string, token: string): Installation =>
  ({ team: { id: team, name: `School ${team}` }, enterprise: undefined, isEnterpriseInstall: false, bot: { token, userId: 'UBOT', id: 'B1', scopes: ['chat:write'] }, user: { id: 'UINSTALLER', token: undefined, scopes: undefined }, appId: 'A0ASSIST', tokenType: 'bot', authVersion: 'v2' }) as Installation;

const backends: { name: string; make: () => Promise<{ store: Store; cleanup: () => Promise<void> }> }[] = [
  { name: 'the embedded store', make: async () => ({ store: createMemoryStore(), cleanup: async () => {} }) },
];
const pgUrl = postgresTestUrl();
if (pgUrl) backends.push({ name: 'PostgreSQL', make: () => makePostgresTestStore(pgUrl) });

for (const backend of backends) {
  describe(`Slack installations in ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const key = randomBytes(32);
    beforeEach(async () => ({ store, cleanup } = await backend.make()));
    afterEach(() => cleanup());

    it('round-trips an installation per workspace, with the token never stored in clear', async () => {
      const installations = createInstallationStore(store, key);
      await installations.storeInstallation(installation('T1', 'xoxb-one-secret'));
      await installations.storeInstallation(installation('T2', 'xoxb-two-secret'));
      assert.equal((await installations.fetchInstallation({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined })).bot?.token, 'xoxb-one-secret');
      assert.equal((await installations.fetchInstallation({ teamId: 'T2', isEnterpriseInstall: false, enterpriseId: undefined })).bot?.token, 'xoxb-two-secret');
      const raw = JSON.stringify((await store.getFlow('slack-installation:T:T1'))?.state);
      assert.doesNotMatch(raw, /xoxb|School T1/, 'sealed at rest');
    });

    it('opens nothing under another key, or when a record is copied to another workspace', async () => {
      await createInstallationStore(store, key).storeInstallation(installation('T1', 'xoxb-one-secret'));
      await assert.rejects(createInstallationStore(store, randomBytes(32)).fetchInstallation({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined }), /cannot be opened/);
      await store.saveFlow('slack-installation:T:T9', (await store.getFlow('slack-installation:T:T1'))!.state);
      await assert.rejects(createInstallationStore(store, key).fetchInstallation({ teamId: 'T9', isEnterpriseInstall: false, enterpriseId: undefined }), /cannot be opened/);
    });

    it('forgets an uninstalled workspace, and refuses one the deployment does not serve', async () => {
      const installations = createInstallationStore(store, key, {
        accept: (i) => {
          if (i.team?.id !== 'T1') throw new Error(`workspace ${i.team?.id} is not served here`);
        },
      });
      await installations.storeInstallation(installation('T1', 'xoxb-one'));
      await installations.deleteInstallation!({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined });
      await assert.rejects(installations.fetchInstallation({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined }), /no Slack installation/);
      await assert.rejects(installations.storeInstallation(installation('T7', 'xoxb-seven')), /not served here/);
      assert.equal(await store.getFlow('slack-installation:T:T7'), undefined);
    });

    it('accepts an OAuth state once, within 10 minutes, and only as signed', async () => {
      const states = createStateStore('state-secret-for-tests', store);
      const now = new Date();
      const state = await states.generateStateParam({ scopes: ['chat:write'] }, now);
      assert.deepEqual(await states.verifyStateParam(now, state), { scopes: ['chat:write'] });
      await assert.rejects(states.verifyStateParam(now, state), /already used/);
      const [body, sig] = (await states.generateStateParam({ scopes: ['commands'] }, now)).split('.');
      await assert.rejects(states.verifyStateParam(now, `${body}.${sig.slice(0, -2)}xx`), /not one this assistant made/);
      await assert.rejects(states.verifyStateParam(now, 'garbage'), /not one this assistant made/);
      await assert.rejects(createStateStore('another-secret', store).verifyStateParam(now, `${body}.${sig}`), /not one this assistant made/);
      const old = await states.generateStateParam({ scopes: [] }, new Date(now.getTime() - stateLifetimeMs - 1000));
      await assert.rejects(states.verifyStateParam(now, old), /expired/);
    });
  });
}

describe('SLACK_INSTALLATION_KEY', () => {
  it('takes 64 hex characters, 44 base64 characters or a long passphrase, and refuses a short one', () => {
    assert.equal(installationKey('ab'.repeat(32)).length, 32);
    assert.equal(installationKey(randomBytes(32).toString('base64')).length, 32);
    assert.equal(installationKey('a passphrase of more than thirty-two characters').length, 32);
    assert.throws(() => installationKey('short'), /SLACK_INSTALLATION_KEY/);
  });
});

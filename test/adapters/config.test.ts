import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../adapters/config.js';
import { createDirectory } from '../../adapters/directory.js';

function botConfigFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'botcfg-')), 'bot.json');
  writeFileSync(file, content);
  return file;
}

describe('loadConfig', () => {
  it('runs no platform when no credentials are set', () => {
    const config = loadConfig({});
    assert.equal(config.slack, undefined);
    assert.equal(config.teams, undefined);
    assert.equal(config.port, 3978);
    assert.equal(config.responseHours, 24);
    assert.equal(config.urgentResponseHours, 1);
  });

  it('reads URGENT_RESPONSE_HOURS, and refuses one that is not a positive number', () => {
    assert.equal(loadConfig({ URGENT_RESPONSE_HOURS: '0.5' }).urgentResponseHours, 0.5);
    assert.throws(() => loadConfig({ URGENT_RESPONSE_HOURS: 'soon' }), /URGENT_RESPONSE_HOURS must be a positive number/);
  });

  it('reads Slack over HTTP and over Socket Mode', () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    assert.deepEqual(http.slack, { botToken: 'xoxb-1', signingSecret: 's', appToken: undefined, apiUrl: undefined });
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    assert.equal(socket.slack?.appToken, 'xapp-1');
  });

  it('says which Slack variable is missing', () => {
    assert.throws(() => loadConfig({ SLACK_SIGNING_SECRET: 's' }), /SLACK_BOT_TOKEN is not set/);
    assert.throws(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb' }), /SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/);
  });

  it('reads Slack OAuth (many workspaces) instead of a bot token, and names what is missing or too weak', () => {
    const oauth = { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'a-long-state-secret', SLACK_INSTALLATION_KEY: 'ab'.repeat(32), SLACK_SIGNING_SECRET: 's' };
    const config = loadConfig({ ...oauth, SLACK_INSTALL_TEAMS: 'T1, E2' });
    assert.equal(config.slack?.botToken, undefined);
    assert.deepEqual(config.slack?.oauth, { clientId: '123.456', clientSecret: 'cs', stateSecret: 'a-long-state-secret', installationKey: 'ab'.repeat(32), installTeams: ['T1', 'E2'] });
    assert.throws(() => loadConfig({ ...oauth, SLACK_STATE_SECRET: '' }), /also needs SLACK_STATE_SECRET/);
    assert.throws(() => loadConfig({ ...oauth, SLACK_CLIENT_SECRET: ' ', SLACK_INSTALLATION_KEY: '' }), /also needs SLACK_CLIENT_SECRET, SLACK_INSTALLATION_KEY/);
    assert.throws(() => loadConfig({ ...oauth, SLACK_STATE_SECRET: 'short' }), /SLACK_STATE_SECRET must be at least 16/);
    assert.throws(() => loadConfig({ ...oauth, SLACK_INSTALLATION_KEY: 'short' }), /SLACK_INSTALLATION_KEY must be 32 bytes/);
    assert.throws(() => loadConfig({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' }), /SLACK_BOT_TOKEN .* or SLACK_CLIENT_ID .* not both/);
    assert.throws(() => loadConfig({ ...oauth, SLACK_APP_TOKEN: 'xapp-1' }), /needs Slack over HTTP/);
    assert.throws(() => loadConfig({ ...oauth, SLACK_SIGNING_SECRET: '' }), /needs SLACK_SIGNING_SECRET/);
    assert.throws(() => loadConfig({ ...oauth, SLACK_HEAD_USERS: 'U1' }), /per workspace in BOT_CONFIG/);
    assert.throws(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_INSTALLATION_KEY: 'ab'.repeat(32) }), /SLACK_INSTALLATION_KEY is set but SLACK_CLIENT_ID is not/);
  });

  it('starts Teams with an app id, or unauthenticated only when asked', () => {
    assert.equal(loadConfig({ MICROSOFT_APP_ID: 'app' }).teams?.appId, 'app');
    assert.equal(loadConfig({ TEAMS_ENABLED: 'true' }).teams?.appId, '');
    assert.throws(() => loadConfig({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_TYPE: 'Bogus' }), /MICROSOFT_APP_TYPE/);
  });

  it('refuses a port or response time that is not a positive number', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be a positive number/);
    assert.throws(() => loadConfig({ RESPONSE_HOURS: '-1' }), /RESPONSE_HOURS/);
  });

  it('maps Slack teams and Teams tenants to schools from BOT_CONFIG', () => {
    const file = botConfigFile(
      JSON.stringify({
        slack: { T1: { school: 'cadmus', heads: ['U1'], dsls: 'U2,U3' } },
        teams: { 'tenant-a': { school: 'lfssq', heads: ['aad-1'] } },
        schools: { cadmus: { safeguardingSystem: 'CPOMS', responseHours: 4, urgentResponseHours: 0.25 } },
      }),
    );
    const config = loadConfig({ BOT_CONFIG: file });
    assert.deepEqual(config.slackTeams.T1, { school: 'cadmus', heads: ['U1'], dsls: ['U2', 'U3'], chairs: [] });
    const directory = createDirectory(config, 'templemoor');
    assert.equal(directory.schoolFor('slack', 'T1'), 'cadmus');
    assert.equal(directory.schoolFor('teams', 'tenant-a'), 'lfssq');
    assert.equal(directory.schoolFor('slack', 'T-unmapped'), 'templemoor');
    const cadmus = directory.people('cadmus');
    assert.deepEqual(cadmus.dsls.map((p) => p.userId), ['U2', 'U3']);
    assert.equal(cadmus.dsls[0].tenant, 'T1');
    assert.equal(cadmus.safeguardingSystem, 'CPOMS');
    assert.equal(cadmus.responseHours, 4);
    assert.equal(cadmus.urgentResponseHours, 0.25);
    assert.equal(directory.people('templemoor').urgentResponseHours, 1, 'a school without its own setting has the default');
  });

  it("refuses a school's response time in BOT_CONFIG that is not a positive number", () => {
    const file = botConfigFile(JSON.stringify({ schools: { cadmus: { urgentResponseHours: '1' } } }));
    assert.throws(() => loadConfig({ BOT_CONFIG: file }), /schools\.cadmus\.urgentResponseHours must be a positive number of hours, not "1"/);
  });

  it('names a misspelt or unknown key in BOT_CONFIG, where it is, with the likely one', () => {
    const cases: [unknown, RegExp][] = [
      [{ slack: { T1: { school: 'cadmus', head: ['U1'] } } }, /slack\.T1\.head is not a setting here \(did you mean "heads"\?\)/],
      [{ teams: { t: { school: 'cadmus', dsl: 'x' } } }, /teams\.t\.dsl is not a setting here \(did you mean "dsls"\?\)/],
      [{ school: { cadmus: {} } }, /school is not a setting here \(did you mean "schools"\?\)/],
      [{ schools: { cadmus: { responseHour: 4 } } }, /schools\.cadmus\.responseHour is not a setting here \(did you mean "responseHours"\?\)/],
      [{ slack: { T1: { school: 'cadmus', heads: [42] } } }, /slack\.T1\.heads/],
    ];
    for (const [content, why] of cases) assert.throws(() => loadConfig({ BOT_CONFIG: botConfigFile(JSON.stringify(content)) }), why);
  });

  it('reads retention months from RETENTION_MONTHS and per school, refusing negative or absurd ones by name', () => {
    assert.equal(loadConfig({}).retentionMonths, 12);
    assert.equal(loadConfig({ RETENTION_MONTHS: '24' }).retentionMonths, 24);
    for (const bad of ['-3', '0', '1.5', '121', '9999', 'forever', 'constructor']) {
      assert.throws(() => loadConfig({ RETENTION_MONTHS: bad }), new RegExp(`RETENTION_MONTHS must be a whole number of months from 1 to 120, not "${bad}"`));
    }
    const ok = loadConfig({ BOT_CONFIG: botConfigFile('{"schools":{"cadmus":{"retentionMonths":36}}}') });
    assert.equal(createDirectory(ok, 'cadmus').people('cadmus').retentionMonths, 36);
    assert.equal(createDirectory(ok, 'cadmus').people('lfssq').retentionMonths, 12);
    for (const bad of ['-1', '0', '600', '"12"', '12.5', 'null']) {
      assert.throws(() => loadConfig({ BOT_CONFIG: botConfigFile(`{"schools":{"cadmus":{"retentionMonths":${bad}}}}`) }), /schools\.cadmus\.retentionMonths must be a whole number of months from 1 to 120/);
    }
  });

  it('reads how many days logged questions are kept per school from BOT_CONFIG (180 unless set), refusing bad numbers by name', () => {
    const ok = loadConfig({ BOT_CONFIG: botConfigFile('{"schools":{"cadmus":{"questionRetentionDays":30}}}') });
    assert.equal(createDirectory(ok, 'cadmus').people('cadmus').questionRetentionDays, 30);
    assert.equal(createDirectory(ok, 'cadmus').people('lfssq').questionRetentionDays, undefined);
    for (const bad of ['-1', '0', '3651', '"30"', '1.5', 'null']) {
      assert.throws(() => loadConfig({ BOT_CONFIG: botConfigFile(`{"schools":{"cadmus":{"questionRetentionDays":${bad}}}}`) }), /schools\.cadmus\.questionRetentionDays must be a whole number of days from 1 to 3650/);
    }
    assert.throws(() => loadConfig({ BOT_CONFIG: botConfigFile('{"schools":{"cadmus":{"questionRetention":30}}}') }), /did you mean "questionRetentionDays"/);
  });

  it('says what is wrong with a BOT_CONFIG file', () => {
    assert.throws(() => loadConfig({ BOT_CONFIG: botConfigFile('{not json') }), /is not valid JSON/);
    assert.throws(() => loadConfig({ BOT_CONFIG: botConfigFile('{"slack":{"T1":{"heads":["U1"]}}}') }), /slack\.T1 needs a "school"/);
    assert.throws(() => loadConfig({ BOT_CONFIG: '/nonexistent/bot.json' }), /BOT_CONFIG file \/nonexistent\/bot.json could not be read/);
  });
});

describe('createDirectory', () => {
  it('gives the default school its people from the *_USERS variables', () => {
    const config = loadConfig({ SLACK_HEAD_USERS: 'UH', SLACK_DSL_USERS: 'UD', TEAMS_HEAD_USERS: 'aad-h', SLACK_CHAIR_USERS: 'UC' });
    const people = createDirectory(config, 'cadmus').people('cadmus');
    assert.deepEqual(people.heads.map((p) => `${p.platform}:${p.userId}`), ['slack:UH', 'teams:aad-h']);
    assert.deepEqual(people.dsls.map((p) => p.userId), ['UD']);
    assert.deepEqual(people.chairs.map((p) => p.userId), ['UC']);
    assert.deepEqual(createDirectory(config, 'cadmus').people('lfssq').heads, []);
  });

  it('adds the terminal chat people only when the terminal chat runs', () => {
    const config = loadConfig({});
    assert.deepEqual(createDirectory(config, 'cadmus').people('cadmus').heads, []);
    const console = createDirectory(config, 'cadmus', { withConsole: true }).people('cadmus');
    assert.deepEqual(console.heads, [{ platform: 'console', userId: 'head' }]);
    assert.deepEqual(console.dsls, [{ platform: 'console', userId: 'dsl' }]);
  });
});

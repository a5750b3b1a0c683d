// The Teams app package: manifest filled from the app id, current schema, scopes and commands, and
// icons of the sizes Teams requires (outline white on transparent).

import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { buildManifest, buildPackage, packageWarnings } from '../../../adapters/teams/package-app.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ManifestUtil } from '@microsoft/app-manifest';
import { TEAMS_COMMANDS } from '../../../adapters/teams/welcome.js';
import { suggestPrompts } from '../../../bot/prompts/suggested-prompts.js';
import { createLibraryAnswerer } from '../../../bot/policy-answerer.js';
import { policies } from '../../bot/harness.js';

const require = createRequire(import.meta.url);

const appId = '11111111-2222-3333-4444-555555555555';

describe('Teams app package', () => {
  it('fills the bot id from the app id into a v1.17+ manifest with personal, team and group chat scopes', () => {
    const manifest = buildManifest({ appId });
    assert.equal(manifest.id, appId);
    assert.equal(manifest.bots[0].botId, appId);
    assert.ok(Number(manifest.manifestVersion) >= 1.17);
    assert.match(manifest.$schema, new RegExp(`v${manifest.manifestVersion}/MicrosoftTeams.schema.json$`));
    assert.deepEqual(manifest.bots[0].scopes, ['personal', 'team', 'groupChat']);
    assert.ok(manifest.name.short.length <= 30 && manifest.description.short.length <= 80 && manifest.description.full.length <= 4000);
    assert.doesNotMatch(JSON.stringify(manifest), /\{\{/);
  });

  it('carries the school\'s suggested questions as prompt starters, and validates against the v1.17 schema', async () => {
    const library = await policies();
    const school = library.policy('hardmoor')!.school;
    const prompts = await suggestPrompts(createLibraryAnswerer(library), school.id, school.name);
    const manifest = buildManifest({ appId, prompts });
    const personal = manifest.bots[0].commandLists.find((l: any) => l.scopes.includes('personal'));
    assert.deepEqual(personal.commands.map((c: any) => c.title), [...prompts.prompts.map((p) => p.title), ...TEAMS_COMMANDS.map((c) => c.title)]);
    for (const c of personal.commands) assert.ok(c.title.length <= 32 && c.description.length <= 128);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.17/MicrosoftTeams.schema.json'), 'utf8'));
    assert.deepEqual(await ManifestUtil.validateManifestAgainstSchema(manifest as any, schema), []);
    // The check can fail: a title over Teams' limit is refused by the same schema.
    const tooLong = structuredClone(manifest);
    tooLong.bots[0].commandLists[0].commands[0].title = 'x'.repeat(40);
    assert.notDeepEqual(await ManifestUtil.validateManifestAgainstSchema(tooLong as any, schema), []);
  });

  it('refuses an app id that is not a GUID', () => {
    assert.throws(() => buildManifest({ appId: 'my-bot' }), /GUID/);
  });

  it('zips the manifest with a 192×192 colour icon and a 32×32 white-on-transparent outline', async () => {
    const zip = await JSZip.loadAsync(await buildPackage({ appId }));
    assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    assert.equal(color.width, 192);
    assert.equal(color.height, 192);
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    assert.equal(outline.width, 32);
    for (let i = 0; i < outline.data.length; i += 4) {
      const alpha = outline.data[i + 3];
      if (alpha > 0) assert.deepEqual([...outline.data.subarray(i, i + 3)], [255, 255, 255], 'outline pixels are white');
    }
    assert.equal(outline.data[3], 0, 'the corner is transparent');
  });

  it('warns while the developer name, website, privacy or terms address is a placeholder, and not once they are real', () => {
    const warnings = packageWarnings({ appId });
    assert.equal(warnings.length, 4);
    assert.match(warnings.join('\n'), /developer name.*--developer/);
    assert.match(warnings.join('\n'), /privacy notice/);
    assert.match(warnings.join('\n'), /terms of use/);
    assert.equal(packageWarnings({ appId, developerName: 'Our Trust', websiteUrl: 'https://example.org', privacyUrl: 'https://www.example.org/p', termsUrl: 'https://ourtrust.sch.uk/terms' }).length, 2);
    assert.deepEqual(packageWarnings({ appId, developerName: 'Our Trust', websiteUrl: 'https://ourtrust.sch.uk', privacyUrl: 'https://ourtrust.sch.uk/privacy', termsUrl: 'https://ourtrust.sch.uk/terms' }), []);
  });

  it('sets the app version from --version, and refuses one that is not X.Y.Z', () => {
    assert.equal(buildManifest({ appId }).version, '1.0.0');
    assert.equal(buildManifest({ appId, version: '1.2.3' }).version, '1.2.3');
    assert.throws(() => buildManifest({ appId, version: 'v2' }), /three numbers/);
  });
});

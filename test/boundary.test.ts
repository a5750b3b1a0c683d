// The dependency rule as a test: bot/ and knowledge/ import no platform SDK, web server, store
// driver or adapter; every Teams SDK import stays in adapters/teams/, every Slack one in adapters/slack/.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../', import.meta.url).pathname;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(join(root, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|mts|js)$/.test(name)) out.push(path);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

const forbiddenInCore = [/^@slack\//, /^botbuilder/, /^@microsoft\//, /^express$/, /^lowdb/, /^pg$/, /^steno$/, /adapters\//];

describe('dependency rule', () => {
  for (const dir of ['bot', 'knowledge']) {
    it(`${dir}/ imports no platform SDK, server, store driver or adapter`, () => {
      const offences = sources(dir).flatMap((f) => imports(f).filter((i) => forbiddenInCore.some((re) => re.test(i))).map((i) => `${f}: ${i}`));
      assert.deepEqual(offences, []);
    });
  }

  it('bot/ reaches knowledge/ only through the library (match and its siblings), its types and the shared errors', () => {
    const allowed = /knowledge\/(?:library|types|errors)\.js$/;
    const offences = sources('bot').flatMap((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      return [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]*knowledge\/[^'"]+)['"]/gm)]
        .filter((m) => !m[2] && !allowed.test(m[3]!))
        .map((m) => `${f}: ${m[3]}`);
    });
    assert.deepEqual(offences, []);
  });

  it('knowledge/ does not import the bot core', () => {
    const offences = sources('knowledge').flatMap((f) => imports(f).filter((i) => /(^|\/)bot\//.test(i)).map((i) => `${f}: ${i}`));
    assert.deepEqual(offences, []);
  });

  it('keeps every Teams SDK import in adapters/teams/ and every Slack one in adapters/slack/', () => {
    const everything = ['adapters', 'bot', 'knowledge', 'bench'].flatMap(sources);
    const offences = everything.flatMap((f) =>
      imports(f)
        .filter((i) => (/^(botbuilder|@microsoft\/)/.test(i) && !f.startsWith('adapters/teams/')) || (/^@slack\//.test(i) && !f.startsWith('adapters/slack/')))
        .map((i) => `${relative('.', f)}: ${i}`),
    );
    assert.deepEqual(offences, []);
  });

  it('notices a forbidden import (the check itself can fail)', () => {
    const fake = "import { App } from '@slack/bolt';\nimport type { X } from '../adapters/x.js';";
    const found = [...fake.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]).filter((i) => forbiddenInCore.some((re) => re.test(i)));
    assert.deepEqual(found, ['@slack/bolt', '../adapters/x.js']);
  });
});

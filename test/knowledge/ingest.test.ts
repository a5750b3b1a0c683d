import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { policyFromBytes } from '../../knowledge/policy-files.js';
import { PolicyError } from '../../knowledge/errors.js';
import type { Policy } from '../../knowledge/types.js';
import { SEED_POLICIES } from '../seed-policies.js';
import { join } from 'node:path';

const load = (id: string): Policy =>
  policyFromBytes(readFileSync(join(SEED_POLICIES, `${id}.txt`)), { source: `${id}.txt` });
const find = (p: Policy, text: string) => {
  const c = p.clauses.find((x) => x.text.includes(text));
  assert.ok(c, `no clause contains "${text}"`);
  return c;
};

describe('ingest of the real policies', () => {
  const cadmus = load('cadmus');
  const hardmoor = load('hardmoor');
  const templemoor = load('templemoor');
  const lfssq = load('lfssq');

  it('reads Cadmus 3.1 whole and exactly as written', () => {
    const c = cadmus.clauses.find((x) => x.id === 'cadmus-3.1');
    assert.ok(c);
    assert.equal(c.text, 'Staff are not allowed to access social media websites from the school computers or devices at any time. [This includes [laptop/palm-top/hand-held] computers or devices distributed by the school for work purposes.]');
    assert.equal(c.ref, '3.1');
    assert.equal(c.heading, 'Personal use of social media at work');
    assert.equal(c.effect, 'forbids');
  });

  it('keeps Cadmus numbering from 1.1 to 18.8 and the school header', () => {
    assert.equal(cadmus.school.id, 'cadmus');
    assert.equal(cadmus.school.name, 'Cadmus Family of Schools');
    for (const ref of ['1.1', '7.9', '7.12', '10.1', '18.6', '18.8']) assert.ok(cadmus.clauses.some((c) => c.section === ref), ref);
  });

  it('sets aside the Cadmus approval form and signature block', () => {
    assert.ok(!cadmus.clauses.some((c) => /Names of moderators|Print name|TEAM DETAILS/.test(c.text)));
    assert.ok(cadmus.setAside.some((a) => a.reason === 'form template'));
    assert.ok(cadmus.setAside.some((a) => a.reason === 'signature block'));
  });

  it('reads the dates from the text', () => {
    assert.deepEqual(cadmus.school.dates.find((d) => d.label === 'Review date'), { label: 'Review date', value: '1 January 2025' });
    assert.ok(lfssq.school.dates.some((d) => d.label === 'Date of Approval' && d.value === 'September 2024'));
  });

  it('numbers Hardmoor clauses by their section and sets its garbled contents page aside', () => {
    const sec = hardmoor.clauses.filter((c) => c.section === '2.3');
    assert.ok(sec.length >= 3);
    assert.equal(sec[0]!.id, 'hardmoor-2.3');
    assert.equal(sec[0]!.ref, '2.3');
    assert.ok(hardmoor.setAside.some((a) => a.reason === 'contents page' && a.text.includes('Eligibility1.2')));
    assert.ok(!hardmoor.clauses.some((c) => c.text.includes('Eligibility1.2')));
  });

  it('rejoins sentences split by a page break', () => {
    assert.ok(find(cadmus, 'sensitive personal information about themselves, treat online'));
    assert.ok(find(templemoor, 'Confidential information includes but is not limited to'));
    assert.ok(find(cadmus, 'immediately. Staff members must not communicate with the media'));
  });

  it('reads Do\'s and Don\'ts polarity from the list heading', () => {
    assert.equal(find(templemoor, "Don't publish confidential").effect, 'forbids');
    assert.equal(find(templemoor, 'Use a disclaimer when expressing personal views').effect, 'requires');
    assert.equal(find(templemoor, 'Check with a senior leader').effect, 'permission');
  });

  it('binds parents in the LFSSQ stakeholders part and staff in its staff part', () => {
    assert.deepEqual(find(lfssq, 'should not post images taken in school').binds, ['parents']);
    assert.ok(find(lfssq, 'Do not give their personal contact details to pupils').binds.includes('staff'));
  });

  it('removes bold marks and keeps list items of a lead-in with it', () => {
    assert.ok(!templemoor.clauses.some((c) => c.text.includes('**')));
    const business = find(templemoor, 'must present a business case to the School Leadership Team');
    assert.ok(business.text.includes('- The intended audience'));
  });

  it('names whom to ask from the policy', () => {
    assert.equal(hardmoor.school.contact, 'your line manager');
    assert.equal(cadmus.school.contact, 'your Headteacher/Principal');
  });
});

describe('ingest of files that cannot be used', () => {
  it('refuses an empty file', () => {
    assert.throws(() => policyFromBytes(new Uint8Array(), { school: 'x', source: 'x.txt' }), (e: unknown) => e instanceof PolicyError && e.code === 'policy_empty');
  });
  it('refuses a binary file', () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff, 0xfe]);
    assert.throws(() => policyFromBytes(bytes, { school: 'x', source: 'x.pdf' }), (e: unknown) => e instanceof PolicyError && e.code === 'policy_unreadable');
  });
  it('refuses text that holds no clauses', () => {
    assert.throws(() => policyFromBytes(new TextEncoder().encode('Hello\n\nWorld\n'), { school: 'x', source: 'x.txt' }), (e: unknown) => e instanceof PolicyError && e.code === 'policy_empty');
  });
});

describe('ingest of a layout never seen: an "I will…" agreement with • bullets', () => {
  const text = [
    'Staff Acceptable Use Agreement', '', 'Before using school ICT I agree that:', '',
    '• I will not give my personal phone number or email address to pupils.',
    '• I will only use the school\'s email system to contact parents.',
    '• I will report any concerns about a child\'s online safety to the DSL immediately.', '',
    'Signed: ____________   Date: ________',
  ].join('\n');
  const p = policyFromBytes(new TextEncoder().encode(text), { school: 'aua', source: 'aua.txt' });

  it('reads each pledge as a clause with its effect and sets the signature aside', () => {
    assert.deepEqual(p.clauses.map((c) => c.effect), ['forbids', 'requires', 'requires']);
    assert.ok(p.clauses.every((c) => c.binds.includes('staff') && c.id.startsWith('aua-')));
    assert.ok(p.setAside.some((a) => a.reason === 'signature block'));
  });
});

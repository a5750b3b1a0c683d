// Matching details a multi-academy trust's policy exposed: its own words for the school, a rule
// with two subjects, a class's own page, and the action a question asks about.
import assert from 'node:assert/strict';
import { parsePolicy } from '../../knowledge/ingest/parse-policy.js';
import { splitParts } from '../../knowledge/ingest/split-parts.js';
import { createPolicyLibrary } from '../../knowledge/library.js';
import { answerQuestion } from '../../bot/answer/answer-question.js';

const TRUST = `---
school: oakway
name: Oakway Learning Trust
---
# Oakway Learning Trust social media policy

## 1 Contact

1.1 Staff must not contact pupils by personal mobile phone, direct message or messaging app.

1.2 Staff may join a class WhatsApp group as a parent of their own child, but they must not answer questions about the academy in it.

## 2 Devices

2.1 Trust devices and networks must not be used for personal social media at any time.

## 3 Academy accounts

3.1 No member of staff may create an academy social media account without the written approval of the Headteacher.

3.2 Staff must not post photographs of pupils on personal accounts.

## 4 Conduct

4.1 Staff should set personal accounts to the highest privacy settings.

4.2 Staff must not criticise the Trust, colleagues or parents online.

4.3 Staff are advised not to become friends with parents on personal social media.

4.4 Staff must not speak to journalists about the Trust.

4.5 Breaches of this policy may lead to disciplinary action.

4.6 Staff who are unsure should ask their Headteacher before posting.
`;

describe('a trust policy', () => {
  const lib = createPolicyLibrary([parsePolicy({ school: 'oakway', source: 'oakway.md', text: TRUST })]);
  const ask = (q: string) => answerQuestion(lib, 'oakway', q);

  it("reads the trust's own words for the school on both sides ('my trust laptop' meets 'Trust devices')", () => {
    const a = ask('can i use my trust laptop for facebook');
    assert.equal(a.clauses[0]?.clause.ref, '2.1');
    assert.equal(a.verdict, 'no');
  });

  it("keeps 'X and Y must not…' as one rule with two subjects", () => {
    assert.deepEqual(splitParts('Trust devices and networks must not be used for personal social media.').map((p) => p.effect), ['forbids']);
  });

  it('keeps out-of-scope questions unknown', () => {
    assert.equal(ask('can i wear jeans on non uniform day').verdict, 'unknown');
  });

  it("lets the action asked about pick the clause's part ('can I answer them' → must not answer)", () => {
    assert.equal(ask('a parent asked about the school trip in the class whatsapp, can i answer them').verdict, 'no');
  });

  it("reads a 'class page' as the school's account, which needs approval to create", () => {
    const a = ask('can i set up a facebook page for my class');
    assert.equal(a.clauses[0]?.clause.ref, '3.1');
    assert.equal(a.verdict, 'permission');
  });

  it('reads the question after a story by its own form', () => {
    assert.equal(lib.match('oakway', 'what about former pupils over 18, can i be friends with them?').reading.asksRule, 'may');
  });
});

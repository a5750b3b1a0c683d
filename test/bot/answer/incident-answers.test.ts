import assert from 'node:assert/strict';
import { loadPolicyLibrary, type PolicyLibrary } from '../../../knowledge/library.js';
import { answerQuestion } from '../../../bot/answer/answer-question.js';
import { SEED_POLICIES } from '../../seed-policies.js';

const policies = SEED_POLICIES;

describe('answers to a described incident', () => {
  let lib: PolicyLibrary;
  before(async () => {
    lib = await loadPolicyLibrary(policies);
  });

  it('gives the policy on parents posting about staff, not "not covered" (Cadmus 5.2)', () => {
    const a = answerQuestion(lib, 'cadmus', 'a parent has posted lies about me on Facebook');
    assert.equal(a.intent, 'report');
    assert.notEqual(a.verdict, 'unknown');
    assert.ok(a.clauses.slice(0, 3).some((m) => m.clause.id === 'cadmus-5.2'), a.clauses.map((m) => m.clause.id).join(', '));
  });

  it('never quotes the LADO clause for a parent posting about a member of staff', () => {
    const a = answerQuestion(lib, 'cadmus', 'a parent has posted lies about me on Facebook');
    assert.ok(!a.clauses.some((m) => m.clause.id === 'cadmus-10.1'));
  });

  it('answers an incident at every school with that school\'s own clauses', () => {
    for (const school of lib.schools()) {
      const a = answerQuestion(lib, school.id, 'a parent has posted lies about me on Facebook');
      assert.equal(a.intent, 'report', school.id);
      assert.ok(a.clauses.length > 0, `${school.id} gave no guidance`);
      assert.ok(a.clauses.every((m) => m.clause.school === school.id), `${school.id} quoted another school`);
    }
  });

  it('reports abuse on the school\'s own page the way its policy says (Learn to Live 2)', () => {
    const a = answerQuestion(lib, 'learn-to-live', 'a parent has left abusive comments on our class facebook page');
    assert.notEqual(a.verdict, 'unknown');
    assert.ok(a.clauses.some((m) => /school-sanctioned social media should immediately be removed and reported/.test(m.clause.text)));
  });

  it('points a child\'s messages to the designated safeguarding officer at Learn to Live', () => {
    const a = answerQuestion(lib, 'learn-to-live', 'a child messaged me on Instagram');
    assert.ok(a.clauses.slice(0, 3).some((m) => /designated safeguarding/i.test(m.clause.text)), a.clauses.map((m) => m.clause.id).join(', '));
  });
});

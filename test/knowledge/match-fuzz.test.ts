// Property-based: any text at all (random unicode, JavaScript property names, huge, binary-looking,
// emoji) goes through the matcher and the whole answer path without throwing, and every answer keeps
// the contract: a known verdict, clauses only from the school asked about, unknown when there are none.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadPolicyLibrary, type PolicyLibrary } from '../../knowledge/library.js';
import { answerQuestion } from '../../bot/answer/answer-question.js';
import { answerReply } from '../../bot/answer/answer-reply.js';
import { SEED_POLICIES } from '../seed-policies.js';

const VERDICTS = ['yes', 'no', 'permission', 'caution', 'must', 'info', 'unknown'];
const PROPERTY_NAMES = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'then'];
const WORDS = ['can', 'i', 'friend', 'pupil', 'parent', 'facebook', 'photo', 'phone', 'school', 'post', 'ex-pupil', 'report', 'abuse', 'my', 'own', 'unless', 'cn', 'u', 'skool', 'year 6'];

/** Text made of policy words, property names, random unicode and control characters. */
const text = fc.array(
  fc.oneof(fc.constantFrom(...WORDS, ...PROPERTY_NAMES), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('\u0000', '\u202e', '\u200b', '\ufeff', '😀', '?', "'s", '...')),
  { maxLength: 40 },
).map((parts) => parts.join(' '));

describe('matcher under random input', () => {
  let lib: PolicyLibrary;
  before(async () => {
    lib = await loadPolicyLibrary(SEED_POLICIES);
  });

  it('never throws and always keeps the answer contract', () => {
    const schools = lib.schools().map((s) => s.id);
    fc.assert(
      fc.property(fc.constantFrom(...schools), text, (school, question) => {
        const m = lib.match(school, question);
        assert.ok(['answer', 'closest', 'none'].includes(m.outcome));
        assert.ok(m.confidence >= 0 && m.confidence <= 1);
        assert.ok(m.hits.every((h) => h.clause.school === school && VERDICTS.includes(h.verdict)));
        const a = answerQuestion(lib, school, question);
        assert.ok(VERDICTS.includes(a.verdict));
        assert.ok(a.clauses.every((c) => c.clause.school === school));
        if (a.clauses.length === 0) assert.equal(a.verdict, 'unknown');
        const reply = answerReply(a, lib);
        assert.ok(reply.text.length > 0);
      }),
      { numRuns: 300 },
    );
  });

  it('answers a 20,000-character question with a clear message, not a half-read answer', () => {
    const a = answerQuestion(lib, 'cadmus', 'can I post photos '.repeat(1200));
    assert.equal(a.problem, 'too_long');
  });
});

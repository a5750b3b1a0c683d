import assert from 'node:assert/strict';
import { loadPolicyLibrary, type PolicyLibrary } from '../../knowledge/library.js';
import { readTerms } from '../../knowledge/language/terms.js';
import { editDistance } from '../../knowledge/match/spell.js';
import { SEED_POLICIES } from '../seed-policies.js';

const concepts = (text: string): string[] => readTerms(text).flatMap((t) => t.concepts);

describe('matcher', () => {
  let lib: PolicyLibrary;
  before(async () => {
    lib = await loadPolicyLibrary(SEED_POLICIES);
  });
  const best = (school: string, q: string) => lib.match(school, q).hits[0]?.clause.id;

  it('reads a mention ("@channel", "@here") as no word of the question', () => {
    assert.deepEqual(readTerms('Can I wear jeans on Fridays? @channel').filter((t) => !t.stop).map((t) => t.key).sort(), readTerms('Can I wear jeans on Fridays?').filter((t) => !t.stop).map((t) => t.key).sort());
    assert.equal(lib.match('cadmus', 'Can I wear jeans on Fridays? @channel').outcome, 'none');
  });

  it('reads no rule into a question that names nothing of the policy\'s subject and shares only a verb with a clause', () => {
    const m = lib.match('cadmus', 'Can I bring my dog to the staff party?');
    assert.notEqual(m.outcome, 'answer');
  });

  it('reads staff words and policy words into the same concepts', () => {
    for (const [a, b] of [['befriend', 'follow'], ['my mum', 'carers'], ['a kid', 'learners'], ['picture', 'video'], ['handset', 'laptop'], ['at lunch', 'rest break'], ['former pupil', 'ex-pupil'], ['emblem', 'logo']]) {
      assert.ok(concepts(a!).some((c) => concepts(b!).includes(c)), `${a} ~ ${b}`);
    }
    assert.ok(!concepts('matters').includes('befriend'));
    assert.deepEqual(concepts('year 4'), ['pupil']);
    assert.ok(concepts('a friend request').includes('befriend'), 'a phrase is one term');
  });

  it('keeps apart words the stemmer would merge, and joins inflections it would cut short', () => {
    assert.ok(concepts('he added me on snap').includes('befriend'), 'added is add');
    assert.ok(!concepts('the information on the page').includes('report'), 'information is not inform');
    assert.ok(!concepts('a local newspaper reporter').includes('report'), 'a reporter is the press');
    assert.ok(concepts('a former sixth former sent me a request').includes('expupil'), 'former + a phrase for pupils is ex-pupils');
    assert.ok(!readTerms('am I allowed in it, seeing as I work there').some((t) => t.key === 'see'), '"seeing as" is "as"');
    assert.ok(concepts('what happens if i break the social media policy').includes('discipline'), 'breaking a policy, words between');
    assert.ok(!concepts('can i check my phone at break').includes('discipline'), 'a rest break');
    assert.ok(!concepts('my privacy settings').includes('official'), 'settings are not a setting');
    assert.ok(concepts('what if i break the policy').includes('discipline'), 'breaking a rule is a breach');
    assert.ok(!concepts('at lunch break').includes('discipline'), 'a rest break is not');
    assert.deepEqual(concepts('one of my old tutees'), ['expupil']);
    assert.deepEqual(concepts('former learners'), ['expupil']);
    assert.deepEqual(concepts('a 5 year old child'), ['pupil']);
  });

  it('corrects typos against the policy and the vocabulary, never real English words', () => {
    const m = lib.match('templemoor', 'cn i folow a kid on fb');
    assert.deepEqual(m.corrections, [['folow', 'follow']]);
    assert.equal(m.reading.asksRule, 'may', 'text-speak "cn" reads as "can"');
    assert.deepEqual(lib.match('cadmus', 'How do I book a supply teacher?').corrections, []);
    assert.equal(editDistance('freind', 'friend'), 1);
  });

  it('finds the clause for paraphrases with synonyms, text-speak and typos', () => {
    assert.equal(best('cadmus', 'Can I befriend pupils on social media?'), 'cadmus-7.8');
    assert.equal(best('cadmus', "Can I be mates with a child's mum on Instagram?"), 'cadmus-7.9');
    const m = lib.match('cadmus', 'am i alowed to go on facebok on the skool computers');
    assert.ok(m.hits.slice(0, 3).some((h) => h.clause.id === 'cadmus-3.1'), m.hits.map((h) => h.clause.id).join(' '));
  });

  it('gives the deciding sentence, a verdict and why for every clause it returns', () => {
    const m = lib.match('cadmus', 'Can I befriend pupils on social media?');
    assert.equal(m.outcome, 'answer');
    assert.ok(m.confidence > 0.5 && m.confidence <= 1);
    const top = m.hits[0]!;
    assert.ok(top.clause.text.includes(top.part.text));
    assert.equal(top.verdict, 'no');
    assert.ok(top.why.length > 0);
  });

  it('says nothing fits for questions the policy does not speak of', () => {
    for (const q of ['How do I book a supply teacher?', 'When is the next INSET day?', 'Where do I park my car?']) {
      assert.equal(lib.match('cadmus', q).outcome, 'none', q);
    }
  });

  it('answers words that are JavaScript property names, emoji and empty text like any other input', () => {
    for (const q of ['constructor', '__proto__ toString hasOwnProperty valueOf', 'can I post a constructor photo', '😀😀😀', '', '   ', '\u202e\u200b']) {
      const m = lib.match('cadmus', q);
      assert.ok(['answer', 'closest', 'none'].includes(m.outcome), q);
    }
  });
});

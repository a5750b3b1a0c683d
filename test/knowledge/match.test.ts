import assert from 'node:assert/strict';
import { loadPolicyLibrary, type PolicyLibrary } from '../../knowledge/library.js';
import { analyzeQuery } from '../../knowledge/match/rank.js';
import { editDistance } from '../../knowledge/match/spell.js';
import { analyze } from '../../knowledge/match/analyze.js';
import { SEED_POLICIES } from '../seed-policies.js';

const DIR = SEED_POLICIES;

describe('matcher', () => {
  let lib: PolicyLibrary;
  before(async () => {
    lib = await loadPolicyLibrary(DIR);
  });
  const best = (school: string, q: string): string | undefined => lib.search(school, q, { limit: 1 })[0]?.clause.id;

  it('maps word families to one concept', () => {
    assert.deepEqual(analyze('befriend').slice(0, 1), analyze('follow').slice(0, 1));
    assert.ok(analyze('my mum').includes('parent') && analyze('carers').includes('parent'));
    assert.ok(!analyze('matters').includes('friend'));
    assert.ok(analyze('a kid').includes('pupil'));
    assert.ok(analyze('picture').includes('photo') && analyze('video').includes('photo'));
    assert.ok(analyze('TikTok').includes('socialmedia'));
    assert.ok(analyze('the iPad').includes('device') && analyze('laptop').includes('device'));
    assert.ok(analyze('at lunch').includes('restbreak'));
    assert.ok(analyze('former pupil').includes('expupil'));
  });

  it('corrects typos and text-speak against the policy\'s own words', () => {
    const q = analyzeQuery(lib.index('templemoor'), 'cn i folow a kid on fb');
    assert.deepEqual(q.corrections, [['folow', 'follow']]);
    assert.ok(q.terms.includes('friend') && q.terms.includes('pupil') && q.terms.includes('facebook'));
    assert.equal(editDistance('freind', 'friend'), 1);
  });

  it('does not "correct" real words into other words', () => {
    const q = analyzeQuery(lib.index('cadmus'), 'How do I book a supply teacher?');
    assert.deepEqual(q.corrections, []);
  });

  it('finds the clause for a paraphrase with synonyms and typos', () => {
    assert.equal(best('cadmus', 'am i alowed to go on facebok on the skool computers'), 'cadmus-3.1');
    assert.equal(best('cadmus', 'Can I befriend pupils on social media?'), 'cadmus-7.8');
    assert.equal(best('cadmus', 'Can I be mates with a child\'s mum on Instagram?'), 'cadmus-7.9');
  });

  it('answers nothing for questions the policy does not cover', () => {
    for (const q of ['How do I book a supply teacher?', 'What is the dress code?', 'When is the next INSET day?']) {
      assert.deepEqual(lib.search('cadmus', q), [], q);
    }
  });
});

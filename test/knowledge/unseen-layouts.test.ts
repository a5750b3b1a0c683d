// Ingest and matching details the second held-out round exposed: sentence-case headings, FAQ pairs,
// a parents' code's "I", short names, and ages against age limits.
import assert from 'node:assert/strict';
import { parsePolicy } from '../../knowledge/ingest/parse-policy.js';
import { shortNameOf } from '../../knowledge/ingest/short-name.js';
import { ageFit, readAges } from '../../knowledge/match/age-fit.js';

const CODE = `Hollybrook Primary School
Parents' Code of Conduct for Social Media

Photographs at school events
Parents are welcome to take photographs and short videos of their own child at school performances and sports day. Filming is not permitted during swimming lessons.

Frequently asked questions
Q: Can I share the school's Facebook posts on my own page?
A: Yes. You are welcome to share posts from the school's official page.
Q: Can I film the swimming gala?
A: No. Filming is not permitted at the pool.
`;

describe('unseen layouts', () => {
  const p = parsePolicy({ school: 'holly', source: 'holly.txt', text: CODE });

  it('reads a short sentence-case line over its paragraph as a heading', () => {
    const c = p.clauses.find((x) => x.text.startsWith('Parents are welcome'));
    assert.equal(c?.heading, 'Photographs at school events');
  });

  const faq = () => p.clauses.filter((x) => x.headingPath.includes('Frequently asked questions'));

  it('keeps each FAQ question with its answer, the question as heading and the answer deciding the effect', () => {
    assert.deepEqual(faq().map((c) => c.heading), ["Can I share the school's Facebook posts on my own page?", 'Can I film the swimming gala?']);
    assert.equal(faq()[0]!.text, "Can I share the school's Facebook posts on my own page? Yes. You are welcome to share posts from the school's official page.");
    assert.equal(faq()[0]!.parts![0]!.effect, 'permits');
    assert.equal(faq()[1]!.parts![0]!.effect, 'forbids');
  });

  it("reads a parents' code's 'I' as the parents it is written for", () => {
    assert.equal(faq().length, 2);
    for (const c of faq()) assert.deepEqual(c.binds, ['parents']);
  });

  it('gives a short name from a bracketed short form, never from a describing bracket', () => {
    assert.equal(shortNameOf('Stanton St Quintin Primary and Langley Fitzurse C of E Primary (LFSSQ Federation)'), 'LFSSQ Federation');
    assert.equal(shortNameOf('Ashgrove Community Primary School (Westbrook Borough model policy)'), 'Ashgrove Community Primary School');
    assert.equal(shortNameOf('Cadmus Family of Schools'), 'Cadmus Family of Schools');
  });

  it('reads ages from a question and fits them to a stated age limit', () => {
    assert.deepEqual(readAges("an ex pupil who is 20 now"), [20]);
    assert.deepEqual(readAges("she's 16, can i accept"), [16]);
    assert.deepEqual(readAges('can I use Year 6 photos'), []);
    assert.deepEqual(readAges('can I chat with ex pupils who are over 18'), [19]);
    assert.deepEqual(readAges('what about under 16s'), [15]);
    assert.equal(ageFit([20], 'Staff must not have contact with former pupils under the age of 18.'), -1);
    assert.equal(ageFit([20], 'Staff should be cautious about contact with former pupils aged 18 or over.'), 1);
    assert.equal(ageFit([16], 'must not add pupils (including ex-pupils unless over the age of 18)'), 1);
  });
});

import assert from 'node:assert/strict';
import { readIncident } from '../../../bot/report/read-incident.js';
import { loadPolicyLibrary, type PolicyLibrary } from '../../../knowledge/library.js';
import { SEED_POLICIES } from '../../seed-policies.js';

describe('readIncident', () => {
  let library: PolicyLibrary;
  before(async () => {
    library = await loadPolicyLibrary(SEED_POLICIES);
  });
  const cases: [string, Record<string, string>][] = [
    ['a parent has posted lies about me on Facebook', { poster: 'parent', about: 'me', category: 'defamatory' }],
    ['a child messaged me on Instagram', { poster: 'pupil', about: 'me', category: 'other' }],
    ["I've seen a Facebook thread where kids from school are being nasty to a child", { poster: 'pupil', about: 'pupil', category: 'abusive' }],
    ['A Year 6 pupil posted a TikTok mocking Mrs Jones', { poster: 'pupil', about: 'colleague', category: 'abusive' }],
    ['Someone posted racist insults on our class page', { poster: 'other', about: 'school', category: 'discriminatory' }],
    ['a former pupil is threatening to kill Mr Patel', { poster: 'ex-pupil', about: 'colleague', category: 'threatening' }],
    ['I saw a video that makes me worried about one of our kids', { category: 'child-at-risk' }],
    ['a colleague is sending a Year 5 girl private messages, I think it is grooming', { poster: 'staff', about: 'pupil', category: 'child-at-risk' }],
    ['a dad posted about the head teacher on the parents WhatsApp', { poster: 'parent', about: 'head', category: 'other' }],
    ['a parent has left abusive comments on our class facebook page', { poster: 'parent', about: 'school', category: 'abusive', platform: 'our class facebook page' }],
    ['A parent has posted in a facebook group calling me a useless lazy cow', { poster: 'parent', about: 'me', category: 'abusive' }],
    ["a year 11 has put a photo of a knife on his story with 'tomorrow at school' written on it", { poster: 'pupil', category: 'threatening' }],
    ["a boy showed me a pic of a girl in his class with her top off, it's going round everyone's snap", { poster: 'pupil', category: 'sexual' }],
    ['someone has put a pic of one of our girls undressed in a group chat', { category: 'sexual' }],
    ['a pupil told me that Mr Smith has been messaging a Year 9 girl on snapchat late at night', { poster: 'staff', about: 'pupil', category: 'other' }],
    ['a Year 8 boy showed me a post where a parent calls me a liar', { poster: 'parent', about: 'me', category: 'abusive' }],
    ["a girl in my class messaged me at 11pm saying she doesn't feel safe at home", { poster: 'pupil', category: 'child-at-risk' }],
    ['year 4 girl told me an older lad keeps snapchatting her asking for pics', { category: 'child-at-risk' }],
    ["a year 12 has posted 'cant do this anymore' on her story with a pic of a load of pills", { poster: 'pupil', category: 'child-at-risk' }],
    ["A parent has put a post on the village facebook group saying I shouted at her daughter and I'm not fit to teach", { poster: 'parent', category: 'abusive' }],
    ['a pupil sent me a worrying message on instagram last night', { poster: 'pupil', about: 'me', category: 'child-at-risk' }],
    ['one of the boarders showed me messages from a man she met online asking her to meet him in town', { category: 'child-at-risk' }],
    ['a girl messaged me saying things are really bad at home and her stepdad hurts her', { poster: 'pupil', category: 'child-at-risk' }],
    ["one of my y5s showed me messages from a 'friend' asking her to send pictures and keep it a secret", { poster: 'pupil', category: 'child-at-risk' }],
  ];
  for (const [text, want] of cases) {
    it(`reads "${text}"`, () => {
      const got = readIncident(library, text) as Record<string, string>;
      for (const [field, value] of Object.entries(want)) assert.equal(got[field], value, field);
    });
  }

  it('guesses nothing about people the message does not name', () => {
    const got = readIncident(library, "What should I do if I'm being cyberbullied?");
    assert.equal(got.poster, undefined);
    assert.equal(got.about, 'me');
    assert.equal(got.category, 'abusive');
  });
});

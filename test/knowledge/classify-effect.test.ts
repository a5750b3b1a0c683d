import assert from 'node:assert/strict';
import { readEffect, readListPolarity, readHeadingPolarity } from '../../knowledge/ingest/classify-effect.js';
import { splitParts } from '../../knowledge/ingest/split-parts.js';

describe('effect classification', () => {
  const cases: [string, string][] = [
    ['Staff must not post information which is confidential.', 'forbids'],
    ['Under no circumstances should staff share student pictures online.', 'forbids'],
    ['Staff may say that they work for the school.', 'permits'],
    ['Personal use of the internet is only permitted during lunchtimes or break times.', 'permits'],
    ['Adults must be cautious about following parents on social media.', 'discourages'],
    ['The school strongly advises against staff accepting invitations to friend pupils.', 'discourages'],
    ['Staff must report this to the head teacher.', 'requires'],
    ['Staff are advised to check their privacy settings.', 'requires'],
    ['The school has specifically blocked use of Facebook on its computers.', ''],
    ['I will not post photographs of other children.', 'forbids'],
  ];
  for (const [sentence, effect] of cases) {
    it(`reads "${sentence}" as ${effect || 'informative'}`, () => {
      assert.equal(readEffect(sentence)?.effect ?? '', effect);
    });
  }

  it('names whose permission is needed', () => {
    assert.deepEqual(readEffect('Approval must also be obtained from the Headteacher/Principal (or appropriate manager) to make an external organisation a friend of the site.'), { effect: 'permission', permissionFrom: 'the Headteacher/Principal' });
    assert.equal(readEffect('The use of the logo without written prior permission from the Head teacher.')?.permissionFrom, 'the Head teacher');
  });

  it('reads list polarity from lead-ins and short list titles only', () => {
    assert.equal(readListPolarity('The following are not considered acceptable in the federation:'), 'forbids');
    assert.equal(readHeadingPolarity("The Don'ts"), 'forbids');
    assert.equal(readHeadingPolarity("The Do's"), 'requires');
    assert.equal(readHeadingPolarity('Inappropriate posts about staff'), undefined);
  });

  it('gives each part of a mixed clause its own effect', () => {
    const parts = splitParts('Staff must not publish photographs of children without the written consent of parents / carers, identify by name any children featured in photographs, or allow information to be published.');
    assert.equal(parts[0]!.effect, 'permission');
    assert.equal(parts[1]!.effect, 'forbids');
    const mixed = splitParts('Staff may say that they work for the school but their online profile must not contain the school name.');
    assert.deepEqual(mixed.map((p) => p.effect), ['permits', 'forbids']);
  });
});

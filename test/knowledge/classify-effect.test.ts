import assert from 'node:assert/strict';
import { readEffect, readListPolarity, readHeadingPolarity } from '../../knowledge/ingest/classify-effect.js';
import { splitParts } from '../../knowledge/ingest/split-parts.js';
import { parsePolicy } from '../../knowledge/ingest/parse-policy.js';

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
    ['Housemasters are asked not to accept friend requests from the parents of boarders.', 'forbids'],
    ['Staff are expected not to discuss pupils online.', 'forbids'],
    ['We ask staff not to accept friend requests from pupils.', 'forbids'],
    ['Staff are asked to report any concerns to the DSL.', 'requires'],
    ['All staff are asked to avoid posting content which mocks any religion.', 'discourages'],
    ['Pupils are asked about their views.', ''],
    ['Staff do not have to accept invitations to join parents\' groups.', 'permits'],
    ['Staff are not expected to share the Catholic faith.', 'permits'],
    ['The school does not expect anyone to end a friendship because a child has started here.', 'permits'],
    ['We advise you not to connect with former pupils who left in the last two years.', 'discourages'],
    ['If you knew the family before the pupil joined, please talk to the DSL before you connect with the pupil.', 'permission'],
    ["Results-day posts about individual students are made only by the Marketing Team, and only with the student's written agreement.", 'forbids'],
    ['Photographs are taken only by staff, on school devices.', ''],
    ["I'd rather you didn't accept new friend requests from parents you have met only through school.", 'discourages'],
    ['We would prefer it if staff did not use nicknames online.', 'discourages'],
    ['The exceptions are the site supervisor, who may need to be contactable, and any member of staff the Headteacher has agreed may keep a phone with them.', 'permission'],
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
    assert.equal(readListPolarity('Please:'), 'requires');
    assert.equal(readListPolarity("Please don't:"), 'forbids');
  });

  it('keeps an exception whose subject runs past "and" with its rule ("except that deadlines and reminders may be sent…")', () => {
    const parts = splitParts('Outside those hours staff should not message students, except that coursework deadlines and revision reminders may be scheduled to send within those hours.');
    assert.equal(parts.length, 1);
    assert.equal(parts[0]!.effect, 'forbids');
    assert.match(parts[0]!.exception ?? '', /revision reminders may be scheduled/);
  });

  it("carries a list's polarity to an item's first sentence, not to a later one that gives its own leave", () => {
    const parts = splitParts('send messages to families from the class mobile outside school hours. On residential trips, the trip leader may reply to parents at any time.', 'forbids');
    assert.deepEqual(parts.map((p) => p.effect), ['forbids', 'permits']);
    const plain = splitParts('post photographs of pupils. This includes photographs where faces are hidden.', 'forbids');
    assert.deepEqual(plain.map((p) => p.effect), ['forbids', 'forbids']);
  });

  it('reads a proviso as a condition on what is allowed, a permission in "without talking to X first", and a command after its condition', () => {
    assert.equal(readEffect("You are welcome to share posts from the school's page, as long as you do not add comments about children.")?.effect, 'permits');
    assert.equal(readEffect('Staff may post photos provided that they have the written consent of the Headteacher.')?.effect, 'permission');
    assert.equal(readEffect('Staff must not post photos of pupils, as long as the photos are on their own phone.')?.effect, 'forbids');
    assert.deepEqual(readEffect("Please don't set up a page for your class without talking to Mrs Hargreaves first."), { effect: 'permission', permissionFrom: 'Mrs Hargreaves' });
    assert.equal(readEffect('Before any photo goes on the website, the Facebook page or the newsletter, check it against the photo list.')?.effect, 'requires');
    assert.equal(readEffect('If a parent complains, the head will look into it with them.'), undefined);
    assert.equal(readEffect('Social networks are not the appropriate forum for raising such matters.')?.effect, 'forbids');
    assert.deepEqual(readEffect('Where no school phone is available, the trip leader may authorise the use of a personal phone.'), { effect: 'permission', permissionFrom: 'the trip leader' });
    assert.deepEqual(splitParts('Staff must not be friends with, follow, or message any former pupil who is under 18.').map((p) => p.effect), ['forbids', 'forbids', 'forbids']);
  });

  it('reads the verdict of a graded code\'s headings (traffic lights), and nothing from a heading that only names a topic', () => {
    assert.equal(readHeadingPolarity('4. RED: never'), 'forbids');
    assert.equal(readHeadingPolarity('Amber – only with approval'), 'permission');
    assert.equal(readHeadingPolarity('AMBER: needs permission first'), 'permission');
    assert.equal(readHeadingPolarity('6. GREEN: fine'), 'permits');
    assert.equal(readHeadingPolarity('Section 5: Acceptable use of social media'), undefined);
    assert.equal(readHeadingPolarity('Appendix A: Amber approval request'), undefined);
    assert.equal(readHeadingPolarity('Photographs - what parents need to know'), undefined);
  });

  it('gives each row of a table under such a heading that heading\'s verdict', () => {
    const policy = parsePolicy({ school: 'graded', source: 'graded.md', text: '# Staff code\n\n## RED: never\n\n| Code | Rule |\n|---|---|\n| R1 | Send a friend request to a pupil. |\n\n## GREEN: fine\n\n| Code | Rule |\n|---|---|\n| G1 | Share posts from the school\'s official page. |\n' });
    const byRef = new Map(policy.clauses.map((c) => [c.ref, c.effect]));
    assert.equal(byRef.get('R1'), 'forbids');
    assert.equal(byRef.get('G1'), 'permits');
  });

  it('keeps a clause of time with its rule, and splits off a second rule after "and where…"', () => {
    const one = splitParts('Phones must be kept out of sight during lessons and whenever staff are supervising pupils, including on trips.');
    assert.equal(one.length, 1, one.map((p) => p.text).join(' | '));
    const two = splitParts('Staff should avoid becoming friends with parents online, and where they are already friends they should not discuss school matters.');
    assert.deepEqual(two.map((p) => p.effect), ['discourages', 'forbids']);
  });

  it('gives each part of a mixed clause its own effect', () => {
    const parts = splitParts('Staff must not publish photographs of children without the written consent of parents / carers, identify by name any children featured in photographs, or allow information to be published.');
    assert.equal(parts[0]!.effect, 'permission');
    assert.equal(parts[1]!.effect, 'forbids');
    const mixed = splitParts('Staff may say that they work for the school but their online profile must not contain the school name.');
    assert.deepEqual(mixed.map((p) => p.effect), ['permits', 'forbids']);
  });

  it('reads an FAQ answer marker ("A.") with what it marks, and a bare "Yes." with its question', () => {
    const marked = splitParts('My nephew is a pupil here. Are we allowed to be in touch online? A. Family ties are understood, but please tell the Head about the relationship.');
    assert.ok(marked.every((p) => p.text !== 'A.'), marked.map((p) => p.text).join(' | '));
    assert.ok(marked.some((p) => p.text.startsWith('A. Family') && p.effect === 'informs'));
    const bare = splitParts('May I say on my own social media that I work here? A. Yes.');
    assert.deepEqual(bare.map((p) => [p.text, p.effect]), [['May I say on my own social media that I work here? A. Yes.', 'permits']]);
  });
});

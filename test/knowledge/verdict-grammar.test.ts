import assert from 'node:assert/strict';
import { parsePolicy } from '../../knowledge/ingest/parse-policy.js';
import { createPolicyLibrary } from '../../knowledge/library.js';

// A policy written for these tests (no school's text): each rule in a wording the verdict must read.
const text = `# Probe School Social Media Policy

## 1. Personal accounts

1.1 Staff should not accept friend requests from parents unless the Principal has agreed.

1.2 Only staff approved by the Headteacher may run a class Instagram account.

1.3 No filming of pupils on personal phones.

1.4 Staff may follow the school's official accounts from their personal accounts.

1.5 Staff must not contact pupils through personal social media, except where the pupil is a member of their own family.

1.6 The following are not acceptable:

- befriending pupils on social media [unless properly authorised];
- posting comments about colleagues.

1.7 All enquiries from journalists must be passed to the Headteacher.

1.8 Staff may use the staff WhatsApp group for arrangements such as cover and rotas, not for discussing pupils.

1.9 Staff must not phone or text pupils from a personal mobile. The only exceptions are:
(a) where the pupil is a member of the staff member's own family; or
(b) where the headteacher has given written approval in advance, such as for a residential trip.

1.10 Staff may use their own phones during breaks.

1.11 Staff may use the school's AI assistant to plan lessons.

1.12 Volunteers on school trips must not take photographs of pupils, other than their own child.

1.13 Where you were friends with a parent before their child joined the school, you do not have to end the friendship.

1.14 You may accept a request from a former pupil only if they are 18 or over.

1.15 Situation: a current student, of any age, wants to connect online. What you must do: do not accept it.

1.16 References for pupils must be written through the school references system, not on LinkedIn.

1.17 Parents may film their own children at school concerts and plays.

1.18 On trips, photographs must be taken on the school iPad.

1.21 Staff may message parents through the school app between 8am and 6pm on weekdays. Outside those hours staff should not message parents, except that urgent safety messages and trip updates may be sent at any time.

1.22 Staff should send messages to parents only between 8am and 6pm.

1.23 Staff may join a class WhatsApp group as a parent of their own child.

1.20 Staff should not accept new friend requests from parents of pupils.

1.19 Staff must limit their use of personal devices to their rest breaks (such as lunch) whilst following this policy.

## 2. Questions

### Can I post photos from the school trip on my own Facebook?

No. Photos of pupils may only be posted on the school's official accounts.

### Do I have to tell anyone if a parent is already my friend online?

Yes. Tell the head teacher so that a note can be kept.

### May I say on my own social media that I work here?

A. Yes.
`;

describe('verdicts read from the grammar of the deciding sentence', () => {
  const library = createPolicyLibrary([parsePolicy({ school: 'probe', source: 'probe.md', text })]);
  const verdict = (q: string) => library.match('probe', q).hits[0]?.verdict;
  const cases: [string, string][] = [
    ['can I accept a friend request from a parent', 'permission'],
    ['can I run a class instagram account', 'permission'],
    ['who runs the class instagram account', 'info'],
    ['who do i ask to run a class instagram account', 'permission'],
    ['can i film the kids on my phone', 'no'],
    ['can I follow the school twitter on my own account', 'yes'],
    ['can I message my nephew on facebook, he is a pupil', 'yes'],
    ['can i befriend pupils on social media', 'no'],
    ['can i post trip photos on my facebook', 'no'],
    ['do i have to tell anyone if im already friends with a parent', 'must'],
    ['can I say on my instagram that I work here', 'yes'],
    ['who do I tell if a parent is already my friend online', 'must'],
    ['can I talk to a reporter from the local paper about the school', 'no'],
    ['what do I do if a journalist rings me', 'must'],
    ['can i discuss a pupil in the staff whatsapp group', 'no'],
    ['can i use the staff whatsapp group to sort out cover', 'yes'],
    ['what should i do if a pupil wants to be friends on social media', 'must'],
  ];
  for (const [q, want] of cases) it(`"${q}" → ${want}`, () => assert.equal(verdict(q), want));

  it('weighs each item of an exceptions list after a rule on its own', () => {
    const on19 = (q: string) => library.match('probe', q, { clauseId: 'probe-1.9' }).hits[0]?.verdict;
    assert.equal(on19('can i text my niece from my mobile, she is a pupil here'), 'yes');
    assert.equal(on19('can i text the pupils on the residential trip from my mobile if the head says ok'), 'permission');
    assert.equal(on19('can i text pupils from my mobile'), 'no');
  });

  it('reads a time from a preposition before it: "during breaks" limits, "plan lessons" names a thing', () => {
    const on = (id: string, q: string) => library.match('probe', q, { clauseId: id }).hits[0]?.verdict;
    assert.equal(on('probe-1.10', 'can i use my phone in lessons'), 'no');
    assert.notEqual(on('probe-1.11', 'can i use the school AI assistant to write the trip letter'), 'no');
  });

  it('reads "limit … to rest breaks" as a limit, and a question giving another time ("while…", "during…") as outside it', () => {
    const on = (q: string) => library.match('probe', q, { clauseId: 'probe-1.19' }).hits[0]?.verdict;
    assert.equal(on('can i go on insta on my phone while the class are doing a test'), 'no');
    assert.equal(on('can i go on insta on my phone during my lunch break'), 'yes');
  });

  it('weighs a time the question gives against the hours a rule allows', () => {
    const on = (id: string, q: string) => library.match('probe', q, { clauseId: id }).hits[0]?.verdict;
    assert.equal(on('probe-1.21', 'can i message a parent on the app at 5pm'), 'yes');
    assert.equal(on('probe-1.21', 'can i message a parent on the app at 11pm'), 'no');
    assert.equal(on('probe-1.22', 'ok to send replies to parents sunday night once my kids are in bed?'), 'no');
  });

  it('gives the yes of a permission "as a parent" only to one who asks as a parent', () => {
    const on = (q: string) => library.match('probe', q, { clauseId: 'probe-1.23' }).hits[0]?.verdict;
    assert.notEqual(on('am i allowed to whatsapp a pupil about their homework'), 'yes');
    assert.equal(on('can i be in my sons class whatsapp group'), 'yes');
  });

  it('reads a rule on new friend requests as not reaching a friendship that began before', () => {
    const on = (q: string) => library.match('probe', q, { clauseId: 'probe-1.20' }).hits[0]?.verdict;
    assert.equal(on("been fb friends with one of the dads since we were at school together, do I have to unfriend him"), 'yes');
    assert.equal(on("i've been friends with a mum for years, is that a problem now her son is here"), 'yes');
    assert.equal(on('a mum from my class sent me a friend request, can I accept it'), 'no');
  });

  it('weighs only what sets a condition apart from its rule, and a conditional permission only for a question that meets it', () => {
    const on = (id: string, q: string) => library.match('probe', q, { clauseId: id }).hits[0]?.verdict;
    assert.equal(on('probe-1.12', "i'm a volunteer on the trip, can i take pics of the kids on my phone"), 'no');
    assert.equal(on('probe-1.12', "i'm a volunteer on the trip, can i take a photo of my own child"), 'yes');
    assert.notEqual(on('probe-1.13', 'can I accept a friend request from a pupil'), 'yes');
    assert.equal(on('probe-1.13', 'I was friends with a mum before her son joined the school, can we stay friends'), 'yes');
  });

  it('answers from the rule of a short clause (a table row) even when the question shares its words only with the situation', () => {
    assert.equal(library.match('probe', 'a student in my form wants to connect on instagram, is that fine?', { clauseId: 'probe-1.15' }).hits[0]?.verdict, 'no');
  });

  it('reads what a duty excludes ("…through the references system, not on LinkedIn")', () => {
    const on = (q: string) => library.match('probe', q, { clauseId: 'probe-1.16' }).hits[0]?.verdict;
    assert.equal(on('can i write a pupil a recommendation on linkedin'), 'no');
    assert.equal(on('can i write a reference for a pupil through the references system'), 'must');
  });

  it('reads a member of staff asking about their own child as a parent', () => {
    const on = (q: string) => library.match('probe', q, { clauseId: 'probe-1.17' }).hits[0]?.verdict;
    assert.equal(on('am i allowed to film my daughter in the school play'), 'yes');
    assert.notEqual(on('can i film the children in the school play'), 'yes');
  });

  it('lets a permission for someone else give way to a close runner-up that decides the question', () => {
    const m = library.match('probe', 'can i film the school play on my phone');
    assert.notEqual(m.hits[0]?.clause.ref, '1.17', 'parents may film: no answer for staff');
    assert.equal(m.hits[0]?.verdict, 'no');
    // With no close rule for staff, the permission for parents is at most the closest the policy comes.
    assert.notEqual(library.match('probe', 'can i film the school concert').hits[0]?.verdict, 'yes');
  });

  it('reads whose thing the asker would use ("if the school ipad dies can i use my phone")', () => {
    assert.equal(library.match('probe', 'on the trip if the school ipad dies can i just use my phone for pics', { clauseId: 'probe-1.18' }).hits[0]?.verdict, 'no');
  });

  it('reads accepting a request apart from sending one', () => {
    const on = (q: string) => library.match('probe', q, { clauseId: 'probe-1.14' }).hits[0]?.verdict;
    assert.equal(on('a former pupil who is 20 sent me a request on instagram, can I accept it'), 'yes');
    assert.notEqual(on('can I add a former pupil on instagram, he is 20'), 'yes');
  });

  it('gives no yes from a permitting sentence that meets little of the question', () => {
    const hits = library.match('probe', 'can I livestream the u11 netball final on my insta for the parents who could not come').hits;
    assert.ok(hits.length > 0);
    assert.deepEqual(hits.filter((h) => h.verdict === 'yes').map((h) => h.clause.ref), []);
  });
});

import assert from 'node:assert/strict';
import type { PosterKind, ReportFields } from '../../../bot/escalations/model.js';
import type { Party } from '../../../knowledge/types.js';
import { findGuidance, guidanceBlocks } from '../../../bot/report/guidance.js';
import { readFile } from 'node:fs/promises';
import { fitsPoster as fitsPosterOf, guidanceTopics } from '../../../bot/report/guidance-topics.js';
import { allText, makeHarness, policies } from '../harness.js';
import { parsePolicy } from '../../../knowledge/ingest/parse-policy.js';
import { createPolicyLibrary } from '../../../knowledge/library.js';

interface Case {
  name: string;
  school: string;
  fields: Partial<ReportFields>;
  /** Clause ids that must be quoted. */
  has: string[];
  /** Clause ids that must not be quoted. */
  hasNot: string[];
  /** Words the silence sentence must carry, or null when nothing key is missing. */
  silent?: RegExp | null;
}

const lfssq = (n: number) => `lfssq-inappropriate-use-of-social-networking-sites-by--${n}`;

const cases: Case[] = [
  {
    name: "Templemoor: a parent's abusive post → keep records, report trolling to the Head, ask the parent to remove it",
    school: 'templemoor', fields: { poster: 'parent', about: 'me', category: 'abusive' },
    has: ['templemoor-cyberbullying-and-trolling-2', 'templemoor-cyberbullying-and-trolling-4', 'templemoor-parents-carers-3'],
    hasNot: ['templemoor-the-prevent-duty-6', 'templemoor-key-principles-4', 'templemoor-access-to-inappropriate-images-1'],
  },
  {
    name: "Cadmus: a pupil's post about staff → 5.1 school discipline, no LADO",
    school: 'cadmus', fields: { poster: 'pupil', about: 'colleague', category: 'abusive' },
    has: ['cadmus-5.1'], hasNot: ['cadmus-10.1', 'cadmus-18.6'], silent: null,
  },
  {
    name: "Cadmus: a parent's abusive post about me → 5.2 removal and 5.3 police, never 10.1 (LADO) nor 5.1",
    school: 'cadmus', fields: { poster: 'parent', about: 'me', category: 'abusive' },
    has: ['cadmus-5.2', 'cadmus-5.3'], hasNot: ['cadmus-10.1', 'cadmus-5.1', 'cadmus-15.3'], silent: null,
  },
  {
    name: 'Cadmus: a member of staff whose post puts a child at risk → 10.1 (LADO) and 15.3',
    school: 'cadmus', fields: { poster: 'staff', about: 'pupil', category: 'child-at-risk' },
    has: ['cadmus-10.1', 'cadmus-15.3'], hasNot: ['cadmus-5.1', 'cadmus-5.2'],
  },
  {
    name: "Cadmus: a pupil's sexual content → 15.3 (tell the appropriate authorities) and 18.6 (CEOP), no LADO",
    school: 'cadmus', fields: { poster: 'pupil', about: 'pupil', category: 'sexual' },
    has: ['cadmus-15.3', 'cadmus-18.6'], hasNot: ['cadmus-10.1', 'cadmus-5.1', 'cadmus-5.2'], silent: null,
  },
  {
    name: 'Cadmus: racist abuse by someone else → 18.6 (police or CEOP for illegal content) and 5.2',
    school: 'cadmus', fields: { poster: 'other', about: 'colleague', category: 'discriminatory' },
    has: ['cadmus-18.6', 'cadmus-5.2'], hasNot: ['cadmus-10.1', 'cadmus-5.1'],
  },
  {
    name: 'Cadmus: extremism → silent on Prevent, said plainly',
    school: 'cadmus', fields: { poster: 'unknown', about: 'pupil', category: 'extremism' },
    has: [], hasNot: ['cadmus-10.1'], silent: /Cadmus Family of Schools' policy says nothing about reporting extremism or radicalisation \(Prevent\); the designated safeguarding lead and the head teacher will advise/,
  },
  {
    name: "LFSSQ: a parent's post → removal and meeting, legal advice, police, blocking",
    school: 'lfssq', fields: { poster: 'parent', about: 'colleague', category: 'abusive' },
    has: [lfssq(14), lfssq(15), lfssq(17)], hasNot: ['lfssq-safeguarding-statement-1', lfssq(18)], silent: null,
  },
  {
    name: "LFSSQ: a parent's post on the school's forum → also blocking them from it (a clause for the school's own forum)",
    school: 'lfssq', fields: { poster: 'parent', about: 'colleague', category: 'abusive', platform: 'the school forum' },
    has: [lfssq(14), lfssq(18)], hasNot: ['lfssq-safeguarding-statement-1'], silent: null,
  },
  {
    name: "LFSSQ: a parent's defamatory post about the school → the policy's own rule for parents first, then removal, legal advice",
    school: 'lfssq', fields: { poster: 'parent', about: 'school', category: 'defamatory' },
    has: [lfssq(12), lfssq(14), lfssq(15)], hasNot: ['lfssq-safeguarding-statement-1'],
  },
  {
    name: "LFSSQ: a pupil's post → not the parents' procedure",
    school: 'lfssq', fields: { poster: 'pupil', about: 'colleague', category: 'abusive' },
    has: [], hasNot: [lfssq(14), lfssq(16), lfssq(18)], silent: /says nothing about what happens when pupils post about staff/,
  },
  {
    name: 'LFSSQ: extremism → the Designated Safeguarding Leads (Prevent and Channel)',
    school: 'lfssq', fields: { poster: 'unknown', about: 'pupil', category: 'extremism' },
    has: ['lfssq-safeguarding-statement-1'], hasNot: [lfssq(14)],
  },
  {
    name: "Learn to Live: a pupil's messages → the designated safeguarding officer",
    school: 'learn-to-live', fields: { poster: 'pupil', about: 'me', category: 'abusive' },
    has: ['learn-to-live-1-2'], hasNot: ['learn-to-live-2-7'],
  },
  {
    name: 'Learn to Live: a child at risk → the designated safeguarding officer, inappropriate communications involving a child',
    school: 'learn-to-live', fields: { poster: 'unknown', about: 'pupil', category: 'child-at-risk' },
    has: ['learn-to-live-1-2', 'learn-to-live-1-3'], hasNot: [], silent: null,
  },
  {
    name: "Learn to Live: abuse on the school's own page → removed and reported to SLT",
    school: 'learn-to-live', fields: { poster: 'parent', about: 'me', category: 'abusive', platform: 'the school Facebook page' },
    has: ['learn-to-live-2-7'], hasNot: [],
  },
  {
    name: "Hardmoor: a parent's comments → report to the line manager; silent on removal",
    school: 'hardmoor', fields: { poster: 'parent', about: 'me', category: 'abusive' },
    has: ['hardmoor-2.3-3'], hasNot: ['hardmoor-2.3-4', 'hardmoor-2.2-8'], silent: /Hardmoor Nursery & Early Years Centre's policy says nothing about asking for the post to be removed; the head teacher will advise\./,
  },
  {
    name: "Hardmoor: a pupil's threatening comments about staff → report to the head teacher",
    school: 'hardmoor', fields: { poster: 'pupil', about: 'colleague', category: 'threatening' },
    has: ['hardmoor-2.3-4'], hasNot: [],
  },
  {
    name: 'Templemoor: a member of staff harming a child → referral to the Local Authority, not the parents clause',
    school: 'templemoor', fields: { poster: 'staff', about: 'pupil', category: 'child-at-risk' },
    has: ['templemoor-key-principles-4'], hasNot: ['templemoor-parents-carers-3', 'templemoor-cyberbullying-and-trolling-4'],
  },
  {
    name: 'Templemoor: extremism → head teacher and DSL at once',
    school: 'templemoor', fields: { poster: 'unknown', about: 'pupil', category: 'extremism' },
    has: ['templemoor-the-prevent-duty-6'], hasNot: ['templemoor-cyberbullying-and-trolling-2'], silent: null,
  },
  {
    name: "Templemoor: a pupil's abusive post about another pupil → the policy's link to its anti-bullying and behaviour policies",
    school: 'templemoor', fields: { poster: 'pupil', about: 'pupil', category: 'abusive' },
    has: ['templemoor-links-to-other-policies-2'], hasNot: ['templemoor-parents-carers-3', 'templemoor-cyberbullying-and-trolling-4'], silent: null,
  },
  {
    name: "Learn to Live: pupils being nasty to another pupil → inappropriate communications involving a child, not messages from children to staff",
    school: 'learn-to-live', fields: { poster: 'pupil', about: 'pupil', category: 'abusive' },
    has: ['learn-to-live-1-3'], hasNot: ['learn-to-live-1-2'],
  },
  {
    name: "Cadmus: a pupil's post bullying another pupil → silent on it, said plainly, DSL advises; not the staff bullying rule nor 5.1",
    school: 'cadmus', fields: { poster: 'pupil', about: 'pupil', category: 'abusive' },
    has: [], hasNot: ['cadmus-4.6', 'cadmus-5.1', 'cadmus-9.1'],
    silent: /Cadmus Family of Schools' policy says nothing about bullying or abuse between pupils \(the anti-bullying and behaviour policies\); the designated safeguarding lead and the head teacher will advise/,
  },
  {
    name: "LFSSQ: a pupil's post about another pupil → not the Staff Behaviour Policy clause",
    school: 'lfssq', fields: { poster: 'pupil', about: 'pupil', category: 'abusive' },
    has: [], hasNot: ['lfssq-introduction-3'], silent: /says nothing about bullying or abuse between pupils/,
  },
];

describe('report guidance', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const g = findGuidance(await policies(), c.school, c.fields);
      const ids = g.items.map((i) => i.citation.clauseId);
      for (const id of c.has) assert.ok(ids.includes(id), `${id} should be quoted; got ${ids.join(', ') || 'nothing'}`);
      for (const id of c.hasNot) assert.ok(!ids.includes(id), `${id} should not be quoted; got ${ids.join(', ')}`);
      const text = guidanceBlocks(g).map((b) => ('text' in b ? b.text : '')).join('\n');
      if (c.silent === null) assert.deepEqual(g.silent, []);
      else if (c.silent) assert.match(text, c.silent);
    });
  }

  it("quotes a policy's rule for threats first for a threatening post, whoever posted it", () => {
    const text = '# Probe policy\n\n## If a pupil or parent posts something abusive\n\nIf you see a post by a pupil or a parent that is abusive, threatening or defamatory about you, screenshot it and tell your line manager.\n\nIf a post contains a threat to anyone\'s safety, tell the Deputy Head straight away, and if someone is in immediate danger, call 999 first.\n';
    const lib = createPolicyLibrary([parsePolicy({ school: 'probe', source: 'probe.md', text })]);
    const g = findGuidance(lib, 'probe', { poster: 'pupil', category: 'threatening' });
    assert.match(g.items[0]?.text ?? '', /threat to anyone's safety/, g.items.map((i) => i.text).join(' / '));
  });

  it("quotes first what never to do with a sexual image of a child, then whom to tell", () => {
    const text = '# Probe policy\n\n## Worrying content\n\nAny concern that a child may be at risk must be reported to the Designated Safeguarding Lead the same day.\n\nStaff must never view, copy, save, screenshot or forward a nude or semi-nude image of a child, even to report it.\n';
    const lib = createPolicyLibrary([parsePolicy({ school: 'probe', source: 'probe.md', text })]);
    const g = findGuidance(lib, 'probe', { poster: 'pupil', about: 'pupil', category: 'sexual' });
    assert.match(g.items[0]?.text ?? '', /never view, copy/, g.items.map((i) => i.text).join(' / '));
  });

  it("never quotes a LADO clause for a parent's, pupil's or stranger's abusive post, at any school", async () => {
    const library = await policies();
    for (const school of library.schools()) {
      for (const poster of ['parent', 'pupil', 'other', 'unknown', 'ex-pupil'] as const) {
        for (const about of ['me', 'colleague', 'pupil'] as const) {
          const g = findGuidance(library, school.id, { poster, about, category: 'abusive' });
          assert.deepEqual(g.items.filter((i) => /LADO|Designated Officer/.test(i.text)).map((i) => i.citation.clauseId), [], `${school.id} ${poster} ${about}`);
          assert.deepEqual(g.items.filter((i) => i.topic === 'staff-allegation'), []);
        }
      }
    }
  });

  it('never suggests keeping a copy of sexual content', async () => {
    const library = await policies();
    for (const school of library.schools()) {
      const g = findGuidance(library, school.id, { poster: 'pupil', about: 'pupil', category: 'sexual' });
      assert.deepEqual(g.items.filter((i) => /screen ?prints?|keep records/i.test(i.text)).map((i) => i.citation.clauseId), [], school.id);
    }
  });

  it('says something for every school on a parent\'s abusive post: a clause, or plain silence', async () => {
    const library = await policies();
    for (const school of library.schools()) {
      const g = findGuidance(library, school.id, { poster: 'parent', about: 'me', category: 'abusive' });
      assert.ok(g.items.length + g.silent.length > 0, school.id);
    }
  });

  it("shows the confirmation of a parent's abusive post at Cadmus with 5.2 and 5.3 and without 10.1", async () => {
    const h = await makeHarness({ school: 'cadmus' });
    const { response, ref } = await h.report('ann', { poster: 'parent', about: 'me', category: 'abusive' });
    const text = allText(response);
    assert.match(text, /Cadmus Family of Schools 5\.2\)/);
    assert.match(text, /Cadmus Family of Schools 5\.3\)/);
    assert.doesNotMatch(text, /10\.1|LADO/);
    assert.deepEqual((await h.store.getEscalation(ref))!.guidance.map((g) => g.citation.clauseId), ['cadmus-5.2', 'cadmus-5.3']);
  });

  it('has a pupil-on-pupil topic only for a pupil\'s conduct towards a pupil, in generic words (no school text or clause id)', async () => {
    const topic = guidanceTopics.find((t) => t.id === 'pupil-on-pupil')!;
    assert.ok(topic, 'the topic exists');
    assert.equal(topic.applies({ poster: 'pupil', about: 'pupil', category: 'abusive' }), true);
    assert.equal(topic.applies({ poster: 'pupil', about: 'pupil', category: 'threatening' }), true);
    assert.equal(topic.applies({ poster: 'pupil', about: 'colleague', category: 'abusive' }), false);
    assert.equal(topic.applies({ poster: 'parent', about: 'pupil', category: 'abusive' }), false);
    // A child at risk or sexual content goes to the safeguarding topics instead.
    assert.equal(topic.applies({ poster: 'pupil', about: 'pupil', category: 'sexual' }), false);
    const source = await readFile(new URL('../../../bot/report/guidance-topics.ts', import.meta.url), 'utf8');
    const library = await policies();
    for (const school of library.schools()) {
      assert.doesNotMatch(source, new RegExp(`\\b${school.id}-`), `no ${school.id} clause id`);
      assert.ok(!source.includes(library.policy(school.id)!.school.name), `no ${school.id} school name`);
    }
  });

  it('reads which posters a clause names, by the vocabulary\'s concepts', async () => {
    const library = await policies();
    const fitsPoster = (text: string, binds: Party[], poster: PosterKind) => fitsPosterOf(new Set(library.concepts(text).mentions.map((m) => m.concept)), binds, poster);
    assert.equal(fitsPoster('Where pupils post inappropriate material about staff', ['pupils'], 'parent'), false);
    assert.equal(fitsPoster('Where pupils, parents or others post inappropriate material', ['parents'], 'parent'), true);
    assert.equal(fitsPoster('Where pupils, parents or others post inappropriate material', ['parents'], 'ex-pupil'), true);
    assert.equal(fitsPoster('the school will ask the parent/carer to remove the post', ['parents'], 'other'), false);
    assert.equal(fitsPoster('Set out the concerns in writing and request removal', ['parents'], 'pupil'), false);
    assert.equal(fitsPoster('Adults must report all incidents of trolling to the Head teacher', ['staff'], 'parent'), true);
  });
});

import assert from 'node:assert/strict';
import { readQuestion } from '../../knowledge/match/read-question.js';
import { readTerms } from '../../knowledge/language/terms.js';

// Telling versus asking, read from the grammar of the message: a story that ends by asking what I
// may or must do is a question; something happening that the asker needs help with is a report.
describe('reading a message as a question or a report', () => {
  const intent = (text: string) => readQuestion(text, readTerms(text)).intent;
  const asks = [
    "Hi, quick one. A girl who left this summer is already 18. She's asked to follow me on Instagram. Is that OK now she's an adult?",
    "I've known one of the yr 8 lads since he was tiny. He's added me on snap. Is that allowed or not",
    'the yr 11s asked me to make a snapchat group so i can send them past papers. thats fine isnt it since its educational',
    "my goddaughter is starting in Year 3, we're connected on FB through her mum. anything I need to do?",
    'a dad sent me a follow request on insta after pick up today. accept or not?',
    "One of the families has asked if I can babysit on Saturday night. Am I allowed? I'd love the extra money tbh",
    'a parent has shared a photo from the app on her facebook and my key child is in it. whose job is it to sort that',
    'girl who withdrew from her course keeps adding me on snap. shes 17. just ignore?',
    "a boy who left us is 16 now. he's asked to follow me on insta, any harm in it?",
    "I'm in a local mums group because of my own son. Someone just posted asking about the school - can I answer her, I'd only be saying nice things",
    'want to set up a yr 11 revision whatsapp group for my set before mocks - fine if the parents ok it?',
    "one of my yr 13s turned 18 and added me on insta, she's leaving in june anyway so is it ok to accept?",
    "former pupil is 19 now, her little brother's in my class. she's asked to be fb friends - allowed?",
    'my own son is in y6 here - can i stay in the y6 class whatsapp? parents keep asking me about SATs dates lol',
    "someone's put a kid's name in the staff whatsapp saying he kicked off and smashed a window. is that actually allowed??",
    'one of my yr 4s has requested to follow me on tiktok (!!) what do i do, just ignore it?',
    'whose job is it to delete nasty comments on our class page?',
    'whats the deal with using my gmail to email a parent about the trip money? my school account keeps logging me out',
    "my mate at another school slags off SLT on twitter all the time. can i post that the principal's new behaviour policy is rubbish?",
    "someone in the parish fb group is asking if it's true a child was hurt on the climbing frame. can i just reply to reassure everyone it was minor?",
    'new trainee here - is it weird / allowed to add other teachers on insta? my HoD followed me yesterday',
    'ex pupil from 2021, 19 now, followed me on insta. her little brother is in my form. follow back or not?',
    "one of my yr 11 tutees added me on xbox, we'd just be playing fifa online, harmless surely? he's 16 next month anyway",
    'new deputy head has added me on fb. would it be weird to accept, is there any rule on staff being friends online',
  ];
  // Words that are signs of harm in a report must not turn an ordinary question into one.
  for (const text of [
    'can I shoot a video of my class for the school website?',
    "a parent is asking to meet me about her son's reading, can I arrange it on whatsapp?",
    'I met my partner online, can I post about our wedding?',
    "I don't feel safe with parents seeing my profile, can I make it private?",
  ]) it(`asks, naming no harm: "${text.slice(0, 60)}…"`, () => assert.equal(intent(text), 'ask'));
  const reports = [
    'a parent has posted lies about me on Facebook, can I reply?',
    "I'm worried about a colleague who seems to be DMing a year 9 boy on instagram",
    "A Y8 boy just showed me a pic of a girl in his class with her top off, it's going round everyone's snap. What do I do with it?",
    "one of our yr 9s has just posted a tiktok with a pic of a knife saying 'someone getting wet tmrw'. what do i do, its 9pm",
    "a parent has put a video on tiktok of our headteacher with a caption saying he's going to 'sort her out'. who do I report it to?",
  ];
  for (const text of asks) it(`asks: "${text.slice(0, 60)}…"`, () => assert.equal(intent(text), 'ask'));
  for (const text of reports) it(`reports: "${text.slice(0, 60)}…"`, () => assert.equal(intent(text), 'report'));

  it('reads "would that be ok" as asking what I may do, not a question of fact', () => {
    const text = 'a mum asked if I could film her daughter on my phone and send it to her. would that be ok just this once?';
    const r = readQuestion(text, readTerms(text));
    assert.equal(r.consequence, undefined);
    assert.equal(r.intent, 'ask');
  });

  // "do" after a subject is the verb ("do that"), and an adverb may stand before "ok": both ask what I may do.
  for (const text of ['can i just set it up and do that from my phone?', 'we have always been friends online. is that still ok now I work here?', 'I want to do this at home. can I?']) {
    it(`reads "${text}" as asking what I may do, not a question of fact`, () => {
      const r = readQuestion(text, readTerms(text));
      assert.equal(r.consequence, undefined);
      assert.equal(r.asksRule, 'may');
    });
  }
  it('still reads "does it still apply…" as a question of fact', () => {
    const text = 'I moved to part-time last month. does it still apply to me?';
    assert.equal(readQuestion(text, readTerms(text)).consequence, true);
  });

  it('reads a connection that began before ("friends for years", "since uni", "before her son started")', () => {
    for (const text of ["I've been friends with one of the mums since uni, do I have to tell anyone?", 'we have followed each other on insta for ages, is that ok?', 'I knew his dad long before he started here']) {
      assert.equal(readQuestion(text, readTerms(text)).existing, true, text);
    }
    const fresh = 'a mum sent me a friend request last night, can I accept?';
    assert.equal(readQuestion(fresh, readTerms(fresh)).existing, undefined);
    // Years of working with a pupil are not a friendship that began before.
    const work = "a girl who left us 3 yrs ago wants to be fb friends, i was her 1:1 for years. can i?";
    assert.equal(readQuestion(work, readTerms(work)).existing, undefined);
  });
});

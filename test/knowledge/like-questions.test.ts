// library.likeQuestions: a later question is matched to earlier ones as the matcher reads both.

import assert from 'node:assert/strict';
import { policies } from '../bot/harness.js';

const asked = [
  { id: 'tiktok', text: 'Can I use TikTok for a class project?' },
  { id: 'parent', text: 'Can I accept a friend request from a parent?' },
  { id: 'wedding', text: "Can I post photos from a colleague's wedding?" },
  { id: 'strike', text: 'Can I post about the strike on my own Twitter?' },
];

describe('library.likeQuestions', () => {
  const like = async (q: string) => (await policies()).likeQuestions('cadmus', q, asked).map((x) => x.id);

  it('finds the same question asked in other words (synonyms, text-speak, concepts)', async () => {
    assert.deepEqual(await like('Is it ok to use tiktok with my class for a project?'), ['tiktok']);
    assert.deepEqual(await like('Should I accept friend requests from parents?'), ['parent']);
    assert.deepEqual(await like('Am I allowed to be facebook friends with a mum of a child in my class?'), ['parent']);
    assert.deepEqual(await like("can i post pics of my friend's wedding"), ['wedding']);
    assert.deepEqual(await like('Can I tweet about the strike?'), ['strike']);
  });

  it('does not take a question about other people or another platform as the same', async () => {
    assert.deepEqual(await like('Can I accept a friend request from a pupil?'), []);
    assert.deepEqual(await like('Can I use Instagram for a class project?'), []);
  });

  it('finds nothing for unrelated text, property names or nothing at all', async () => {
    for (const q of ['What is the weather?', 'constructor', '__proto__', '', '   ', 'Can I go on Facebook on the school computer?']) assert.deepEqual(await like(q), [], q);
    assert.deepEqual((await policies()).likeQuestions('cadmus', 'Can I use TikTok for a class project?', []), []);
  });
});

// Run as a child of the answer benchmark: loads the five schools' policies as a fresh process would
// and answers one question, then every bench question; prints the time from process start to the
// first answer and the resident memory after, as JSON. `assistant` uses the product's path,
// `fuse` plain Fuse.js over the same clauses (the baseline).

import Fuse from 'fuse.js';
import { fileURLToPath } from 'node:url';
import { loadPolicyLibrary } from '../knowledge/library.js';
import { answerQuestion } from '../bot/answer/answer-question.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const QUESTIONS = ['can I accept a friend request from a parent?', 'am i allowed to post photos of pupils on my instagram', 'a parent has posted lies about me on facebook'];

const which = process.argv[2] === 'fuse' ? 'fuse' : 'assistant';
const lib = await loadPolicyLibrary(`${ROOT}knowledge/policies`);
const schools = lib.schools().map((s) => s.id);
let answer: (school: string, q: string) => unknown;
if (which === 'fuse') {
  const per = new Map(schools.map((id) => [id, new Fuse(lib.policy(id)!.clauses, { keys: ['text'] })]));
  answer = (school, q) => per.get(school)!.search(q)[0];
} else {
  answer = (school, q) => answerQuestion(lib, school, q);
}
answer(schools[0]!, QUESTIONS[0]!);
// performance.now() counts from the process's start (its time origin).
const firstAnswerMs = performance.now();
for (const school of schools) for (const q of QUESTIONS) answer(school, q);
const rssMb = process.memoryUsage().rss / 1024 / 1024;
console.log(JSON.stringify({ which, firstAnswerMs, rssMb, schools: schools.length }));

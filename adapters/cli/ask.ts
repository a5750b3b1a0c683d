// `npm run ask -- --school ID "question"`: one answer as text, `--json` as the contract's JSON,
// `--json --batch FILE` for JSON lines in, JSON lines out (a broken line is reported, the rest answered).

import { readFile } from 'node:fs/promises';
import { loadPolicyLibrary, type PolicyLibrary } from '../../knowledge/library.js';
import { answerQuestion } from '../../bot/answer/answer-question.js';
import { answerJson } from '../../bot/answer/answer-json.js';
import { answerReply } from '../../bot/answer/answer-reply.js';
import { parseArgs, fail, runCli, pickSchool, readCliEnv, type CliEnv } from './cli-env.js';
import { openAnswersStore, type HeadAnswers } from './head-answers.js';

async function main(argv: string[]): Promise<number> {
  const { flags, rest } = parseArgs(argv, ['school', 'batch']);
  const env = readCliEnv();
  const library = await loadPolicyLibrary(env.policiesDir);
  const batch = flags.get('batch');
  // The head teachers' remembered answers come from the assistant's store, when there is one to read.
  const heads = flags.has('json') ? await openAnswersStore(library) : undefined;
  try {
    if (typeof batch === 'string') return await runBatch(library, batch, flags.get('school'), env, heads);
    const picked = pickSchool(library, asString(flags.get('school')), env);
    if ('error' in picked) return fail(picked.error, 2);
    const question = rest.join(' ');
    const answer = answerQuestion(library, picked.school, question);
    if (flags.has('json')) console.log(JSON.stringify(answerJson(answer, undefined, await heads?.find(answer))));
    else console.log(answerReply(answer, library).text);
    return answer.problem === 'empty' || answer.problem === 'too_long' ? 1 : 0;
  } finally {
    await heads?.close();
  }
}

async function runBatch(library: PolicyLibrary, file: string, school: string | true | undefined, env: CliEnv, heads?: HeadAnswers): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return fail(`Cannot read the batch file ${file}.`, 2);
  let broken = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const item = parseLine(line);
    if (typeof item === 'string') {
      broken++;
      console.error(`${file} line ${i + 1}: ${item}; skipped.`);
      continue;
    }
    const picked = pickSchool(library, item.school ?? asString(school), env);
    if ('error' in picked) {
      broken++;
      console.error(`${file} line ${i + 1}: ${picked.error}`);
      continue;
    }
    const answer = answerQuestion(library, picked.school, item.question);
    console.log(JSON.stringify(answerJson(answer, item.id, await heads?.find(answer))));
  }
  return broken ? 1 : 0;
}

function parseLine(line: string): { id?: string; school?: string; question: string } | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (!v || typeof v !== 'object' || typeof (v as { question?: unknown }).question !== 'string') {
    return 'expected a JSON object with a "question" string';
  }
  const o = v as { id?: unknown; school?: unknown; question: string };
  const out: { id?: string; school?: string; question: string } = { question: o.question };
  if (o.id !== undefined) out.id = String(o.id);
  if (typeof o.school === 'string') out.school = o.school;
  return out;
}

function asString(v: string | true | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

runCli(main);

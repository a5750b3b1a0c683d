// `npm run eval -- FILE [--json]`: scores the assistant on a question file: verdict accuracy,
// clause hit@1 and hit@3, intent accuracy, unknowns handled, overall and per school.

import { readFile } from 'node:fs/promises';
import { loadPolicyLibrary } from '../../knowledge/library.js';
import { parseArgs, fail, runCli, readCliEnv } from './cli-env.js';
import { parseEvalLine, pct, scoreItem, tally, type ItemResult, type Tally } from './cli-score.js';

async function main(argv: string[]): Promise<number> {
  const { flags, rest } = parseArgs(argv, []);
  const file = rest[0];
  if (!file) return fail('Usage: npm run eval -- FILE [--json]', 2);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return fail(`Cannot read the question file ${file}.`, 2);
  const library = await loadPolicyLibrary(readCliEnv().policiesDir);
  const known = new Set(library.schools().map((s) => s.id));
  const results: ItemResult[] = [];
  let broken = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const item = parseEvalLine(raw);
    const problem = typeof item === 'string' ? item : known.has(item.school) ? undefined : `unknown school "${item.school}"`;
    if (problem || typeof item === 'string') {
      broken++;
      console.error(`${file} line ${i + 1}: ${problem}; skipped.`);
      return;
    }
    results.push(scoreItem(library, item));
  });
  const schools = [...new Set(results.map((r) => r.item.school))].sort();
  const overall = tally(results);
  const perSchool = Object.fromEntries(schools.map((s) => [s, tally(results.filter((r) => r.item.school === s))]));
  if (flags.has('json')) console.log(JSON.stringify({ file, overall: summary(overall), schools: Object.fromEntries(schools.map((s) => [s, summary(perSchool[s]!)])), failures: failures(results) }));
  else printText(file, overall, perSchool, results);
  return broken ? 1 : 0;
}

function summary(t: Tally): Record<string, number> {
  const r = (a: number, b: number): number => (b ? Math.round((1000 * a) / b) / 1000 : 1);
  return {
    questions: t.n, verdict: r(t.verdict, t.n), hit1: r(t.hit1, t.clauseItems), hit3: r(t.hit3, t.clauseItems),
    intent: r(t.intent, t.n), unknownExpected: t.unknownExpected, unknownRight: t.unknownRight, falseUnknown: t.falseUnknown,
  };
}

function line(label: string, t: Tally): string {
  return `${label.padEnd(16)} ${String(t.n).padStart(4)}  verdict ${pct(t.verdict, t.n).padStart(6)}  hit@1 ${pct(t.hit1, t.clauseItems).padStart(6)}  hit@3 ${pct(t.hit3, t.clauseItems).padStart(6)}  intent ${pct(t.intent, t.n).padStart(6)}  unknown ${t.unknownRight}/${t.unknownExpected} right, ${t.falseUnknown} wrongly unknown`;
}

function printText(file: string, overall: Tally, perSchool: Record<string, Tally>, results: ItemResult[]): void {
  console.log(`Scores for ${file}`);
  console.log(line('all', overall));
  for (const [s, t] of Object.entries(perSchool)) console.log(line(s, t));
  const bad = failures(results);
  if (bad.length) {
    console.log(`\nMisses (${bad.length}):`);
    for (const f of bad) console.log(`  ${f.id ?? ''} [${f.school}] ${f.question}\n      got ${f.intent}/${f.verdict} ${f.clause ?? '(no clause)'}; wanted ${f.wanted}`);
  }
}

function failures(results: ItemResult[]): { id?: string; school: string; question: string; intent: string; verdict: string; clause?: string; wanted: string }[] {
  return results
    .filter((r) => !r.verdictOk || !r.intentOk || r.hit3 === false)
    .map((r) => {
      const f: { id?: string; school: string; question: string; intent: string; verdict: string; clause?: string; wanted: string } = {
        school: r.item.school, question: r.item.question, intent: r.answer.intent, verdict: r.answer.verdict,
        wanted: `${r.item.intent ?? '?'}/${r.item.verdict.join('|')}${r.hit3 === false ? ' + clause' : ''}`,
      };
      if (r.item.id) f.id = r.item.id;
      if (r.answer.clauses[0]) f.clause = r.answer.clauses[0].clause.id;
      return f;
    });
}

runCli(main);

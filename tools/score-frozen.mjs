#!/usr/bin/env node
// Scores a frozen set folder the way ../shared/eval/sealed-score scores its sets: the folder's
// new policies are ingested afresh (npm run ingest) into a temporary POLICIES_DIR, questions at the
// five shipped schools use the default folder. Prints totals per set. Run from a project root:
//   node tools/score-frozen.mjs test/fixtures/frozen/a [--json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

const dir = process.argv[2];
const asJson = process.argv.includes('--json');
const showMisses = process.argv.includes('--misses');
const norm = (s) => String(s ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const pct = (a, b) => (b ? Math.round((1000 * a) / b) / 10 : null);
const npm = (args, env) => execFileSync('npm', ['run', '--silent', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
const files = readdirSync(dir);
const policyIds = files.filter((f) => /\.(txt|md|html?|docx|pdf)$/.test(f) && f !== "ABOUT.md").map((f) => basename(f, extname(f)));
const work = mkdtempSync(join(tmpdir(), 'frozen-'));
const results = [];
try {
  const env = { POLICIES_DIR: join(work, 'policies') };
  let ingestFailures = 0;
  for (const f of files.filter((f) => /\.(txt|md|html?|docx|pdf)$/.test(f) && f !== "ABOUT.md")) {
    try { npm(['ingest', '--', '--school', basename(f, extname(f)), join(dir, f)], env); } catch { ingestFailures++; }
  }
  for (const set of files.filter((f) => f.endsWith('.jsonl')).sort()) {
    const questions = readFileSync(join(dir, set), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    const own = questions.every((q) => policyIds.includes(q.school));
    const batch = join(work, `${set}.batch`);
    writeFileSync(batch, questions.map((q) => JSON.stringify({ id: q.id, school: q.school, question: q.question })).join('\n') + '\n');
    let out = '';
    try { out = npm(['ask', '--', '--json', '--batch', batch], own ? env : {}); } catch (e) { out = String(e.stdout ?? ''); }
    const answers = new Map();
    for (const line of out.split('\n')) { try { const a = JSON.parse(line); if (a?.id != null) answers.set(String(a.id), a); } catch { /* not an answer */ } }
    results.push({ name: set, ingestFailures: own ? ingestFailures : 0, ...score(questions, answers) });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function score(questions, answers) {
  const t = { asks: 0, verdict: 0, withClause: 0, clause1: 0, clause3: 0, intent: 0, missing: 0, coveredAsks: 0, falseUnknown: 0, unsafeYes: 0, uncovered: 0, uncoveredRight: 0 };
  const misses = [];
  for (const q of questions) {
    const a = answers.get(q.id);
    if (!a) { t.missing++; continue; }
    let ok = true;
    if (a.intent === q.intent) t.intent++; else ok = false;
    if (q.intent === 'ask') {
      t.asks++;
      const v = q.verdict.includes(a.verdict);
      if (v) t.verdict++; else ok = false;
      if (a.verdict === 'yes' && !q.verdict.includes('yes') && q.verdict.some((x) => x === 'no' || x === 'permission')) t.unsafeYes++;
      if (q.verdict.includes('unknown')) { t.uncovered++; if (a.verdict === 'unknown') t.uncoveredRight++; }
      else { t.coveredAsks++; if (a.verdict === 'unknown') t.falseUnknown++; }
    }
    if (q.clause.length) {
      t.withClause++;
      const texts = (a.clauses ?? []).map((c) => norm(c.text));
      const hit = (x) => q.clause.some((s) => x.includes(norm(s)));
      if (texts.slice(0, 1).some(hit)) t.clause1++;
      if (texts.slice(0, 3).some(hit)) t.clause3++; else ok = false;
    }
    if (!ok) misses.push(`${q.id} ${q.question}\n   got ${a.intent}/${a.verdict} ${a.clauses?.[0]?.ref ?? '-'}; want ${q.intent}/${q.verdict.join('|')}`);
  }
  return { questions: questions.length, missing: t.missing, verdict: pct(t.verdict, t.asks), clauseAt1: pct(t.clause1, t.withClause), clauseAt3: pct(t.clause3, t.withClause), intent: pct(t.intent, questions.length),
    falseNotCovered: `${t.falseUnknown}/${t.coveredAsks}`, unsafeYes: t.unsafeYes, notCoveredRight: `${t.uncoveredRight}/${t.uncovered}`, ...(showMisses ? { misses } : {}) };
}

if (asJson) console.log(JSON.stringify(results, null, 2));
else for (const r of results) {
  console.log(`${r.name.padEnd(26)} n=${String(r.questions).padStart(3)}${r.missing ? ` (${r.missing} unanswered)` : ''}${r.ingestFailures ? ` (${r.ingestFailures} refused)` : ''}  verdict ${r.verdict}%  clause@1 ${r.clauseAt1}%  clause@3 ${r.clauseAt3}%  intent ${r.intent}%  wrongly-unknown ${r.falseNotCovered}  rightly-unknown ${r.notCoveredRight}  unsafe-yes ${r.unsafeYes}`);
  if (r.misses) console.log(r.misses.join('\n'));
}

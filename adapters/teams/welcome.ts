// What the Teams app lists as commands: the school's suggested questions as prompt starters (the
// manifest's personal commandList), then the assistant's own commands.

import type { SuggestedPrompts } from '../../bot/prompts/suggested-prompts.js';

/** A command (prompt starter) as the Teams manifest lists it: title ≤ 32, description ≤ 128 characters. */
export interface TeamsCommand {
  title: string;
  description: string;
}

/** The assistant's own commands, after the suggested questions. */
export const TEAMS_COMMANDS: TeamsCommand[] = [
  { title: 'my reports', description: 'See the reports you have made and where they stand' },
  { title: 'escalations', description: 'Heads and DSLs: open, overdue and recent reports' },
];

/** The personal scope's prompt starters: the suggested questions, then the commands (at most 10). */
export function promptStarters(suggested: SuggestedPrompts): TeamsCommand[] {
  const questions = suggested.prompts.map((p) => ({
    // NOTE: Teams sends a prompt starter's title as the message, so the title is the question itself.
    title: p.title.slice(0, 32),
    description: (p.message === p.title ? suggested.title : p.message).slice(0, 128),
  }));
  return [...questions, ...TEAMS_COMMANDS].slice(0, 10);
}

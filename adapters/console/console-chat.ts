// The terminal chat: one line in, the answer out, over a pipe or at a prompt. "as head" / "as dsl" /
// "as staff" / "as <name>" switch who you are; a number presses a button of the last answer.

import { createInterface } from 'node:readline';
import type { Bot } from '../../bot/bot.js';
import type { Actor, BotResponse } from '../../bot/events.js';
import type { Button } from '../../bot/reply.js';
import { renderText } from './render-text.js';

export interface ConsoleChatConfig {
  bot: Bot;
  school: string;
  input: NodeJS.ReadableStream;
  /** Answers and DMs (stdout). */
  print: (text: string) => void;
  /** The start-up line and notes (stderr, so a pipe's stdout holds only answers). */
  note: (text: string) => void;
  interactive: boolean;
  /** Shown at start: the school's name and where the store lives. */
  schoolName: string;
  storeDescription: string;
  /** How often retries and reminders run while at a prompt (ms). */
  workIntervalMs: number;
  /** Prints the DMs the console notifier held back (after each answer). */
  flushDirect?: () => void;
}

const roleWords = new Set(['head', 'dsl', 'chair', 'staff']);

/** Runs until the input ends; resolves after pending deliveries have been flushed. */
export async function runConsoleChat(config: ConsoleChatConfig): Promise<void> {
  const { bot, print } = config;
  let actor: Actor = person('staff', config.school);
  let buttons: Button[] = [];
  const rl = createInterface({ input: config.input, terminal: config.interactive, crlfDelay: Infinity });
  const prompt = () => {
    if (config.interactive) {
      rl.setPrompt(`${actor.userId}> `);
      rl.prompt();
    }
  };
  config.note(
    `${config.schoolName} (${config.school}) · store: ${config.storeDescription} · you are ${actor.userId} (console:${actor.userId}). ` +
      "Type 'help'; 'as head', 'as dsl', 'as chair', 'as staff' or 'as <name>' switches who you are.",
  );
  const flush = config.flushDirect ?? (() => undefined);
  const timer = config.interactive ? setInterval(() => void bot.runDueWork().then(flush), config.workIntervalMs) : undefined;
  prompt();
  for await (const line of rl) {
    const text = line.replace(/\r$/, '');
    const switchTo = /^\s*as\s+(\S+)\s*$/i.exec(text);
    if (switchTo) {
      actor = person(switchTo[1].toLowerCase(), config.school);
      print(`You are now ${actor.userId} (console:${actor.userId})${roleWords.has(actor.userId) ? '' : ', a member of staff'}.`);
    } else {
      const pressed = /^\s*(\d{1,2})\s*$/.exec(text);
      const button = pressed ? buttons[Number(pressed[1]) - 1] : undefined;
      const response = button
        ? await bot.handle({ type: 'action', actor, action: button.action, where: 'dm', conversation: 'console' })
        : await bot.handle({ type: 'message', actor, text, where: 'dm', conversation: 'console' });
      buttons = printResponse(response, print);
      await bot.runDueWork();
      flush();
    }
    prompt();
  }
  if (timer) clearInterval(timer);
  await bot.runDueWork();
  flush();
}

function person(userId: string, school: string): Actor {
  return { platform: 'console', userId, name: userId, school };
}

/** Prints what the assistant said; returns the buttons that numbers now press. */
export function printResponse(r: BotResponse, print: (text: string) => void): Button[] {
  const buttons: Button[] = [];
  const show = (reply: Parameters<typeof renderText>[0], prefix = '') => {
    const rendered = renderText(reply, buttons.length + 1);
    buttons.push(...rendered.buttons);
    print(prefix + rendered.text);
  };
  // The console cannot open forms: `direct` carries the same questions, typed one at a time.
  for (const reply of r.replies) show(reply);
  for (const reply of r.direct) show(reply);
  if (r.formErrors) print(Object.entries(r.formErrors).map(([f, e]) => `${f}: ${e}`).join('\n'));
  if (r.update) show(r.update, '(updated) ');
  if (r.ephemeral) show(r.ephemeral, '(only you can see this) ');
  return buttons;
}

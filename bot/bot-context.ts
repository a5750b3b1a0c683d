// What every handler of the core receives: the ports, the policy library and the delivery worker.

import type { Answerer } from './answering.js';
import type { DeliveryWorker } from './delivery/delivery-worker.js';
import type { Directory } from './people.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { Notifier } from './ports/notifier.js';
import type { Store } from './ports/store.js';
import type { AskedCounter } from './prompts/asked-topics.js';
import type { GuidanceLibrary } from './report/guidance.js';
import type { PolicyLibrary } from '../knowledge/library.js';

export interface BotContext {
  /** The policies: guidance for reports, clauses by id, and which earlier questions a new one asks. */
  library: GuidanceLibrary & Pick<PolicyLibrary, 'clause' | 'likeQuestions'>;
  answerer: Answerer;
  store: Store;
  notifiers: Notifier[];
  directory: Directory;
  clock: Clock;
  logger: Logger;
  worker: DeliveryWorker;
  newId: () => string;
  /** Which clauses answer staff's questions, for ranking the suggested prompts. */
  asked: AskedCounter;
}

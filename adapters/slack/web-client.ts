// The Slack Web API client options the adapter uses, and the project's Logger in the shape the
// Slack SDKs expect. Only this folder builds Slack SDK objects.

import { LogLevel, webApi } from '@slack/bolt';
import type { Logger } from '../../bot/ports/logger.js';
import type { SlackConfig } from '../config.js';

type SlackLogger = NonNullable<webApi.WebClientOptions['logger']>;

/** SLACK_API_URL as the WebClient wants it (ending in `/`), or undefined for Slack's own. */
export function slackApiUrl(config: Pick<SlackConfig, 'apiUrl'>): string | undefined {
  if (!config.apiUrl) return undefined;
  return config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/`;
}

/**
 * Options for the client that answers in conversations (replies, modals, updates): a short retry
 * budget, because trigger_ids expire after 3 s; on 429 the client itself waits as Retry-After says.
 */
export function interactiveClientOptions(config: SlackConfig, logger: Logger): webApi.WebClientOptions {
  return {
    slackApiUrl: slackApiUrl(config),
    logger: toSlackLogger(logger),
    timeout: 10_000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
  };
}

/**
 * The client behind the notifier (escalation DMs): no retries of its own and 429 rejected at once,
 * so the core's delivery queue retries, waits as Retry-After says, and records every attempt.
 */
export function createNotifierClient(config: SlackConfig, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(config.botToken, {
    slackApiUrl: slackApiUrl(config),
    logger: toSlackLogger(logger),
    timeout: 10_000,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}

/** The project's Logger dressed as @slack/logger's (debug lines are dropped). */
export function toSlackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const line = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: () => {},
    info: (...msg: unknown[]) => logger.info(`slack: ${line(msg)}`),
    warn: (...msg: unknown[]) => logger.warn(`slack: ${line(msg)}`),
    error: (...msg: unknown[]) => logger.error(`slack: ${line(msg)}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

// The operators' log: one JSON object per line on stderr, filtered by LOG_LEVEL. Users never see it.

import type { Logger } from '../bot/ports/logger.js';

export type LogLevel = 'info' | 'warn' | 'error' | 'silent';

const rank: Record<LogLevel, number> = { info: 1, warn: 2, error: 3, silent: 4 };

export interface LoggerConfig {
  level: LogLevel;
  /** Where lines go (default stderr); tests pass their own. */
  write?: (line: string) => void;
  /** Fields on every line (e.g. the instance). */
  base?: Record<string, unknown>;
}

export function createLogger(config: LoggerConfig): Logger {
  const write = config.write ?? ((line: string) => process.stderr.write(line));
  const log = (level: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (rank[level] < rank[config.level]) return;
    try {
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...config.base, ...fields })}\n`);
    } catch {
      // A field that cannot be serialised must not take the assistant down with it.
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message })}\n`);
    }
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

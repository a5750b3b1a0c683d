// The logger port: structured lines for operators. Users never see these.

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that drops everything (tests that do not assert on logs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

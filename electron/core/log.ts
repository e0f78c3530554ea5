/**
 * The app's logger. Callers pass a scope (their own function name) and a fixed message; the only
 * structured fields allowed are numbers, booleans and short codes, so PHI and keys cannot slip in
 * through a convenient `JSON.stringify(payload)`.
 */
export type LogField = string | number | boolean | null;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(scope: string, message: string, fields?: Record<string, LogField>): void;
  info(scope: string, message: string, fields?: Record<string, LogField>): void;
  warn(scope: string, message: string, fields?: Record<string, LogField>): void;
  error(scope: string, message: string, fields?: Record<string, LogField>): void;
}

export type LogSink = (line: string) => void;

export function createLogger(sink: LogSink = (line) => process.stderr.write(`${line}\n`), minLevel: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const write = (level: LogLevel) => (scope: string, message: string, fields?: Record<string, LogField>) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    const extra = fields ? ` ${JSON.stringify(fields)}` : '';
    sink(`${new Date().toISOString()} ${level.toUpperCase()} ${scope}: ${message}${extra}`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that keeps lines in memory, for tests that assert what was (and was not) logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger((line) => lines.push(line), 'debug'), { lines });
}

/** Name of an error class only: error messages from the driver can quote SQL values. */
export function errorKind(error: unknown): string {
  if (error instanceof Error) return (error as Error & { code?: string }).code ?? error.name;
  return typeof error;
}

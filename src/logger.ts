/**
 * Structured JSON logs on stderr (fd 2): stdout carries only JSON-RPC. Log
 * events carry ids, sizes and counts, never transcript text. As a second line
 * of defence every string that reaches a log line goes through the redactor
 * (keys, tokens, configured secrets, e-mails, phone and card numbers), and
 * fields that could hold transcript text are censored by name.
 */

import pino from 'pino';
import type { LogLevel } from './config.js';
import { createRedactor, redactDeep } from './core/security/redact.js';

/** What the application logs through: the part of pino's logger it uses, so a logger that loads pino late can stand in. */
export interface Logger {
  debug: pino.LogFn;
  info: pino.LogFn;
  warn: pino.LogFn;
  error: pino.LogFn;
  child(bindings: pino.Bindings): Logger;
}

const REDACTED_PATHS = ['text', 'content', 'quote', 'transcript', '*.text', '*.content', '*.quote', 'apiKey', '*.apiKey', 'token', '*.token', 'authorization', '*.authorization'];

/**
 * @param secrets exact values never to print (API keys, client secrets, HTTP tokens from the configuration).
 */
export function createLogger(
  level: LogLevel,
  destination: pino.DestinationStream = pino.destination({ fd: 2, sync: true }),
  secrets: ReadonlyArray<string | undefined> = [],
  feed?: pino.DestinationStream,
): pino.Logger {
  const redact = createRedactor(secrets);
  return pino(
    {
      level,
      base: { service: 'mcp-snapshot-server' },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => redactDeep(object, redact) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redact(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    feed ? pino.multistream([{ stream: destination, level }, { stream: feed, level }]) : destination,
  );
}

/** A logger that drops everything: for tests. */
export function createSilentLogger(): pino.Logger {
  return pino({ level: 'silent' });
}

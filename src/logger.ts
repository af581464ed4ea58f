/**
 * Structured JSON logs on stderr (fd 2): stdout carries only JSON-RPC. Log
 * events carry ids, sizes and counts, never transcript text; the redaction
 * paths below are a second line of defence for fields that must never appear.
 */

import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

const REDACTED_PATHS = ['text', 'content', 'quote', 'transcript', '*.text', '*.content', '*.quote', 'apiKey', '*.apiKey', 'token', '*.token', 'authorization', '*.authorization'];

export function createLogger(level: LogLevel, destination: pino.DestinationStream = pino.destination({ fd: 2, sync: true })): Logger {
  return pino(
    {
      level,
      base: { service: 'mcp-snapshot-server' },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that drops everything: for tests and for CLI commands that print their own output. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

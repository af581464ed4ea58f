/**
 * A logger that loads pino only when a line is to be written. A CLI command
 * logs at warn and above, and most runs write no line at all; pino and its
 * streams cost about a tenth of a cold `snapshot`. Lines keep their order:
 * each waits for the one logger the first line loads.
 */

import type { LogLevel } from './config.js';
import type { Logger } from './logger.js';

const SEVERITY: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Number.POSITIVE_INFINITY };

type Method = 'debug' | 'info' | 'warn' | 'error';

/** @param load makes the real logger, at `level`; called at most once. */
export function deferredLogger(level: LogLevel, load: () => Promise<Logger>): Logger {
  let loaded: Promise<Logger> | undefined;
  const threshold = SEVERITY[level];
  const withBindings = (bindings: ReadonlyArray<Record<string, unknown>>): Logger => {
    const write =
      (method: Method) =>
      (...args: unknown[]): void => {
        if (SEVERITY[method] < threshold) return;
        loaded ??= load();
        void loaded.then((root) => {
          const logger = bindings.reduce<Logger>((parent, child) => parent.child(child), root);
          (logger[method] as (...line: unknown[]) => void)(...args);
        });
      };
    return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (child) => withBindings([...bindings, child]) };
  };
  return withBindings([]);
}

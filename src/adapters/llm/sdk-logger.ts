/**
 * The SDKs log to `console` by default, which writes to stdout, where the
 * MCP protocol runs. This hands them our stderr logger instead, at warn
 * level, passing on only their message line: the detail objects they attach
 * (request options, headers) stay out of the logs.
 */

import type { Logger } from '../../logger.js';

type LogFn = (message: string, ...rest: unknown[]) => void;

export interface SdkLogger {
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
}

export function sdkLogger(logger: Logger, provider: string): SdkLogger {
  const child = logger.child({ component: `llm-sdk-${provider}` });
  return {
    error: (message) => child.error({ event: 'llm_sdk_error' }, String(message)),
    warn: (message) => child.warn({ event: 'llm_sdk_warning' }, String(message)),
    info: () => undefined,
    debug: () => undefined,
  };
}

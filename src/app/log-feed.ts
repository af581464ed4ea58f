/**
 * The log events that MCP clients may follow (`logging/setLevel` +
 * `notifications/message`): the same redacted JSON lines that go to stderr,
 * fanned out in-process to each connected server, which forwards only its own
 * principal's events.
 */

export interface LogEvent {
  level: number;
  principal?: string;
  [key: string]: unknown;
}

export class LogFeed {
  private readonly listeners = new Set<(event: LogEvent) => void>();

  /** The pino destination side: one JSON line per call. */
  write(line: string): void {
    if (this.listeners.size === 0) return;
    let event: LogEvent;
    try {
      event = JSON.parse(line) as LogEvent;
    } catch {
      return;
    }
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: (event: LogEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const MCP_LEVELS: ReadonlyArray<[number, 'debug' | 'info' | 'warning' | 'error' | 'critical']> = [
  [60, 'critical'],
  [50, 'error'],
  [40, 'warning'],
  [30, 'info'],
  [0, 'debug'],
];

/** pino's numeric level as the MCP logging level. */
export function mcpLevel(pinoLevel: number): 'debug' | 'info' | 'warning' | 'error' | 'critical' {
  return MCP_LEVELS.find(([threshold]) => pinoLevel >= threshold)![1];
}

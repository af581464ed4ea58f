/**
 * Security monitoring: counters of what SECURITY.md says to watch (failed
 * validations, path-traversal attempts, oversized inputs, auth failures,
 * rate-limit hits, model and Zoom errors), a warning event when one crosses
 * its threshold within the window, and a read-out with no customer data in
 * it for the `security_status` tool.
 */

import type { Logger } from '../logger.js';

export const SECURITY_COUNTERS = [
  'failed_validations',
  'path_traversal_attempts',
  'oversized_inputs',
  'auth_failures',
  'rate_limit_hits',
  'suspicious_content',
  'model_errors',
  'zoom_errors',
] as const;

export type SecurityCounter = (typeof SECURITY_COUNTERS)[number];

/** Alert thresholds per window (SECURITY.md: more than 5 failed validations, more than 10 API errors). */
export const ALERT_THRESHOLDS: Readonly<Record<SecurityCounter, number>> = {
  failed_validations: 5,
  path_traversal_attempts: 3,
  oversized_inputs: 3,
  auth_failures: 5,
  rate_limit_hits: 10,
  suspicious_content: 3,
  model_errors: 10,
  zoom_errors: 10,
};

const WINDOW_MS = 60 * 60 * 1000;

/** Which error codes count towards which counter. */
const COUNTER_OF_CODE: Readonly<Record<string, SecurityCounter>> = {
  PATH_OUTSIDE_ROOTS: 'path_traversal_attempts',
  TRANSCRIPT_TOO_LARGE: 'oversized_inputs',
};

export interface SecurityStatus {
  since: string;
  window_minutes: number;
  counters: Record<SecurityCounter, { total: number; in_window: number; threshold: number; alerting: boolean }>;
}

export class SecurityMonitor {
  private readonly totals = new Map<SecurityCounter, number>();
  private readonly recent = new Map<SecurityCounter, number[]>();
  private readonly started: number;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  record(counter: SecurityCounter): void {
    const now = this.now();
    this.totals.set(counter, (this.totals.get(counter) ?? 0) + 1);
    const times = this.inWindow(counter, now);
    times.push(now);
    // Warn once, as the count crosses its threshold.
    if (times.length === ALERT_THRESHOLDS[counter] + 1) {
      this.logger.warn({ event: 'security_alert', security: true, counter, count: times.length, window_minutes: WINDOW_MS / 60_000 }, `security alert: ${counter}`);
    }
  }

  /** Counts a rejected tool call by its error code: every one is a failed validation, some count twice. */
  recordRejection(code: string): void {
    if (code === 'INTERNAL_ERROR') return;
    if (code.startsWith('ZOOM_')) return this.record('zoom_errors');
    if (code === 'RATE_LIMITED') return this.record('rate_limit_hits');
    this.record('failed_validations');
    const specific = COUNTER_OF_CODE[code];
    if (specific) this.record(specific);
  }

  status(): SecurityStatus {
    const now = this.now();
    const counters = Object.fromEntries(
      SECURITY_COUNTERS.map((counter) => {
        const inWindow = this.inWindow(counter, now).length;
        return [counter, { total: this.totals.get(counter) ?? 0, in_window: inWindow, threshold: ALERT_THRESHOLDS[counter], alerting: inWindow > ALERT_THRESHOLDS[counter] }];
      }),
    ) as SecurityStatus['counters'];
    return { since: new Date(this.started).toISOString(), window_minutes: WINDOW_MS / 60_000, counters };
  }

  private inWindow(counter: SecurityCounter, now: number): number[] {
    const times = (this.recent.get(counter) ?? []).filter((time) => now - time < WINDOW_MS);
    this.recent.set(counter, times);
    return times;
  }
}

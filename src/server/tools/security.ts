/** `security_status`: the security monitor's counters and alerts, with no customer data in them. */

import { z } from 'zod';
import { SECURITY_COUNTERS } from '../../app/security-monitor.js';
import { defineTool, READ_ONLY } from '../tool-definition.js';

const Counter = z.object({ total: z.number().int(), in_window: z.number().int(), threshold: z.number().int(), alerting: z.boolean() });

export const securityStatus = defineTool({
  name: 'security_status',
  title: 'Security status',
  description:
    'Counters the server keeps for security monitoring since it started and in the last hour: failed validations, path-traversal attempts, oversized inputs, auth failures, rate-limit hits, suspicious transcript content, model and Zoom errors, with alert thresholds. No customer data.',
  inputSchema: z.object({}),
  outputSchema: z.object({
    since: z.string(),
    window_minutes: z.number(),
    counters: z.object(Object.fromEntries(SECURITY_COUNTERS.map((name) => [name, Counter])) as Record<(typeof SECURITY_COUNTERS)[number], typeof Counter>),
  }),
  annotations: READ_ONLY,
  handler(_args, ctx) {
    const status = ctx.session.securityStatus();
    const lines = Object.entries(status.counters).map(([name, c]) => `${c.alerting ? '!' : ' '} ${name}: ${c.in_window} in the last ${status.window_minutes} min (alert above ${c.threshold}), ${c.total} since ${status.since}`);
    return { structured: status, text: lines.join('\n') };
  },
});

export const SECURITY_TOOLS = [securityStatus];

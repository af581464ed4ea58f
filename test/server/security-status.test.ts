import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/app/workspace.js';
import { createLogger } from '../../src/logger.js';
import { callError, callOk, connect, testConfig, type Connected } from '../support/harness.js';

interface Status {
  counters: Record<string, { total: number; in_window: number; alerting: boolean }>;
}

describe('security_status', () => {
  let connected: Connected | undefined;
  afterEach(async () => {
    await connected?.close();
  });

  it('counts rejected inputs, raises one alert past the threshold, and shows no customer data', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) });
    const workspace = new Workspace({ config: testConfig({ MAX_TRANSCRIPT_BYTES: '100' }), logger: createLogger('info', sink as never) });
    connected = await connect({ workspace });
    for (let i = 0; i < 4; i += 1) await connected.client.callTool({ name: 'load_transcript', arguments: { path: `../../etc/secret-${i}.vtt` } });
    await connected.client.callTool({ name: 'load_transcript', arguments: { content: `Acme Corp: ${'x'.repeat(200)}` } });
    await connected.client.callTool({ name: 'read_transcript', arguments: { transcript_id: 't_nope' } });

    const status = await callOk<Status>(connected.client, 'security_status', {});
    expect(status.counters.path_traversal_attempts).toMatchObject({ total: 4, alerting: true });
    expect(status.counters.oversized_inputs).toMatchObject({ total: 1, alerting: false });
    expect(status.counters.failed_validations!.total).toBe(6);
    expect(JSON.stringify(status)).not.toMatch(/Acme|secret-/);
    const alerted = lines.filter((line) => line.includes('"security_alert"')).map((line) => (JSON.parse(line) as { counter: string }).counter);
    expect(alerted.sort()).toEqual(['failed_validations', 'path_traversal_attempts']);
  });

  it('limits each principal’s tool calls, says when to retry, and leaves other principals alone', async () => {
    const workspace = new Workspace({ config: testConfig({ TOOL_CALLS_PER_MINUTE: '3' }), logger: createLogger('silent', new Writable() as never) });
    connected = await connect({ workspace, principal: 'alice' });
    const bob = await connect({ workspace, principal: 'bob' });
    try {
      for (let i = 0; i < 3; i += 1) await callOk(connected.client, 'list_transcripts', {});
      const refused = await callError(connected.client, 'list_transcripts', {});
      expect(refused).toMatch(/^RATE_LIMITED: Too many tool calls: 3 a minute are allowed; try again in \d+ s\./);
      await callOk(bob.client, 'list_transcripts', {});
      expect(workspace.monitor.status().counters.rate_limit_hits.total).toBe(1);
      expect(workspace.monitor.status().counters.failed_validations.total).toBe(0);
    } finally {
      await bob.close();
    }
  });
});

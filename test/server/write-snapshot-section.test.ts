/**
 * write_snapshot_section through real MCP clients in process: the 2025
 * protocol over the in-memory transport and 2026-07-28 over the SDK's HTTP
 * handler. The script (test/support/client-writing.ts) writes grounded and
 * broken sections; here also what a client learns from the tool list and
 * the initialize instructions, and that an unknown id is refused.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { callError, connect, connectModern, type Connected } from '../support/harness.js';
import { CALL_TURNS, draftSnapshot, runClientWritingScript } from '../support/client-writing.js';

describe.each([
  ['a 2025 client (in-memory)', connect],
  ['a 2026-07-28 client (HTTP handler)', connectModern],
])('write_snapshot_section from %s', (_era, open) => {
  let connected: Connected;
  afterEach(async () => {
    await connected.close();
  });

  it('keeps what the transcript supports, drops the rest with reasons, and takes a fixed resend', async () => {
    connected = await open();
    const snapshot = await runClientWritingScript(connected.client);
    expect(snapshot.engine).toBe('offline');
  });

  it('answers an unknown snapshot id with SNAPSHOT_NOT_FOUND', async () => {
    connected = await open();
    const text = await callError(connected.client, 'write_snapshot_section', {
      snapshot_id: 's_unknown',
      section: 'background',
      content: 'Anything.',
      evidence: [{ turn_index: 0, quote: 'Thanks' }],
    });
    expect(text).toMatch(/^SNAPSHOT_NOT_FOUND/);
  });
});

describe('how a client model finds the workflow', () => {
  let connected: Connected;
  afterEach(async () => {
    await connected.close();
  });

  it('is told at initialize, in the tool descriptions and in the prompts', async () => {
    connected = await connect();
    expect(connected.client.getInstructions()).toMatch(/write_snapshot_section/);
    const { tools } = await connected.client.listTools();
    const describe = (name: string) => tools.find((tool) => tool.name === name)?.description ?? '';
    expect(describe('write_snapshot_section')).toMatch(/generate_snapshot[\s\S]*read_transcript/);
    expect(describe('generate_snapshot')).toMatch(/write_snapshot_section/);
    for (const prompt of ['customer_snapshot', 'financial_impact_section']) {
      const { messages } = await connected.client.getPrompt({ name: prompt, arguments: { transcript_id: 't_1' } });
      const text = (messages[0]!.content as { text: string }).text;
      expect(text, prompt).toMatch(/generate_snapshot/);
      expect(text, prompt).toMatch(/write_snapshot_section/);
    }
  });

  it('keeps a value a person entered over the client model’s', async () => {
    connected = await connect();
    const snapshotId = await draftSnapshot(connected.client);
    await connected.client.callTool({ name: 'update_snapshot_field', arguments: { snapshot_id: snapshotId, field: 'user_count', value: 250 } });
    const result = await connected.client.callTool({
      name: 'write_snapshot_section',
      arguments: {
        snapshot_id: snapshotId,
        section: 'adoption_usage',
        content: 'About 240 people use it daily.',
        evidence: [{ turn_index: CALL_TURNS.usage, quote: 'We have 240 people using Loomline every day' }],
        fields: { user_count: { value: 240, evidence: [{ turn_index: CALL_TURNS.usage, quote: 'We have 240 people using Loomline every day' }] } },
      },
    });
    expect(result.structuredContent).toMatchObject({ stored: true, kept: { fields: [] }, dropped: [{ item: 'field', field: 'user_count', reason: 'set_by_user' }] });
    const snapshot = await connected.client.callTool({ name: 'get_snapshot', arguments: { snapshot_id: snapshotId } });
    expect((snapshot.structuredContent as { fields: { user_count: unknown } }).fields.user_count).toMatchObject({ value: 250, source: 'user' });
  });
});

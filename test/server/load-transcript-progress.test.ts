/**
 * load_transcript's progress and cancellation through a real MCP client, on
 * the 2025 protocol (in-memory) and on 2026-07-28 (the HTTP handler): a caller
 * that passes a progress token hears each stage (read, parsed, stored), one
 * that does not hears nothing, and a load cancelled part-way stores no
 * transcript and no search entry, and announces no list change.
 */

import { stat } from 'node:fs/promises';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOk, connect, connectModern, QUEST_VTT, type Connected } from '../support/harness.js';

interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

const CONTENT = 'Dana Reyes: The migration finished in April.\nOmar Haddad: How many warehouses moved over?\nDana Reyes: All twelve of them.\n';

/** Every message the client receives on the wire, whatever handler (if any) takes it. */
function recordInbound(connected: Connected): JSONRPCMessage[] {
  const seen: JSONRPCMessage[] = [];
  const transport = connected.client.transport!;
  const deliver = transport.onmessage!;
  transport.onmessage = (message, extra) => {
    seen.push(message);
    deliver(message, extra);
  };
  return seen;
}

const isProgress = (message: JSONRPCMessage) => 'method' in message && message.method === 'notifications/progress';

const CONNECTIONS: Array<[string, () => Promise<Connected>]> = [
  ['2025 protocol', () => connect()],
  ['2026-07-28 protocol', () => connectModern()],
];

describe.each(CONNECTIONS)('load_transcript progress and cancellation (%s)', (_protocol, open) => {
  let connected: Connected;
  beforeEach(async () => {
    connected = await open();
  });
  afterEach(async () => {
    await connected.close();
  });

  it('reports read, parsed and stored, in order, when the client passes a progress token', async () => {
    const inbound = recordInbound(connected);
    const progress: Progress[] = [];
    const result = await connected.client.callTool({ name: 'load_transcript', arguments: { path: QUEST_VTT } }, { onprogress: (p) => progress.push(p) });
    expect(result.isError).toBeFalsy();
    const summary = result.structuredContent as { cue_count: number; turn_count: number };

    expect(progress.map((p) => p.progress)).toEqual([1, 2, 3]);
    expect(progress.every((p) => p.total === 3)).toBe(true);
    expect(progress[0]!.message).toBe(`Read ${(await stat(QUEST_VTT)).size} bytes`);
    expect(progress[1]!.message).toBe(`Parsed ${summary.cue_count} cues into ${summary.turn_count} turns (vtt)`);
    expect(progress[2]!.message).toMatch(/stored/i);
    expect(inbound.filter(isProgress)).toHaveLength(3);
  });

  it('sends the same stages for pasted text', async () => {
    const progress: Progress[] = [];
    await connected.client.callTool({ name: 'load_transcript', arguments: { content: CONTENT } }, { onprogress: (p) => progress.push(p) });
    expect(progress.map((p) => [p.progress, p.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(progress[0]!.message).toBe(`Read ${Buffer.byteLength(CONTENT)} bytes`);
  });

  it('sends no progress without a token', async () => {
    const inbound = recordInbound(connected);
    await callOk(connected.client, 'load_transcript', { path: QUEST_VTT });
    await callOk(connected.client, 'load_transcript', { content: CONTENT });
    expect(inbound.filter(isProgress)).toEqual([]);
    expect(inbound.filter((message) => 'result' in message)).toHaveLength(2);
  });

  it('stores nothing when the client cancels part-way', async () => {
    const cancel = new AbortController();
    const stagesHeard: number[] = [];
    const call = connected.client.callTool(
      { name: 'load_transcript', arguments: { content: CONTENT, title: 'Cancelled load' } },
      {
        signal: cancel.signal,
        onprogress: (p) => {
          stagesHeard.push(p.progress);
          cancel.abort(new Error('user pressed stop'));
        },
      },
    );
    await expect(call).rejects.toThrow(/user pressed stop/);
    expect(stagesHeard).toEqual([1]);

    // The server still answers, and holds nothing from the cancelled load.
    const listed = await callOk<{ transcripts: unknown[] }>(connected.client, 'list_transcripts', {});
    expect(listed.transcripts).toEqual([]);
    const found = await callOk<{ hits: unknown[] }>(connected.client, 'search_transcripts', { query: 'warehouses migration' });
    expect(found.hits).toEqual([]);
    expect(connected.workspace.stores.index?.size).toBe(0);

    const loaded = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CONTENT });
    const after = await callOk<{ transcripts: Array<{ transcript_id: string }> }>(connected.client, 'list_transcripts', {});
    expect(after.transcripts.map((t) => t.transcript_id)).toEqual([loaded.transcript_id]);
    expect(connected.workspace.stores.index?.size).toBe(1);
  });
});

describe('a cancelled load_transcript on a 2025-era connection', () => {
  it('announces no resource list change', async () => {
    const connected = await connect();
    try {
      let listChanges = 0;
      let announced: () => void = () => undefined;
      connected.client.setNotificationHandler('notifications/resources/list_changed', () => {
        listChanges += 1;
        announced();
      });
      const cancel = new AbortController();
      const call = connected.client.callTool({ name: 'load_transcript', arguments: { content: CONTENT } }, { signal: cancel.signal, onprogress: () => cancel.abort(new Error('stop')) });
      await expect(call).rejects.toThrow(/stop/);
      // A load that completes is announced; had the cancelled one been stored, its announcement would have come first.
      const nextAnnouncement = new Promise<void>((resolve) => (announced = resolve));
      await callOk(connected.client, 'load_transcript', { content: CONTENT });
      await nextAnnouncement;
      expect(listChanges).toBe(1);
    } finally {
      await connected.close();
    }
  });
});

/**
 * The hostile client-write corpus through the real write_snapshot_section
 * tool: each case's items are dropped with their reasons (or its arguments
 * refused), nothing it smuggled appears in the stored snapshot, its Markdown
 * or its HTML, and the server keeps serving. After the whole corpus the
 * target holds: every quote stored is verbatim in its turn, and every figure
 * in a client-written section is said in the turns that section cites.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saidNumbers } from '../../src/core/llm/verify.js';
import type { Snapshot } from '../../src/core/snapshot/types.js';
import { HOSTILE_CLIENT_TRANSCRIPT, HOSTILE_CLIENT_WRITES } from '../hostile/client-write-cases.js';
import { callOk, connect, textOf, type Connected } from '../support/harness.js';

describe('hostile client writes through write_snapshot_section', () => {
  let connected: Connected;
  let snapshotId: string;
  let turns: string[];

  beforeAll(async () => {
    connected = await connect();
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: HOSTILE_CLIENT_TRANSCRIPT });
    ({ id: snapshotId } = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id }));
    const read = await callOk<{ turns: Array<{ text: string }> }>(connected.client, 'read_transcript', { transcript_id });
    turns = read.turns.map((turn) => turn.text);
  });
  afterAll(async () => {
    await connected.close();
  });

  async function renderings(): Promise<string[]> {
    const json = await connected.client.callTool({ name: 'get_snapshot', arguments: { snapshot_id: snapshotId, format: 'json' } });
    const markdown = await connected.client.callTool({ name: 'get_snapshot', arguments: { snapshot_id: snapshotId } });
    const html = await connected.client.callTool({ name: 'get_snapshot', arguments: { snapshot_id: snapshotId, format: 'html' } });
    return [textOf(json as never), textOf(markdown as never), textOf(html as never)];
  }

  for (const testCase of HOSTILE_CLIENT_WRITES) {
    it(testCase.name, async () => {
      const result = await connected.client.callTool({ name: 'write_snapshot_section', arguments: { snapshot_id: snapshotId, ...testCase.args } });
      const text = textOf(result as never);
      expect(text).not.toMatch(/\n\s+at /);
      if (testCase.expected === 'rejected') {
        expect(result.isError, text).toBe(true);
      } else {
        expect(result.isError, text).toBeFalsy();
        const dropped = (result.structuredContent as { dropped: Array<{ item: string; reason: string }> }).dropped.map((drop) => [drop.item, drop.reason]);
        expect(dropped.sort()).toEqual([...testCase.expected].sort());
      }
      for (const rendering of await renderings()) {
        for (const smuggled of testCase.absent) expect(rendering, smuggled).not.toContain(smuggled);
        for (const kept of testCase.present ?? []) expect(rendering, kept).toContain(kept);
        expect(rendering).not.toMatch(/<script/i);
      }
    });
  }

  it('stored no quote that is not verbatim and no figure its section does not cite', async () => {
    const snapshot = await callOk<Snapshot>(connected.client, 'get_snapshot', { snapshot_id: snapshotId });
    expect(snapshot.validation.grounded_ratio).toBe(1);
    const evidence = [...snapshot.sections.flatMap((section) => section.evidence), ...Object.values(snapshot.fields).flatMap((field) => (field.value === null ? [] : field.evidence))];
    for (const item of evidence) expect(turns[item.turn_index], item.quote).toContain(item.quote);
    const written = snapshot.sections.filter((section) => section.written_by === 'client');
    expect(written.length).toBeGreaterThan(0);
    for (const section of written) {
      const said = saidNumbers(section.evidence.map((item) => turns[item.turn_index]!));
      const prose = section.content.replace(/\[\d{1,2}:\d{2}(?::\d{2})?\]|\[turn \d+\]/g, '');
      for (const figure of saidNumbers([prose])) expect(said.has(figure), `${section.slug}: ${figure}`).toBe(true);
    }
  });
});

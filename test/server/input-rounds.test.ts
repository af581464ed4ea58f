/**
 * The 2026-07-28 protocol has no server-to-client requests: sampling and
 * elicitation ride inside `input_required` results and the client retries.
 * These tests connect a real SDK client that negotiates 2026-07-28 and lets it
 * fulfil the rounds with its own handlers, as a modern client does.
 */

import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/core/snapshot/types.js';
import { answerPrompt } from '../fakes/fake-model.js';
import { callOk, connectModern, QUEST_VTT, textOf, type Connected } from '../support/harness.js';

const CALL =
  'Priya Nair (Customer): I run customer operations at Larkspur Dental Group, forty clinics across Colorado.\n' +
  'Tom Reyes (Vendor): How has the scheduling assistant done since the March launch?\n' +
  'Priya Nair (Customer): No-shows fell by 18 percent and the front desks save about 12 hours a week.\n';

describe('client input on 2026-07-28 connections', () => {
  let connected: Connected | undefined;
  afterEach(async () => {
    await connected?.close();
    connected = undefined;
  });

  it('writes with the client’s model through input_required rounds, each round’s requests at once', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    let samplingRequests = 0;
    let snapshotRounds = 0;
    connected = await connectModern({
      clientOptions: { capabilities: { sampling: {} } },
      onRequest: (body) => void (body.includes('"generate_snapshot"') && (snapshotRounds += 1)),
    });
    connected.client.setRequestHandler('sampling/createMessage', async (request) => {
      samplingRequests += 1;
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      const text = (request.params.messages[0]!.content as { text: string }).text;
      return { role: 'assistant', model: 'client-model', content: { type: 'text', text: answerPrompt(text) } };
    });
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { path: QUEST_VTT });
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id, engine: 'auto' });
    expect(snapshot.engine).toBe('sampling');
    expect(snapshot.metrics.llm_calls).toBe(samplingRequests);
    expect(mostInFlight).toBeGreaterThan(1);
    // One protocol round per model round, plus the retry that gets the result.
    expect(snapshotRounds).toBeGreaterThanOrEqual(2);
    expect(snapshotRounds).toBeLessThanOrEqual(snapshot.metrics.rounds! + 1);
    expect(snapshot.validation.grounded_ratio).toBe(1);
    expect(snapshot.sections).toHaveLength(11);
    const listed = await callOk<{ snapshots: unknown[] }>(connected.client, 'list_snapshots', {});
    expect(listed.snapshots).toHaveLength(1);
  });

  it('falls back to the offline engine, saying why, when the model’s answers are not usable', async () => {
    connected = await connectModern({ clientOptions: { capabilities: { sampling: {} } } });
    connected.client.setRequestHandler('sampling/createMessage', async () => ({ role: 'assistant', model: 'client-model', content: { type: 'text', text: 'not json at all' } }));
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL });
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id, engine: 'sampling' });
    expect(snapshot.engine).toBe('offline');
    expect(snapshot.validation.issues.map((issue) => issue.code)).toContain('LLM_BAD_OUTPUT');
  });

  it('asks for missing fields with a form and stores the accepted answers as the user’s', async () => {
    const forms: string[] = [];
    connected = await connectModern({ clientOptions: { capabilities: { elicitation: { form: {} } } } });
    connected.client.setRequestHandler('elicitation/create', async (request) => {
      forms.push(request.params.message);
      return { action: 'accept', content: { contact_email: 'priya@example.com' } };
    });
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL });
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id, engine: 'offline', elicit: true });
    expect(forms).toHaveLength(1);
    expect(snapshot.fields.contact_email).toMatchObject({ value: 'priya@example.com', source: 'user' });
  });

  it('lets nobody but the caller resume a waiting call', async () => {
    const manual = { capabilities: { sampling: {} }, inputRequired: { autoFulfill: false } };
    connected = await connectModern({ principal: 'alice', clientOptions: manual });
    const bob = await connectModern({ workspace: connected.workspace, principal: 'bob', clientOptions: manual });
    try {
      const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL });
      const waiting = (await connected.client.callTool({ name: 'generate_snapshot', arguments: { transcript_id, engine: 'sampling' } }, { allowInputRequired: true } as never)) as unknown as {
        resultType: string;
        requestState: string;
        inputRequests: Record<string, { method: string }>;
      };
      expect(waiting.resultType).toBe('input_required');
      expect(Object.values(waiting.inputRequests).map((request) => request.method)).toContain('sampling/createMessage');
      const stolen = await bob.client.callTool({ name: 'generate_snapshot', arguments: { transcript_id }, requestState: waiting.requestState, inputResponses: {} } as never);
      expect(textOf(stolen as never)).toMatch(/^INPUT_ROUND_EXPIRED: /);
    } finally {
      await bob.close();
    }
  });

  it('refuses a retry whose request state it did not issue, without running anything', async () => {
    connected = await connectModern();
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL });
    const result = await connected.client.callTool({ name: 'generate_snapshot', arguments: { transcript_id }, requestState: 'forged-state', inputResponses: {} } as never);
    expect(result.isError).toBe(true);
    expect(textOf(result as never)).toMatch(/^INPUT_ROUND_EXPIRED: /);
    const listed = await callOk<{ snapshots: unknown[] }>(connected.client, 'list_snapshots', {});
    expect(listed.snapshots).toHaveLength(0);
  });
});

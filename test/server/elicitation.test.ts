import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/core/snapshot/types.js';
import { callOk, connect, textOf, QUEST_VTT, type Connected } from '../support/harness.js';

type Answer = { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, string | number> };

describe('generate_snapshot with elicit: true', () => {
  let connected: Connected | undefined;
  afterEach(async () => {
    await connected?.close();
    connected = undefined;
  });

  async function run(answer: Answer) {
    const forms: Array<{ message: string; requestedSchema: { properties: Record<string, { type: string; format?: string }> } }> = [];
    connected = await connect({ clientOptions: { capabilities: { elicitation: { form: {} } } } });
    connected.client.setRequestHandler('elicitation/create', async (request) => {
      forms.push(request.params as never);
      return answer;
    });
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { path: QUEST_VTT });
    const result = await connected.client.callTool({ name: 'generate_snapshot', arguments: { transcript_id, elicit: true } });
    expect(result.isError, textOf(result as never)).toBeFalsy();
    return { forms, snapshot: result.structuredContent as unknown as Snapshot, text: textOf(result as never) };
  }

  it('asks once for the missing fields with primitive, typed properties, and stores accepted answers as the user’s', async () => {
    const { forms, snapshot, text } = await run({ action: 'accept', content: { contact_email: 'franklin@example.com', user_count: 25, cost_savings: '' } });
    expect(forms).toHaveLength(1);
    const properties = forms[0]!.requestedSchema.properties;
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['contact_email', 'cost_savings', 'user_count']));
    expect(Object.keys(properties)).not.toContain('company_name');
    expect(properties.contact_email).toMatchObject({ type: 'string', format: 'email' });
    expect(properties.user_count).toMatchObject({ type: 'integer' });
    for (const property of Object.values(properties)) expect(['string', 'integer', 'number', 'boolean']).toContain(property.type);
    expect(snapshot.fields.contact_email).toMatchObject({ value: 'franklin@example.com', source: 'user' });
    expect(snapshot.fields.user_count).toMatchObject({ value: 25, source: 'user' });
    expect(snapshot.fields.cost_savings).toEqual({ value: null, missing: true });
    expect(text).toMatch(/Added from your answers: .*Contact/);
  });

  it('reports an answer that fails its field definition and keeps the others', async () => {
    const { snapshot, text } = await run({ action: 'accept', content: { roi_percentage: 'lots', user_count: 40 } });
    expect(snapshot.fields.roi_percentage).toEqual({ value: null, missing: true });
    expect(snapshot.fields.user_count).toMatchObject({ value: 40 });
    expect(text).toMatch(/Not accepted: ROI/);
  });

  it('keeps the snapshot when the client sends an answer that does not fit the form', async () => {
    const { snapshot, text } = await run({ action: 'accept', content: { contact_email: 'not-an-email' } });
    expect(snapshot.fields.contact_email).toEqual({ value: null, missing: true });
    expect(text).toMatch(/unchanged/);
  });

  it.each(['decline', 'cancel'] as const)('leaves the snapshot as it was on %s and says so', async (action) => {
    const { snapshot, text } = await run({ action });
    expect(snapshot.fields.contact_email).toEqual({ value: null, missing: true });
    expect(text).toContain(action === 'decline' ? 'declined' : 'cancelled');
    expect(text).toContain('unchanged');
  });

  it('tells clients without forms to use update_snapshot_field', async () => {
    connected = await connect();
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { path: QUEST_VTT });
    const result = await connected.client.callTool({ name: 'generate_snapshot', arguments: { transcript_id, elicit: true } });
    expect(textOf(result as never)).toContain('update_snapshot_field');
  });
});

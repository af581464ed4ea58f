import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/core/snapshot/types.js';
import { callError, callOk, connect, textOf, QUEST_VTT, type Connected } from '../support/harness.js';

const SLUGS = [
  'customer_information',
  'background',
  'solution',
  'engagement_details',
  'results_achievements',
  'adoption_usage',
  'financial_impact',
  'long_term_impact',
  'visuals',
  'additional_commentary',
  'executive_summary',
];

describe('snapshot tools, resources and prompts through a real MCP client', () => {
  let connected: Connected;
  let transcriptId: string;
  beforeEach(async () => {
    connected = await connect();
    ({ transcript_id: transcriptId } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { path: QUEST_VTT }));
  });
  afterEach(async () => {
    await connected.close();
  });

  it('generates the 11-section snapshot with progress per section', async () => {
    const progress: Array<{ progress: number; total?: number; message?: string }> = [];
    const result = await connected.client.callTool(
      { name: 'generate_snapshot', arguments: { transcript_id: transcriptId } },
      { onprogress: (p) => progress.push(p) },
    );
    expect(result.isError).toBeFalsy();
    const snapshot = result.structuredContent as unknown as Snapshot;
    expect(snapshot.sections.map((s) => s.slug)).toEqual(SLUGS);
    expect(snapshot.engine).toBe('offline');
    expect(snapshot.transcript_id).toBe(transcriptId);
    expect(snapshot.validation.grounded_ratio).toBe(1);
    expect(snapshot.fields.company_name).toMatchObject({ value: 'Quest Enterprises', source: 'transcript' });
    expect(snapshot.fields.contact_email).toEqual({ value: null, missing: true });
    for (const section of snapshot.sections) {
      expect(section.confidence).toBeGreaterThanOrEqual(0);
      expect(section.confidence).toBeLessThanOrEqual(1);
      expect(section.content.length).toBeGreaterThan(0);
    }
    expect(progress.length).toBeGreaterThanOrEqual(11);
    const last = progress.at(-1)!;
    expect(last.total).toBeGreaterThanOrEqual(11);
    expect(last.progress).toBe(last.total);
    const progressValues = progress.map((p) => p.progress);
    expect([...progressValues].sort((a, b) => a - b)).toEqual(progressValues);
    expect(textOf(result as never)).toMatch(/^# Customer Success Snapshot/);
    expect(result.content.filter((part) => part.type === 'resource_link')).toHaveLength(3);
  });

  it('takes the vendor as a name or a profile, and refuses a profile of the wrong shape with the schema error', async () => {
    for (const vendor of ['Fabrikam', { company: 'Fabrikam', aliases: ['Fabrikam Logistics'], products: ['Fabrikam Dispatch'], domains: ['Fabrikam.example'] }]) {
      const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id: transcriptId, vendor, sections: ['customer_information'] });
      expect(snapshot.sections.map((section) => section.slug)).toEqual(['customer_information']);
    }
    const refused = await callError(connected.client, 'generate_snapshot', { transcript_id: transcriptId, vendor: { company: 'Fabrikam', domains: ['someone@fabrikam.example'] } });
    expect(refused).toMatch(/^Input validation error: Invalid arguments for tool generate_snapshot:.*vendor/s);
    const { tools } = await connected.client.listTools();
    const vendorSchema = (tools.find((tool) => tool.name === 'generate_snapshot')!.inputSchema.properties as Record<string, { description?: string }>).vendor!;
    expect(vendorSchema.description).toMatch(/SNAPSHOT_VENDOR/);
  });

  it('reports the same talk shares as load_transcript', async () => {
    const loaded = await callOk<{ speakers: Array<{ name: string; talk_share: number }> }>(connected.client, 'load_transcript', { path: QUEST_VTT });
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id: transcriptId, sections: ['customer_information'] });
    for (const speaker of loaded.speakers) {
      expect(snapshot.meeting.speakers.find((s) => s.name === speaker.name)?.talk_share).toBeCloseTo(speaker.talk_share, 2);
    }
  });

  it('generates only the requested sections, in catalogue order', async () => {
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id: transcriptId, sections: ['financial_impact', 'customer_information'], format: 'json' });
    expect(snapshot.sections.map((s) => s.slug)).toEqual(['customer_information', 'financial_impact']);
  });

  it('gets, lists, corrects a field and deletes', async () => {
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id: transcriptId });
    const html = await connected.client.callTool({ name: 'get_snapshot', arguments: { snapshot_id: snapshot.id, format: 'html' } });
    expect(textOf(html as never)).toMatch(/^<!DOCTYPE html>/i);
    const json = await connected.client.callTool({ name: 'get_snapshot', arguments: { snapshot_id: snapshot.id, format: 'json' } });
    expect(JSON.parse(textOf(json as never).split('\n').filter((l) => !l.startsWith('[')).join('\n') || '{}')).toBeTruthy();
    const section = await connected.client.callTool({ name: 'get_snapshot', arguments: { snapshot_id: snapshot.id, section: 'engagement_details' } });
    expect(textOf(section as never)).toContain('Engagement Details');
    expect(textOf(section as never)).not.toContain('## Financial Impact');

    const listed = await callOk<{ snapshots: Array<{ snapshot_id: string; transcript_id: string }> }>(connected.client, 'list_snapshots', {});
    expect(listed.snapshots).toEqual([expect.objectContaining({ snapshot_id: snapshot.id, transcript_id: transcriptId })]);

    const updated = await callOk<Snapshot>(connected.client, 'update_snapshot_field', { snapshot_id: snapshot.id, field: 'contact_email', value: 'franklin@example.com' });
    expect(updated.fields.contact_email).toMatchObject({ value: 'franklin@example.com', source: 'user' });
    const customer = updated.sections.find((s) => s.slug === 'customer_information')!;
    expect(customer.content).toContain('franklin@example.com');
    expect(customer.missing_fields).not.toContain('contact_email');

    expect(await callError(connected.client, 'update_snapshot_field', { snapshot_id: snapshot.id, field: 'start_date', value: 'next Tuesday' })).toMatch(/^FIELD_INVALID/);
    expect(await callError(connected.client, 'update_snapshot_field', { snapshot_id: snapshot.id, field: 'user_count', value: 12.5 })).toMatch(/^FIELD_INVALID/);
    expect(await callError(connected.client, 'update_snapshot_field', { snapshot_id: snapshot.id, field: 'contact_email', value: 'not an email' })).toMatch(/^FIELD_INVALID/);
    // A rejected update leaves the stored snapshot as it was.
    const still = await callOk<Snapshot>(connected.client, 'get_snapshot', { snapshot_id: snapshot.id, format: 'json' });
    expect(still.fields.contact_email).toMatchObject({ value: 'franklin@example.com' });

    await callOk(connected.client, 'delete_snapshot', { snapshot_id: snapshot.id });
    expect(await callError(connected.client, 'get_snapshot', { snapshot_id: snapshot.id })).toMatch(/^SNAPSHOT_NOT_FOUND/);
  });

  it('deleting the transcript deletes its snapshots', async () => {
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id: transcriptId });
    const deleted = await callOk<{ snapshots_deleted: number }>(connected.client, 'delete_transcript', { transcript_id: transcriptId });
    expect(deleted.snapshots_deleted).toBe(1);
    expect(await callError(connected.client, 'get_snapshot', { snapshot_id: snapshot.id })).toMatch(/^SNAPSHOT_NOT_FOUND/);
  });

  it('serves the snapshot resources and field definitions, with completions', async () => {
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id: transcriptId });
    const read = async (uri: string) => (await connected.client.readResource({ uri })).contents[0] as { text: string; mimeType: string };
    const asJson = await read(`snapshot://${snapshot.id}`);
    expect(asJson.mimeType).toBe('application/json');
    expect(JSON.parse(asJson.text)).toMatchObject({ id: snapshot.id, transcript_id: transcriptId });
    expect((await read(`snapshot://${snapshot.id}/markdown`)).text).toMatch(/^# Customer Success Snapshot/);
    const html = await read(`snapshot://${snapshot.id}/html`);
    expect(html.mimeType).toBe('text/html');
    expect(html.text).toContain('<svg');
    expect((await read(`snapshot://${snapshot.id}/section/visuals`)).text).toContain('Visuals');
    await expect(connected.client.readResource({ uri: `snapshot://${snapshot.id}/section/nope` })).rejects.toThrow();
    await expect(connected.client.readResource({ uri: 'snapshot://s_unknown' })).rejects.toThrow();

    const field = JSON.parse((await read('field://start_date')).text);
    expect(field).toMatchObject({ name: 'start_date', type: 'date' });
    const listed = await connected.client.listResources();
    const uris = listed.resources.map((r) => r.uri);
    expect(uris).toContain(`snapshot://${snapshot.id}`);
    expect(uris.filter((u) => u.startsWith('field://'))).toHaveLength(15);

    const templates = await connected.client.listResourceTemplates();
    expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toEqual(
      expect.arrayContaining(['transcript://{id}', 'snapshot://{id}', 'snapshot://{id}/markdown', 'snapshot://{id}/html', 'snapshot://{id}/section/{slug}', 'field://{name}']),
    );
    const idCompletion = await connected.client.complete({ ref: { type: 'ref/resource', uri: 'snapshot://{id}/html' }, argument: { name: 'id', value: 's_' } });
    expect(idCompletion.completion.values).toContain(snapshot.id);
    const slugCompletion = await connected.client.complete({ ref: { type: 'ref/resource', uri: 'snapshot://{id}/section/{slug}' }, argument: { name: 'slug', value: 'fin' } });
    expect(slugCompletion.completion.values).toEqual(['financial_impact']);
    const nameCompletion = await connected.client.complete({ ref: { type: 'ref/resource', uri: 'field://{name}' }, argument: { name: 'name', value: 'contact_' } });
    expect(nameCompletion.completion.values.sort()).toEqual(['contact_email', 'contact_position']);
  });

  it('offers a prompt per section plus the workflow prompts, with argument completion', async () => {
    const { prompts } = await connected.client.listPrompts();
    const names = prompts.map((p) => p.name);
    for (const slug of SLUGS) expect(names).toContain(`${slug}_section`);
    expect(names).toEqual(expect.arrayContaining(['customer_snapshot', 'elicit_missing_field']));

    const prompt = await connected.client.getPrompt({ name: 'financial_impact_section', arguments: { transcript_id: transcriptId } });
    const text = (prompt.messages[0]!.content as { text: string }).text;
    expect(text).toContain(transcriptId);
    expect(text).toMatch(/Cost savings/i);
    const workflow = await connected.client.getPrompt({ name: 'customer_snapshot', arguments: { transcript_id: transcriptId } });
    expect((workflow.messages[0]!.content as { text: string }).text).toContain('generate_snapshot');
    const elicit = await connected.client.getPrompt({ name: 'elicit_missing_field', arguments: { field: 'contact_email' } });
    expect((elicit.messages[0]!.content as { text: string }).text).toContain('update_snapshot_field');

    const completion = await connected.client.complete({ ref: { type: 'ref/prompt', name: 'background_section' }, argument: { name: 'transcript_id', value: transcriptId.slice(0, 3) } });
    expect(completion.completion.values).toContain(transcriptId);
    const fieldCompletion = await connected.client.complete({ ref: { type: 'ref/prompt', name: 'elicit_missing_field' }, argument: { name: 'field', value: 'roi' } });
    expect(fieldCompletion.completion.values).toEqual(['roi_percentage']);
  });
});

describe('mask_pii', () => {
  const CALL =
    'Dana Ortiz (Customer): I lead IT at Brightwater Logistics; write to dana.ortiz@brightwater.example or call +1 415 555 0142.\n' +
    'Sam Lee (Vendor): Since the rollout in May, how many drivers use the routing app?\n' +
    'Dana Ortiz (Customer): About 350 drivers, and dispatch time fell by 30 percent. My deputy is on 020 7946 0958.\n';

  it('masks e-mails and phone numbers everywhere in the snapshot, keeps values the user entered, and stays masked after an update', async () => {
    const connected = await connect();
    try {
      const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL });
      const result = await connected.client.callTool({ name: 'generate_snapshot', arguments: { transcript_id, mask_pii: true } });
      const snapshot = result.structuredContent as unknown as Snapshot;
      const everything = JSON.stringify(snapshot) + textOf(result as never);
      expect(everything).not.toMatch(/dana\.ortiz@|555 0142|7946 0958/);
      expect(everything).toContain('[email]');
      expect(everything).toContain('[phone]');
      expect(snapshot.pii_masked).toBe(true);
      expect(everything).toContain('350');

      const updated = await callOk<Snapshot>(connected.client, 'update_snapshot_field', { snapshot_id: snapshot.id, field: 'contact_email', value: 'dana@brightwater.example' });
      expect(updated.fields.contact_email).toMatchObject({ value: 'dana@brightwater.example', source: 'user' });
      expect(JSON.stringify(updated.sections)).not.toMatch(/dana\.ortiz@|555 0142/);
      expect(updated.pii_masked).toBe(true);

      const unmasked = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id });
      expect(JSON.stringify(unmasked)).toContain('dana.ortiz@brightwater.example');
      expect(unmasked.pii_masked).toBeUndefined();
    } finally {
      await connected.close();
    }
  });
});

describe('tool catalogue', () => {
  it('every tool has a verb name, a title, a useful description, full annotations and schemas', async () => {
    const connected = await connect();
    try {
      const { tools } = await connected.client.listTools();
      expect(tools).toHaveLength(16);
      for (const tool of tools) {
        expect(tool.name).toMatch(/^(load|list|read|search|transcript|delete|generate|get|update|import|security|write)_[a-z_]+$/);
        expect(tool.title, tool.name).toBeTruthy();
        expect(tool.description!.length, tool.name).toBeGreaterThan(60);
        expect(tool.description!.length, tool.name).toBeLessThan(600);
        for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
          expect(typeof tool.annotations?.[hint], `${tool.name}.${hint}`).toBe('boolean');
        }
        expect(tool.outputSchema, tool.name).toBeDefined();
        const properties = (tool.inputSchema as { properties?: Record<string, { description?: string }> }).properties ?? {};
        for (const [name, property] of Object.entries(properties)) expect(property.description, `${tool.name}.${name}`).toBeTruthy();
      }
      const destructive = tools.filter((t) => t.annotations?.destructiveHint).map((t) => t.name).sort();
      expect(destructive).toEqual(['delete_customer_data', 'delete_snapshot', 'delete_transcript']);
    } finally {
      await connected.close();
    }
  });
});

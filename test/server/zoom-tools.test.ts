/**
 * Zoom end to end through a real MCP client: list -> import -> snapshot
 * against the fake Zoom on 127.0.0.1, the not-configured answer, and no
 * secret or token in any result.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/app/workspace.js';
import { createSilentLogger } from '../../src/logger.js';
import { FakeZoom } from '../fakes/fake-zoom.js';
import { CANARY_SECRET, CANARY_TOKEN_PREFIX, meeting, zoomVtt } from '../zoom/harness.js';
import { callError, callOk, connect, testConfig, textOf, type Connected } from '../support/harness.js';

const CALL = zoomVtt([
  ['Priya Nair (Customer)', 'I lead customer operations at Larkspur Dental Group, a chain of forty clinics in Denver.'],
  ['Tom Reyes (Vendor)', 'Thanks Priya. How has the scheduling assistant worked out since launch?'],
  ['Priya Nair (Customer)', 'No-shows dropped by 18% and our front desks save about 12 hours a week.'],
  ['Tom Reyes (Vendor)', 'That is great to hear. Which dashboard do you use to track it?'],
  ['Priya Nair (Customer)', 'The utilisation dashboard, every Monday with the regional managers.'],
]);

describe('Zoom tools through a real MCP client', () => {
  let connected: Connected | undefined;
  let fake: FakeZoom | undefined;
  afterEach(async () => {
    await connected?.close();
    await fake?.close();
  });

  async function connectWithFakeZoom(): Promise<{ connected: Connected; fake: FakeZoom }> {
    fake = await FakeZoom.start({ accountId: 'acct-1', clientId: 'client-1', clientSecret: CANARY_SECRET, tokenPrefix: CANARY_TOKEN_PREFIX });
    const settings = fake.settings();
    const config = testConfig({
      ZOOM_ACCOUNT_ID: settings.accountId,
      ZOOM_CLIENT_ID: settings.clientId,
      ZOOM_CLIENT_SECRET: settings.clientSecret,
      ZOOM_API_BASE_URL: settings.apiBaseUrl,
      ZOOM_OAUTH_URL: settings.oauthUrl,
    });
    connected = await connect({ workspace: new Workspace({ config, logger: createSilentLogger() }) });
    return { connected, fake };
  }

  it('lists, imports with progress, and snapshots a Zoom recording', async () => {
    const { connected: c, fake: zoom } = await connectWithFakeZoom();
    const today = new Date().toISOString().slice(0, 10);
    zoom.addMeeting(meeting({ startTime: `${today}T09:00:00Z`, topic: 'Larkspur quarterly review', transcript: CALL }));
    zoom.addMeeting(meeting({ startTime: `${today}T11:00:00Z`, topic: 'Internal standup', transcript: null }));

    const list = await callOk<{ meetings: Array<{ uuid: string; topic: string; has_transcript: boolean }> }>(c.client, 'list_zoom_recordings', {});
    expect(list.meetings.map((m) => m.topic)).toEqual(['Larkspur quarterly review']);
    const all = await callOk<{ meetings: unknown[] }>(c.client, 'list_zoom_recordings', { include_without_transcript: true });
    expect(all.meetings).toHaveLength(2);

    const progress: number[] = [];
    const imported = await c.client.callTool(
      { name: 'import_zoom_transcript', arguments: { meeting_id: list.meetings[0]!.uuid } },
      { onprogress: (p) => progress.push(p.progress) },
    );
    expect(imported.isError, textOf(imported as never)).toBeFalsy();
    const summary = imported.structuredContent as { transcript_id: string; title: string; source: { kind: string; name: string }; speakers: Array<{ name: string; role: string }> };
    expect(summary).toMatchObject({ title: 'Larkspur quarterly review', source: { kind: 'zoom', name: 'Larkspur quarterly review' } });
    expect(summary.speakers).toContainEqual(expect.objectContaining({ name: 'Priya Nair', role: 'Customer' }));
    expect(progress.length).toBeGreaterThan(0);

    const snapshot = await callOk<{ fields: Record<string, { value: unknown }> }>(c.client, 'generate_snapshot', { transcript_id: summary.transcript_id });
    expect(snapshot.fields.company_name!.value).toBe('Larkspur Dental Group');
    expect(snapshot.fields.primary_contact!.value).toBe('Priya Nair');

    for (const result of [list, all, summary, snapshot]) {
      const serialized = JSON.stringify(result);
      expect(serialized).not.toContain(CANARY_SECRET);
      expect(serialized).not.toContain(CANARY_TOKEN_PREFIX);
    }
  });

  it('answers ZOOM_NOT_CONFIGURED, naming what to set, when credentials are missing', async () => {
    connected = await connect();
    const error = await callError(connected.client, 'list_zoom_recordings', {});
    expect(error).toMatch(/^ZOOM_NOT_CONFIGURED/);
    expect(error).toContain('ZOOM_CLIENT_SECRET');
    expect(await callError(connected.client, 'import_zoom_transcript', { meeting_id: '123' })).toMatch(/^ZOOM_NOT_CONFIGURED/);
    // Nothing else breaks.
    await callOk(connected.client, 'list_transcripts', {});
  });

  it('maps an unknown meeting to ZOOM_NOT_FOUND and a bad range to a coded error', async () => {
    const { connected: c } = await connectWithFakeZoom();
    expect(await callError(c.client, 'import_zoom_transcript', { meeting_id: '99999999999' })).toMatch(/^ZOOM_NOT_FOUND/);
    expect(await callError(c.client, 'list_zoom_recordings', { from: '2024-05-01', to: '2024-04-01' })).toMatch(/^INVALID_ARGUMENT/);
    expect((await c.client.callTool({ name: 'list_zoom_recordings', arguments: { from: 'yesterday' } })).isError).toBe(true);
  });
});

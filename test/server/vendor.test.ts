/**
 * Knowing who we are: the vendor's profile, given per call (`vendor` on
 * generate_snapshot) or for the whole server (SNAPSHOT_VENDOR), decides the
 * sides, through a real MCP client. On this call the vendor never says what
 * it sells in so many words, so its name, products and e-mail domain are
 * what tell the sides apart.
 */

import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/core/snapshot/types.js';
import { callOk, connect, testConfig, type Connected } from '../support/harness.js';
import { Workspace } from '../../src/app/workspace.js';
import { createSilentLogger } from '../../src/logger.js';

const CALL = [
  'Priya Nandakumar: Good morning Oskar, thanks for joining the quarterly review. You can always reach me at priya.n@tessellate.example.',
  'Oskar Lindgren: Morning Priya. Happy to be here. I run logistics at Bramblewood Foods, the bakery chain in Leeds.',
  'Priya Nandakumar: Great. So how is Shelfwise working for the depots since go-live?',
  'Oskar Lindgren: Really well. We have 140 people using Shelfwise every day now, and we went live on March 3rd, 2025.',
  'Priya Nandakumar: That is wonderful. At Tessellate we see that a lot with food distributors.',
  'Oskar Lindgren: Our waste is down 18 percent, which saved us about $240,000 this year.',
  'Priya Nandakumar: Fantastic. Shall we look at the renewal next?',
  'Oskar Lindgren: Yes, let us do that.',
].join('\n');

const PROFILE = { company: 'Tessellate', products: ['Shelfwise'], domains: ['tessellate.example'] };

describe('the vendor profile decides the sides', () => {
  let connected: Connected;
  afterEach(async () => {
    await connected.close();
  });

  async function snapshotOf(args: Record<string, unknown> = {}): Promise<Snapshot> {
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL, title: 'Quarterly review' });
    return callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id, ...args });
  }

  function expectSidesFromProfile(snapshot: Snapshot): void {
    expect(snapshot.fields.company_name).toMatchObject({ value: 'Bramblewood Foods' });
    expect(snapshot.fields.product_name).toMatchObject({ value: 'Shelfwise' });
    expect(snapshot.fields.primary_contact).toMatchObject({ value: 'Oskar Lindgren' });
    expect(snapshot.fields.user_count).toMatchObject({ value: 140 });
    expect(snapshot.meeting.speakers).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Priya Nandakumar', role: 'vendor' }), expect.objectContaining({ name: 'Oskar Lindgren', role: 'customer' })]),
    );
    expect(snapshot.validation.issues.map((issue) => issue.code)).not.toContain('NOT_A_CUSTOMER_CALL');
  }

  it('takes the profile given with the call', async () => {
    connected = await connect();
    expectSidesFromProfile(await snapshotOf({ vendor: PROFILE }));
  });

  it('takes SNAPSHOT_VENDOR when the call gives none, and a per-call name over it', async () => {
    const config = testConfig({ SNAPSHOT_VENDOR: JSON.stringify(PROFILE) });
    connected = await connect({ workspace: new Workspace({ config, logger: createSilentLogger() }) });
    expectSidesFromProfile(await snapshotOf());
    // The user speaks for another company on this call: the profile they give wins, so Tessellate is not theirs.
    const asBramblewood = await snapshotOf({ vendor: 'Bramblewood Foods' });
    expect(asBramblewood.fields.company_name.value).not.toBe('Bramblewood Foods');
  });

  it('never takes the vendor, or a speaker on its e-mail domain, for the customer', async () => {
    connected = await connect();
    const byDomain = await snapshotOf({ vendor: { company: 'Tessellate', domains: ['tessellate.example'] } });
    expect(byDomain.fields.company_name.value).not.toBe('Tessellate');
    expect(byDomain.fields.primary_contact.value).not.toBe('Priya Nandakumar');
    expect(byDomain.meeting.speakers.find((speaker) => speaker.name === 'Priya Nandakumar')?.role).toBe('vendor');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callError, callOk, connect, textOf, type Connected } from '../support/harness.js';

interface Hit {
  turn_index: number;
  text: string;
  explanation?: {
    matched: Array<{ query: string; matched: string; via: string; discount: string | null; score: number }>;
    coverage: number;
    reply_credit: number;
    intent: { kind: string; evidence: number; factor: number } | null;
    proximity_factor: number;
  };
}

const CALL = [
  'Dana Reyes: Welcome everyone, this is the Quarrow Freight check-in.',
  'Sam Ortiz: Thanks Dana. Quarrow Freight is happy overall, the dispatch team uses it daily.',
  'Dana Reyes: When did the platform go live for you?',
  'Sam Ortiz: We went live on April 14th, in all three depots at once.',
  'Dana Reyes: And the live dashboards, are people using them in the depot?',
  'Sam Ortiz: Yes, the live dashboards are on the wall in every depot.',
  'Dana Reyes: Does each depot have its own admin?',
  'Sam Ortiz: One admin per depot, and the depot leads share one login.',
  'Dana Reyes: Great. Quarrow Freight renewal is next on my list.',
].join('\n');

describe('search_transcripts explain, through a real MCP client', () => {
  let connected: Connected;
  let transcriptId: string;
  beforeEach(async () => {
    connected = await connect();
    ({ transcript_id: transcriptId } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL, title: 'Check-in' }));
  });
  afterEach(async () => {
    await connected.close();
  });

  it('answers a when-question with the turn that says "went live" and a date, and says why', async () => {
    const result = await connected.client.callTool({
      name: 'search_transcripts',
      arguments: { query: 'When did the platform go live?', transcript_id: transcriptId, limit: 3, explain: true },
    });
    expect(result.isError).toBeFalsy();
    const { hits } = result.structuredContent as { hits: Hit[] };
    expect(hits[0]!.text).toBe('We went live on April 14th, in all three depots at once.');
    const why = hits[0]!.explanation!;
    expect(why.matched).toContainEqual(expect.objectContaining({ query: 'go live', matched: 'went live', via: 'form' }));
    expect(why.intent).toMatchObject({ kind: 'time', evidence: 1 });
    expect(why.intent!.factor).toBeGreaterThan(1);
    expect(why.coverage).toBeGreaterThan(0);
    expect(textOf(result as never)).toContain('why: "go live" (form) went live; time answer');
  });

  it('marks the name the meeting keeps using as weighing less than the asked words', async () => {
    const { hits } = await callOk<{ hits: Hit[] }>(connected.client, 'search_transcripts', {
      query: 'How many depots does Quarrow Freight have?',
      transcript_id: transcriptId,
      explain: true,
    });
    expect(hits[0]!.text).toContain('three depots');
    const named = hits.flatMap((hit) => hit.explanation!.matched).filter((match) => match.query === 'Quarrow Freight');
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((match) => match.discount === 'meeting name')).toBe(true);
    expect(hits[0]!.explanation!.intent).toMatchObject({ kind: 'quantity' });
  });

  it('leaves plain keyword queries without intent, and hits without explanation unless asked', async () => {
    const explained = await callOk<{ hits: Hit[] }>(connected.client, 'search_transcripts', { query: 'live dashboards', transcript_id: transcriptId, explain: true });
    expect(explained.hits[0]!.explanation!.intent).toBeNull();
    const plain = await callOk<{ hits: Hit[] }>(connected.client, 'search_transcripts', { query: 'live dashboards', transcript_id: transcriptId });
    expect(plain.hits.map((hit) => hit.turn_index)).toEqual(explained.hits.map((hit) => hit.turn_index));
    expect(plain.hits.every((hit) => hit.explanation === undefined)).toBe(true);
  });

  it('rejects an explain that is not a boolean', async () => {
    expect(await callError(connected.client, 'search_transcripts', { query: 'depots', explain: 'yes' })).toMatch(/^Input validation error: .*explain/);
  });
});

import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../transcript/build-transcript.js';
import type { Transcript } from '../transcript/types.js';
import { TranscriptSearchIndex, type SearchHit } from './search-index.js';

/** [speaker, start "mm:ss" or null, text]; each line becomes one turn ending where the next starts. */
type Line = [speaker: string | null, start: string | null, text: string];

function makeTranscript(id: string, lines: Line[]): Transcript {
  const seconds = (clock: string | null): number | null => {
    if (clock === null) return null;
    const [minutes, secs] = clock.split(':').map(Number);
    return (minutes! * 60 + secs!) * 1000;
  };
  const turns = lines.map(([speaker, start, text], index) => {
    const startMs = seconds(start);
    const next = lines[index + 1];
    const endMs = startMs === null ? null : next ? seconds(next[1]) : startMs + 10_000;
    return { index, speaker, startMs, endMs, text, firstCue: index, lastCue: index };
  });
  return {
    id,
    title: id,
    source: { kind: 'inline', name: null },
    format: lines[0]![1] === null ? 'txt' : 'vtt',
    cues: turns.map(({ index, speaker, startMs, endMs, text }) => ({ index, speaker, startMs, endMs, text, line: index + 1 })),
    turns,
    speakers: [...new Set(lines.map(([speaker]) => speaker))].map((name) => ({ name: name ?? 'Unknown', role: null })),
    durationMs: null,
    wordCount: 0,
    warnings: [],
    loadedAt: '2025-01-01T00:00:00.000Z',
  };
}

/** A vendor/customer onboarding retrospective, Teams style, four speakers. */
const RETRO = makeTranscript('retro', [
  ['Maya Chen', '00:05', 'Thanks everyone for joining. Today is the onboarding retrospective for the first ninety days. I want to cover what went well, what slowed us down, and what we change for the second wave of users.'],
  ['Luis Ortega', '00:31', 'Sure. Before we start, can I share my screen? I have the onboarding checklist and the adoption numbers from the admin console.'],
  ['Maya Chen', '00:45', 'Go ahead. And Priya, feel free to jump in with the IT side.'],
  ['Luis Ortega', '01:02', 'So we onboarded two hundred and ten users across three regions. Weekly active usage is at sixty-eight percent, which is above the benchmark we agreed in the kickoff.'],
  ['Maya Chen', '01:40', 'Great. So what slowed down onboarding the most, from your point of view?'],
  ['Priya Natarajan', '01:52', 'Honestly the single sign-on approval was the bottleneck. Onboarding stalled for about three weeks while our security team reviewed the SAML certificate, and nobody outside the pilot group could log in until that was signed off.'],
  ['Luis Ortega', '02:30', 'That matches what we saw. The training sessions themselves went smoothly once people had access.'],
  ['Dev Malhotra', '02:48', 'One smaller thing: the dashboard loads slowly for the European users in the morning, but that is a performance ticket, not an onboarding problem.'],
  ['Maya Chen', '03:10', 'Noted. Priya, remind me, where are you based these days? I know the team moved offices.'],
  ['Priya Natarajan', '03:18', 'I am based in our Denver office now, the rest of IT is still in Austin.'],
  ['Dev Malhotra', '03:30', 'And I will be in Lisbon for the next quarter, so mornings work better for me.'],
  ['Maya Chen', '03:44', 'Let us set up a weekly sync for the second wave. Tuesdays at 10 a.m. Mountain?'],
  ['Luis Ortega', '03:55', 'Tuesday at 10:00 AM works. I will send the invite and include the champions from each region.'],
  ['Maya Chen', '04:10', 'Perfect. Last item: renewal. The contract renews on June 30th and finance wants a decision by the end of May.'],
  ['Dev Malhotra', '04:30', 'Our CFO, Karen Holt, signs anything over fifty thousand dollars, so she needs the usage report two weeks before.'],
  ['Luis Ortega', '04:52', 'I can have the usage report ready by May 15th.'],
]);

/** A discovery call with a healthcare prospect, Zoom style. */
const DISCOVERY = makeTranscript('discovery', [
  ['Sam Whitfield', '00:04', 'Thanks for making the time. To start, could you tell me a bit about how scheduling works across your clinics today?'],
  ['Grace Okafor', '00:15', 'We run fourteen outpatient clinics. Each one keeps its own spreadsheet of appointments, and the call center copies them into the scheduling system by hand every night.'],
  ['Sam Whitfield', '00:48', 'How much time does that copying take?'],
  ['Grace Okafor', '00:55', 'Roughly two hours per clinic per day. That is the manual work we want to eliminate first.'],
  ['Sam Whitfield', '01:20', 'Understood. Which system holds the patient records?'],
  ['Grace Okafor', '01:28', 'The electronic health record is Epic. The appointment history is stored in a separate SQL Server database that our vendor maintains.'],
  ['Sam Whitfield', '01:55', 'And what budget have you set aside for this project?'],
  ['Grace Okafor', '02:02', 'The board approved forty thousand dollars for the first phase, with a second phase if we hit the adoption targets.'],
  ['Sam Whitfield', '02:30', 'When would you like to go live?'],
  ['Grace Okafor', '02:36', 'We are aiming for a go-live on March 3rd, before the spring flu season peaks.'],
  ['Sam Whitfield', '02:58', 'That is tight but doable. Who else should be involved in the evaluation?'],
  ['Grace Okafor', '03:07', 'Our practice manager, Tom Reyes, and someone from compliance, because of HIPAA.'],
]);

/** A standup pasted as plain text: no timestamps, one line unattributed. */
const STANDUP = makeTranscript('standup', [
  ['Ana', null, 'Yesterday I finished the export job for the billing data. Today I am pairing with Ken on the retry logic.'],
  ['Ken', null, 'I am blocked on the staging database credentials, they expired over the weekend.'],
  [null, null, 'Sorry, joining late, I was stuck in another call.'],
  ['Ana', null, 'No worries. Ken, ping ops about the credentials, they rotate them every ninety days.'],
]);

function indexOf(...transcripts: Transcript[]): TranscriptSearchIndex {
  const index = new TranscriptSearchIndex();
  for (const transcript of transcripts) index.add(transcript);
  return index;
}

/** 1-based rank of the first hit whose text contains `needle` (case-insensitive), or 0. */
function rankOf(hits: SearchHit[], needle: string): number {
  return hits.findIndex((hit) => hit.text.toLowerCase().includes(needle.toLowerCase())) + 1;
}

describe('TranscriptSearchIndex ranking', () => {
  const index = indexOf(RETRO, DISCOVERY, STANDUP);

  it.each([
    ['what slowed down onboarding?', 'single sign-on approval was the bottleneck'],
    ['Where is Priya based?', 'based in our Denver office'],
    ['who signs the contract', 'signs anything over fifty thousand'],
    ['which system holds the patient records', 'electronic health record is Epic'],
    ['how long does the copying take', 'two hours per clinic'],
    ['go-live date', 'go-live on March 3rd'],
    ['weekly sync time', 'Tuesdays at 10 a.m.'],
    ['how much will it cost', 'forty thousand dollars'],
    ['when does the contract renew', 'renews on June 30th'],
    ['who is blocked', 'blocked on the staging database'],
  ])('ranks the answer to %j in the top 3', (query, answer) => {
    const rank = rankOf(index.search(query, { limit: 10 }), answer);
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(3);
  });

  it('matches clock times however they are written', () => {
    for (const query of ['10am', '10:00 a.m.', '10 AM']) {
      const texts = index.search(query).map((hit) => hit.text);
      expect(texts.some((text) => text.includes('Tuesdays at 10 a.m.'))).toBe(true);
      expect(texts.some((text) => text.includes('Tuesday at 10:00 AM'))).toBe(true);
    }
  });

  it('matches spelled-out numbers with digits', () => {
    const [first] = index.search('40 thousand');
    expect(first?.text).toContain('forty thousand dollars');
  });

  it('finds turns that mention a person, not only turns they spoke', () => {
    const hits = index.search('Priya');
    expect(hits.some((hit) => hit.speaker !== 'Priya Natarajan' && hit.text.includes('Priya'))).toBe(true);
  });

  it('returns the hit with its transcript, turn, speaker and times', () => {
    const [first] = index.search('spring flu season');
    expect(first).toMatchObject({ transcriptId: 'discovery', turnIndex: 9, speaker: 'Grace Okafor', startMs: 156_000, endMs: 178_000 });
    expect(first!.score).toBeGreaterThan(0);
  });

  it('keeps null times and null speakers for plain-text turns', () => {
    const [first] = index.search('joining late');
    expect(first).toMatchObject({ transcriptId: 'standup', speaker: null, startMs: null, endMs: null });
  });

  it('answers a query the same whatever the index was asked before', () => {
    const fresh = () => indexOf(RETRO, DISCOVERY, STANDUP);
    const queries = ['Priya onboarding users', 'how much will it cost', 'go-live date'];
    const alone = queries.map((query) => fresh().search(query, { explain: true }));
    const reused = fresh();
    // A query with more concepts, and one limited to a speaker, leave nothing behind for the next.
    reused.search('onboarding adoption checklist admin console contract renewal clinic records', { limit: 3 });
    reused.search('onboarding', { speaker: 'Priya' });
    expect(queries.map((query) => reused.search(query, { explain: true }))).toEqual(alone);
  });

  it('orders hits by descending score', () => {
    const scores = index.search('onboarding users', { limit: 10 }).map((hit) => hit.score);
    expect(scores.length).toBeGreaterThan(2);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('TranscriptSearchIndex on a parsed Teams file', () => {
  const teams = buildTranscript({
    id: 'qbr',
    source: { kind: 'file', name: 'qbr.vtt' },
    loadedAt: '2025-01-01T00:00:00.000Z',
    text: `WEBVTT

3f2a9c1e-1b2c-4d5e-8f90-a1b2c3d4e5f6/12-0
00:00:03.120 --> 00:00:09.480
<v Hana Sato>Welcome to the quarterly business review. Who owns the data migration on your side?</v>

3f2a9c1e-1b2c-4d5e-8f90-a1b2c3d4e5f6/13-0
00:00:10.020 --> 00:00:18.900
<v Omar Haddad (Customer)>That is Lucia in our platform team. She expects the warehouse cutover in the first week of October.</v>

3f2a9c1e-1b2c-4d5e-8f90-a1b2c3d4e5f6/14-0
00:00:19.300 --> 00:00:27.700
<v Lucia Ferraro (Customer)>Right, and we still need read access to the billing schema before then.</v>

3f2a9c1e-1b2c-4d5e-8f90-a1b2c3d4e5f6/15-0
00:00:28.100 --> 00:00:33.000
<v Hana Sato>I will file the access request today.</v>
`,
  });
  const index = indexOf(teams);

  it('answers a question in plain words with the reply that follows it', () => {
    const hits = index.search('who owns the data migration?', { limit: 3 });
    expect(hits.map((hit) => hit.speaker)).toContain('Omar Haddad');
    expect(rankOf(hits, 'Lucia in our platform team')).toBeGreaterThan(0);
  });

  it('filters by a voice-tag speaker name and keeps cue times', () => {
    const [hit] = index.search('billing schema access', { speaker: 'lucia ferraro' });
    expect(hit).toMatchObject({ transcriptId: 'qbr', speaker: 'Lucia Ferraro', startMs: 19_300, endMs: 27_700 });
  });
});

describe('TranscriptSearchIndex ranking rules', () => {
  it('favours turns spoken by a person the query names', () => {
    const index = indexOf(
      makeTranscript('same-words', [
        ['Eli Park', '00:00', 'The budget for the pilot is still open.'],
        ['Dana Cole', '00:10', 'The budget for the pilot is still open.'],
      ]),
    );
    expect(index.search('Dana budget')[0]?.speaker).toBe('Dana Cole');
  });

  it('favours turns where the query words sit together', () => {
    const index = indexOf(
      makeTranscript('same-bag', [
        ['Ana', '00:00', 'Renewal talks start soon; the champion left, so the risk grows.'],
        ['Ken', '00:10', 'The renewal risk grows; the champion left, so talks start soon.'],
      ]),
    );
    expect(index.search('renewal risk')[0]?.speaker).toBe('Ken');
  });

  it("ranks a person's own answer above turns that only address them", () => {
    const speakers = ['Eli Park', 'Dana Cole'];
    const index = indexOf(
      makeTranscript(
        'addressed',
        [
          'Pricing is based on the number of seats.',
          'The forecast is based on last year.',
          'Thanks, Dana, that helps.',
          'Sure. I am based in Lisbon these days.',
          'Great, let us move on to the renewal.',
          'The renewal is due in March.',
        ].map((text, i): Line => [speakers[i % 2]!, `00:${10 + i * 5}`, text]),
      ),
    );
    expect(index.search('Where is Dana based?')[0]?.text).toBe('Sure. I am based in Lisbon these days.');
  });
});

describe('TranscriptSearchIndex speaker labels in questions', () => {
  /** Every speaker says the same thing, so only speaker credit can tell their turns apart. */
  function sameWords(speakers: readonly string[], text = 'The parser handles the input size fine.'): TranscriptSearchIndex {
    return indexOf(makeTranscript('labels', speakers.map((speaker, i): Line => [speaker, `00:${10 + i * 5}`, text])));
  }

  /** The speakers whose turns earned speaker credit for `query`. */
  function credited(index: TranscriptSearchIndex, query: string): Array<string | null> {
    return index
      .search(query, { explain: true })
      .filter((hit) => hit.explanation!.matched.some((match) => match.via === 'speaker'))
      .map((hit) => hit.speaker);
  }

  it('credits only the speaker whose whole label, code included, the question names, in any case', () => {
    const index = sameWords(['Grad C', 'Grad D', 'Professor B', 'PhD D']);
    expect(credited(index, 'What did Grad D think about the input size?')).toEqual(['Grad D']);
    expect(index.search('What did grad d think about the input size?')[0]?.speaker).toBe('Grad D');
    expect(credited(index, 'What did Grad C and Professor B say about the input size?').sort()).toEqual(['Grad C', 'Professor B']);
  });

  it('names numbered and lettered participants and multi-word roles whole', () => {
    expect(credited(sameWords(['Speaker 1', 'Speaker 2', 'Speaker 12']), 'What did Speaker 2 say about the input size?')).toEqual(['Speaker 2']);
    expect(credited(sameWords(['Participant A', 'Participant B']), 'Participant B on the input size')).toEqual(['Participant B']);
    const roles = sameWords(['Project Manager', 'Marketing', 'User Interface', 'Industrial Designer']);
    expect(credited(roles, 'What did the User Interface present about the input size?')).toEqual(['User Interface']);
    expect(credited(roles, "What was the Project Manager's view on the input size?")).toEqual(['Project Manager']);
  });

  it('without a whole label, credits every speaker sharing the word typed', () => {
    expect(credited(sameWords(['Grad C', 'Grad D', 'Professor B']), 'What did the Grad say about the input size?').sort()).toEqual(['Grad C', 'Grad D']);
  });

  it('credits nobody for a word a label only resembles, or a code on its own', () => {
    const index = sameWords(['Grad C', 'Grad D', 'Professor B']);
    for (const query of ['What grade did the input size get?', 'What happened on D-Day to the input size?', 'Is plan B the input size?', 'Graduate input size']) {
      expect(credited(index, query)).toEqual([]);
    }
  });

  it("does not match a named label's code as a word of the turns (\"b\" of \"PhD B\")", () => {
    const index = indexOf(
      makeTranscript('code', [
        ['Grad C', '00:10', 'I b b believe the meeting went long.'],
        ['PhD B', '00:20', 'Diversity of the meeting matters most.'],
      ]),
    );
    const [first] = index.search('What did PhD B think about meeting diversity?', { explain: true });
    expect(first?.speaker).toBe('PhD B');
    expect(first?.explanation?.matched.map((match) => match.query)).not.toContain('B');
  });
});

describe('TranscriptSearchIndex filters and limits', () => {
  it('searches only the transcripts named in transcriptIds', () => {
    const index = indexOf(RETRO, DISCOVERY);
    const hits = index.search('budget contract', { transcriptIds: new Set(['discovery']) });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.transcriptId === 'discovery')).toBe(true);
    expect(index.search('budget', { transcriptIds: new Set(['nobody-owns-this']) })).toEqual([]);
  });

  it('filters by speaker, by full name or one word of it, in any case', () => {
    const index = indexOf(RETRO);
    for (const speaker of ['priya natarajan', 'PRIYA']) {
      const hits = index.search('onboarding', { speaker });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.speaker === 'Priya Natarajan')).toBe(true);
    }
    expect(index.search('onboarding', { speaker: 'Pri' })).toEqual([]);
  });

  it('finds unattributed turns with the speaker filter "Unknown"', () => {
    const hits = indexOf(STANDUP).search('late call', { speaker: 'unknown' });
    expect(hits.map((hit) => hit.speaker)).toEqual([null]);
  });

  it('returns at most `limit` hits, 10 by default', () => {
    const index = indexOf(RETRO, DISCOVERY);
    expect(index.search('the onboarding users clinics usage report', { limit: 2 })).toHaveLength(2);
    expect(index.search('onboarding users clinics usage report weekly time').length).toBe(10);
  });

  it('returns nothing for a query made only of stop words', () => {
    expect(indexOf(RETRO).search('what is it that you were')).toEqual([]);
  });

  it('rejects a blank query and a limit below 1', () => {
    const index = indexOf(RETRO);
    expect(() => index.search('   ')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => index.search('onboarding', { limit: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('TranscriptSearchIndex add and remove', () => {
  it('reports what it holds and forgets removed transcripts', () => {
    const index = indexOf(RETRO, DISCOVERY);
    expect(index.has('retro')).toBe(true);
    expect(index.size).toBe(2);
    expect(index.remove('retro')).toBe(true);
    expect(index.remove('retro')).toBe(false);
    expect(index.has('retro')).toBe(false);
    expect(index.search('onboarding').every((hit) => hit.transcriptId !== 'retro')).toBe(true);
  });

  it('replaces a transcript added again under the same id', () => {
    const index = indexOf(STANDUP);
    index.add(makeTranscript('standup', [['Ana', null, 'Release notes are drafted and waiting for review.']]));
    expect(index.size).toBe(1);
    expect(index.search('credentials')).toEqual([]);
    expect(index.search('release notes')[0]?.text).toBe('Release notes are drafted and waiting for review.');
  });
});

describe('TranscriptSearchIndex snippets', () => {
  const filler = 'We walked through the agenda and the open items from last week. '.repeat(12);
  const long = makeTranscript('long', [
    ['Jo Park', '00:00', `${filler}The executive sponsor for the rollout is Dana Whitaker, who approves every change request. ${filler}`],
    ['Lee Park', '05:00', 'Short turns come back whole.'],
  ]);
  const index = indexOf(long);

  it('cuts a long turn to about 300 characters around the best match, marking both cuts', () => {
    const [hit] = index.search('rollout sponsor');
    expect(hit!.text).toContain('The executive sponsor for the rollout is Dana Whitaker');
    expect(hit!.text.length).toBeLessThanOrEqual(302);
    expect(hit!.text.startsWith('…')).toBe(true);
    expect(hit!.text.endsWith('…')).toBe(true);
  });

  it('returns a short turn whole', () => {
    expect(index.search('short turns')[0]?.text).toBe('Short turns come back whole.');
  });
});

describe('TranscriptSearchIndex question intent', () => {
  const acme = makeTranscript('acme', [
    ['Lena Voss', '00:00', 'Welcome to the Quarrow kickoff. Quarrow is our biggest rollout this year.'],
    ['Tom Acker', '00:20', 'Thanks. Quarrow has been planning this for a while, and Quarrow leadership is excited.'],
    ['Lena Voss', '00:40', 'Could you frame why Quarrow is doing this?'],
    ['Tom Acker', '01:00', 'We have 212 stores across nine states, and forecasting by spreadsheet stopped working.'],
    ['Lena Voss', '01:30', 'The stores team will see the new orders in the store system.'],
    ['Tom Acker', '01:50', 'The migration slipped.'],
    ['Lena Voss', '02:05', 'Oh no.'],
    ['Tom Acker', '02:10', 'Because the product master data was full of duplicates.'],
    ['Lena Voss', '02:40', 'Quarrow will get a weekly report from us, and Quarrow finance will get the invoice.'],
  ]);
  const index = indexOf(acme);

  it('answers "how many" with the count next to the asked noun, not the name the meeting keeps using', () => {
    expect(index.search('How many stores does Quarrow have?')[0]?.text).toContain('212 stores');
  });

  it('answers "why" with the reason given right after the turn raising it', () => {
    const texts = index.search('Why did the migration slip?', { limit: 2 }).map((hit) => hit.text);
    expect(texts).toContain('Because the product master data was full of duplicates.');
  });

  it('matches another phrasing of what was asked at a lower weight than the words typed', () => {
    const index = indexOf(
      makeTranscript('launch', [
        ['Ana', '00:00', 'We launched the portal in March.'],
        ['Ken', '00:10', 'The portal went live for the second region in June.'],
        ['Ana', '00:20', 'Nothing else on the portal.'],
      ]),
    );
    const hits = index.search('when did the portal go live', { limit: 3, explain: true });
    expect(hits.map((hit) => hit.text)).toEqual(['The portal went live for the second region in June.', 'We launched the portal in March.', 'Nothing else on the portal.']);
    expect(hits[1]!.explanation!.matched).toContainEqual(expect.objectContaining({ matched: 'launch', via: 'synonym' }));
  });
});

describe('TranscriptSearchIndex questions about who does what', () => {
  const kickoff = makeTranscript('vineyard', [
    ['Chair', '00:00', 'Right, let us go round the table before we look at the harvest plan.'],
    ['Agronomist', '00:10', "Sure. I'm Odile, and I look after soil and irrigation on the north slopes."],
    ['Logistics', '00:25', 'And I am the logistics coordinator, so trucks and crates are mine.'],
    ['Chair', '00:40', 'Thanks. The harvest plan has three phases this year.'],
    ['Logistics', '00:55', 'The crates for phase one arrive on Monday.'],
  ]);
  const index = indexOf(kickoff);

  it('answers a question about every participant\'s job with the turns where they introduce themselves', () => {
    const hits = index.search('Summarize the job role for each participant.', { limit: 2, explain: true });
    expect(hits.map((hit) => hit.turnIndex).sort()).toEqual([1, 2]);
    expect(hits[0]!.explanation!.matched).toContainEqual(expect.objectContaining({ matched: '(self-introduction)', via: 'synonym' }));
  });

  it('leaves a question about a role in general to its words', () => {
    const hits = index.search('What role do the crates play?', { explain: true });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.flatMap((hit) => hit.explanation!.matched.map((match) => match.matched))).not.toContain('(self-introduction)');
  });
});

describe('TranscriptSearchIndex questions put the way meeting summaries put them', () => {
  it('matches a noun asked for with the verb said ("explanation", "explained")', () => {
    const index = indexOf(
      makeTranscript('port', [
        ['Ines', '00:00', 'The supplier sent the invoice today.'],
        ['Wim', '00:10', 'The supplier explained that the crane at the quay broke down.'],
      ]),
    );
    expect(index.search('What explanation did the supplier give?')[0]?.speaker).toBe('Wim');
  });

  it('does not take a name for the common noun sharing its stem ("Parks Board" for "parking"), but finds the name typed as written', () => {
    const index = indexOf(
      makeTranscript('town', [
        ['Clerk', '00:00', 'Thanks, Parks Board, and thanks to the Parks staff.'],
        ['Resident', '00:10', 'Finding a spot near the market after six is hard, and parking costs keep rising for everyone.'],
        ['Clerk', '00:20', 'Next item is the library roof.'],
      ]),
    );
    const hits = index.search('What was said about parking?', { explain: true });
    expect(hits[0]?.speaker).toBe('Resident');
    expect(hits.find((hit) => hit.speaker === 'Clerk')?.explanation?.matched[0]).toMatchObject({ discount: 'name form' });
    expect(index.search('Who thanked the parks staff?')[0]?.speaker).toBe('Clerk');
  });

  it('reads the committee or team that "said" or "discussed" something as the meeting itself, not as the topic', () => {
    const index = indexOf(
      makeTranscript('council', [
        ['Clerk', '00:00', 'The committee meets again in the committee room on Thursday.'],
        ['Member', '00:10', 'Rents keep rising and housing is short for nurses.'],
        ['Clerk', '00:20', 'Next item is the library roof.'],
      ]),
    );
    const [first] = index.search('What did the committee say on housing?', { explain: true });
    expect(first?.speaker).toBe('Member');
    expect(index.search('committee room')[0]?.speaker).toBe('Clerk');
  });
});

import { describe, expect, it } from 'vitest';
import { asksParticipantRoles, introducesSelf, kindsOfTerm, readIntent, TERM_DATE, TERM_NUMBER, TERM_ROLE, textEvidence } from './intent.js';

describe('readIntent', () => {
  it.each([
    ['How many stores does the chain have?', 'quantity'],
    ['how much did they save on fuel', 'quantity'],
    ['What ROI did they achieve?', 'quantity'],
    ['What is the renewal price?', 'quantity'],
    ['When did the platform go live?', 'time'],
    ['So when is the renewal?', 'time'],
    ['What date was the kickoff?', 'time'],
    ['Who did the implementation?', 'person'],
    ['Which partner installed the devices?', 'person'],
    ['Where is the team based?', 'place'],
    ['Why did the go-live slip?', 'reason'],
    ['What caused the January outage?', 'reason'],
    ['What went wrong during the cutover weekend?', 'problem'],
    ['What system did they use before?', 'system'],
    ['Which CRM holds the donor records?', 'system'],
  ])('reads %j as a %s question', (query, kind) => {
    expect(readIntent(query)).toBe(kind);
  });

  it.each([
    'renewal pricing',
    'onboarding bottleneck',
    'What did the manager recommend when discussing competitors?',
    'What did the team discuss about the people who joined?',
    'Summarize the meeting',
  ])('finds no kind of answer in %j', (query) => {
    expect(readIntent(query)).toBeNull();
  });
});

describe('answer words', () => {
  it('gives terms their kinds by spelling', () => {
    expect(kindsOfTerm('212') & TERM_NUMBER).toBeTruthy();
    expect(kindsOfTerm('thousand') & TERM_NUMBER).toBeTruthy();
    expect(kindsOfTerm('april') & TERM_DATE).toBeTruthy();
    expect(kindsOfTerm('14th') & TERM_DATE).toBeTruthy();
    expect(kindsOfTerm('2024') & TERM_DATE).toBeTruthy();
    expect(kindsOfTerm('9:00') & TERM_DATE).toBeTruthy();
    expect(kindsOfTerm('director') & TERM_ROLE).toBeTruthy();
    expect(kindsOfTerm('mai')).toBe(0);
    expect(kindsOfTerm('store')).toBe(0);
  });

  it('hears reasons and problems in the words the index drops', () => {
    expect(textEvidence('reason', 'Because we needed group IT to open the API.')).toBe(1);
    expect(textEvidence('reason', 'The orders did not load.')).toBe(0.5);
    expect(textEvidence('reason', 'We met on Tuesday.')).toBe(0);
    expect(textEvidence('problem', "The certificate didn't renew.")).toBe(1);
    expect(textEvidence('problem', 'Everything went smoothly.')).toBe(0);
  });
});

describe('self-introductions', () => {
  it.each([
    "Hi, I'm Odile and I'm the site reliability lead.",
    'I am the quality engineer for the bottling line.',
    "Um I 'm supposed to be a process engineer .",
    'My name is Teodor, I look after the greenhouses.',
    'So my role here is mostly scheduling the crews.',
    "I'm responsible for the cold chain.",
    'I work in procurement, mostly tenders.',
  ])('hears a speaker saying who they are or what they do in %j', (text) => {
    expect(introducesSelf(text)).toBe(true);
  });

  it.each([
    "I'm not sure the planner saw it.",
    'I am asking the minister to answer.',
    "I'm going to share my screen.",
    'I think Odile is the site reliability lead.',
    "I'm OK with that.",
  ])('hears no introduction in %j', (text) => {
    expect(introducesSelf(text)).toBe(false);
  });

  it('knows a question about every participant\'s job from one about a role in general', () => {
    expect(asksParticipantRoles('Summarize the job role for each groupmate.')).toBe(true);
    expect(asksParticipantRoles('What are the responsibilities of the team members?')).toBe(true);
    expect(asksParticipantRoles('What role does the regulator play in pricing?')).toBe(false);
    expect(asksParticipantRoles('What did each member think of the casing?')).toBe(false);
  });
});

/**
 * Hand-made snapshots for render tests and screenshots: a realistic one for a
 * fictional customer, with all 11 sections, found and missing fields,
 * alternatives and validation issues; and a hostile variant that plants
 * markup payloads in every place transcript-derived text can reach a report.
 */

import type { Evidence, FieldName, FoundField, SectionSlug, Snapshot, SnapshotField } from '../../src/core/snapshot/types.js';

export const SECTION_ORDER: ReadonlyArray<{ slug: SectionSlug; title: string }> = [
  { slug: 'customer_information', title: 'Customer Information' },
  { slug: 'background', title: 'Background' },
  { slug: 'solution', title: 'Solution' },
  { slug: 'engagement_details', title: 'Engagement Details' },
  { slug: 'results_achievements', title: 'Results and Achievements' },
  { slug: 'adoption_usage', title: 'Adoption and Usage' },
  { slug: 'financial_impact', title: 'Financial Impact' },
  { slug: 'long_term_impact', title: 'Long-Term Impact' },
  { slug: 'visuals', title: 'Visuals' },
  { slug: 'additional_commentary', title: 'Additional Commentary' },
  { slug: 'executive_summary', title: 'Executive Summary' },
];

const MAYA = 'Maya Okafor';
const DANIEL = 'Daniel Brooks';
const PRIYA = 'Priya Raman';
const TOM = 'Tom Whitaker';

function quote(turnIndex: number, clock: string, speaker: string | null, text: string): Evidence {
  const [minutes, seconds] = clock.split(':').map(Number);
  return { turn_index: turnIndex, start_ms: ((minutes ?? 0) * 60 + (seconds ?? 0)) * 1000, speaker, quote: text };
}

const Q = {
  company: quote(3, '00:41', MAYA, 'here at Lumen Ridge Dental Group we run fourteen clinics'),
  location: quote(3, '00:52', MAYA, 'all of them around Portland, Oregon'),
  role: quote(2, '00:25', MAYA, "I'm the VP of Operations"),
  pain: quote(9, '03:12', MAYA, 'front-desk staff were spending half the morning on the phone rescheduling'),
  noShows: quote(11, '04:05', TOM, 'no-shows were running at about eighteen percent'),
  product: quote(15, '06:30', PRIYA, 'we rolled out ClearPath Scheduler with two-way text reminders'),
  integration: quote(17, '07:48', TOM, 'it plugs straight into our practice-management system'),
  start: quote(21, '09:02', DANIEL, 'we kicked off on February 5th'),
  startAlt: quote(22, '09:15', TOM, 'the contract was signed back in January'),
  golive: quote(24, '10:20', DANIEL, 'and the last clinic went live May 17th'),
  efficiency: quote(30, '14:44', MAYA, 'scheduling time is down about thirty-five percent'),
  noShowsAfter: quote(32, '15:30', MAYA, 'no-shows dropped to under nine percent'),
  users: quote(36, '18:03', TOM, 'we have 340 people logging in every week'),
  adoption: quote(38, '19:10', PRIYA, 'ninety-two percent of front-desk staff use it daily'),
  savings: quote(44, '23:40', MAYA, 'roughly $180,000 a year we no longer spend on overtime and the answering service'),
  future: quote(51, '29:15', MAYA, 'next year we want to add online intake forms'),
  expansion: quote(53, '30:02', DANIEL, 'the two new clinics opening in Salem would start on it from day one'),
  commentary: quote(58, '34:47', TOM, 'honestly the support team answered every ticket the same day'),
} as const;

function found(value: string | number, confidence: number, evidence: Evidence[]): FoundField {
  return { value, confidence, source: 'transcript', evidence };
}

const MISSING: SnapshotField = { value: null, missing: true };

export function buildSampleSnapshot(): Snapshot {
  const fields: Record<FieldName, SnapshotField> = {
    company_name: found('Lumen Ridge Dental Group', 0.96, [Q.company]),
    industry: found('Healthcare (dental clinics)', 0.81, [Q.company]),
    location: found('Portland, Oregon', 0.9, [Q.location]),
    primary_contact: found(MAYA, 0.88, [Q.role]),
    contact_position: found('VP of Operations', 0.9, [Q.role]),
    contact_email: MISSING,
    start_date: {
      ...found('2024-02-05', 0.74, [Q.start]),
      alternatives: [{ value: '2024-01', reason: 'contract signature, not kickoff', evidence: [Q.startAlt] }],
    },
    completion_date: found('2024-05-17', 0.78, [Q.golive]),
    product_name: found('ClearPath Scheduler', 0.93, [Q.product]),
    cost_savings: found('$180,000 per year', 0.84, [Q.savings]),
    revenue_increase: MISSING,
    roi_percentage: MISSING,
    user_count: found(340, 0.86, [Q.users]),
    adoption_rate: found('92%', 0.8, [Q.adoption]),
    efficiency_improvement: found('35%', 0.83, [Q.efficiency]),
  };
  const content: Record<SectionSlug, { content: string; confidence: number; missing: FieldName[]; evidence: Evidence[] }> =
    {
      customer_information: {
        content:
          '**Lumen Ridge Dental Group** runs fourteen dental clinics around Portland, Oregon [00:41] [00:52]. ' +
          'The primary contact is Maya Okafor, VP of Operations [00:25].',
        confidence: 0.9,
        missing: ['contact_email'],
        evidence: [Q.company, Q.location, Q.role],
      },
      background: {
        content:
          'Before the project, scheduling was manual and phone-bound:\n\n' +
          '- Front-desk staff spent half the morning rescheduling by phone [03:12]\n' +
          '- No-shows ran at about **18%** [04:05]',
        confidence: 0.86,
        missing: [],
        evidence: [Q.pain, Q.noShows],
      },
      solution: {
        content:
          'The team rolled out **ClearPath Scheduler** with two-way text reminders [06:30], integrated directly with ' +
          'the practice-management system [07:48].',
        confidence: 0.88,
        missing: [],
        evidence: [Q.product, Q.integration],
      },
      engagement_details: {
        content:
          'Kickoff was on 5 February 2024 [09:02] and the last clinic went live on 17 May 2024 [10:20]: a phased ' +
          'rollout of about fifteen weeks.',
        confidence: 0.76,
        missing: [],
        evidence: [Q.start, Q.golive],
      },
      results_achievements: {
        content:
          '- Scheduling time down about **35%** [14:44]\n- No-shows fell from about 18% to under 9% [04:05] [15:30]',
        confidence: 0.84,
        missing: [],
        evidence: [Q.efficiency, Q.noShowsAfter],
      },
      adoption_usage: {
        content: '340 people log in every week [18:03]; 92% of front-desk staff use it daily [19:10].',
        confidence: 0.8,
        missing: [],
        evidence: [Q.users, Q.adoption],
      },
      financial_impact: {
        content:
          'Roughly **$180,000 a year** saved on overtime and the answering service [23:40]. No revenue or ROI ' +
          'figure was given.',
        confidence: 0.62,
        missing: ['revenue_increase', 'roi_percentage'],
        evidence: [Q.savings],
      },
      long_term_impact: {
        content:
          'Online intake forms are planned for next year [29:15], and two new clinics in Salem will start on the ' +
          'platform from day one [30:02].',
        confidence: 0.71,
        missing: [],
        evidence: [Q.future, Q.expansion],
      },
      visuals: {
        content:
          'Suggested visuals:\n\n- No-show rate before and after (18% → under 9%)\n- Weekly active users (340)',
        confidence: 0.42,
        missing: [],
        evidence: [],
      },
      additional_commentary: {
        content: 'The customer praised same-day support responses [34:47].',
        confidence: 0.66,
        missing: [],
        evidence: [Q.commentary],
      },
      executive_summary: {
        content:
          'Lumen Ridge Dental Group replaced phone-bound scheduling with ClearPath Scheduler across fourteen ' +
          'clinics in fifteen weeks, cutting scheduling time by about 35% [14:44], halving no-shows [15:30] and ' +
          'saving roughly $180,000 a year [23:40].',
        confidence: 0.82,
        missing: ['roi_percentage'],
        evidence: [Q.efficiency, Q.noShowsAfter, Q.savings],
      },
    };
  return {
    id: 'snap_7f3a9c',
    transcript_id: 'tr_51c0de',
    title: 'Lumen Ridge quarterly business review',
    created_at: '2024-06-03T16:20:00.000Z',
    engine: 'offline',
    meeting: {
      date: '2024-06-03',
      duration_ms: 2_820_000,
      speakers: [
        { name: MAYA, role: 'Customer', talk_share: 0.41 },
        { name: DANIEL, role: 'Vendor', talk_share: 0.27 },
        { name: TOM, role: 'Customer', talk_share: 0.19 },
        { name: PRIYA, role: 'Vendor', talk_share: 0.13 },
      ],
    },
    fields,
    sections: SECTION_ORDER.map(({ slug, title }) => ({
      slug,
      title,
      content: content[slug].content,
      confidence: content[slug].confidence,
      missing_fields: content[slug].missing,
      evidence: content[slug].evidence,
    })),
    validation: {
      grounded_ratio: 0.93,
      issues: [
        {
          code: 'FIELD_NOT_STATED',
          severity: 'warning',
          message: 'Revenue and ROI were discussed without a figure.',
          section: 'financial_impact',
        },
        { code: 'NO_EVIDENCE', severity: 'info', message: 'Visuals are suggestions, not quotes.', section: 'visuals' },
      ],
    },
    metrics: { duration_ms: 412, llm_calls: 0, input_tokens: 0, output_tokens: 0 },
  };
}

/** A payload that runs script, breaks out of an attribute or becomes a link if it is not escaped. */
export function hostile(place: string): string {
  return (
    `<script>document.title='pwned-${place}'</script>` +
    `"><img src=x onerror=alert('${place}')> ` +
    `[link](javascript:alert('${place}')) <b>${place}</b> & done`
  );
}

/** The sample snapshot with a hostile payload in every place transcript-derived text can appear. */
export function buildHostileSnapshot(): Snapshot {
  const snapshot = buildSampleSnapshot();
  const evil = (place: string): Evidence => ({
    turn_index: 7,
    start_ms: 61_000,
    speaker: hostile(`${place}-speaker`),
    quote: hostile(`${place}-quote`),
  });
  snapshot.title = hostile('title');
  snapshot.meeting.date = hostile('date');
  snapshot.meeting.speakers[0] = { name: hostile('speaker'), role: hostile('role'), talk_share: 0.41 };
  snapshot.fields.company_name = found(hostile('company'), 0.9, [evil('company')]);
  snapshot.fields.industry = {
    ...found(hostile('industry'), 0.8, [evil('industry')]),
    alternatives: [{ value: hostile('alternative'), reason: hostile('reason'), evidence: [evil('alternative')] }],
  };
  const first = snapshot.sections[0];
  if (first) {
    first.title = hostile('section-title');
    first.content = `${hostile('content')}\n\n- ${hostile('bullet')} [00:41]\n- **${hostile('bold')}**`;
    first.evidence = [evil('section')];
  }
  snapshot.validation.issues.push({ code: 'X', severity: 'error', message: hostile('issue') });
  return snapshot;
}

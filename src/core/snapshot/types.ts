/**
 * The Customer Success Snapshot contract. This shape is public: it is the MCP
 * `structuredContent` of the snapshot tools, the CLI's `--format json` output
 * and the body of `snapshot://{id}`; keys are snake_case because it is JSON.
 */

export type SectionSlug =
  | 'customer_information'
  | 'background'
  | 'solution'
  | 'engagement_details'
  | 'results_achievements'
  | 'adoption_usage'
  | 'financial_impact'
  | 'long_term_impact'
  | 'visuals'
  | 'additional_commentary'
  | 'executive_summary';

export type FieldName =
  | 'company_name'
  | 'industry'
  | 'location'
  | 'primary_contact'
  | 'contact_position'
  | 'contact_email'
  | 'start_date'
  | 'completion_date'
  | 'product_name'
  | 'cost_savings'
  | 'revenue_increase'
  | 'roi_percentage'
  | 'user_count'
  | 'adoption_rate'
  | 'efficiency_improvement';

/** A verbatim quote from one turn, with where it was said. */
export interface Evidence {
  turn_index: number;
  start_ms: number | null;
  speaker: string | null;
  /** Verbatim substring of the turn's text. */
  quote: string;
}

export type FieldValue = string | number;

/**
 * Who the user works for: the vendor side of a call. Given by `SNAPSHOT_VENDOR`,
 * the `vendor` argument of `generate_snapshot` or `--vendor`; when absent the
 * engine infers the sides from the call alone.
 */
export interface VendorProfile {
  company: string;
  aliases?: string[];
  products?: string[];
  /** E-mail domains, lower case, without `@` (e.g. `brightline.example`). */
  domains?: string[];
}

/** A value the call offers for a field that was not chosen, with why (short, human: "below confidence threshold 0.6"). */
export interface FieldAlternative {
  value: FieldValue;
  reason: string;
  evidence: Evidence[];
}

export interface FoundField {
  value: FieldValue;
  confidence: number;
  /** `transcript`: found by the snapshot's engine; `client`: written by the MCP client's model (write_snapshot_section); `user`: typed in by a person. */
  source: 'transcript' | 'user' | 'client';
  evidence: Evidence[];
  /** Candidates that lost to `value`, kept so a person can check the choice. */
  alternatives?: FieldAlternative[];
}

export interface MissingField {
  value: null;
  missing: true;
  /** Candidates the engine would not state (too unsure, a plan, only asked about), so a person or `elicit` can still offer them. */
  alternatives?: FieldAlternative[];
}

export type SnapshotField = FoundField | MissingField;

export interface SnapshotSection {
  slug: SectionSlug;
  title: string;
  /** Markdown, citations as `[mm:ss]`. */
  content: string;
  confidence: number;
  missing_fields: FieldName[];
  evidence: Evidence[];
  /** Who wrote the content: the engine's name (`offline`, `anthropic`, ...) or `client`. */
  written_by?: string;
}

export interface ValidationIssue {
  code: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  section?: SectionSlug;
}

export interface Snapshot {
  id: string;
  transcript_id: string;
  title: string;
  created_at: string;
  engine: string;
  meeting: {
    date?: string;
    duration_ms: number | null;
    speakers: Array<{ name: string; role: string | null; talk_share: number }>;
  };
  fields: Record<FieldName, SnapshotField>;
  sections: SnapshotSection[];
  validation: { grounded_ratio: number; issues: ValidationIssue[] };
  /** `rounds`: sequential model rounds (0 offline). */
  metrics: { duration_ms: number; llm_calls: number; input_tokens: number; output_tokens: number; rounds?: number };
  /** Present and true when e-mails and phone numbers were masked (`mask_pii`); user-entered field values are kept. */
  pii_masked?: boolean;
}

export function isFoundField(field: SnapshotField): field is FoundField {
  return field.value !== null;
}

/** What every engine calls its snapshot: the kind, then the company or, when none was found, the meeting's title. */
export const SNAPSHOT_KIND = 'Customer Success Snapshot';

export function snapshotTitle(fields: Record<FieldName, SnapshotField>, meetingTitle: string): string {
  const company = fields.company_name.value;
  return `${SNAPSHOT_KIND}: ${company === null ? meetingTitle : String(company)}`;
}

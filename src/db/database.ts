// Kysely table types: the schema contract shared by SQLite and PostgreSQL.
// Conventions (docs/decisions/0002-portable-schema.md): ids are app-generated text (UUIDv7),
// legal dates are 'YYYY-MM-DD' text, instants are ISO-8601 UTC text, booleans are 0/1 integers.
import type { Generated } from 'kysely';

export interface OrganizationTable {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  short_name: string;
  credit_code: string;
  address: string;
  postcode: string;
  phone: string;
  office_hours: string;
  office_name: string;
  office_address: string;
  office_phone: string;
  /** The disclosure office's fax (art. 12); '' when none. */
  office_fax: string;
  office_email: string;
  functions: string;
  leadership: string;
  internal_units: string;
  sort_order: number;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  org_id: string;
  status: string;
  password_hash: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  replaced_by: string | null;
  email: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  org_id: string;
  role: string;
  created_at: string;
}

export interface PersonalDataGrantTable {
  id: string;
  user_id: string;
  org_id: string;
  reason: string;
  granted_by: string | null;
  granted_by_label: string;
  granted_at: string;
  revoked_by: string | null;
  revoked_by_label: string | null;
  revoked_at: string | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  token_hash: string;
  name: string;
  scope: Generated<string>;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEntryTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  org_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

/** The health check's one row (`/healthz` rewrites it to learn whether the database takes writes). */
export interface HealthProbeTable {
  id: number;
  checked_at: string;
}

export interface CalendarDayTable {
  date: string;
  kind: string;
  name: string;
  source: string;
  updated_at: string;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  loaded_at: string;
}

export interface CalendarOverrideTable {
  date: string;
  is_working: number;
  reason: string;
  created_by: string | null;
  created_at: string;
}

export interface SiteSettingTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface StoredFileTable {
  id: string;
  mime: string;
  size: number;
  content_b64: string;
  created_at: string;
}

export interface ApplicationTable {
  id: string;
  org_id: string;
  tracking_code: string;
  submission_key: string | null;
  /** SHA-256 of the intake's canonical body, checked when the key comes again. */
  submission_hash: string | null;
  channel: string;
  received_on: string;
  applicant_type: string;
  applicant_subtype: string | null;
  applicant_name: string;
  id_type: string | null;
  id_number: string;
  legal_representative: string;
  contact_person: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  description: string;
  title: string;
  doc_no: string;
  index_no: string;
  carrier: string;
  delivery: string;
  proof_file_id: string | null;
  state: string;
  handler_id: string | null;
  outcome: string | null;
  due_on: string | null;
  waiting_until: string | null;
  extended: number;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationEventTable {
  application_id: string;
  seq: number;
  action: string;
  on_date: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  params_json: string;
  due_on: string | null;
  explanation: string;
  provisional: number;
}

export interface NoticeTable {
  id: string;
  application_id: string;
  kind: string;
  doc_no: string;
  issued_on: string;
  body_json: string;
  served_on: string | null;
  service_method: string | null;
  service_ref: string | null;
  created_at: string;
}

/** An attachment of a case's reply (migration 2026-12-08T0100); the file is stored by content hash. */
export interface ApplicationReplyFileTable {
  id: string;
  application_id: string;
  file_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  round: number;
  uploaded_by: string | null;
  uploaded_at: string;
}

/** The draft 答复告知书 stored at each draft_reply (migration 2026-12-08T0100). */
export interface ApplicationReplyDraftTable {
  application_id: string;
  seq: number;
  body_json: string;
  created_at: string;
}

/** A correction the applicant sent online (补正, art. 30), proposed to the handler. */
export interface ProposedCorrectionTable {
  id: string;
  application_id: string;
  received_on: string;
  corrected_request: string;
  state: string;
  event_seq: number | null;
  created_at: string;
  updated_at: string;
}

/** A file sent with an online correction, in the order sent. */
export interface ProposedCorrectionFileTable {
  proposal_id: string;
  sort: number;
  file_id: string;
  name: string;
  mime: string;
  size: number;
}

export interface CounterTable {
  key: string;
  value: number;
}

/** A fixed-window rate counter (migration 2026-12-09T0100). */
export interface RateCounterTable {
  scope: string;
  key: string;
  window_start: string;
  count: number;
  expires_at: string;
}

export interface ReviewCaseTable {
  id: string;
  org_id: string;
  application_id: string | null;
  kind: string;
  litigation_route: string | null;
  case_no: string;
  filed_on: string;
  body: string;
  claimant_name: string;
  subject: string;
  result: string;
  result_on: string | null;
  handling: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface EmailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  ref_id: string | null;
  created_at: string;
  next_attempt_at: string;
  attempts: number;
  sent_at: string | null;
  last_error: string | null;
  /** The process sending the message (kept after it is sent: who sent it); null = never claimed. */
  claimed_by: string | null;
  /** Until when the claim holds (ISO instant); another process may take the message after it. */
  claimed_until: string | null;
}

/** One searchable item (search index); its tokens live in the per-dialect search_fts, keyed by doc_key. */
export interface SearchDocumentTable {
  doc_type: string;
  doc_id: string;
  /** Day of published_on × 2^32 + sequence (migration 0620; bigint on PostgreSQL). */
  doc_key: number;
  org_id: string;
  category_id: string | null;
  kind: string;
  year: number;
  validity: string | null;
  published_on: string;
  title: string;
  doc_no: string;
  summary: string;
  body_text: string;
  updated_at: string;
  /** The 发文字号's comparison key (domain/search identifierKey; '' when none). */
  doc_no_key: string;
  /** The 索引号's comparison key ('' when the item has none). */
  index_no_key: string;
}

/** A key area (重点领域): national defaults have no organization (standard catalogue). */
export interface KeyAreaTable {
  id: string;
  org_id: string | null;
  code: string;
  name: string;
  national: number;
  sort: number;
  created_at: string;
}

/** An organization's statement that a key area does not apply to it, with the reason. */
export interface KeyAreaExclusionTable {
  org_id: string;
  key_area_id: string;
  reason: string;
  created_at: string;
}

/** A row of the standard catalogue (基层政务公开标准目录). */
export interface CatalogueRowTable {
  id: string;
  org_id: string;
  key_area_id: string;
  level1: string;
  level2: string;
  level3: string;
  content_elements: string;
  basis: string;
  time_limit_text: string;
  time_limit_rule_json: string | null;
  subject: string;
  channels_required: string;
  channels_optional: string;
  audience: string;
  method: string;
  levels: string;
  sort: number;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A node of an organization's catalogue (政府信息公开目录). */
export interface CategoryTable {
  id: string;
  org_id: string;
  parent_id: string | null;
  slug: string;
  name: string;
  sort_order: number;
  kind: string;
  statutory_key: string | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A publication (一条政府信息): the working copy; its live versions are in publication_version. */
export interface PublicationTable {
  id: string;
  org_id: string;
  category_id: string;
  index_no: string;
  title: string;
  summary: string;
  publisher: string;
  doc_no: string;
  written_on: string;
  published_on: string | null;
  topic: string;
  kind: string;
  validity: string;
  validity_on: string | null;
  disclosure: string;
  withheld_ground: string | null;
  reassess_on: string | null;
  body_html: string;
  keywords: string;
  key_areas: string;
  interprets_id: string | null;
  major: number;
  state: string;
  review_level: number | null;
  scheduled_at: string | null;
  current_version: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  /** The standard-catalogue row the item belongs to (migration 0630). */
  catalogue_row_id: string | null;
}

/** An attachment of a publication (the file is stored by content hash). */
export interface PublicationAttachmentTable {
  publication_id: string;
  sort: number;
  file_id: string;
  name: string;
  mime: string;
  size: number;
}

/** The review ledger of a publication, with the pre-publication findings as evidence. */
export interface PublicationReviewTable {
  publication_id: string;
  seq: number;
  level: number | null;
  action: string;
  actor_id: string | null;
  actor_label: string;
  at: string;
  comment: string;
  findings_json: string;
}

/**
 * The number of live versions (`publication_version.live = 1`) of an organization's category (migration
 * 2026-12-14T0200), kept by the repository with every write of the live set; a derived table, not backed up.
 */
export interface LiveCategoryCountTable {
  org_id: string;
  category_id: string;
  n: number;
}

/** A published version of a publication, frozen as JSON. */
export interface PublicationVersionTable {
  publication_id: string;
  version: number;
  fields_json: string;
  published_at: string;
  published_by: string | null;
  /** Copies of the live fields the portal filters and sorts on (migration 0600). */
  org_id: string | null;
  category_id: string | null;
  kind: string | null;
  disclosure: string | null;
  published_on: string | null;
  interprets_id: string | null;
  /** The live version's standard-catalogue row (migration 0630). */
  catalogue_row_id: string | null;
  /** Copies of the fields a portal list row shows (migration 2026-12-14T0100; '' when the record lacks one). */
  title: Generated<string>;
  index_no: Generated<string>;
  doc_no: Generated<string>;
  summary: Generated<string>;
  publisher: Generated<string>;
  /** 1 for the version the portal shows (current, not withdrawn, 主动公开, published; migration 0620). */
  live: Generated<number>;
}

/** The files each frozen live version lists (for serving attachments without the owner's id). */
export interface PublicationVersionFileTable {
  publication_id: string;
  version: number;
  file_id: string;
}

/** One art. 18 re-assessment of a 不予公开 publication (migration 0610). */
export interface PublicationReassessmentTable {
  id: string;
  publication_id: string;
  org_id: string;
  assessed_on: string;
  decision: string;
  disclosure_before: string;
  disclosure_after: string;
  withheld_ground: string | null;
  reason: string;
  next_due_on: string | null;
  actor_id: string | null;
  actor_label: string;
  recorded_at: string;
}

/**
 * An organization's annual report for one year (art. 49): state, typed parts and, once submitted, the frozen report.
 */
export interface AnnualReportTable {
  id: string;
  org_id: string;
  year: number;
  format: string;
  state: string;
  /** Narrative sections as saved ({overview, problems, other}); absent keys use the drafted text. */
  sections_json: string;
  /** The section-二 cells typed in or imported (ManualArticle20: row → column → number or null). */
  figures_json: string;
  /** Where each manual cell came from (key → FigureSource). */
  sources_json: string;
  /** The AnnualReport as submitted (then as published); null while a draft. */
  snapshot_json: string | null;
  returned_reason: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  published_at: string | null;
  published_by: string | null;
  created_at: string;
  updated_at: string;
  /** 索引号, given at first publication and kept across corrections (migration 2026-12-11T0200). */
  index_no: string | null;
  /** The number of versions published (0 before the first publication). */
  version: number;
  /** When the correction of the published report under way began; null when none is. */
  correcting_since: string | null;
  /** The last withdrawal from the portal: when, by whom (label) and why; null when not withdrawn. */
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

/** One published version of an annual report, with its 更正说明 from version 2 on (migration 2026-12-11T0200). */
export interface AnnualReportVersionTable {
  report_id: string;
  version: number;
  /** The AnnualReport as this version published it. */
  snapshot_json: string;
  published_at: string;
  published_by: string;
  /** 更正说明: the date, what changed, why; null on version 1. */
  corrected_on: string | null;
  correction_what: string | null;
  correction_why: string | null;
  /** When the report's withdrawal took this version off the portal; null while it is public. */
  withdrawn_at: string | null;
}

/** An organization's internal annual-report date ('MM-DD' of the year after the report year). */
export interface ReportDeadlineTable {
  org_id: string;
  internal_due: string;
  updated_at: string;
}

/** Every table gongkai owns. */
/** A 政务新媒体 account (interaction 0/1; filing_no '' = not filed). */
export interface MediaAccountTable {
  id: string;
  platform: string;
  name: string;
  verified_name: string;
  org_id: string;
  filing_no: string;
  interaction: number;
  owner_contact: string;
  feed_url: string;
  opened_on: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

/** A monitored government website (migration 2026-12-12T0100). */
export interface MonitorSiteTable {
  id: string;
  name: string;
  home_url: string;
  site_code: string;
  org_id: string;
  kind: string;
  own_portal: number;
  created_at: string;
  updated_at: string;
}

/** A lifecycle event of an account (kind = the status it leads to). */
export interface MediaAccountEventTable {
  id: string;
  account_id: string;
  kind: string;
  on_date: string;
  announcement: string;
  note: string;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
}

/** A post of an account (posted_at: office-local `YYYY-MM-DDTHH:mm`). */
export interface MediaPostTable {
  id: string;
  account_id: string;
  posted_at: string;
  title: string;
  url: string;
  comments: number;
  answered: number;
  source: string;
  created_at: string;
}

/** A column of a monitored website. */
export interface MonitorColumnTable {
  id: string;
  site_id: string;
  sort: number;
  name: string;
  url: string;
  kind: string;
  interval_days: number | null;
  category_id: string | null;
}

/** A message received through an interaction column (received and answered dates). */
export interface MonitorMessageTable {
  id: string;
  column_id: string;
  received_on: string;
  answered_on: string | null;
  subject: string;
  created_at: string;
}

/** A monitoring run of one site or all: its state, progress and counts. */
export interface MonitorRunTable {
  id: string;
  site_id: string | null;
  state: string;
  as_of: string;
  cancel_requested: number;
  requested_by: string | null;
  requested_label: string;
  sites_total: number;
  sites_done: number;
  pages: number;
  links: number;
  findings: number;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One site's result in a run: verdict, score and vetoes. */
export interface MonitorRunSiteTable {
  run_id: string;
  site_id: string;
  verdict: string;
  score: number | null;
  vetoes_json: string;
  findings: number;
  pages: number;
  links: number;
  finished_at: string;
}

/** A finding, matched from run to run by its key. */
export interface MonitorFindingTable {
  id: string;
  site_id: string;
  match_key: string;
  rule: string;
  severity: string;
  url: string | null;
  column_name: string | null;
  message: string;
  evidence_json: string;
  confirmation: string;
  decided_by: string | null;
  decided_at: string | null;
  dismiss_reason: string | null;
  status: string;
  first_run_id: string;
  last_run_id: string;
  closed_run_id: string | null;
  first_seen_at: string;
  last_seen_at: string;
  closed_at: string | null;
}

/** A scheduled availability probe of a registered site's home page (ok 0/1; status null when no answer). */
export interface MonitorProbeTable {
  id: string;
  site_id: string;
  probed_at: string;
  ok: number;
  status: number | null;
  error: string | null;
}

/** A training session (培训): when, what, who organized it, its kind (集中培训, 专题培训, 业务指导). */
export interface TrainingSessionTable {
  id: string;
  org_id: string;
  held_on: string;
  title: string;
  organizer: string;
  kind: 'centralized' | 'thematic' | 'guidance';
  notes: string;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
  updated_at: string;
}

/** The participants of a session from one organization: a head count and, optionally, their accounts. */
export interface TrainingParticipantTable {
  session_id: string;
  org_id: string;
  headcount: number;
  user_ids_json: string;
}

/** A file handed out at a session (slides, notes), in order. */
export interface TrainingMaterialTable {
  session_id: string;
  sort: number;
  file_id: string;
  name: string;
  mime: string;
  size: number;
}

/** A 社会评议 or 责任追究 record (《条例》第五十条第四项), reported in section 五 of a government's report. */
export interface OversightRecordTable {
  id: string;
  org_id: string;
  kind: 'social_review' | 'accountability';
  occurred_on: string;
  unit: string;
  subject: string;
  result: string;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
  updated_at: string;
}

/** A 整改 task of the responsible organization for one finding. */
export interface MonitorTaskTable {
  id: string;
  finding_id: string;
  org_id: string;
  state: string;
  due_on: string;
  reopened: number;
  fix_note: string | null;
  fixed_by: string | null;
  fixed_at: string | null;
  closed_at: string | null;
  letter_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A 提醒函 sent to one organization about its open findings. */
export interface MonitorLetterTable {
  id: string;
  org_id: string;
  doc_no: string;
  deadline_on: string;
  state: string;
  recipient_email: string | null;
  created_by: string | null;
  created_at: string;
  sent_at: string | null;
  delivered_at: string | null;
  closed_at: string | null;
}

/** A website's 政府网站工作年度报表 for one year (国办函〔2018〕12号), migration 2026-12-13T0300. */
export interface WebsiteReportTable {
  id: string;
  site_id: string;
  year: number;
  state: 'draft' | 'reviewed' | 'published';
  values_json: string;
  filled_json: string;
  filled_at: string | null;
  edited_by: string | null;
  edited_label: string;
  reviewed_by: string | null;
  reviewed_label: string;
  reviewed_at: string | null;
  filed_at: string | null;
  publication_url: string;
  publication_id: string | null;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
  updated_at: string;
}

/** An assessment scheme (考核方案) of one year and scope (migration 2026-12-13T0200). */
export interface AssessmentSchemeTable {
  id: string;
  scope_org_id: string;
  year: number;
  name: string;
  state: 'draft' | 'published';
  def_json: string;
  copied_from: string | null;
  /** The result table frozen at publication; null while a draft. */
  snapshot_json: string | null;
  published_at: string | null;
  publication_id: string | null;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
  updated_at: string;
}

/** The value of an entered indicator for one unit (decimal text) with its evidence. */
export interface AssessmentEntryTable {
  scheme_id: string;
  org_id: string;
  indicator_id: string;
  value: string;
  evidence: string;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
  updated_at: string;
}

/** A manual adjustment of a unit's score (points: decimal text) with its required reason. */
export interface AssessmentAdjustmentTable {
  id: string;
  scheme_id: string;
  org_id: string;
  indicator_id: string | null;
  points: string;
  reason: string;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
}

export interface Database {
  organization: OrganizationTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  personal_data_grant: PersonalDataGrantTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  audit_entry: AuditEntryTable;
  audit_head: AuditHeadTable;
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
  calendar_override: CalendarOverrideTable;
  site_setting: SiteSettingTable;
  stored_file: StoredFileTable;
  application: ApplicationTable;
  application_event: ApplicationEventTable;
  notice: NoticeTable;
  application_reply_file: ApplicationReplyFileTable;
  application_reply_draft: ApplicationReplyDraftTable;
  proposed_correction: ProposedCorrectionTable;
  proposed_correction_file: ProposedCorrectionFileTable;
  counter: CounterTable;
  rate_counter: RateCounterTable;
  email_outbox: EmailOutboxTable;
  review_case: ReviewCaseTable;
  category: CategoryTable;
  publication: PublicationTable;
  publication_attachment: PublicationAttachmentTable;
  publication_review: PublicationReviewTable;
  publication_version: PublicationVersionTable;
  publication_version_file: PublicationVersionFileTable;
  live_category_count: LiveCategoryCountTable;
  publication_reassessment: PublicationReassessmentTable;
  search_document: SearchDocumentTable;
  key_area: KeyAreaTable;
  key_area_exclusion: KeyAreaExclusionTable;
  catalogue_row: CatalogueRowTable;
  annual_report: AnnualReportTable;
  annual_report_version: AnnualReportVersionTable;
  report_deadline: ReportDeadlineTable;
  health_probe: HealthProbeTable;
  media_account: MediaAccountTable;
  media_account_event: MediaAccountEventTable;
  media_post: MediaPostTable;
  monitor_site: MonitorSiteTable;
  monitor_column: MonitorColumnTable;
  monitor_message: MonitorMessageTable;
  monitor_run: MonitorRunTable;
  monitor_run_site: MonitorRunSiteTable;
  monitor_finding: MonitorFindingTable;
  monitor_task: MonitorTaskTable;
  monitor_letter: MonitorLetterTable;
  monitor_probe: MonitorProbeTable;
  training_session: TrainingSessionTable;
  training_participant: TrainingParticipantTable;
  training_material: TrainingMaterialTable;
  oversight_record: OversightRecordTable;
  website_report: WebsiteReportTable;
  assessment_scheme: AssessmentSchemeTable;
  assessment_entry: AssessmentEntryTable;
  assessment_adjustment: AssessmentAdjustmentTable;
}

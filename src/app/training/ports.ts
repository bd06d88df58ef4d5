// Ports of the training records (培训) and of the supervision facts the annual report cites.
import type { AssessmentFacts } from '../../domain/reports/narrative.js';
import type {
  TrainingDetails,
  TrainingMaterial,
  TrainingParticipant,
  TrainingSession,
} from '../../domain/training/training.js';

/** Filters of the training records; visibility is the `orgIds` list (holding organizations), applied in SQL. */
export type TrainingFilter = {
  orgIds: readonly string[];
  /** Sessions held in this calendar year. */
  year?: number;
};

/** Training sessions with their participants and materials. */
export interface TrainingRepository {
  /** Inserts a session with its participants and materials. */
  insert(s: TrainingSession): Promise<void>;
  /** Replaces the fields and the participants (the holding organization and the materials stay). */
  update(id: string, details: TrainingDetails, participants: readonly TrainingParticipant[], at: string): Promise<void>;
  /** Appends materials (their `sort` given by the caller). */
  addMaterials(sessionId: string, materials: readonly TrainingMaterial[]): Promise<void>;
  removeMaterial(sessionId: string, sort: number): Promise<void>;
  /** Deletes a session with its participants and materials (the stored files stay: they are shared by hash). */
  delete(id: string): Promise<void>;
  byId(id: string): Promise<TrainingSession | undefined>;
  /** Sessions matching the filter, newest first, with participants and materials. */
  list(filter: TrainingFilter): Promise<TrainingSession[]>;
  /** Sessions of a year held outside `orgIds` that organizations of `orgIds` attended (their participants only). */
  attended(orgIds: readonly string[], year: number): Promise<TrainingSession[]>;
}

/** The monitoring facts of a year over some organizations, as the annual report cites them. */
export type MonitoringYearFacts = {
  /** Websites registered for monitoring and 政务新媒体 accounts running (开设、变更) today. */
  sites: number;
  accounts: number;
  /** Checks of one website finished in the year (one per site and run). */
  siteChecks: number;
  /** 提醒函 issued in the year to these organizations. */
  letters: number;
};

/** Aggregates of the supervision records for the annual report. */
export interface SupervisionFactsRepository {
  monitoring(orgIds: readonly string[], year: number): Promise<MonitoringYearFacts>;
  /**
   * The port of the assessment module: its results of a year over an organization (a government: its subtree),
   * null when none is recorded. The default implementation answers null (no assessment module wired).
   */
  assessment(orgId: string, year: number): Promise<AssessmentFacts | null>;
}

/** Repositories of the training records. */
export type TrainingRepos = { training: TrainingRepository; supervisionFacts: SupervisionFactsRepository };

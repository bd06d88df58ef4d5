// Binds every repository to a connection or a transaction, and runs use-case transactions.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Repos } from '../app/context.js';
import type { UnitOfWork } from '../app/ports.js';
import { organizationRepository } from './repositories/organization-repository.js';
import { userRepository } from './repositories/user-repository.js';
import { personalDataGrantRepository } from './repositories/personal-data-grant-repository.js';
import { apiTokenRepository, sessionRepository } from './repositories/session-repository.js';
import { auditLog } from './repositories/audit-log.js';
import { calendarRepository } from './repositories/calendar-repository.js';
import { settingsRepository } from './repositories/settings-repository.js';
import { applicationRepository } from './repositories/application-repository.js';
import { counters, fileStore, noticeRepository } from './repositories/notice-repository.js';
import { replyDraftRepository, replyFileRepository } from './repositories/reply-repository.js';
import { correctionRepository } from './repositories/correction-repository.js';
import { outboxRepository } from './repositories/outbox-repository.js';
import { reviewRepository } from './repositories/review-repository.js';
import { searchIndex } from './repositories/search-index.js';
import { standardCatalogueRepository } from './repositories/standard-catalogue-repository.js';
import { categoryRepository } from './repositories/category-repository.js';
import { publicationRepository } from './repositories/publication-repository.js';
import { publicationArchive } from './repositories/publication-archive.js';
import { reassessmentRepository } from './repositories/reassessment-repository.js';
import { publicationBulkWriter } from './repositories/publication-bulk.js';
import { annualReportRepository } from './repositories/annual-report-repository.js';
import { reportFactsRepository } from './repositories/report-facts-repository.js';
import { rateCounterRepository } from './repositories/rate-counter-repository.js';
import { healthProbe } from './repositories/health-probe.js';
import { mediaRepository } from './repositories/media-repository.js';
import { monitoringRepository } from './repositories/monitoring-repository.js';
import { assessmentRepository } from './repositories/assessment-repository.js';
import { assessmentFacts } from './repositories/assessment-facts.js';

/** Builds all repositories over one executor. `instanceId` names the open database (cache keys). */
export function buildRepos(db: Kysely<Database>, instanceId: string): Repos {
  return {
    orgs: organizationRepository(db, instanceId),
    users: userRepository(db),
    personalDataGrants: personalDataGrantRepository(db),
    sessions: sessionRepository(db),
    tokens: apiTokenRepository(db),
    audit: auditLog(db),
    calendar: calendarRepository(db, instanceId),
    settings: settingsRepository(db),
    applications: applicationRepository(db),
    files: fileStore(db),
    notices: noticeRepository(db),
    replyFiles: replyFileRepository(db),
    replyDrafts: replyDraftRepository(db),
    corrections: correctionRepository(db),
    counters: counters(db),
    outbox: outboxRepository(db),
    reviews: reviewRepository(db),
    search: searchIndex(db),
    standardCatalogue: standardCatalogueRepository(db),
    categories: categoryRepository(db),
    publications: publicationRepository(db),
    publicationArchive: publicationArchive(db),
    reassessments: reassessmentRepository(db),
    publicationBulk: publicationBulkWriter(db),
    annualReports: annualReportRepository(db),
    reportFacts: reportFactsRepository(db),
    rateCounters: rateCounterRepository(db),
    health: healthProbe(db),
    media: mediaRepository(db),
    monitoring: monitoringRepository(db),
    assessments: assessmentRepository(db),
    assessmentFacts: assessmentFacts(db),
  };
}

/**
 * A unit of work over Kysely transactions. Kysely's SQLite driver serialises transactions on its
 * single connection; PostgreSQL runs them concurrently under READ COMMITTED, with the audit head
 * row serialising writers that append to the audit trail.
 */
export function unitOfWork(db: Kysely<Database>, instanceId: string): UnitOfWork<Repos> {
  return {
    run: (fn) => db.transaction().execute((trx) => fn(buildRepos(trx, instanceId))),
  };
}

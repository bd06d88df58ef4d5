// The ordered list of migrations. Append only; names are ISO timestamps.
import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026-11-28T0100-foundation.js';
import * as applications from './2026-11-28T0200-applications.js';
import * as reviewRegister from './2026-11-28T0300-review-register.js';
import * as emailOutbox from './2026-11-28T0400-email-outbox.js';
import * as publications from './2026-11-28T0500-publications.js';
import * as searchIndex from './2026-11-28T0510-search-index.js';
import * as standardCatalogue from './2026-11-28T0520-standard-catalogue.js';
import * as publicationIndexes from './2026-11-28T0600-publication-indexes.js';
import * as publicationReassessment from './2026-11-28T0610-publication-reassessment.js';
import * as searchSpeed from './2026-11-28T0620-search-speed.js';
import * as publicationCatalogueRow from './2026-11-28T0630-publication-catalogue-row.js';
import * as annualReports from './2026-11-28T0700-annual-reports.js';
import * as searchWithoutUrl from './2026-12-06T0100-search-without-url.js';
import * as organizationFax from './2026-12-07T0100-organization-fax.js';
import * as replyApproval from './2026-12-08T0100-reply-approval.js';
import * as proposedCorrections from './2026-12-08T0200-proposed-corrections.js';
import * as rateCounters from './2026-12-09T0100-rate-counters.js';
import * as healthProbe from './2026-12-09T0200-health-probe.js';
import * as outboxClaims from './2026-12-10T0100-outbox-claims.js';
import * as apiTokenScope from './2026-12-10T0200-api-token-scope.js';
import * as personalDataGrants from './2026-12-10T0300-personal-data-grants.js';
import * as submissionHash from './2026-12-10T0400-submission-hash.js';
import * as searchIdentifiers from './2026-12-10T0500-search-identifiers.js';
import * as reportCorrections from './2026-12-11T0200-report-corrections.js';
import * as monitoringRegistry from './2026-12-12T0100-monitoring-registry.js';
import * as mediaAccounts from './2026-12-12T0200-media-accounts.js';
import * as monitorProbes from './2026-12-12T0400-monitor-probes.js';
import * as trainingOversight from './2026-12-13T0100-training-oversight.js';
import * as assessment from './2026-12-13T0200-assessment.js';
import * as websiteReport from './2026-12-13T0300-website-report.js';
import * as liveListColumns from './2026-12-14T0100-live-list-columns.js';
import * as liveCategoryCount from './2026-12-14T0200-live-category-count.js';
import * as searchStatistics from './2026-12-14T0300-search-statistics.js';
import * as searchPendingList from './2026-12-14T0400-search-pending-list.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026-11-28T0100-foundation': foundation,
  '2026-11-28T0200-applications': applications,
  '2026-11-28T0300-review-register': reviewRegister,
  '2026-11-28T0400-email-outbox': emailOutbox,
  '2026-11-28T0500-publications': publications,
  '2026-11-28T0510-search-index': searchIndex,
  '2026-11-28T0520-standard-catalogue': standardCatalogue,
  '2026-11-28T0600-publication-indexes': publicationIndexes,
  '2026-11-28T0610-publication-reassessment': publicationReassessment,
  '2026-11-28T0620-search-speed': searchSpeed,
  '2026-11-28T0630-publication-catalogue-row': publicationCatalogueRow,
  '2026-11-28T0700-annual-reports': annualReports,
  '2026-12-06T0100-search-without-url': searchWithoutUrl,
  '2026-12-07T0100-organization-fax': organizationFax,
  '2026-12-08T0100-reply-approval': replyApproval,
  '2026-12-08T0200-proposed-corrections': proposedCorrections,
  '2026-12-09T0100-rate-counters': rateCounters,
  '2026-12-09T0200-health-probe': healthProbe,
  '2026-12-10T0100-outbox-claims': outboxClaims,
  '2026-12-10T0200-api-token-scope': apiTokenScope,
  '2026-12-10T0300-personal-data-grants': personalDataGrants,
  '2026-12-10T0400-submission-hash': submissionHash,
  '2026-12-10T0500-search-identifiers': searchIdentifiers,
  '2026-12-11T0200-report-corrections': reportCorrections,
  '2026-12-12T0100-monitoring-registry': monitoringRegistry,
  '2026-12-12T0200-media-accounts': mediaAccounts,
  '2026-12-12T0400-monitor-probes': monitorProbes,
  '2026-12-13T0100-training-oversight': trainingOversight,
  '2026-12-13T0200-assessment': assessment,
  '2026-12-13T0300-website-report': websiteReport,
  '2026-12-14T0100-live-list-columns': liveListColumns,
  '2026-12-14T0200-live-category-count': liveCategoryCount,
  '2026-12-14T0300-search-statistics': searchStatistics,
  '2026-12-14T0400-search-pending-list': searchPendingList,
};

/** Provides the static migration list to Kysely's Migrator (no file-system scanning). */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

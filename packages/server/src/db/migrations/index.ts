import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Engine } from './helpers.js';
import * as m0001 from './0001-organisation-and-accounts.js';
import * as m0002 from './0002-assessments.js';
import * as m0003 from './0003-measures-and-progress.js';
import * as m0004 from './0004-committees-and-documents.js';
import * as m0005 from './0005-integrity.js';
import * as m0006 from './0006-report-parts.js';
import * as m0007 from './0007-oit-workspace.js';
import * as m0008 from './0008-link-checks.js';
import * as m0009 from './0009-oit-clarification.js';
import * as m0010 from './0010-surveys.js';
import * as m0011 from './0011-calendar.js';
import * as m0012 from './0012-reminders.js';
import * as m0013 from './0013-memos.js';
import * as m0014 from './0014-survey-anonymity.js';
import * as m0015 from './0015-issued-records.js';
import * as m0016 from './0016-evidence-store.js';
import * as m0017 from './0017-framework-drafts.js';
import * as m0018 from './0018-agency-kinds-and-oversight.js';
import * as m0019 from './0019-overseen-agency.js';
import * as m0020 from './0020-oit-readiness.js';
import * as m0021 from './0021-national-indexes.js';
import * as m0022 from './0022-document-batches.js';
import * as m0023 from './0023-shared-frameworks.js';
import * as m0024 from './0024-kept-results.js';
import * as m0025 from './0025-kept-late-states.js';
import * as m0026 from './0026-agency-search.js';
import * as m0027 from './0027-batch-job-positions.js';
import * as m0028 from './0028-readiness-changes.js';
import * as m0029 from './0029-readiness-figures.js';
import * as m0030 from './0030-agency-kinds-index.js';
import * as m0031 from './0031-survey-rounds-latest.js';
import * as m0032 from './0032-link-check-latest.js';
import * as m0033 from './0033-survey-rounds-kept.js';
import * as m0034 from './0034-readiness-totals.js';
import * as m0035 from './0035-batch-job-counts.js';
import * as m0036 from './0036-survey-rounds-shown.js';
import * as m0037 from './0037-survey-round-days.js';
import * as m0038 from './0038-readiness-with-checklist.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
type Step = { up: (db: Kysely<any>, engine: Engine) => Promise<void> };

/** Forward-only migrations, in order. Add new ones at the end; never edit a released one. */
const steps: Record<string, Step> = {
  '0001-organisation-and-accounts': m0001,
  '0002-assessments': m0002,
  '0003-measures-and-progress': m0003,
  '0004-committees-and-documents': m0004,
  '0005-integrity': m0005,
  '0006-report-parts': m0006,
  '0007-oit-workspace': m0007,
  '0008-link-checks': m0008,
  '0009-oit-clarification': m0009,
  '0010-surveys': m0010,
  '0011-calendar': m0011,
  '0012-reminders': m0012,
  '0013-memos': m0013,
  '0014-survey-anonymity': m0014,
  '0015-issued-records': m0015,
  '0016-evidence-store': m0016,
  '0017-framework-drafts': m0017,
  '0018-agency-kinds-and-oversight': m0018,
  '0019-overseen-agency': m0019,
  '0020-oit-readiness': m0020,
  '0021-national-indexes': m0021,
  '0022-document-batches': m0022,
  '0023-shared-frameworks': m0023,
  '0024-kept-results': m0024,
  '0025-kept-late-states': m0025,
  '0026-agency-search': m0026,
  '0027-batch-job-positions': m0027,
  '0028-readiness-changes': m0028,
  '0029-readiness-figures': m0029,
  '0030-agency-kinds-index': m0030,
  '0031-survey-rounds-latest': m0031,
  '0032-link-check-latest': m0032,
  '0033-survey-rounds-kept': m0033,
  '0034-readiness-totals': m0034,
  '0035-batch-job-counts': m0035,
  '0036-survey-rounds-shown': m0036,
  '0037-survey-round-days': m0037,
  '0038-readiness-with-checklist': m0038,
};

export class BundledMigrations implements MigrationProvider {
  constructor(private readonly engine: Engine) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(Object.entries(steps).map(([name, step]) => [name, { up: (db) => step.up(db, this.engine) }]));
  }
}

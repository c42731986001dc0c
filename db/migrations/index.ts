import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-customer-files';
import * as m0003 from './0003-audit-chain';
import * as m0004 from './0004-approvals-confidentiality';
import * as m0005 from './0005-locations';
import * as m0006 from './0006-borrowing-inspections';
import * as m0007 from './0007-yearly-bundle';
import * as m0008 from './0008-scale-indexes';
import * as m0009 from './0009-alias-file-index';
import * as m0010 from './0010-password-attempts';
import * as m0011 from './0011-sealed-scans';
import * as m0012 from './0012-paper-loans';
import * as m0013 from './0013-desk-records';
import * as m0014 from './0014-customer-register-fields';
import * as m0015 from './0015-visit-indexes';
import * as m0016 from './0016-scan-text';
import * as m0017 from './0017-scan-intake';
import * as m0018 from './0018-file-duties';
import * as m0019 from './0019-duty-indexes';
import * as m0020 from './0020-customer-owners';
import * as m0021 from './0021-customer-admission';
import * as m0022 from './0022-new-file-review';
import * as m0023 from './0023-contact-changes';

/** Every migration in order. Names sort in the order they run; never rename or edit a landed one. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-customer-files': m0002,
  '0003-audit-chain': m0003,
  '0004-approvals-confidentiality': m0004,
  '0005-locations': m0005,
  '0006-borrowing-inspections': m0006,
  '0007-yearly-bundle': m0007,
  '0008-scale-indexes': m0008,
  '0009-alias-file-index': m0009,
  '0010-password-attempts': m0010,
  '0011-sealed-scans': m0011,
  '0012-paper-loans': m0012,
  '0013-desk-records': m0013,
  '0014-customer-register-fields': m0014,
  '0015-visit-indexes': m0015,
  '0016-scan-text': m0016,
  '0017-scan-intake': m0017,
  '0018-file-duties': m0018,
  '0019-duty-indexes': m0019,
  '0020-customer-owners': m0020,
  '0021-customer-admission': m0021,
  '0022-new-file-review': m0022,
  '0023-contact-changes': m0023,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const latestMigration = Object.keys(migrations).sort().at(-1)!;

import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_staff_users';
import * as m0003 from './0003_audit_trail';
import * as m0005 from './0005_lock_pins_and_drafts';
import * as m0006 from './0006_patients';
import * as m0007 from './0007_patient_search';
import * as m0008 from './0008_scheduling';
import * as m0009 from './0009_scheduling_indexes';
import * as m0010 from './0010_patient_book_contacts';
import * as m0011 from './0011_book_covering_reads';
import * as m0012 from './0012_waitlist_outcome';

/**
 * Every migration, registered in code: the bundled main process has no migrations folder to scan.
 * A test fails if a file in this folder is missing here. Names sort in the order they apply.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0002_staff_users': m0002,
  '0003_audit_trail': m0003,
  '0005_lock_pins_and_drafts': m0005,
  '0006_patients': m0006,
  '0007_patient_search': m0007,
  '0008_scheduling': m0008,
  '0009_scheduling_indexes': m0009,
  '0010_patient_book_contacts': m0010,
  '0011_book_covering_reads': m0011,
  '0012_waitlist_outcome': m0012,
};

/** The schema version this build writes: the number of registered migrations. */
export const SCHEMA_VERSION = Object.keys(MIGRATIONS).length;

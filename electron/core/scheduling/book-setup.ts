import { sql, type Kysely } from 'kysely';
import type { Database, ProviderRow } from '../db/schema';
import { clinicTimeZone } from './clinic-zone';
import { listProviders, loadHours, type BookNames, type Hours } from './repository';

/**
 * What every read of the book needs besides the appointments: the clinic's time zone, the providers (name order),
 * their working hours and the names the views show (providers, types, rooms, staff). Eight small statements each time
 * were a fifth of a full day view; they change a few times a year.
 */
export interface BookSetup {
  zone: string;
  providers: readonly ProviderRow[];
  hours: ReadonlyMap<string, Hours>;
  names: BookNames;
}

interface Kept {
  /** total_changes() of this connection and its data_version when the set-up was read. */
  changes: number;
  version: number;
  setup: BookSetup;
}

/** Per Kysely instance (one per open database; a transaction is another instance and always reads afresh). */
const kept = new WeakMap<Kysely<Database>, Kept>();

/**
 * The book's set-up, read again whenever anything may have changed since: `total_changes()` counts every row this
 * connection has written (a rolled-back write too, so that is read again as well), and `data_version` changes when
 * another connection (another window or workstation on the same file) commits. One statement when nothing changed.
 * Any write at all counts, not only set-up: simple, and the book is read far more often than it is written.
 */
export async function bookSetup(db: Kysely<Database>): Promise<BookSetup> {
  const { rows } = await sql<{ changes: number; version: number }>`
    SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version()) AS version`.execute(db);
  const { changes, version } = rows[0] as { changes: number; version: number };
  const known = kept.get(db);
  if (known && known.changes === changes && known.version === version) return known.setup;
  const setup = await readBookSetup(db);
  kept.set(db, { changes, version, setup });
  return setup;
}

/**
 * The names views show. Inside a transaction (a booking's own views), read afresh from the small tables: the set-up
 * is not kept for a transaction, and a write in it would make it stale anyway.
 */
export async function bookNames(db: Kysely<Database>): Promise<BookNames> {
  if (!db.isTransaction) return (await bookSetup(db)).names;
  return readNames(db, await db.selectFrom('provider').select(['id', 'name']).execute());
}

async function readNames(db: Kysely<Database>, providers: readonly Pick<ProviderRow, 'id' | 'name'>[]): Promise<BookNames> {
  const types = await db.selectFrom('appointment_type').select(['id', 'name', 'color', 'mode']).execute();
  const rooms = await db.selectFrom('room').select(['id', 'name']).execute();
  const staff = await db.selectFrom('staff_user').select(['id', 'full_name']).execute();
  return {
    provider: new Map(providers.map((p) => [p.id, p.name])),
    type: new Map(types.map((t) => [t.id, t])),
    room: new Map(rooms.map((r) => [r.id, r.name])),
    staff: new Map(staff.map((u) => [u.id, u.full_name])),
  };
}

async function readBookSetup(db: Kysely<Database>): Promise<BookSetup> {
  const zone = await clinicTimeZone(db);
  const providers = await listProviders(db);
  const hours = await loadHours(db);
  return { zone, providers, hours, names: await readNames(db, providers) };
}

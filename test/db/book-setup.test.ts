import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../electron/core/audit/service';
import { writeSetting, SETTINGS } from '../../electron/core/app/settings';
import type { Database } from '../../electron/core/db/schema';
import { createBooking, type Actor } from '../../electron/core/scheduling/booking';
import { createSchedulingReads } from '../../electron/core/scheduling/reads';
import { createSchedulingSetup } from '../../electron/core/scheduling/setup';
import { openTestDatabase, randomDatabaseKey, type TestDatabase } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';
import { addPatient } from './patient-search-support';
import { STORY_START } from './scheduling-support';

/**
 * The book keeps its set-up (time zone, providers, hours, names) between reads and reads it again after any write:
 * one on this connection, or one committed by another window or workstation on the same file. A desk never sees a
 * provider's old name or old hours after the change is saved.
 */
let dir: TempDataDir;
let first: TestDatabase;
let second: TestDatabase;
const now = () => STORY_START;
const admin = { userId: '0192f0c4-0000-7000-8000-00000000a001', displayName: 'Maria Lee' };
const desk: Actor = { userId: '0192f0c4-0000-7000-8000-00000000d001', displayName: 'Fran Desk', role: 'front_desk' };
const DATE = '2026-03-10';
let lee: string;
let followUp: string;
let john: string;
const statements: CompiledQuery[] = [];
let spy: Kysely<Database>;

const setupOn = (database: TestDatabase) => createSchedulingSetup({ db: () => database.db, audit: createAuditService({ workstation: 'setup', now, db: () => database.db }), now });
const readsOn = (db: Kysely<Database>) => createSchedulingReads({ db: () => db, audit: createAuditService({ workstation: 'desk', now, db: () => db }), now });
const leeProvider = (name: string, active = true) => ({ provider: { name, credentials: null, npi: null, color: '#3b82f6', active } });
const tablesRead = () => statements.map((s) => /from "(\w+)"/i.exec(s.sql)?.[1] ?? /pragma_data_version/.exec(s.sql)?.[0] ?? s.sql.slice(0, 30));

beforeAll(async () => {
  dir = createTempDataDir();
  const key = randomDatabaseKey();
  first = await openTestDatabase(dir.path, key);
  second = await openTestDatabase(dir.path, key);
  await writeSetting(first.db, SETTINGS.clinicTimeZone, 'America/New_York', STORY_START);
  const setup = setupOn(first);
  lee = (await setup.saveProvider(leeProvider('Dr. Lee'), admin)).id;
  await setup.setWorkingHours({ providerId: lee, week: [2].map((weekday) => ({ weekday, blocks: [{ start: 480, end: 720 }] })) }, admin);
  followUp = (await setup.saveAppointmentType({ type: { name: 'Follow-up', durationMinutes: 30, color: '#10b981', mode: 'in_person', needsRoom: false, bufferAfterMinutes: 0, providerIds: [lee], active: true } }, admin)).id;
  john = (await addPatient(first.db, { firstName: 'John', lastName: 'Okafor', dateOfBirth: '1971-02-03' })).id;
  const booking = createBooking({ db: () => first.db, audit: createAuditService({ workstation: 'desk', now, db: () => first.db }), now });
  await booking.book(
    { patientId: john, typeId: followUp, providerId: lee, roomId: null, start: { date: DATE, time: 9 * 60 }, reason: null, notes: null, telehealthLink: null, acknowledgePatientOverlap: false },
    desk,
  );
  // The same connection as `first`, with every statement it runs written down.
  spy = new Kysely<Database>({ dialect: new SqliteDialect({ database: first.sqlite }), log: (event) => void statements.push(event.query) });
});
afterAll(async () => {
  await spy?.destroy();
  await second?.close();
  await first?.close();
  dir?.remove();
});

const leeColumn = async (db: Kysely<Database>) => {
  const day = await readsOn(db).day({ date: DATE, by: 'provider', includeInactive: false });
  const column = day.columns.find((c) => c.id === lee);
  return { name: column?.name, hours: column?.hours.length, visitWith: column?.appointments.map((a) => a.providerName) };
};

describe('the book’s set-up between reads', () => {
  it('is read once, then only checked (one statement) while nothing is written', async () => {
    statements.length = 0;
    expect(await leeColumn(spy)).toEqual({ name: 'Dr. Lee', hours: 1, visitWith: ['Dr. Lee'] });
    expect(tablesRead()).toEqual(expect.arrayContaining(['pragma_data_version', 'app_meta', 'provider', 'provider_hours', 'appointment_type', 'room', 'staff_user']));
    statements.length = 0;
    expect(await leeColumn(spy)).toEqual({ name: 'Dr. Lee', hours: 1, visitWith: ['Dr. Lee'] });
    const setUpTables = ['app_meta', 'provider', 'provider_hours', 'appointment_type', 'room', 'staff_user'];
    expect(tablesRead().filter((t) => setUpTables.includes(t))).toEqual([]);
    expect(tablesRead()).toContain('pragma_data_version');
  });

  it('a change saved on this connection (a provider renamed, hours changed) shows at the next read', async () => {
    await leeColumn(spy);
    await setupOn(first).saveProvider({ id: lee, ...leeProvider('Dr. Amy Lee') }, admin);
    expect(await leeColumn(spy)).toEqual({ name: 'Dr. Amy Lee', hours: 1, visitWith: ['Dr. Amy Lee'] });
    await setupOn(first).setWorkingHours({ providerId: lee, week: [{ weekday: 2, blocks: [{ start: 480, end: 600 }, { start: 660, end: 900 }] }] }, admin);
    expect(await leeColumn(spy)).toEqual({ name: 'Dr. Amy Lee', hours: 2, visitWith: ['Dr. Amy Lee'] });
  });

  it('a change committed by another workstation on the same file shows at the next read here', async () => {
    await leeColumn(first.db);
    await setupOn(second).saveProvider({ id: lee, ...leeProvider('Dr. Amy Lee-Park') }, admin);
    expect(await leeColumn(first.db)).toEqual({ name: 'Dr. Amy Lee-Park', hours: 2, visitWith: ['Dr. Amy Lee-Park'] });
    await writeSetting(second.db, SETTINGS.clinicTimeZone, 'America/Los_Angeles', STORY_START);
    expect((await readsOn(first.db).day({ date: DATE, by: 'provider', includeInactive: false })).timeZone).toBe('America/Los_Angeles');
  });

  it('a write that was rolled back is read again all the same (nothing stale is kept)', async () => {
    await leeColumn(first.db);
    await expect(
      first.db.transaction().execute(async (trx) => {
        await trx.updateTable('provider').set({ name: 'Never saved' }).where('id', '=', lee).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await leeColumn(first.db)).name).toBe('Dr. Amy Lee-Park');
  });
});

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ClinicFailure } from '../errors';

/** How long a booking waits for another workstation's write to finish before giving up. */
export const WRITE_LOCK_WAIT_MS = 5000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs fn in one write transaction that holds SQLite's write lock from its first statement, as BEGIN IMMEDIATE
 * would: every rule check inside reads the book as it is at commit, so two workstations (two connections to the
 * one file) can never both take the same slot. Kysely's SQLite driver only issues a deferred BEGIN, so the first
 * statement is a write that changes nothing (`UPDATE … WHERE 0`), which takes the lock all the same.
 *
 * While another connection holds the lock, the attempt fails at once (busy_timeout is set to 0 for that one
 * statement) and is retried after a short asynchronous pause, so the process stays responsive — and a second
 * connection in the same process (tests) does not block the thread the first one needs to finish.
 */
export async function writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt += 1) {
    let locked = false;
    try {
      return await db.transaction().execute(async (trx) => {
        await takeWriteLock(trx);
        locked = true;
        return fn(trx);
      });
    } catch (error) {
      if (locked || !isBusy(error)) throw error;
      if (Date.now() >= deadline) {
        throw new ClinicFailure('CONFLICT', 'Another workstation is saving to the appointment book right now. Nothing was changed. Try again in a moment.');
      }
      await sleep(Math.min(2 ** attempt, 25));
    }
  }
}

async function takeWriteLock(trx: Kysely<Database>): Promise<void> {
  const current = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(trx);
  const previous = Math.max(0, Math.trunc(Number(current.rows[0]?.timeout ?? 0)));
  await sql`PRAGMA busy_timeout = 0`.execute(trx);
  try {
    await sql`UPDATE app_meta SET key = key WHERE 0`.execute(trx);
  } finally {
    await sql.raw(`PRAGMA busy_timeout = ${previous}`).execute(trx);
  }
}

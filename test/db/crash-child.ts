/**
 * The process crash-safety.test.ts kills. It opens the clinic database the way the app does (real pragmas,
 * real migrations), then books appointment-like rows into a test table as fast as it can, each transaction
 * carrying one audit entry per row written by the real recordAudit. Only after COMMIT returns does it print
 * the row ids, one per line: that line is the acknowledgment the parent holds it to.
 *
 * Run by the test as a prebuilt bundle (plain `node`), so each of the hundreds of spawns skips TypeScript start-up.
 * Environment: CRASH_DB (database file), CRASH_KEY (64 hex digits), CRASH_SEED (integer).
 */
import { writeSync } from 'node:fs';
import { sql } from 'kysely';
import { recordAudit } from '../../electron/core/audit/record';
import { openClinicDatabase } from '../../electron/core/db/clinic-database';

/** Small deterministic PRNG (mulberry32): a failing round can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Maria', 'Jamal', 'Ana', 'Wei', 'Olu', 'Priya', 'Tomás', 'Zoë', 'Keanu', 'Fatima'];
const LAST = ['Lee', 'Ortiz', 'Nguyen', 'Okafor', "O'Brien", 'Schmidt', 'García', 'Kowalski', 'Haddad', 'Smith-Jones'];

/** Writes the whole line with a blocking write: a pipe can be non-blocking, so retry on EAGAIN. */
function acknowledge(line: string): void {
  const bytes = Buffer.from(line, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

async function bookUntilKilled(): Promise<void> {
  const file = process.env['CRASH_DB'];
  const keyHex = process.env['CRASH_KEY'];
  if (!file || !keyHex || !/^[0-9a-f]{64}$/.test(keyHex)) throw new Error('CRASH_DB and CRASH_KEY are required');
  const random = seededRandom(Number(process.env['CRASH_SEED'] ?? 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const { db } = await openClinicDatabase(file, Buffer.from(keyHex, 'hex'), { create: false });
  await sql`CREATE TABLE IF NOT EXISTS crash_probe (
    id TEXT PRIMARY KEY,
    patient_name TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    duration_min INTEGER NOT NULL,
    note TEXT NOT NULL
  )`.execute(db);
  acknowledge('ready\n');

  for (let n = 0; ; n += 1) {
    // One to three bookings per transaction: either all of them (and their entries) or none survive.
    const ids: string[] = [];
    const rows = 1 + Math.floor(random() * 3);
    await db.transaction().execute(async (trx) => {
      for (let r = 0; r < rows; r += 1) {
        const id = `${process.pid}-${n}-${r}`;
        const startsAt = Date.UTC(2026, 0, 1) + Math.floor(random() * 365) * 86_400_000 + Math.floor(random() * 40) * 900_000;
        // Notes up to ~6 KB so some transactions span several pages.
        const note = 'x'.repeat(Math.floor(random() ** 3 * 6000));
        await sql`INSERT INTO crash_probe (id, patient_name, starts_at, duration_min, note)
          VALUES (${id}, ${`${pick(FIRST)} ${pick(LAST)}`}, ${startsAt}, ${pick([15, 30, 45, 60])}, ${note})`.execute(trx);
        await recordAudit(trx, {
          at: Date.now(),
          actor: { userId: '0192f0c4-0000-7000-8000-00000000c0de', name: 'Crash Probe' },
          workstation: 'crash-child',
          action: 'record.create',
          outcome: 'success',
          entityType: 'crash_probe',
          entityId: id,
          detail: { fields: ['patient_name', 'starts_at', 'duration_min', 'note'] },
        });
        ids.push(id);
      }
    });
    acknowledge(`${ids.join('\n')}\n`);
  }
}

bookUntilKilled().catch((error: unknown) => {
  process.stderr.write(`crash-child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});

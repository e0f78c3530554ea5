import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../electron/core/audit/verify';
import { DATABASE_FILE } from '../../electron/core/db/clinic-database';
import { openTestDatabase } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

/**
 * Pulling the plug on CareDesk mid-booking: a child process books rows (each with its audit entry, in one
 * transaction) and acknowledges each after COMMIT; we SIGKILL it at a random moment and reopen the database.
 * Every acknowledged booking must be there, the file must pass integrity_check, and the audit trail must verify.
 *
 * CRASH_ROUNDS=<n> runs more rounds (default 200); CRASH_SEED=<n> replays a run (the seed is in every failure).
 * SIGKILL ends the process, not the machine: the OS still holds written pages, so this proves SQLite's
 * atomic commit and WAL recovery under our settings, not the disk's flush behaviour on power loss.
 */
const ROUNDS = Number(process.env['CRASH_ROUNDS'] ?? 200);
/** Rounds share one database, started afresh every this many rounds so the per-round checks stay cheap on long runs. */
const ROUNDS_PER_DATABASE = 100;
const SEED = Number(process.env['CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD_SOURCE = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

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

let bundleDir: TempDataDir;
let dataDir: TempDataDir;
let childBundle: string;
const key = randomBytes(32);

/** A new, empty clinic database (migrated by the app's own open path) in a new folder. */
async function freshDatabase(): Promise<void> {
  dataDir?.remove();
  dataDir = createTempDataDir('caredesk-crash-');
  const database = await openTestDatabase(dataDir.path, key);
  await database.close();
}

beforeAll(async () => {
  bundleDir = createTempDataDir('caredesk-crash-child-');
  // The child is bundled once (real core code, driver left external) so each spawn is plain `node`: ~0.1 s, not ~0.6 s with tsx.
  childBundle = bundleDir.file('crash-child.cjs');
  await build({
    entryPoints: [CHILD_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    external: ['better-sqlite3-multiple-ciphers'],
    outfile: childBundle,
    logLevel: 'silent',
  });
});

afterAll(() => {
  dataDir?.remove();
  bundleDir?.remove();
});

interface RoundOutcome {
  acked: string[];
  stderr: string;
  signal: NodeJS.Signals | null;
  code: number | null;
}

/** One child: wait for `killAfterAcks` acknowledgments (or a random time, when null), then SIGKILL it. */
function runChildUntilKilled(seed: number, plan: { killAfterAcks: number | null; delayMs: number }): Promise<RoundOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle], {
      env: {
        PATH: process.env['PATH'] ?? '',
        // The bundle lives in a temp folder: let it find the driver in this repository's node_modules.
        NODE_PATH: `${REPO_ROOT}node_modules`,
        CRASH_DB: dataDir.file(DATABASE_FILE),
        CRASH_KEY: key.toString('hex'),
        CRASH_SEED: String(seed),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let pending = '';
    let stderr = '';
    let killing = false;
    const kill = () => {
      if (killing) return;
      killing = true;
      const fire = () => child.kill('SIGKILL');
      if (plan.delayMs > 0) setTimeout(fire, plan.delayMs);
      else fire();
    };
    if (plan.killAfterAcks === null) kill(); // at a random time from spawn: during start-up, opening, or booking
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? ''; // an incomplete last line is not an acknowledgment
      for (const line of lines) {
        if (line === 'ready') {
          if (plan.killAfterAcks === 0) kill();
          continue;
        }
        acked.push(line);
        if (plan.killAfterAcks !== null && acked.length >= plan.killAfterAcks) kill();
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    // 'close': the process has exited and its pipes are drained, so every acknowledgment it wrote is in `acked`.
    child.on('close', (code, signal) => resolve({ acked, stderr, signal, code }));
  });
}

/** Every booking acknowledged since this database was started is there, and the trail verifies from its first entry. */
async function expectWholeRunIntact(acked: string[]): Promise<void> {
  const database = await openTestDatabase(dataDir.path, key);
  try {
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    if (acked.length > 0) {
      const present = database.sqlite.prepare('SELECT count(*) FROM crash_probe WHERE id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(acked));
      expect(present).toBe(acked.length);
    }
    const verified = await verifyAuditTrail(database.db);
    expect(verified.ok, JSON.stringify(verified)).toBe(true);
    if (verified.ok) expect(verified.count).toBe(database.sqlite.prepare('SELECT count(*) FROM audit_event').pluck().get());
  } finally {
    await database.close();
  }
}

describe('killing CareDesk in the middle of booking', () => {
  it(
    `${ROUNDS} SIGKILLs at random moments lose no acknowledged booking, leave integrity_check ok and the audit trail verifying (seed ${SEED})`,
    async () => {
      const random = seededRandom(SEED);
      let allAcked: string[] = [];
      let acknowledgedInAll = 0;
      let killedWhileBooking = 0;
      for (let round = 1; round <= ROUNDS; round += 1) {
        if ((round - 1) % ROUNDS_PER_DATABASE === 0) {
          if (round > 1) await expectWholeRunIntact(allAcked);
          await freshDatabase();
          allAcked = [];
        }
        const where = `round ${round} of ${ROUNDS}, CRASH_SEED=${SEED}`;
        const roll = random();
        const plan =
          roll < 0.08
            ? { killAfterAcks: null, delayMs: Math.floor(random() * 150) }
            : { killAfterAcks: Math.floor(random() * 30), delayMs: random() < 0.5 ? 0 : Math.floor(random() * 4) };
        const outcome = await runChildUntilKilled(Math.floor(random() * 2 ** 31), plan);
        expect(outcome.stderr, where).toBe('');
        expect({ signal: outcome.signal, code: outcome.code }, where).toEqual({ signal: 'SIGKILL', code: null });
        if (outcome.acked.length > 0) killedWhileBooking += 1;
        allAcked.push(...outcome.acked);
        acknowledgedInAll += outcome.acked.length;

        const database = await openTestDatabase(dataDir.path, key);
        try {
          expect(database.sqlite.pragma('integrity_check', { simple: true }), where).toBe('ok');
          const probeExists = database.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'crash_probe'").get() !== undefined;
          expect(probeExists || allAcked.length === 0, where).toBe(true);
          if (probeExists) {
            // Every booking acknowledged in this round is on disk.
            const present = database.sqlite.prepare('SELECT count(*) FROM crash_probe WHERE id IN (SELECT value FROM json_each(?))').pluck();
            expect(present.get(JSON.stringify(outcome.acked)), where).toBe(outcome.acked.length);
            // Booking and audit entry committed together: one entry per booking, no entry without its booking.
            const bookings = database.sqlite.prepare('SELECT count(*) FROM crash_probe').pluck().get() as number;
            const entries = database.sqlite.prepare("SELECT count(*) FROM audit_event WHERE entity_type = 'crash_probe'").pluck().get();
            const orphans = database.sqlite
              .prepare("SELECT count(*) FROM audit_event a WHERE a.entity_type = 'crash_probe' AND NOT EXISTS (SELECT 1 FROM crash_probe p WHERE p.id = a.entity_id)")
              .pluck()
              .get();
            expect({ entries, orphans }, where).toEqual({ entries: bookings, orphans: 0 });
            // At most the one transaction in flight when the kill came can be committed but not yet acknowledged.
            expect(bookings - allAcked.length, where).toBeGreaterThanOrEqual(0);
          }
          const verified = await verifyAuditTrail(database.db);
          expect(verified.ok, `${where}: ${JSON.stringify(verified)}`).toBe(true);
        } finally {
          await database.close();
        }
      }

      await expectWholeRunIntact(allAcked);
      // The kills really landed mid-work, not only before the child got going.
      expect(acknowledgedInAll).toBeGreaterThan(ROUNDS);
      expect(killedWhileBooking).toBeGreaterThan(ROUNDS / 2);
    },
    Math.max(120_000, ROUNDS * 1_000),
  );
});

/**
 * `npm run bench -- [--patients 12000|50000|500000] [--runs 300] [--like-runs N] [--seed N] [--json] [--keep]
 *                   [--compact-index] [--save-db FILE] [--reuse-db FILE] [--appointments N] [--naive-runs N]`
 *
 * Builds a deterministic synthetic clinic in an encrypted database in a temp folder (real migrations, the real
 * insert path: MRN, patient row, history, search index, in transactions of 1000; written through a Kysely that
 * reuses prepared statements, see statement-cache.ts), then times the desk's common
 * operations (p50/p95/p99 in ms over `--runs` runs each, after a warm-up), the same searches as a naive
 * LIKE '%…%' scan, and the core searches on an unencrypted copy of the same database. With --json the last line
 * of stdout is one JSON object: {"patients":N,"ops":{"<op>":{"p50","p95","p99"}},"ratios":{...}}.
 * Progress goes to stderr. The temp folder is removed at the end unless --keep.
 * --compact-index merges the name index first (as the app's idle upkeep would); --save-db keeps a copy of the freshly
 * generated database and --reuse-db starts from such a copy (same --patients and --seed) instead of generating.
 *
 * --appointments N adds the appointment book (heavy tier: `--patients 50000 --appointments 1000000`): 12 providers,
 * ten years around a "today" fixed by the seed, written right after the patients with raw prepared INSERTs
 * (appointments.ts), then timed after the patients' part through the scheduling core (appointment-ops.ts): day view of
 * all providers, a provider's week, booking with every rule check (its commit share separately), open slots over 90
 * days, a patient's history, and straightforward implementations on the same data (--naive-runs, default 20). The
 * JSON line then also has "appointments":N and those operations and ratios. --save-db/--reuse-db include them.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { createAuditService } from '../../electron/core/audit/service';
import { closeClinicDatabase, DATABASE_FILE, openClinicDatabase, type ClinicDatabase } from '../../electron/core/db/clinic-database';
import { createKysely } from '../../electron/core/db/migrate';
import { rawKeyHex } from '../../electron/core/db/open';
import type { Database } from '../../electron/core/db/schema';
import { findDuplicateCandidates } from '../../electron/core/patients/duplicates/find-duplicates';
import {
  findPatientById,
  followMerges,
  insertPatient,
  insertPatientChanges,
  issueMrn,
  mrnAliasesOf,
  patientHistory,
  relatedPeopleOf,
  relatedPersonColumnsOf,
} from '../../electron/core/patients/repository';
import { ftsSegmentCount } from '../../electron/core/patients/search/fts';
import { syncPatientSearch } from '../../electron/core/patients/search/index-sync';
import { compactPatientSearchIndex } from '../../electron/core/patients/search/maintenance';
import { searchPatients } from '../../electron/core/patients/search/search';
import { createPatientsService, HISTORY_EVENTS } from '../../electron/core/patients/service';
import type { PatientRow } from '../../electron/core/db/schema';
import { todayIn } from '../../shared/patients/dates';
import { formatPhone } from '../../shared/patients/phone';
import { benchKey, createGenerator, createRandom, typo, type GeneratedPatient } from './generate';
import { kyselyOnConnection } from './statement-cache';
import { generateAppointments } from './appointments';
import { measureAppointmentBook } from './appointment-ops';
import { foldText } from '../../electron/core/patients/search/normalize';

const { values: args } = parseArgs({
  options: {
    patients: { type: 'string', default: '12000' },
    runs: { type: 'string', default: '300' },
    'like-runs': { type: 'string' },
    seed: { type: 'string', default: '20260302' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'compact-index': { type: 'boolean', default: false },
    'save-db': { type: 'string' },
    'reuse-db': { type: 'string' },
    appointments: { type: 'string' },
    'naive-runs': { type: 'string' },
  },
  strict: true,
});

const PATIENTS = positiveInt(args.patients, 'patients');
const RUNS = positiveInt(args.runs, 'runs');
const LIKE_RUNS = args['like-runs'] ? positiveInt(args['like-runs'], 'like-runs') : RUNS;
const SEED = positiveInt(args.seed, 'seed');
const APPOINTMENTS = args.appointments === undefined ? 0 : positiveInt(args.appointments, 'appointments');
const NAIVE_RUNS = args['naive-runs'] ? positiveInt(args['naive-runs'], 'naive-runs') : Math.min(RUNS, 20);
const WARM_UP = Math.min(20, RUNS);
const BATCH = 1000;
const LIMIT = 20;
const BENCH_USER = { userId: '0192f0c4-0000-7000-8000-00000000be0c', displayName: 'Benchmark' };

function positiveInt(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) {
    console.error(`--${name} must be a positive whole number (got ${String(value)}).`);
    process.exit(2);
  }
  return n;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const say = (line: string) => console.log(line);

interface Stats {
  p50: number;
  p95: number;
  p99: number;
}
const ops: Record<string, Stats> = {};

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}
const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function measure(name: string, runs: number, run: (i: number) => Promise<unknown>): Promise<Stats> {
  // A warm-up of a tenth of the runs (at most WARM_UP): slow baselines such as the LIKE scans run few times.
  for (let i = 0; i < Math.min(WARM_UP, Math.ceil(runs / 10)); i++) await run(runs + i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  return record(name, times);
}

function record(name: string, times: number[]): Stats {
  times.sort((a, b) => a - b);
  const stats = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)) };
  ops[name] = stats;
  log(`  ${name.padEnd(28)} p50 ${stats.p50.toFixed(3).padStart(9)}  p95 ${stats.p95.toFixed(3).padStart(9)}  p99 ${stats.p99.toFixed(3).padStart(9)} ms  (${times.length} runs)`);
  return stats;
}

/**
 * Two operations timed turn about (A, B, B, A, ...), so that a busy moment on the machine weighs on both alike:
 * used for the encrypted database against its unencrypted copy.
 */
async function measurePair(names: [string, string], runs: number, a: (i: number) => Promise<unknown>, b: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(WARM_UP, runs); i++) {
    await a(runs + i);
    await b(runs + i);
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  const time = async (run: (i: number) => Promise<unknown>, i: number, into: number[]) => {
    const start = performance.now();
    await run(i);
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await time(a, i, timesA);
      await time(b, i, timesB);
    } else {
      await time(b, i, timesB);
      await time(a, i, timesA);
    }
  }
  record(names[0], timesA);
  record(names[1], timesB);
}

/** What the benchmark remembers of each generated patient, to build queries that should find them. */
interface Sample {
  id: string;
  mrn: string;
  first: string;
  last: string;
  dob: string;
  phone: string | null;
}

async function main(): Promise<void> {
  // ── 1. Generate ─────────────────────────────────────────────────────────────────────────────────────────────────

  const dir = mkdtempSync(join(tmpdir(), 'caredesk-bench-'));
  const file = join(dir, DATABASE_FILE);
  const key = benchKey(SEED);
  const today = todayIn('America/Chicago');

  async function insertGenerated(trx: Kysely<Database>, person: GeneratedPatient, at: number): Promise<void> {
    // The patients service's registration, minus its duplicate check and audit entry (measured separately below).
    const id = uuidv7();
    const mrn = await issueMrn(trx, at);
    await insertPatient(trx, person.fields, { id, mrn, created_at: at, created_by: BENCH_USER.userId, updated_at: at, updated_by: BENCH_USER.userId });
    await insertPatientChanges(trx, id, [{ field: HISTORY_EVENTS.registration, oldValue: null, newValue: 'full' }, ...person.changes], at, BENCH_USER.userId, uuidv7);
    if (person.related) {
      await trx
        .insertInto('related_person')
        .values({ id: uuidv7(), patient_id: id, ...relatedPersonColumnsOf(person.related), created_at: at, created_by: BENCH_USER.userId, updated_at: at, updated_by: BENCH_USER.userId })
        .execute();
    }
    await syncPatientSearch(trx, (await findPatientById(trx, id)) as PatientRow);
  }

  let database: ClinicDatabase;
  let generated: string;
  let generatedBook = '';
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  const loadAtStart = load();
  log(
    `CareDesk benchmark: ${PATIENTS.toLocaleString('en-US')} patients${APPOINTMENTS > 0 ? `, ${APPOINTMENTS.toLocaleString('en-US')} appointments` : ''}, seed ${SEED}, ${RUNS} runs per operation, in ${dir} (load average ${loadAtStart})`,
  );
  if (args['reuse-db']) {
    // A database saved by an earlier run with the same --patients, --appointments and --seed (--save-db), copied, not touched.
    copyFileSync(args['reuse-db'], file);
    generated = `Reused the ${PATIENTS.toLocaleString('en-US')}-patient database saved at ${args['reuse-db']} (generation not timed in this run)`;
  } else {
    const generator = createGenerator(SEED, PATIENTS);
    database = await openClinicDatabase(file, key, { create: true });
    const writer = kyselyOnConnection(database.sqlite, 'reuse');
    const generationStart = performance.now();
    let at = Date.UTC(2020, 0, 1);
    for (let done = 0; done < PATIENTS; ) {
      const n = Math.min(BATCH, PATIENTS - done);
      const people = Array.from({ length: n }, () => generator.next());
      await writer.transaction().execute(async (trx) => {
        for (const person of people) {
          at += 1000;
          await insertGenerated(trx, person, at);
        }
      });
      done += n;
      if (done % Math.max(BATCH, Math.floor(PATIENTS / 10 / BATCH) * BATCH) === 0 || done === PATIENTS) log(`  generated ${done.toLocaleString('en-US')} (${((performance.now() - generationStart) / 1000).toFixed(1)} s)`);
    }
    await writer.destroy();
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const generationSeconds = (performance.now() - generationStart) / 1000;
    if (APPOINTMENTS > 0) {
      // The appointment book, on the same connection: a 1 GB page cache for the generation only (closed below).
      log(`Appointment book: ${APPOINTMENTS.toLocaleString('en-US')} appointments, 12 providers, ten years (raw prepared INSERTs, 100,000 a transaction):`);
      database.sqlite.pragma('cache_size=-1048576');
      const bookable = database.sqlite.prepare("SELECT id FROM patient WHERE status <> 'deceased' ORDER BY created_at, mrn").pluck().all() as string[];
      const book = generateAppointments(database.sqlite, { seed: SEED, count: APPOINTMENTS, patientIds: bookable, log });
      const checkpoint = performance.now();
      database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const seconds = book.seconds + (performance.now() - checkpoint) / 1000;
      generatedBook =
        `Generated ${book.appointments.toLocaleString('en-US')} appointments in ${seconds.toFixed(1)} s (${Math.round(book.appointments / seconds).toLocaleString('en-US')} appointments/s; ` +
        `${book.series.toLocaleString('en-US')} series, ${book.cancelled.toLocaleString('en-US')} cancelled, ${book.noShows.toLocaleString('en-US')} no-shows, ${book.overbooked.toLocaleString('en-US')} overbooked, ${book.exceptions.toLocaleString('en-US')} time-off entries; ` +
        `past working time ${Math.round(book.pastFill * 100)}% booked).`;
    }
    await closeClinicDatabase(database);
    if (args['save-db']) copyFileSync(file, args['save-db']);
    generated = `Generated ${PATIENTS.toLocaleString('en-US')} patients in ${generationSeconds.toFixed(1)} s (${Math.round(PATIENTS / generationSeconds).toLocaleString('en-US')} patients/s)`;
  }

  database = await openClinicDatabase(file, key, { create: false });
  const count = Number(database.sqlite.prepare('SELECT count(*) FROM patient').pluck().get());
  if (count !== PATIENTS) throw new Error(`The database holds ${count} patients, not ${PATIENTS}.`);
  const appointmentCount = Number(database.sqlite.prepare('SELECT count(*) FROM appointment').pluck().get());
  if (appointmentCount !== APPOINTMENTS) throw new Error(`The database holds ${appointmentCount} appointments, not ${APPOINTMENTS}.`);
  let compacted = 'as written (FTS5 automerge only)';
  if (args['compact-index']) {
    // What compactPatientSearchIndex does at quiet moments in the app, run to the end before measuring.
    const start = performance.now();
    let steps = 0;
    for (let result = { done: false, segments: 0 }; !result.done; steps++) result = await compactPatientSearchIndex(database.db);
    compacted = `compacted to one segment first (${steps} steps of compactPatientSearchIndex, ${((performance.now() - start) / 1000).toFixed(1)} s)`;
  }
  const segments = await ftsSegmentCount(database.db);
  // Every patient, in the order generated, to build queries that should find them.
  const samples = (
    database.sqlite.prepare('SELECT id, mrn, first_name, last_name, date_of_birth, phone_mobile, phone_home, phone_work FROM patient ORDER BY created_at, mrn').all() as PatientRow[]
  ).map((row): Sample => ({ id: row.id, mrn: row.mrn, first: row.first_name, last: row.last_name, dob: row.date_of_birth, phone: row.phone_mobile ?? row.phone_home ?? row.phone_work }));
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await closeClinicDatabase(database);

  // ── 2. An unencrypted copy of the same database ─────────────────────────────────────────────────────────────────

  const plainFile = join(dir, 'plain-copy.db');
  copyFileSync(file, plainFile);
  {
    const copy = new Sqlite(plainFile);
    copy.pragma("cipher='sqlcipher'");
    copy.pragma('legacy=4');
    copy.pragma(`key="x'${rawKeyHex(key)}'"`);
    copy.pragma('journal_mode=DELETE');
    copy.pragma("rekey=''"); // SQLite3 Multiple Ciphers: an empty key decrypts the file in place
    copy.close();
  }
  const sizeMb = statSync(file).size / 1e6;
  say(`${generated}; encrypted database ${sizeMb.toFixed(0)} MB; name index ${compacted}, ${segments} segment${segments === 1 ? '' : 's'}.`);
  if (generatedBook) say(generatedBook);

  // ── 3. Queries, from a seeded pick of the patients ──────────────────────────────────────────────────────────────

  const pick = createRandom(SEED + 1);
  const pool = Math.max(RUNS, LIKE_RUNS) + WARM_UP;
  const chosen = Array.from({ length: pool }, () => samples[pick.int(samples.length)] as Sample);
  const withPhone = samples.filter((s) => s.phone !== null);
  const phoned = Array.from({ length: pool }, () => withPhone[pick.int(withPhone.length)] as Sample);
  const folded = (name: string) => foldText(name).split(' ')[0] ?? '';
  const usDate = (iso: string, form: number) => {
    const [y, m, d] = iso.split('-') as [string, string, string];
    const yearsAgo = Number(today.slice(0, 4)) - Number(y);
    if (form === 0) return `${m}/${d}/${y}`;
    if (form === 1 && yearsAgo < 99) return `${Number(m)}/${Number(d)}/${y.slice(2)}`;
    return iso;
  };
  const queries = {
    // "smi jo" or "jo smi": the start of the last name and of the first name, either order.
    fragment: chosen.map((s, i) => {
      const last = folded(s.last).slice(0, 3 + (i % 3));
      const first = folded(s.first).slice(0, 2 + (i % 2));
      return i % 2 === 0 ? `${last} ${first}` : `${first} ${last}`;
    }),
    // "jon smth": first and last name with a slip of the keyboard in the last name (and in every other first name).
    typo: chosen.map((s, i) => `${i % 2 === 0 ? typo(pick, folded(s.first)) : folded(s.first)} ${typo(pick, folded(s.last))}`),
    phone: phoned.map((s) => formatPhone(s.phone as string)),
    last4: phoned.map((s) => (s.phone as string).slice(-4)),
    dob: chosen.map((s, i) => usDate(s.dob, i % 3)),
    mrn: chosen.map((s) => s.mrn),
  };

  database = await openClinicDatabase(file, key, { create: false });
  const db = database.db;
  const search = (kysely: Kysely<Database>, q: string) => searchPatients(kysely, q, LIMIT, today);

  /** Share of runs whose patient is among the results (top 20), as a check that fast also means found. */
  async function recall(kind: keyof typeof queries, runs: number): Promise<number> {
    const people = kind === 'phone' || kind === 'last4' ? phoned : chosen;
    let found = 0;
    for (let i = 0; i < runs; i++) if ((await search(db, queries[kind][i] as string)).some((r) => r.id === people[i]?.id)) found++;
    return found / runs;
  }

  const plain = new Sqlite(plainFile);
  plain.pragma('journal_mode=WAL');
  plain.pragma('synchronous=FULL');
  plain.pragma('foreign_keys=ON');
  plain.pragma('temp_store=MEMORY');
  const plainDb = createKysely(plain);
  log('Searches: the real search module on the encrypted database and on its unencrypted copy, turn about:');
  const paired = async (op: string, kind: keyof typeof queries) =>
    measurePair([op, `plain_${op}`], RUNS, (i) => search(db, queries[kind][i % pool] as string), (i) => search(plainDb, queries[kind][i % pool] as string));
  await paired('search_name_fragment', 'fragment');
  await paired('search_name_typo', 'typo');
  await paired('search_phone', 'phone');
  await paired('search_dob', 'dob');
  await paired('search_mrn', 'mrn');
  await plainDb.destroy();
  if (plain.open) plain.close();
  await measure('search_phone_last4', RUNS, (i) => search(db, queries.last4[i % pool] as string));

  const recallRuns = Math.min(RUNS, 200);
  const recalls = {
    fragment: await recall('fragment', recallRuns),
    typo: await recall('typo', recallRuns),
    phone: await recall('phone', recallRuns),
    last4: await recall('last4', recallRuns),
    dob: await recall('dob', recallRuns),
    mrn: await recall('mrn', recallRuns),
  };

  log('Patient page and registration:');
  // The patient page's reads (what patients:get does before its audit entry), then the same with the audit entry.
  await measure('open_patient', RUNS, async (i) => {
    const row = await findPatientById(db, (chosen[i % pool] as Sample).id);
    if (!row) throw new Error('patient missing');
    const current = await followMerges(db, row);
    return [await mrnAliasesOf(db, current.id), await relatedPeopleOf(db, current.id), await patientHistory(db, current.id)];
  });
  let now = Date.now();
  const clock = () => (now += 1);
  const patients = createPatientsService({ db: () => db, audit: createAuditService({ workstation: 'BENCH', now: clock, db: () => db }), now: clock });
  await measure('open_patient_audited', RUNS, (i) => patients.get({ id: (chosen[i % pool] as Sample).id }, BENCH_USER));

  // New people to register, from the same distributions (a different seed, so mostly not already there).
  const newcomers = createGenerator(SEED + 2, PATIENTS);
  const fresh = Array.from({ length: RUNS + WARM_UP }, () => newcomers.next().fields);
  const probeOf = (f: GeneratedPatient['fields']) => ({
    firstName: f.firstName,
    lastName: f.lastName,
    dateOfBirth: f.dateOfBirth,
    phones: [f.phoneMobile, f.phoneHome, f.phoneWork].filter((p): p is string => p !== null),
    ...(f.email ? { email: f.email } : {}),
    ...(f.postalCode ? { postalCode: f.postalCode } : {}),
    ...(f.addressLine1 ? { addressLine1: f.addressLine1 } : {}),
  });
  await measure('duplicate_check', RUNS, (i) => findDuplicateCandidates(db, probeOf(fresh[i % fresh.length] as GeneratedPatient['fields'])));

  log('Naive LIKE scans (same queries, same encrypted database):');
  const likeWords = (q: string) => foldText(q).split(' ').filter(Boolean);
  function likeNames(q: string) {
    let query = db.selectFrom('patient').selectAll().where('merged_into', 'is', null);
    for (const w of likeWords(q)) {
      const pattern = `%${w}%`;
      query = query.where((eb) => eb.or([eb('first_name', 'like', pattern), eb('last_name', 'like', pattern), eb('middle_name', 'like', pattern), eb('preferred_name', 'like', pattern)]));
    }
    return query.orderBy('last_name').orderBy('first_name').limit(LIMIT).execute();
  }
  const likeAny = (column: 'date_of_birth' | 'mrn', value: string) =>
    db.selectFrom('patient').selectAll().where('merged_into', 'is', null).where(column, 'like', `%${value}%`).orderBy('last_name').orderBy('first_name').limit(LIMIT).execute();
  const likePhone = (digits: string) =>
    db
      .selectFrom('patient')
      .selectAll()
      .where('merged_into', 'is', null)
      .where((eb) => eb.or([eb('phone_mobile', 'like', `%${digits}%`), eb('phone_home', 'like', `%${digits}%`), eb('phone_work', 'like', `%${digits}%`)]))
      .orderBy('last_name')
      .orderBy('first_name')
      .limit(LIMIT)
      .execute();
  await measure('like_search_name_fragment', LIKE_RUNS, (i) => likeNames(queries.fragment[i % pool] as string));
  await measure('like_search_name_typo', LIKE_RUNS, (i) => likeNames(queries.typo[i % pool] as string));
  await measure('like_search_phone', LIKE_RUNS, (i) => likePhone((queries.phone[i % pool] as string).replace(/\D/g, '')));
  await measure('like_search_dob', LIKE_RUNS, (i) => likeAny('date_of_birth', (chosen[i % pool] as Sample).dob));
  await measure('like_search_mrn', LIKE_RUNS, (i) => likeAny('mrn', queries.mrn[i % pool] as string));

  log('Registration with the duplicate check (patients service: check, MRN, row, history, index, audit, one transaction):');
  let created = 0;
  let attempts = 0;
  await measure('create_patient', RUNS, async (i) => {
    const outcome = await patients.register({ fields: fresh[i % fresh.length] as GeneratedPatient['fields'], acknowledgedDuplicateIds: [] }, BENCH_USER);
    attempts++;
    if (outcome.outcome === 'created') created++;
  });
  await closeClinicDatabase(database);

  // ── 3b. The appointment book ────────────────────────────────────────────────────────────────────────────────────

  let bookNotes: string[] = [];
  if (APPOINTMENTS > 0) {
    database = await openClinicDatabase(file, key, { create: false });
    bookNotes = (await measureAppointmentBook({ sqlite: database.sqlite, db: database.db, seed: SEED, runs: RUNS, naiveRuns: NAIVE_RUNS, timing: { record, log, warmUp: WARM_UP } })).notes;
    await closeClinicDatabase(database);
  }

  // ── 4. Report ───────────────────────────────────────────────────────────────────────────────────────────────────

  const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.001)) * 100) / 100;
  const p50 = (op: string) => ops[op]?.p50 ?? 0;
  const ratios: Record<string, number> = {};
  for (const op of ['search_name_fragment', 'search_name_typo', 'search_phone', 'search_dob', 'search_mrn']) ratios[`${op}_vs_like`] = ratio(p50(`like_${op}`), p50(op));
  const core = ['search_name_fragment', 'search_name_typo', 'search_phone', 'search_dob', 'search_mrn'];
  ratios.encrypted_vs_plain = ratio(
    core.reduce((sum, op) => sum + p50(op), 0),
    core.reduce((sum, op) => sum + p50(`plain_${op}`), 0),
  );
  if (APPOINTMENTS > 0) {
    for (const op of ['day_all_providers', 'week_one_provider', 'overlap_check', 'find_slots_90d']) ratios[`${op}_vs_naive`] = ratio(p50(`${op}_naive`), p50(op));
    ratios.book_with_checks_commit_share = Math.round((p50('book_with_checks_commit') / Math.max(p50('book_with_checks'), 0.001)) * 100) / 100;
  }

  say('');
  say(`Operation                       p50 ms     p95 ms     p99 ms`);
  for (const [name, s] of Object.entries(ops)) say(`${name.padEnd(28)} ${s.p50.toFixed(3).padStart(9)} ${s.p95.toFixed(3).padStart(10)} ${s.p99.toFixed(3).padStart(10)}`);
  say('');
  say(`Ratios (p50): ${Object.entries(ratios).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  say(
    `Found in the top ${LIMIT} (${recallRuns} queries each): name fragment ${pct(recalls.fragment)}, typo ${pct(recalls.typo)}, phone ${pct(recalls.phone)}, last four ${pct(recalls.last4)}, date of birth ${pct(recalls.dob)}, MRN ${pct(recalls.mrn)}.`,
  );
  say(`Registrations: ${created} created, ${attempts - created} stopped as likely duplicates (of ${attempts}).`);
  for (const note of bookNotes) say(note);
  say(`Load average (1, 5, 15 min): ${loadAtStart} at the start, ${load()} at the end (${cpus().length} cores).`);

  if (!args.keep) rmSync(dir, { recursive: true, force: true });
  else log(`Kept ${dir}`);
  if (args.json) console.log(JSON.stringify(APPOINTMENTS > 0 ? { patients: PATIENTS, appointments: APPOINTMENTS, ops, ratios } : { patients: PATIENTS, ops, ratios }));
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

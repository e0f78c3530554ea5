import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);

const SEARCHES = ['search_name_fragment', 'search_name_typo', 'search_phone', 'search_dob', 'search_mrn'];
const OPERATIONS = [...SEARCHES, 'search_phone_last4', 'open_patient', 'open_patient_audited', 'duplicate_check', 'create_patient'];

describe('npm run bench -- --json', () => {
  // Structure only: the figures themselves depend on the machine and are never asserted.
  it('ends with one JSON object of percentiles and ratios, and cleans up its temp folder', async () => {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/bench/run.ts', '--patients', '2000', '--runs', '10', '--json'], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 300_000,
    });
    const lines = stdout.trim().split('\n');
    const report = JSON.parse(lines[lines.length - 1] as string) as { patients: number; ops: Record<string, Record<string, number>>; ratios: Record<string, number> };
    expect(Object.keys(report).sort()).toEqual(['ops', 'patients', 'ratios']);
    expect(report.patients).toBe(2000);
    for (const op of [...OPERATIONS, ...SEARCHES.map((s) => `like_${s}`), ...SEARCHES.map((s) => `plain_${s}`)]) {
      const stats = report.ops[op];
      expect(stats, op).toBeDefined();
      expect(Object.keys(stats ?? {}).sort()).toEqual(['p50', 'p95', 'p99']);
      const { p50, p95, p99 } = stats as { p50: number; p95: number; p99: number };
      for (const value of [p50, p95, p99]) expect(Number.isFinite(value) && value >= 0, `${op} ${value}`).toBe(true);
      expect(p50 <= p95 && p95 <= p99, op).toBe(true);
    }
    expect(Object.keys(report.ratios).sort()).toEqual([...SEARCHES.map((s) => `${s}_vs_like`), 'encrypted_vs_plain'].sort());
    for (const [name, value] of Object.entries(report.ratios)) expect(Number.isFinite(value) && value > 0, name).toBe(true);

    expect(stdout).toContain('Generated 2,000 patients in');
    const folder = /in (\S*caredesk-bench-\S+)/.exec(stderr)?.[1];
    expect(folder).toBeDefined();
    expect(existsSync(folder as string)).toBe(false);
  }, 300_000);

  it('with --appointments, adds the appointment book: its operations, ratios and size, and still cleans up', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/bench/run.ts', '--patients', '1500', '--appointments', '4000', '--runs', '5', '--like-runs', '2', '--naive-runs', '2', '--json'],
      { cwd: root, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
    );
    const lines = stdout.trim().split('\n');
    const report = JSON.parse(lines[lines.length - 1] as string) as { patients: number; appointments: number; ops: Record<string, Record<string, number>>; ratios: Record<string, number> };
    expect(Object.keys(report).sort()).toEqual(['appointments', 'ops', 'patients', 'ratios']);
    expect(report).toMatchObject({ patients: 1500, appointments: 4000 });
    const book = ['day_all_providers', 'week_one_provider', 'patient_history', 'find_slots_90d', 'find_slots_90d_any', 'overlap_check', 'book_with_checks', 'book_with_checks_commit', 'book_with_checks_work'];
    const naive = ['day_all_providers', 'week_one_provider', 'overlap_check', 'find_slots_90d'];
    for (const op of [...OPERATIONS, ...book, ...naive.map((o) => `${o}_naive`)]) {
      const stats = report.ops[op];
      expect(stats, op).toBeDefined();
      expect(Object.keys(stats ?? {}).sort()).toEqual(['p50', 'p95', 'p99']);
      const { p50, p95, p99 } = stats as { p50: number; p95: number; p99: number };
      for (const value of [p50, p95, p99]) expect(Number.isFinite(value) && value >= 0, `${op} ${value}`).toBe(true);
      expect(p50 <= p95 && p95 <= p99, op).toBe(true);
    }
    for (const ratio of [...naive.map((o) => `${o}_vs_naive`), 'book_with_checks_commit_share', 'encrypted_vs_plain']) expect(Number.isFinite(report.ratios[ratio]) && (report.ratios[ratio] ?? 0) > 0, ratio).toBe(true);

    expect(stdout).toContain('Generated 4,000 appointments in');
    expect(stdout).toMatch(/Bookings: \d+ saved, 0 not saved/);
    expect(stdout).toMatch(/Load average \(1, 5, 15 min\)/);
    const folder = /in (\S*caredesk-bench-\S+)/.exec(stderr)?.[1];
    expect(folder).toBeDefined();
    expect(existsSync(folder as string)).toBe(false);
  }, 300_000);

  it('refuses a size that is not a positive whole number', async () => {
    await expect(run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/bench/run.ts', '--patients', 'lots'], { cwd: root })).rejects.toMatchObject({ code: 2 });
    await expect(run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/bench/run.ts', '--appointments', '0'], { cwd: root })).rejects.toMatchObject({ code: 2 });
  });
});

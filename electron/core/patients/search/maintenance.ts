import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { ftsMergeStep, ftsSegmentCount } from './fts';

/**
 * Index upkeep for quiet moments (after the nightly backup, or when the desk has been idle a while). Each write adds a
 * small segment to the word index and every lookup visits every segment; FTS5 merges them as it goes, but a fully
 * merged index answers noticeably faster on a large clinic (see docs/PERFORMANCE.md). One call does a bounded
 * amount of work (about `pages` pages: the default took ~30 ms a step, at times a few hundred, on a 500,000-patient
 * index), so it can be repeated between other work until `done`; it commits like any write. Safe at any time:
 * merging never changes what a search finds.
 */
export async function compactPatientSearchIndex(db: Kysely<Database>, options: { pages?: number } = {}): Promise<{ segments: number; done: boolean }> {
  if ((await ftsSegmentCount(db)) <= 1) return { segments: 1, done: true };
  const segments = await ftsMergeStep(db, options.pages ?? 50);
  return { segments, done: segments <= 1 };
}

/**
 * Merges the index fully, a bounded step at a time, letting other work in between steps (the app runs this after the
 * nightly backup). Stops early after `maxSteps`; the next night carries on.
 */
export async function tidyPatientSearchIndex(db: () => Kysely<Database>, options: { maxSteps?: number; pause?: () => Promise<void> } = {}): Promise<{ steps: number; done: boolean }> {
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  let steps = 0;
  for (; steps < (options.maxSteps ?? 500); steps += 1) {
    if ((await compactPatientSearchIndex(db())).done) return { steps, done: true };
    await pause();
  }
  return { steps, done: false };
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { stretchSecret, type ScryptParams } from '../keys/kdf';

/**
 * Quick-unlock PINs. A PIN never opens the database: it only resumes the owner's own locked session,
 * the same working day, and a handful of wrong tries ends that session (a full sign-in is then needed).
 */
export const PIN_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 14, r: 8, p: 1 });
export const MAX_PIN_TRIES = 5;

export async function setPin(db: Kysely<Database>, userId: string, pin: string, now: number, params: ScryptParams = PIN_SCRYPT): Promise<void> {
  const salt = randomBytes(16);
  const hash = await stretchSecret(pin, salt, params);
  await db
    .insertInto('staff_pin')
    .values({ user_id: userId, salt: salt.toString('base64'), hash: hash.toString('base64'), set_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ salt: salt.toString('base64'), hash: hash.toString('base64'), set_at: now }))
    .execute();
}

export async function clearPin(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('staff_pin').where('user_id', '=', userId).execute();
}

export async function hasPin(db: Kysely<Database>, userId: string): Promise<boolean> {
  return (await db.selectFrom('staff_pin').select('user_id').where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function pinMatches(db: Kysely<Database>, userId: string, pin: string, params: ScryptParams = PIN_SCRYPT): Promise<boolean> {
  const row = await db.selectFrom('staff_pin').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return false;
  const expected = Buffer.from(row.hash, 'base64');
  const actual = await stretchSecret(pin, Buffer.from(row.salt, 'base64'), params);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Calendar day (YYYY-MM-DD) of an instant in the clinic's time zone. */
export function clinicDay(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** A PIN may resume a session only on the clinic day the session was signed in with a password. */
export function pinAllowedToday(sessionStartedAt: number, now: number, timeZone: string): boolean {
  return clinicDay(sessionStartedAt, timeZone) === clinicDay(now, timeZone);
}

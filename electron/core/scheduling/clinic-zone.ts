import type { Kysely } from 'kysely';
import { isTimeZone } from '../../../shared/scheduling/time';
import { readSetting, SETTINGS } from '../app/settings';
import type { Database } from '../db/schema';

/** Used when the clinic's setting is missing or not a zone this computer knows (it never blocks the book). */
export const FALLBACK_TIME_ZONE = 'America/New_York';

/** The clinic's time zone from set-up (Settings → clinic time zone). */
export async function clinicTimeZone(db: Kysely<Database>): Promise<string> {
  const zone = await readSetting(db, SETTINGS.clinicTimeZone);
  return zone && isTimeZone(zone) ? zone : FALLBACK_TIME_ZONE;
}

import type { Kysely } from 'kysely';
import { isTimeZone } from '../../../shared/scheduling/time';
import { readSetting, SETTINGS } from '../app/settings';
import type { Database } from '../db/schema';

/** Used when the clinic's setting is missing or not a zone this computer knows (it never blocks the book). */
export const FALLBACK_TIME_ZONE = 'America/New_York';

/**
 * Whether this computer knows a zone, remembered per name: asking Intl builds a DateTimeFormat (~0.3 ms), and every
 * read of the book asks. The answer for a name cannot change while the app runs.
 */
const knownZones = new Map<string, boolean>();
function knownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = isTimeZone(zone);
    if (knownZones.size < 64) knownZones.set(zone, known);
  }
  return known;
}

/** The clinic's time zone from set-up (Settings → clinic time zone), read each time (it can be changed). */
export async function clinicTimeZone(db: Kysely<Database>): Promise<string> {
  const zone = await readSetting(db, SETTINGS.clinicTimeZone);
  return zone && knownZone(zone) ? zone : FALLBACK_TIME_ZONE;
}

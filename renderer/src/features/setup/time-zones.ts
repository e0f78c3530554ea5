export interface TimeZoneOption {
  value: string;
  /** "America/New York — Eastern Time": the place (searchable with spaces) and the name people use. */
  label: string;
}

/** The computer's own time zone: the wizard's default, since the clinic's workstation is usually in the clinic. */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

let cached: TimeZoneOption[] | null = null;

/** Every time zone this computer knows, labelled for people; the computer's own is always in the list. */
export function timeZoneOptions(): TimeZoneOption[] {
  if (cached) return cached;
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add(computerTimeZone()); // "UTC" is not always in the supported list, but can be the computer's zone
  const now = new Date();
  cached = [...zones].sort().map((zone) => ({ value: zone, label: timeZoneLabel(zone, now) }));
  return cached;
}

export function timeZoneLabel(zone: string, now = new Date()): string {
  const place = zone.replaceAll('_', ' ');
  // "Central Time" where the zone has a name people use; else its long name ("Coordinated Universal Time"); else the offset.
  const name = zoneName(zone, 'longGeneric', now) ?? zoneName(zone, 'long', now) ?? zoneName(zone, 'shortOffset', now);
  return name && name !== place ? `${place} — ${name}` : place;
}

function zoneName(zone: string, style: 'longGeneric' | 'long' | 'shortOffset', now: Date): string | null {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: style }).formatToParts(now).find((part) => part.type === 'timeZoneName')?.value;
    // The named styles fall back to "GMT+03:00" when there is no name; the offset style is that on purpose.
    return name && (style === 'shortOffset' || !/^GMT([+-]|$)/.test(name)) ? name : null;
  } catch {
    return null;
  }
}

import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldIcsLine } from '../../shared/scheduling/ics';
import { isValidNpi } from '../../shared/scheduling/npi';
import { canMoveTo } from '../../shared/scheduling/status';
import { clockChangesOn, dayClock, dayRange, gridRows, localPartsOf, parseTimeOfDay, resolveLocalTime } from '../../shared/scheduling/time';

const NY = 'America/New_York';

describe('times of day as typed at the desk', () => {
  it.each([
    ['9', 540],
    ['9:30', 570],
    ['09:30', 570],
    ['930', 570],
    ['9am', 540],
    ['9:30 pm', 1290],
    ['12 am', 0],
    ['12pm', 720],
    ['noon', 720],
    ['13:05', 785],
    ['0:00', 0],
  ])('%s is %i minutes', (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });

  it.each(['', '25:00', '9:60', '13pm', 'nine', '9:3', '24:00'])('%j is not a time', (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });

  it('24:00 is allowed only as the end of a block', () => {
    expect(parseTimeOfDay('24:00', { allowEndOfDay: true })).toBe(1440);
  });
});

describe('the clinic wall clock in New York across the 2026 changes', () => {
  it('a regular day has 24 hours; the spring change day 23; the autumn one 25', () => {
    expect(dayRange('2026-03-02', NY).minutes).toBe(1440);
    expect(dayRange('2026-03-08', NY).minutes).toBe(1380);
    expect(dayRange('2026-11-01', NY).minutes).toBe(1500);
  });

  it('finds the change: 2:00 forward an hour in March, 2:00 back an hour in November', () => {
    expect(clockChangesOn('2026-03-08', NY)).toEqual([{ at: Date.UTC(2026, 2, 8, 7, 0), offsetBefore: -300, offsetAfter: -240, localMinutes: 120 }]);
    expect(clockChangesOn('2026-11-01', NY)).toEqual([{ at: Date.UTC(2026, 10, 1, 6, 0), offsetBefore: -240, offsetAfter: -300, localMinutes: 120 }]);
    expect(clockChangesOn('2026-03-02', NY)).toEqual([]);
  });

  it('2:30 on March 8 does not exist, and the message says why', () => {
    expect(resolveLocalTime('2026-03-08', 150, NY)).toEqual({
      ok: false,
      problem: 'nonexistent',
      message: '2:30 does not exist on Sunday, March 8, 2026: the clocks go forward an hour at 2:00, straight to 3:00. Choose another time.',
    });
    expect(resolveLocalTime('2026-03-08', 180, NY)).toEqual({ ok: true, startAt: Date.UTC(2026, 2, 8, 7, 0), ambiguous: false, occurrence: null });
  });

  it('1:30 on November 1 happens twice: without a choice it is refused, with one it is exact', () => {
    expect(resolveLocalTime('2026-11-01', 90, NY)).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(resolveLocalTime('2026-11-01', 90, NY, 'first')).toEqual({ ok: true, startAt: Date.UTC(2026, 10, 1, 5, 30), ambiguous: true, occurrence: 'first' });
    expect(resolveLocalTime('2026-11-01', 90, NY, 'second')).toEqual({ ok: true, startAt: Date.UTC(2026, 10, 1, 6, 30), ambiguous: true, occurrence: 'second' });
    expect(localPartsOf(Date.UTC(2026, 10, 1, 6, 30), NY)).toEqual({ date: '2026-11-01', minutes: 90, time: '01:30', occurrence: 'second' });
  });

  it('9:00 is 14:00 UTC in winter and 13:00 UTC in summer', () => {
    expect(resolveLocalTime('2026-03-02', 540, NY)).toMatchObject({ startAt: Date.UTC(2026, 2, 2, 14, 0) });
    expect(resolveLocalTime('2026-03-09', 540, NY)).toMatchObject({ startAt: Date.UTC(2026, 2, 9, 13, 0) });
  });

  it('a change day’s clock converts through luxon; a regular day’s by arithmetic, with the same answers', () => {
    const regular = dayClock('2026-03-02', NY);
    expect(regular.regular).toBe(true);
    expect(regular.toInstant(540, 'first')).toBe(Date.UTC(2026, 2, 2, 14, 0));
    const spring = dayClock('2026-03-08', NY);
    expect(spring.regular).toBe(false);
    expect(spring.toInstant(540, 'first')).toBe(Date.UTC(2026, 2, 8, 13, 0));
    expect(spring.toMinutes(Date.UTC(2026, 2, 8, 13, 0))).toBe(540);
  });
});

describe('the day grid', () => {
  it.each([
    ['2026-03-02', 15, 96],
    ['2026-03-08', 15, 92],
    ['2026-11-01', 15, 100],
    ['2026-03-08', 5, 276],
    ['2026-11-01', 10, 150],
  ] as const)('%s in %i-minute rows over the whole day has %i rows', (date, step, count) => {
    expect(gridRows(date, NY, step)).toHaveLength(count);
  });

  it('spring: the rows jump from 1:45 to 3:00; autumn: 1:00–1:45 appear twice, the second marked', () => {
    const spring = gridRows('2026-03-08', NY, 15).map((r) => r.time);
    expect(spring.slice(6, 10)).toEqual(['01:30', '01:45', '03:00', '03:15']);
    const autumn = gridRows('2026-11-01', NY, 15);
    expect(autumn.slice(4, 13).map((r) => r.label)).toEqual(['1:00', '1:15', '1:30', '1:45', '1:00 (2nd)', '1:15 (2nd)', '1:30 (2nd)', '1:45 (2nd)', '2:00']);
  });

  it('within clinic hours 8:00–18:00 a change day has the same 40 quarter-hour rows as any day', () => {
    for (const date of ['2026-03-02', '2026-03-08', '2026-11-01']) {
      const rows = gridRows(date, NY, 15, { fromMinute: 480, toMinute: 1080 });
      expect(rows).toHaveLength(40);
      expect([rows[0]?.time, rows.at(-1)?.time]).toEqual(['08:00', '17:45']);
    }
  });

  it('a window across the spring gap (0:00–4:00) has 3 hours of rows, not 4', () => {
    expect(gridRows('2026-03-08', NY, 10, { fromMinute: 0, toMinute: 240 })).toHaveLength(18);
  });
});

describe('NPI check digit (Luhn over 80840 + the first nine digits)', () => {
  it('accepts the CMS example and rejects a changed digit', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678a3')).toBe(false);
  });
});

describe('the status flow', () => {
  it('moves forward, allows undoing a slip, and never leaves cancelled', () => {
    expect(canMoveTo('booked', 'arrived')).toBe(true);
    expect(canMoveTo('arrived', 'in_room')).toBe(true);
    expect(canMoveTo('in_room', 'checked_out')).toBe(true);
    expect(canMoveTo('no_show', 'arrived')).toBe(true);
    expect(canMoveTo('checked_out', 'no_show')).toBe(false);
    expect(canMoveTo('booked', 'checked_out')).toBe(false);
    expect(canMoveTo('cancelled', 'booked')).toBe(false);
  });
});

describe('.ics export (RFC 5545)', () => {
  it('writes one VEVENT with UTC times, CRLF line ends and escaped text', () => {
    const text = buildIcs({
      uid: '01a2-appt@caredesk',
      startAt: Date.UTC(2026, 2, 10, 14, 0),
      endAt: Date.UTC(2026, 2, 10, 14, 30),
      stampAt: Date.UTC(2026, 2, 2, 12, 0, 5),
      summary: 'Follow-up with Dr. Lee, MD; room 2',
      location: 'Riverside Family Clinic',
      description: 'Bring your insurance card.\nArrive early.',
    });
    expect(text).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//CareDesk//Appointment book//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:01a2-appt@caredesk',
        'DTSTAMP:20260302T120005Z',
        'DTSTART:20260310T140000Z',
        'DTEND:20260310T143000Z',
        'SUMMARY:Follow-up with Dr. Lee\\, MD\\; room 2',
        'LOCATION:Riverside Family Clinic',
        'DESCRIPTION:Bring your insurance card.\\nArrive early.',
        'STATUS:CONFIRMED',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('escapes backslashes first and folds long lines at 75 octets without splitting a character', () => {
    expect(escapeIcsText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    const line = `DESCRIPTION:${'é'.repeat(60)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
  });
});

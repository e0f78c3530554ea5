import { describe, expect, it } from 'vitest';
import { closedText, windowsText } from '../../../renderer/src/features/visit-day/waitlist-words';

describe('the times a waitlisted patient can come, in words', () => {
  it('says a window to the end of the day as "from", one from midnight as "until", never "0:00"', () => {
    expect(windowsText([])).toBe('Any time');
    expect(windowsText([{ start: 12 * 60, end: 24 * 60 }])).toBe('From 12:00');
    expect(windowsText([{ start: 0, end: 12 * 60 }])).toBe('Until 12:00');
    expect(windowsText([{ start: 0, end: 24 * 60 }])).toBe('Any time');
    expect(windowsText([{ start: 9 * 60, end: 10 * 60 + 30 }, { start: 17 * 60, end: 24 * 60 }])).toBe('9:00–10:30, From 17:00');
  });
});

describe('how an entry left the waitlist, in words', () => {
  const closed = (reason: 'booked' | 'removed', byName: string | null) => ({ active: false, closed: { reason, at: Date.UTC(2026, 2, 4, 3, 30), byName, appointmentId: null } });

  it('says booked or removed, the clinic’s day and who', () => {
    // 3:30 UTC on Mar 4 is still Mar 3 in New York: the day is the clinic's.
    expect(closedText(closed('booked', 'Ana Ruiz'), 'America/New_York')).toBe('Booked Mar 3, 2026 by Ana Ruiz');
    expect(closedText(closed('removed', 'Ana Ruiz'), 'America/New_York')).toBe('Removed Mar 3, 2026 by Ana Ruiz');
    expect(closedText(closed('removed', 'Ana Ruiz'), 'Europe/Berlin')).toBe('Removed Mar 4, 2026 by Ana Ruiz');
    expect(closedText(closed('booked', null), 'America/New_York')).toBe('Booked Mar 3, 2026');
  });

  it('says nothing for an open entry, and does not guess for one closed before outcomes were recorded', () => {
    expect(closedText({ active: true, closed: null }, 'America/New_York')).toBeNull();
    expect(closedText({ active: false, closed: null }, 'America/New_York')).toBe('Off the waitlist (not recorded whether booked or removed)');
  });
});

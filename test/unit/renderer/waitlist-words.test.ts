import { describe, expect, it } from 'vitest';
import type { WaitlistEntryView } from '../../../shared/contract/scheduling';
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
  const closed = (reason: 'booked' | 'removed', byName: string | null) => ({ active: false, closed: { reason, at: Date.UTC(2026, 2, 4, 3, 30), byName, appointmentId: null, visit: null } });
  type Visit = NonNullable<NonNullable<WaitlistEntryView['closed']>['visit']>;
  const bookedInto = (visit: Partial<Visit>, byName: string | null = 'Ana Ruiz') => ({
    active: false,
    closed: {
      reason: 'booked' as const,
      at: Date.UTC(2026, 2, 4, 3, 30),
      byName,
      appointmentId: 'appointment-1',
      visit: { date: '2026-03-10', startTime: '09:00', occurrence: null, providerName: 'Dr. Lee', status: 'booked' as const, ...visit },
    },
  });

  it('says booked or removed, the clinic’s day and who', () => {
    // 3:30 UTC on Mar 4 is still Mar 3 in New York: the day is the clinic's.
    expect(closedText(closed('booked', 'Ana Ruiz'), 'America/New_York')).toBe('Booked Mar 3, 2026 by Ana Ruiz');
    expect(closedText(closed('removed', 'Ana Ruiz'), 'America/New_York')).toBe('Removed Mar 3, 2026 by Ana Ruiz');
    expect(closedText(closed('removed', 'Ana Ruiz'), 'Europe/Berlin')).toBe('Removed Mar 4, 2026 by Ana Ruiz');
    expect(closedText(closed('booked', null), 'America/New_York')).toBe('Booked Mar 3, 2026');
  });

  it('says which visit a booked entry got (day, time, provider) and then when and by whom it was booked', () => {
    expect(closedText(bookedInto({}), 'America/New_York')).toBe('Booked for Tue, Mar 10, 9:00 with Dr. Lee — on Mar 3, 2026 by Ana Ruiz');
    expect(closedText(bookedInto({ startTime: '14:30', status: 'confirmed' }, null), 'America/New_York')).toBe('Booked for Tue, Mar 10, 14:30 with Dr. Lee — on Mar 3, 2026');
    // Checked out: the patient came, nothing more to say.
    expect(closedText(bookedInto({ status: 'checked_out' }), 'America/New_York')).toBe('Booked for Tue, Mar 10, 9:00 with Dr. Lee — on Mar 3, 2026 by Ana Ruiz');
  });

  it('says what is true of the visit now: cancelled since, missed, or a year away', () => {
    expect(closedText(bookedInto({ status: 'cancelled' }), 'America/New_York')).toBe('Booked for Tue, Mar 10, 9:00 with Dr. Lee (since cancelled) — on Mar 3, 2026 by Ana Ruiz');
    expect(closedText(bookedInto({ status: 'no_show' }), 'America/New_York')).toBe('Booked for Tue, Mar 10, 9:00 with Dr. Lee (no-show) — on Mar 3, 2026 by Ana Ruiz');
    // A visit in another year than the booking says its year.
    expect(closedText(bookedInto({ date: '2027-01-05' }), 'America/New_York')).toBe('Booked for Tue, Jan 5, 2027, 9:00 with Dr. Lee — on Mar 3, 2026 by Ana Ruiz');
    // The second 1:30 on the night the clocks go back, as the book's rows write it.
    expect(closedText(bookedInto({ date: '2026-11-01', startTime: '01:30', occurrence: 'second' }), 'America/New_York')).toBe(
      'Booked for Sun, Nov 1, 1:30 (2nd) with Dr. Lee — on Mar 3, 2026 by Ana Ruiz',
    );
  });

  it('says nothing for an open entry, and does not guess for one closed before outcomes were recorded', () => {
    expect(closedText({ active: true, closed: null }, 'America/New_York')).toBeNull();
    expect(closedText({ active: false, closed: null }, 'America/New_York')).toBe('Off the waitlist (not recorded whether booked or removed)');
  });
});

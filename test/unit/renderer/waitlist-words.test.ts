import { describe, expect, it } from 'vitest';
import { windowsText } from '../../../renderer/src/features/visit-day/waitlist-words';

describe('the times a waitlisted patient can come, in words', () => {
  it('says a window to the end of the day as "from", one from midnight as "until", never "0:00"', () => {
    expect(windowsText([])).toBe('Any time');
    expect(windowsText([{ start: 12 * 60, end: 24 * 60 }])).toBe('From 12:00');
    expect(windowsText([{ start: 0, end: 12 * 60 }])).toBe('Until 12:00');
    expect(windowsText([{ start: 0, end: 24 * 60 }])).toBe('Any time');
    expect(windowsText([{ start: 9 * 60, end: 10 * 60 + 30 }, { start: 17 * 60, end: 24 * 60 }])).toBe('9:00–10:30, From 17:00');
  });
});

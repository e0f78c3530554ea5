import { describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl, openExternalSafely } from '../../../electron/main/external-links';
import { HOSTILE_URLS } from './hostile-urls';

describe('openExternalSafely: the one gate to the system browser and mail client', () => {
  it.each([
    'https://www.cms.gov/medicare',
    'https://payer.example/eligibility?member=123',
    'mailto:frontdesk@clinic.example',
    'mailto:frontdesk@clinic.example?subject=Appointment%20reminder',
  ])('hands %s to the system', (url) => {
    const opener = vi.fn();
    expect(openExternalSafely(url, opener)).toBe(true);
    expect(opener).toHaveBeenCalledExactlyOnceWith(url);
  });

  it.each(HOSTILE_URLS)('refuses %j and never calls the opener', (url) => {
    const opener = vi.fn();
    expect(openExternalSafely(url, opener)).toBe(false);
    expect(opener).not.toHaveBeenCalled();
  });

  it('refuses values that are not strings at all (the page can send anything)', () => {
    const opener = vi.fn();
    for (const value of [undefined, null, 42, { href: 'https://example.com' }, ['https://example.com']]) {
      expect(openExternalSafely(value, opener)).toBe(false);
    }
    expect(opener).not.toHaveBeenCalled();
  });

  it('refuses an https link too long for the shell to take safely', () => {
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });
});

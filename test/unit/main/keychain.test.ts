import { describe, expect, it, vi } from 'vitest';
import { safeStorageKeychain } from '../../../electron/main/keychain';

vi.mock('electron', () => ({}));

function fakeSafeStorage(options: { available: boolean | 'throws'; backend?: string }) {
  return {
    isAsyncEncryptionAvailable: vi.fn(async () => {
      if (options.available === 'throws') throw new Error('no keychain daemon');
      return options.available;
    }),
    getSelectedStorageBackend: vi.fn(() => (options.backend ?? 'gnome_libsecret') as 'basic_text'),
    encryptStringAsync: vi.fn(async (text: string) => Buffer.from([...Buffer.from(text)].reverse())),
    decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ shouldReEncrypt: false, result: Buffer.from([...sealed].reverse()).toString() })),
  };
}

describe('the OS keychain through safeStorage', () => {
  it('is secure where safeStorage encrypts with a real keychain', async () => {
    expect(await safeStorageKeychain(fakeSafeStorage({ available: true }), 'win32').status()).toBe('secure');
    expect(await safeStorageKeychain(fakeSafeStorage({ available: true, backend: 'kwallet5' }), 'linux').status()).toBe('secure');
  });

  it("treats Linux's basic_text backend as insecure and a missing keychain as unavailable", async () => {
    expect(await safeStorageKeychain(fakeSafeStorage({ available: true, backend: 'basic_text' }), 'linux').status()).toBe('insecure');
    expect(await safeStorageKeychain(fakeSafeStorage({ available: false }), 'darwin').status()).toBe('unavailable');
    expect(await safeStorageKeychain(fakeSafeStorage({ available: 'throws' }), 'linux').status()).toBe('unavailable');
  });

  it('seals a 32-byte secret so the stored bytes differ from it, and unseals it back exactly', async () => {
    const keychain = safeStorageKeychain(fakeSafeStorage({ available: true }), 'darwin');
    const secret = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37) % 256));
    const sealed = await keychain.seal(secret);
    expect(Buffer.from(sealed).includes(secret)).toBe(false);
    expect(Buffer.from(await keychain.unseal(sealed)).equals(secret)).toBe(true);
  });
});

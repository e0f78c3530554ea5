import type { SafeStorage } from 'electron';
import type { KeychainStatus, OsKeychain } from '../core/keys/machine-secret';

/**
 * The OS keychain for the core, through Electron safeStorage's async API (DPAPI on Windows, Keychain on macOS,
 * libsecret/kwallet on Linux). Linux's `basic_text` backend only obfuscates, so it counts as insecure.
 * safeStorage works on strings; the secret crosses as base64.
 */
export function safeStorageKeychain(
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'>,
  platform: NodeJS.Platform,
): OsKeychain {
  async function status(): Promise<KeychainStatus> {
    const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
    if (!available) return 'unavailable';
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'insecure';
    return 'secure';
  }
  return {
    status,
    seal: async (plain) => safeStorage.encryptStringAsync(Buffer.from(plain).toString('base64')),
    async unseal(sealed) {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed));
      return Buffer.from(result, 'base64');
    },
  };
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './keystore-file';

/**
 * The workstation's machine secret: 256 random bits, stored only sealed by the OS keychain
 * (Electron safeStorage in the app). Key slots mix it into their wrapping key, so a copied data folder
 * cannot be attacked on another computer.
 */
export type KeychainStatus = 'secure' | 'insecure' | 'unavailable';

/** What the core needs from the OS keychain. The shell passes safeStorage in; tests pass a file-backed stand-in. */
export interface OsKeychain {
  /** 'insecure' e.g. Linux basic_text, where safeStorage only obfuscates. */
  status(): Promise<KeychainStatus>;
  seal(plain: Uint8Array): Promise<Uint8Array>;
  unseal(sealed: Uint8Array): Promise<Uint8Array>;
}

export const MACHINE_SECRET_FILE = 'machine-secret.sealed';

export const KEYCHAIN_WARNINGS: Record<Exclude<KeychainStatus, 'secure'>, string> = {
  insecure:
    "This computer's keychain does not protect stored secrets, so CareDesk's sign-in relies on passwords alone. " +
    'Use strong passwords and keep this computer locked when unattended.',
  unavailable:
    "This computer's keychain is not available, so CareDesk's sign-in relies on passwords alone. " +
    'Use strong passwords and keep this computer locked when unattended.',
};

export type MachineSecretState =
  | { status: 'secure'; secret: Uint8Array }
  /** The keychain works but the sealed secret is missing or cannot be unsealed here (another computer, keychain reset). */
  | { status: 'secure'; secret: null }
  | { status: 'insecure' | 'unavailable'; secret: null };

export async function loadMachineSecret(dataDir: string, keychain: OsKeychain): Promise<MachineSecretState> {
  const status = await keychain.status();
  if (status !== 'secure') return { status, secret: null };
  const file = join(dataDir, MACHINE_SECRET_FILE);
  if (!existsSync(file)) return { status, secret: null };
  try {
    const secret = await keychain.unseal(readFileSync(file));
    return secret.length === 32 ? { status, secret } : { status, secret: null };
  } catch {
    return { status, secret: null };
  }
}

/** Makes a fresh machine secret; returns it with the bytes to store (written by the caller, after setup is confirmed). */
export async function newMachineSecret(keychain: OsKeychain): Promise<{ secret: Uint8Array; sealed: Uint8Array } | null> {
  if ((await keychain.status()) !== 'secure') return null;
  const secret = randomBytes(32);
  return { secret, sealed: await keychain.seal(secret) };
}

export function writeMachineSecretFile(dataDir: string, sealed: Uint8Array): void {
  writeFileAtomic(join(dataDir, MACHINE_SECRET_FILE), sealed);
}

/**
 * TEST HOST AND TESTS ONLY: a stand-in for the OS keychain that keeps its own key in `dir`
 * (outside the data folder, as the real keychain is). Deleting `dir` simulates a new computer.
 */
export function folderKeychain(dir: string): OsKeychain {
  const keyFile = join(dir, 'test-keychain.key');
  const key = (): Buffer => {
    if (!existsSync(keyFile)) {
      mkdirSync(dir, { recursive: true });
      writeFileAtomic(keyFile, randomBytes(32));
    }
    return readFileSync(keyFile);
  };
  return {
    status: async () => 'secure',
    async seal(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), nonce);
      return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    },
    async unseal(sealed) {
      const data = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key(), data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(data.length - 16));
      return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
    },
  };
}

/** A computer without a usable keychain. */
export function noKeychain(status: 'insecure' | 'unavailable' = 'unavailable'): OsKeychain {
  return {
    status: async () => status,
    seal: async () => {
      throw new Error('No keychain');
    },
    unseal: async () => {
      throw new Error('No keychain');
    },
  };
}

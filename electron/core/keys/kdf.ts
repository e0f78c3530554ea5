import { hkdf, scrypt } from 'node:crypto';

/** scrypt cost parameters. Production: N=2^17, r=8, p=1 (OWASP); tests may pass cheaper ones explicitly. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const PRODUCTION_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

/** Memory-hard stretch of a secret (password or recovery code) off the event loop (libuv thread pool). */
export function stretchSecret(secret: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Combines the stretched secret with the workstation's machine secret (when the slot is machine-bound),
 * so a copied keystore cannot be attacked off this machine and the password alone does not open it.
 */
export function wrappingKey(stretched: Uint8Array, machineSecret: Uint8Array | null, info: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    hkdf('sha256', stretched, machineSecret ?? new Uint8Array(0), info, 32, (error, key) =>
      error ? reject(error) : resolve(Buffer.from(key)),
    );
  });
}

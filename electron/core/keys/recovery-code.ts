import { randomBytes } from 'node:crypto';

/**
 * Recovery codes: 28 characters of Crockford base32 (140 random bits), shown as 7 groups of 4.
 * The alphabet has no I, L, O or U, so a code read aloud or retyped is hard to get wrong;
 * when typed, O reads as 0 and I/L as 1, case and separators do not matter.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_LENGTH = 28;
export const RECOVERY_GROUP_SIZE = 4;
export const RECOVERY_GROUP_COUNT = RECOVERY_CODE_LENGTH / RECOVERY_GROUP_SIZE;

export function generateRecoveryCode(): string {
  const bytes = randomBytes(RECOVERY_CODE_LENGTH);
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  return Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
}

/** Upper case, no spaces or dashes, O read as 0 and I/L as 1: how a person's typing maps onto the alphabet. */
export function canonicalRecoveryText(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Canonical form (28 characters, no separators), or null when the input cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const cleaned = canonicalRecoveryText(input);
  if (cleaned.length !== RECOVERY_CODE_LENGTH) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return cleaned;
}

export function recoveryCodeGroups(code: string): string[] {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += RECOVERY_GROUP_SIZE) groups.push(code.slice(i, i + RECOVERY_GROUP_SIZE));
  return groups;
}

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StartupFailure } from '../../../electron/core/errors';
import { PRODUCTION_SCRYPT, type ScryptParams } from '../../../electron/core/keys/kdf';
import {
  createKeystore,
  rebindAfterRecovery,
  unlockWithPassword,
  unlockWithRecoveryCode,
  withUserSlot,
  type Keystore,
} from '../../../electron/core/keys/keystore';
import { parseKeystore, serializeKeystore } from '../../../electron/core/keys/keystore-file';
import { generateRecoveryCode, normalizeRecoveryCode, recoveryCodeGroups } from '../../../electron/core/keys/recovery-code';
import { clearFailures, lockedUntil, recordFailure, LOCKOUT_MS } from '../../../electron/core/keys/signin-throttle';

// Cheap parameters keep the suite fast; one test below checks the production cost is what a new slot records.
const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const T0 = Date.UTC(2026, 10, 26, 14, 0);

const admin = { userId: 'u-admin', username: 'MLee' };
const nurse = { userId: 'u-nurse', username: 'jdoe' };

async function clinicKeystore(machineSecret: Uint8Array | null = randomBytes(32)) {
  const dbKey = randomBytes(32);
  const recoveryCode = generateRecoveryCode();
  const keystore = await createKeystore({ dbKey, admin, password: 'correct horse battery staple', recoveryCode, machineSecret, scrypt: FAST, now: T0 });
  return { dbKey, recoveryCode, keystore, machineSecret };
}

describe('key slots', () => {
  it('opens with the right password on this machine, and the username is case-insensitive', async () => {
    const { dbKey, keystore, machineSecret } = await clinicKeystore();
    const result = await unlockWithPassword(keystore, 'mlee', 'correct horse battery staple', machineSecret);
    expect(result).toEqual({ ok: true, dbKey, userId: 'u-admin' });
  });

  it('refuses a wrong password, an unknown username, and the right password without the machine secret', async () => {
    const { keystore, machineSecret } = await clinicKeystore();
    expect(await unlockWithPassword(keystore, 'mlee', 'correct horse battery stapler', machineSecret)).toEqual({ ok: false });
    expect(await unlockWithPassword(keystore, 'nobody', 'correct horse battery staple', machineSecret)).toEqual({ ok: false });
    expect(await unlockWithPassword(keystore, 'mlee', 'correct horse battery staple', null)).toEqual({ ok: false });
    expect(await unlockWithPassword(keystore, 'mlee', 'correct horse battery staple', randomBytes(32))).toEqual({ ok: false });
  });

  it('never stores the database key, the password or the recovery code in the serialized keystore', async () => {
    const { dbKey, recoveryCode, keystore } = await clinicKeystore();
    const text = serializeKeystore(keystore);
    for (const secret of [dbKey.toString('hex'), dbKey.toString('base64'), 'correct horse battery staple', recoveryCode]) {
      expect(text).not.toContain(secret);
    }
    expect(Buffer.from(text).includes(dbKey)).toBe(false);
  });

  it('records the production scrypt cost (N=2^17, r=8, p=1) in a slot made with it', async () => {
    const keystore = await createKeystore({
      dbKey: randomBytes(32),
      admin,
      password: 'correct horse battery staple',
      recoveryCode: generateRecoveryCode(),
      machineSecret: null,
      scrypt: PRODUCTION_SCRYPT,
      now: T0,
    });
    expect(keystore.slots.map((s) => [s.kdf.N, s.kdf.r, s.kdf.p])).toEqual([
      [131072, 8, 1],
      [131072, 8, 1],
    ]);
  });

  it('opens with the recovery code on another computer, then re-wraps for a new machine secret', async () => {
    const { dbKey, recoveryCode, keystore } = await withNurse(await clinicKeystore());
    const typed = recoveryCodeGroups(recoveryCode).join('-').toLowerCase();
    const normalized = normalizeRecoveryCode(typed);
    expect(normalized).toBe(recoveryCode);
    const recovered = await unlockWithRecoveryCode(keystore, normalized as string);
    expect(recovered).toEqual(dbKey);

    const newSecret = randomBytes(32);
    const { keystore: rebound, droppedUserIds } = await rebindAfterRecovery(keystore, {
      dbKey,
      admin,
      newPassword: 'a brand new long passphrase',
      newMachineSecret: newSecret,
      scrypt: FAST,
      now: T0 + 1000,
    });
    expect(droppedUserIds).toEqual(['u-nurse']);
    expect(await unlockWithPassword(rebound, 'mlee', 'a brand new long passphrase', newSecret)).toMatchObject({ ok: true, userId: 'u-admin' });
    expect(await unlockWithPassword(rebound, 'jdoe', 'nurse password is long', newSecret)).toEqual({ ok: false });
    // The recovery slot survives, byte for byte.
    expect(rebound.slots.filter((s) => s.kind === 'recovery')).toEqual(keystore.slots.filter((s) => s.kind === 'recovery'));
  });

  it('refuses a wrong recovery code', async () => {
    const { keystore } = await clinicKeystore();
    expect(await unlockWithRecoveryCode(keystore, generateRecoveryCode())).toBeNull();
  });

  it('re-wraps only the changing user’s slot on a password change', async () => {
    const { dbKey, keystore, machineSecret } = await withNurse(await clinicKeystore());
    const before = serializedSlots(keystore);
    const changed = await withUserSlot(keystore, { dbKey, user: nurse, password: 'nurse new passphrase here', machineSecret, scrypt: FAST, now: T0 + 5 });
    const after = serializedSlots(changed);
    const nurseBefore = before.find((s) => s.includes('"u-nurse"'));
    const nurseAfter = after.find((s) => s.includes('"u-nurse"'));
    expect(nurseAfter).not.toEqual(nurseBefore);
    expect(after.filter((s) => !s.includes('"u-nurse"')).sort()).toEqual(before.filter((s) => !s.includes('"u-nurse"')).sort());
    expect(await unlockWithPassword(changed, 'jdoe', 'nurse new passphrase here', machineSecret)).toMatchObject({ ok: true });
    expect(await unlockWithPassword(changed, 'jdoe', 'nurse password is long', machineSecret)).toEqual({ ok: false });
    expect(await unlockWithPassword(changed, 'mlee', 'correct horse battery staple', machineSecret)).toMatchObject({ ok: true });
  });

  it('detects a flipped byte anywhere in the keystore file and reports it as damage, not as a wrong password', async () => {
    const { keystore } = await clinicKeystore();
    const bytes = Buffer.from(serializeKeystore(keystore), 'utf8');
    expect(parseKeystore(bytes.toString('utf8'))).toEqual(keystore);
    for (let i = 0; i < bytes.length; i++) {
      const damaged = Buffer.from(bytes);
      damaged[i] = (damaged[i] as number) ^ 0x01;
      let caught: unknown = null;
      try {
        parseKeystore(damaged.toString('utf8'));
      } catch (error) {
        caught = error;
      }
      expect(caught, `byte ${i} flipped`).toBeInstanceOf(StartupFailure);
      expect((caught as StartupFailure).kind).toBe('KEYSTORE_DAMAGED');
      expect((caught as StartupFailure).userMessage).toMatch(/altered or damaged/);
    }
  });
});

describe('sign-in throttle', () => {
  const ks: Keystore = { keystoreId: 'k', createdAt: T0, slots: [], throttle: {} };

  it('locks an account for 15 minutes on the 5th failure within 15 minutes', () => {
    let current = ks;
    for (let i = 0; i < 4; i++) {
      const r = recordFailure(current, 'MLee', T0 + i * 60_000);
      expect(r.lockedNow).toBe(false);
      current = r.keystore;
    }
    expect(lockedUntil(current, 'mlee', T0 + 4 * 60_000)).toBeNull();
    const fifth = recordFailure(current, 'mlee', T0 + 4 * 60_000);
    expect(fifth.lockedNow).toBe(true);
    expect(lockedUntil(fifth.keystore, 'MLEE', T0 + 4 * 60_000)).toBe(T0 + 4 * 60_000 + LOCKOUT_MS);
    expect(lockedUntil(fifth.keystore, 'mlee', T0 + 4 * 60_000 + LOCKOUT_MS)).toBeNull();
  });

  it('does not count failures older than 15 minutes, and a success clears the count', () => {
    let current = ks;
    for (let i = 0; i < 4; i++) current = recordFailure(current, 'mlee', T0 + i * 1000).keystore;
    expect(recordFailure(current, 'mlee', T0 + 16 * 60_000).lockedNow).toBe(false);
    current = clearFailures(current, 'mlee');
    expect(current.throttle).toEqual({});
  });
});

async function withNurse(base: Awaited<ReturnType<typeof clinicKeystore>>) {
  const keystore = await withUserSlot(base.keystore, {
    dbKey: base.dbKey,
    user: nurse,
    password: 'nurse password is long',
    machineSecret: base.machineSecret,
    scrypt: FAST,
    now: T0 + 1,
  });
  return { ...base, keystore };
}

function serializedSlots(keystore: Keystore): string[] {
  return keystore.slots.map((s) => JSON.stringify(s));
}

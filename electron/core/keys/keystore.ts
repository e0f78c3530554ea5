import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { stretchSecret, wrappingKey, type ScryptParams } from './kdf';

/**
 * Key slots, in the manner of LUKS: the database key is stored only wrapped (AES-256-GCM), once per staff user
 * (scrypt(password) + this workstation's machine secret) and once for the printed recovery code.
 * This module is pure crypto over an in-memory keystore; keystore-file.ts reads and writes it.
 */
export type SlotKind = 'user' | 'recovery';

export interface SlotKdf extends ScryptParams {
  name: 'scrypt';
  salt: string; // base64
}

export interface KeySlot {
  id: string;
  kind: SlotKind;
  userId: string | null;
  /** Lower-case username, to find the slot before the database is open. Staff usernames are not PHI. */
  username: string | null;
  kdf: SlotKdf;
  /** True when the wrapping key also needs this workstation's machine secret (OS keychain). */
  machineBound: boolean;
  createdAt: number;
  nonce: string; // base64, 12 bytes
  sealedKey: string; // base64, ciphertext (32 bytes) followed by the GCM tag (16 bytes)
}

export interface SignInThrottle {
  /** Epoch ms of recent failed sign-ins (only those inside the counting window are kept). */
  failures: number[];
  lockedUntil: number | null;
}

export interface Keystore {
  keystoreId: string;
  createdAt: number;
  slots: KeySlot[];
  /** Failed sign-in counts per username, kept here because they matter before the database is open. */
  throttle: Record<string, SignInThrottle>;
}

export interface SlotUser {
  userId: string;
  username: string;
}

const WRAP_INFO = 'caredesk key slot v1';
const DUMMY_SALT = Buffer.alloc(16, 7);

export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/** The slot's own description, bound into the AEAD so no field can be swapped between slots or keystores. */
function slotAad(keystoreId: string, slot: Omit<KeySlot, 'nonce' | 'sealedKey'>): Buffer {
  const { id, kind, userId, username, kdf, machineBound, createdAt } = slot;
  return Buffer.from(JSON.stringify(['caredesk-slot', 1, keystoreId, id, kind, userId, username, kdf, machineBound, createdAt]), 'utf8');
}

async function slotWrappingKey(secret: string, kdf: SlotKdf, machineSecret: Uint8Array | null): Promise<Buffer> {
  const stretched = await stretchSecret(secret, Buffer.from(kdf.salt, 'base64'), kdf);
  return wrappingKey(stretched, machineSecret, WRAP_INFO);
}

export async function sealSlot(params: {
  keystoreId: string;
  kind: SlotKind;
  user: SlotUser | null;
  secret: string;
  dbKey: Uint8Array;
  machineSecret: Uint8Array | null;
  scrypt: ScryptParams;
  now: number;
}): Promise<KeySlot> {
  const header: Omit<KeySlot, 'nonce' | 'sealedKey'> = {
    id: uuidv7(),
    kind: params.kind,
    userId: params.user?.userId ?? null,
    username: params.user ? normalizeUsername(params.user.username) : null,
    kdf: { name: 'scrypt', N: params.scrypt.N, r: params.scrypt.r, p: params.scrypt.p, salt: randomBytes(16).toString('base64') },
    machineBound: params.machineSecret !== null,
    createdAt: params.now,
  };
  const key = await slotWrappingKey(params.secret, header.kdf, params.machineSecret);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(slotAad(params.keystoreId, header));
  const sealed = Buffer.concat([cipher.update(params.dbKey), cipher.final(), cipher.getAuthTag()]);
  return { ...header, nonce: nonce.toString('base64'), sealedKey: sealed.toString('base64') };
}

/** The database key, or null when the secret (or the machine secret) is not the one the slot was sealed with. */
export async function openSlot(keystoreId: string, slot: KeySlot, secret: string, machineSecret: Uint8Array | null): Promise<Buffer | null> {
  if (slot.machineBound && machineSecret === null) return null;
  const key = await slotWrappingKey(secret, slot.kdf, slot.machineBound ? machineSecret : null);
  const sealed = Buffer.from(slot.sealedKey, 'base64');
  if (sealed.length !== 48) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(slot.nonce, 'base64'));
    decipher.setAAD(slotAad(keystoreId, slot));
    decipher.setAuthTag(sealed.subarray(32));
    return Buffer.concat([decipher.update(sealed.subarray(0, 32)), decipher.final()]);
  } catch {
    return null;
  }
}

export async function createKeystore(params: {
  dbKey: Uint8Array;
  admin: SlotUser;
  password: string;
  recoveryCode: string;
  machineSecret: Uint8Array | null;
  scrypt: ScryptParams;
  now: number;
}): Promise<Keystore> {
  const keystoreId = uuidv7();
  const common = { keystoreId, dbKey: params.dbKey, scrypt: params.scrypt, now: params.now };
  const userSlot = await sealSlot({ ...common, kind: 'user', user: params.admin, secret: params.password, machineSecret: params.machineSecret });
  const recoverySlot = await sealSlot({ ...common, kind: 'recovery', user: null, secret: params.recoveryCode, machineSecret: null });
  return { keystoreId, createdAt: params.now, slots: [userSlot, recoverySlot], throttle: {} };
}

export function findUserSlot(keystore: Keystore, username: string): KeySlot | undefined {
  const wanted = normalizeUsername(username);
  return keystore.slots.find((s) => s.kind === 'user' && s.username === wanted);
}

export type PasswordUnlock = { ok: true; dbKey: Buffer; userId: string } | { ok: false };

/**
 * Tries a username and password. An unknown username costs the same scrypt work as a wrong password,
 * so neither the answer nor its timing tells which of the two was wrong.
 */
export async function unlockWithPassword(keystore: Keystore, username: string, password: string, machineSecret: Uint8Array | null): Promise<PasswordUnlock> {
  const slot = findUserSlot(keystore, username);
  if (!slot) {
    const reference = keystore.slots.find((s) => s.kind === 'user')?.kdf;
    if (reference) await stretchSecret(password, DUMMY_SALT, reference);
    return { ok: false };
  }
  const dbKey = await openSlot(keystore.keystoreId, slot, password, machineSecret);
  return dbKey && slot.userId ? { ok: true, dbKey, userId: slot.userId } : { ok: false };
}

export async function unlockWithRecoveryCode(keystore: Keystore, normalizedCode: string): Promise<Buffer | null> {
  const slot = keystore.slots.find((s) => s.kind === 'recovery');
  return slot ? openSlot(keystore.keystoreId, slot, normalizedCode, null) : null;
}

/** Adds or re-wraps one user's slot (new account, password change, password reset); every other slot stays byte-identical. */
export async function withUserSlot(
  keystore: Keystore,
  params: { dbKey: Uint8Array; user: SlotUser; password: string; machineSecret: Uint8Array | null; scrypt: ScryptParams; now: number },
): Promise<Keystore> {
  const slot = await sealSlot({ keystoreId: keystore.keystoreId, kind: 'user', secret: params.password, ...params });
  const others = keystore.slots.filter((s) => !(s.kind === 'user' && (s.userId === params.user.userId || s.username === slot.username)));
  return { ...keystore, slots: [...others, slot] };
}

export function withoutUserSlot(keystore: Keystore, userId: string): Keystore {
  return { ...keystore, slots: keystore.slots.filter((s) => !(s.kind === 'user' && s.userId === userId)) };
}

/**
 * After the recovery code opened the key on a new computer (or after the keychain was lost): the old staff slots
 * were bound to a machine secret that is gone, so they are dropped; the recovering administrator gets a fresh slot
 * bound to the new machine secret, and everyone else sets a password again.
 */
export async function rebindAfterRecovery(
  keystore: Keystore,
  params: { dbKey: Uint8Array; admin: SlotUser; newPassword: string; newMachineSecret: Uint8Array | null; scrypt: ScryptParams; now: number },
): Promise<{ keystore: Keystore; droppedUserIds: string[] }> {
  const droppedUserIds = keystore.slots
    .filter((s) => s.kind === 'user' && s.userId !== params.admin.userId && s.userId !== null)
    .map((s) => s.userId as string);
  const kept: Keystore = { ...keystore, slots: keystore.slots.filter((s) => s.kind === 'recovery'), throttle: {} };
  const next = await withUserSlot(kept, {
    dbKey: params.dbKey,
    user: params.admin,
    password: params.newPassword,
    machineSecret: params.newMachineSecret,
    scrypt: params.scrypt,
    now: params.now,
  });
  return { keystore: next, droppedUserIds };
}

import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { newBoxKeyPair, openSealed, sealTo, unwrapWith, wrapWith } from './sealing';

/**
 * The key file (sidecar) next to the archive. The archive is encrypted with one random
 * 256-bit key; each account, and the printed recovery key, has a slot holding that key
 * wrapped (AES-256-GCM) under a key derived from its secret with scrypt. Unlocking is
 * unwrapping one slot; changing a password rewraps that slot only.
 */

export const KEY_FILE_FORMAT = 'archive-desk-keys';

const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(1024),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.string().min(16),
});
export type KdfParams = z.infer<typeof kdfSchema>;

const slotSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['password', 'recovery']),
  /** For password slots: the account's user name (lower case), to find the slot before unlocking. */
  username: z.string().optional(),
  createdAt: z.string(),
  kdf: kdfSchema,
  wrap: z.object({
    alg: z.literal('aes-256-gcm'),
    iv: z.string(),
    tag: z.string(),
    ciphertext: z.string(),
  }),
  /** The slot's own X25519 key pair: a secret may be sealed to this account without its password. */
  box: z.object({ publicKey: z.string(), privateKey: z.string() }).optional(),
});
export type KeySlot = z.infer<typeof slotSchema>;

const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  archiveId: z.string().min(1),
  /** The archive file's first 16 bytes (SQLCipher's salt): tells "damaged" from "another file". */
  databaseSalt: z.string().regex(/^[0-9a-f]{32}$/),
  slots: z.array(slotSchema).min(1),
  /**
   * The key pair confidential scans are sealed to: the public half in the clear, the private half
   * sealed to the box of each slot that may read them (general managers, the recovery key).
   */
  confidential: z.object({ publicKey: z.string(), grants: z.array(z.object({ slotId: z.string(), sealed: z.string() })) }).optional(),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

/** scrypt cost for passwords: 128 MiB and a few hundred ms, paid once per sign-in. */
export const passwordKdfCost = { N: 2 ** 17, r: 8, p: 1 };
/** The recovery key already has 160 random bits; a light KDF is enough. */
export const recoveryKdfCost = { N: 2 ** 14, r: 8, p: 1 };
export type KdfCost = typeof passwordKdfCost;

export const ARCHIVE_KEY_BYTES = 32;

export function newArchiveKey(): Buffer {
  return randomBytes(ARCHIVE_KEY_BYTES);
}

export function newArchiveId(): string {
  return randomUUID();
}

function deriveKey(secret: string, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function slotAad(archiveId: string, slotId: string): Buffer {
  // Binds a slot to its archive: a slot copied from another key file does not unwrap here.
  return Buffer.from(`${KEY_FILE_FORMAT}:${archiveId}:${slotId}`, 'utf8');
}

export async function wrapArchiveKey(archiveKey: Buffer, archiveId: string, secret: string, slot: { kind: KeySlot['kind']; username?: string }, cost: KdfCost, now: Date): Promise<KeySlot> {
  const id = randomUUID();
  const kdf: KdfParams = { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
  const wrappingKey = await deriveKey(secret, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(slotAad(archiveId, id));
  const ciphertext = Buffer.concat([cipher.update(archiveKey), cipher.final()]);
  const box = newBoxKeyPair();
  return {
    box: { publicKey: box.publicKey, privateKey: wrapWith(wrappingKey, box.privateKey, `${KEY_FILE_FORMAT}:${archiveId}:${id}:box`) },
    id,
    kind: slot.kind,
    ...(slot.username ? { username: slot.username.toLowerCase() } : {}),
    createdAt: now.toISOString(),
    kdf,
    wrap: {
      alg: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    },
  };
}

/** Returns the archive key, or null when the secret is wrong (the GCM tag does not verify). */
export async function unwrapArchiveKey(slot: KeySlot, archiveId: string, secret: string): Promise<Buffer | null> {
  return (await unwrapSlot(slot, archiveId, secret))?.archiveKey ?? null;
}

/** The archive key and, where the slot has one, its box's private key: one key derivation. */
export async function unwrapSlot(slot: KeySlot, archiveId: string, secret: string): Promise<{ archiveKey: Buffer; boxPrivateKey: Buffer | null } | null> {
  const wrappingKey = await deriveKey(secret, slot.kdf);
  const archiveKey = unwrapWithKey(slot, archiveId, wrappingKey);
  if (!archiveKey) return null;
  const boxPrivateKey = slot.box ? unwrapWith(wrappingKey, slot.box.privateKey, `${KEY_FILE_FORMAT}:${archiveId}:${slot.id}:box`) : null;
  return { archiveKey, boxPrivateKey };
}

function unwrapWithKey(slot: KeySlot, archiveId: string, wrappingKey: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.wrap.iv, 'base64'));
    decipher.setAAD(slotAad(archiveId, slot.id));
    decipher.setAuthTag(Buffer.from(slot.wrap.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.wrap.ciphertext, 'base64')), decipher.final()]);
    return key.length === ARCHIVE_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** Spends the same time as a real unwrap, so an unknown user name is not told apart by timing. */
export async function spendUnwrapTime(cost: KdfCost): Promise<void> {
  await deriveKey('-', { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') });
}

export function parseKeyFile(text: string): KeyFile | null {
  try {
    const parsed = keyFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function serializeKeyFile(file: KeyFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

export function findPasswordSlot(file: KeyFile, username: string): KeySlot | undefined {
  const name = username.toLowerCase();
  return file.slots.find((s) => s.kind === 'password' && s.username === name);
}

export function findRecoverySlot(file: KeyFile): KeySlot | undefined {
  return file.slots.find((s) => s.kind === 'recovery');
}

/** Replaces (or adds) the password slot of one user, leaving every other slot as it was. */
export function withPasswordSlot(file: KeyFile, slot: KeySlot): KeyFile {
  const others = file.slots.filter((s) => !(s.kind === 'password' && s.username === slot.username));
  return { ...file, slots: [...others, slot] };
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// Recovery keys: 160 random bits in Crockford base32 (no I, L, O, U), 8 groups of 4, easy to copy by hand.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts what a person types back: any case, spaces or dashes, O for 0 and I/L for 1. */
export function normalizeRecoveryKey(typed: string): string {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return (compact.match(/.{1,4}/g) ?? []).join('-');
}

// The confidential key pair in the key file: who holds it is whose slot box it is sealed to.

const grantAad = (archiveId: string, slotId: string) => `${KEY_FILE_FORMAT}:${archiveId}:${slotId}:confidential`;

/** The confidential private key, opened with a slot's box; null when the slot holds no grant. */
export function openConfidentialGrant(file: KeyFile, slot: KeySlot, boxPrivateKey: Buffer | null): Buffer | null {
  const grant = file.confidential?.grants.find((g) => g.slotId === slot.id);
  if (!grant || !boxPrivateKey) return null;
  return openSealed(boxPrivateKey, Buffer.from(grant.sealed, 'base64'), grantAad(file.archiveId, slot.id));
}

/** Gives these slots the confidential private key (sealed to each one's box), and takes it from every other. */
export function withConfidentialGrants(file: KeyFile, confidential: { publicKey: string; privateKey: Buffer }, slotIds: string[]): KeyFile {
  const grants = file.slots
    .filter((s) => s.box && slotIds.includes(s.id))
    .map((s) => {
      const kept = file.confidential?.publicKey === confidential.publicKey ? file.confidential.grants.find((g) => g.slotId === s.id) : undefined;
      return kept ?? { slotId: s.id, sealed: sealTo(s.box!.publicKey, confidential.privateKey, grantAad(file.archiveId, s.id)).toString('base64') };
    });
  return { ...file, confidential: { publicKey: confidential.publicKey, grants } };
}

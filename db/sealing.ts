import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

// Confidential scans are encrypted at rest under keys the archive key does not open:
// each scan under its own random key, and that key sealed (X25519 + HKDF-SHA256 + AES-256-GCM)
// to a public key whose private half only the roles that may read confidential papers hold.
// Node's crypto provides each primitive; this file only puts them together.

export interface BoxKeyPair {
  /** SPKI DER, base64: may be written anywhere. */
  publicKey: string;
  /** PKCS#8 DER: kept only wrapped, or in memory while unlocked. */
  privateKey: Buffer;
}

export function newBoxKeyPair(): BoxKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }) };
}

const publicKeyOf = (b64: string): KeyObject => createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
const privateKeyOf = (der: Buffer): KeyObject => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });

export function publicKeyFromPrivate(der: Buffer): string {
  return createPublicKey(privateKeyOf(der)).export({ type: 'spki', format: 'der' }).toString('base64');
}

function aesSeal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

function aesOpen(key: Buffer, sealed: Buffer, aad: string): Buffer | null {
  if (sealed.length < 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}

function sharedKey(ownPrivate: KeyObject, otherPublic: KeyObject, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  const secret = diffieHellman({ privateKey: ownPrivate, publicKey: otherPublic });
  return Buffer.from(hkdfSync('sha256', secret, Buffer.concat([ephemeralPublic, recipientPublic]), 'archive-desk-seal-v1', 32));
}

/** Seals a small secret (a key) to a public key: only its private half opens it. */
export function sealTo(recipientPublicKey: string, secret: Buffer, aad: string): Buffer {
  const recipient = Buffer.from(recipientPublicKey, 'base64');
  const eph = generateKeyPairSync('x25519');
  const ephDer = eph.publicKey.export({ type: 'spki', format: 'der' });
  const key = sharedKey(eph.privateKey, publicKeyOf(recipientPublicKey), ephDer, recipient);
  return Buffer.concat([Buffer.from([ephDer.length]), ephDer, aesSeal(key, secret, aad)]);
}

export function openSealed(privateKey: Buffer, sealed: Buffer, aad: string): Buffer | null {
  try {
    const n = sealed[0]!;
    const ephDer = sealed.subarray(1, 1 + n);
    const own = privateKeyOf(privateKey);
    const recipient = Buffer.from(publicKeyFromPrivate(privateKey), 'base64');
    const key = sharedKey(own, createPublicKey({ key: ephDer, format: 'der', type: 'spki' }), ephDer, recipient);
    return aesOpen(key, sealed.subarray(1 + n), aad);
  } catch {
    return null;
  }
}

/** A scan's bytes under its own random key; the key is then sealed to the confidential public key. */
export function encryptScan(plain: Buffer, aad: string): { data: Buffer; key: Buffer } {
  const key = randomBytes(32);
  return { data: aesSeal(key, plain, aad), key };
}

export function decryptScan(key: Buffer, data: Buffer, aad: string): Buffer | null {
  return aesOpen(key, data, aad);
}

/** Wraps a private key under a slot's wrapping key (the one its password derives). */
export function wrapWith(key: Buffer, secret: Buffer, aad: string): string {
  return aesSeal(key, secret, aad).toString('base64');
}

export function unwrapWith(key: Buffer, wrapped: string, aad: string): Buffer | null {
  return aesOpen(key, Buffer.from(wrapped, 'base64'), aad);
}

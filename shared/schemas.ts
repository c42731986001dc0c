import { z } from 'zod';
import type { ArchiveMethod } from './methods';

const noInput = z.object({}).strict();

const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[\p{L}\p{N}._-]+$/u);
const password = z.string().min(1).max(256);

export const createArchiveInput = z
  .object({
    organisation: z.string().trim().min(1).max(100),
    username,
    displayName: z.string().trim().min(1).max(50),
    password,
    passwordConfirm: password,
  })
  .strict();

export const unlockInput = z.object({ username, password }).strict();

export const recoverAccessInput = z
  .object({
    username,
    recoveryKey: z.string().trim().min(16).max(80),
    newPassword: password,
    newPasswordConfirm: password,
  })
  .strict();

/** One input schema per method: everything that crosses IPC or HTTP is parsed by it first. */
export const methodInputSchemas = {
  getArchiveStatus: noInput,
  createArchive: createArchiveInput,
  unlock: unlockInput,
  recoverAccess: recoverAccessInput,
  lock: noInput,
} satisfies Record<ArchiveMethod, z.ZodType>;

export type CreateArchiveInput = z.input<typeof createArchiveInput>;
export type UnlockInput = z.input<typeof unlockInput>;
export type RecoverAccessInput = z.input<typeof recoverAccessInput>;

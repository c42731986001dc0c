import { test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface RunningHost {
  /** The printed address, token included. */
  openUrl: string;
  archiveDir: string;
  /** Moves the host's clock this far ahead of real time (days). */
  moveClock(days: number): void;
  stop(): Promise<void>;
  /** Kills the host as a power cut would (SIGKILL): nothing is cleaned up, the archive stays. */
  kill(): Promise<void>;
}

/**
 * How far the browser tests move the desk's clock: to the next 02:20 China time (18:20 UTC), the
 * hours when a UTC date printed by mistake is the day before. Host and page share it.
 */
function deskStartOffset(now = Date.now()): number {
  const d = new Date(now);
  let target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 18, 20);
  if (target < now) target += 86_400_000;
  return target - now;
}

let clockOffset = 0;
/** The running host's "now", for the page's clock. */
export const hostNow = () => new Date(Date.now() + clockOffset);

/**
 * Starts the built loopback host (dist/host/serve.mjs) on a fresh temporary archive folder, or on
 * the given one (which is then left in place at stop; the benchmark's generated archive).
 */
export interface HostOptions {
  /** The first background job to reach this phase waits there until it is cancelled (the host's test hook). */
  holdJobAt?: string;
  /** Read scanned pages' text in the background (off unless a test is about it: OCR takes the cores). */
  readText?: boolean;
}

export async function startHost(existingArchiveDir?: string, options: HostOptions = {}): Promise<RunningHost> {
  const archiveDir = existingArchiveDir ?? mkdtempSync(join(tmpdir(), 'archive-desk-e2e-'));
  const clockFile = join(mkdtempSync(join(tmpdir(), 'archive-desk-clock-')), 'offset');
  const base = deskStartOffset();
  clockOffset = base;
  writeFileSync(clockFile, String(base));
  const hold = [...(options.holdJobAt ? ['--hold-job-at', options.holdJobAt] : []), ...(options.readText ? [] : ['--no-text-reading'])];
  const child: ChildProcess = spawn(process.execPath, ['dist/host/serve.mjs', '--archive', archiveDir, '--clock-offset-file', clockFile, ...hold], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  return {
    openUrl,
    archiveDir,
    moveClock: (days) => {
      clockOffset = base + days * 86_400_000;
      writeFileSync(clockFile, String(clockOffset));
    },
    kill: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dirname(clockFile), { recursive: true, force: true });
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!existingArchiveDir) rmSync(archiveDir, { recursive: true, force: true });
      rmSync(dirname(clockFile), { recursive: true, force: true });
    },
  };
}

/** Calls the host's API as the page does (the host serves one session: the signed-in one); for test setup. */
export async function callHost(host: RunningHost, method: string, input: unknown): Promise<any> {
  const url = new URL(host.openUrl);
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.hash.replace('#token=', '')}` },
    body: JSON.stringify(input),
  });
  const envelope = await response.json();
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value;
}

/**
 * A fresh host for each test of the spec that calls this (at its top level): the returned object
 * stands for whichever host is running now.
 */
export function hostPerTest(options: HostOptions = {}): RunningHost {
  let current: RunningHost | undefined;
  test.beforeEach(async () => {
    current = await startHost(undefined, options);
  });
  test.afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
  const running = () => {
    if (!current) throw new Error('no host is running outside a test');
    return current;
  };
  return {
    get openUrl() {
      return running().openUrl;
    },
    get archiveDir() {
      return running().archiveDir;
    },
    moveClock: (days) => running().moveClock(days),
    stop: () => running().stop(),
    kill: () => running().kill(),
  };
}

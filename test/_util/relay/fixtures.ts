// Shared test inputs for the relay: a valid env, a valid submission, temp data folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeadSubmission } from '../../../src/shared/lead-submission.ts';

export const TOKEN = 'tok_upstream_SECRET_4f1c9a';
export const ADMIN_TOKEN = 'admin_SECRET_token_7d2e5b01';
export const ORIGIN = 'https://shop.example.com';
export const BOT = 'bot123';
export const CUSTOMER = 'cust456';

export function baseEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ELEAPI_API_URL: 'http://eleapi.test',
    ELEAPI_TOKEN: TOKEN,
    RELAY_ALLOWED_ORIGINS: `${ORIGIN},https://other.example.org`,
    RELAY_ALLOWED_BOTS: `${BOT}:${CUSTOMER}`,
    RELAY_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'debug',
    RELAY_BACKOFF_BASE_MS: '5',
    RELAY_BACKOFF_CAP_MS: '20',
    ...overrides,
  };
}

let counter = 0;

/** A fresh random-looking UUID per call, so leads do not coalesce unless a test wants it. */
export function newUuid(): string {
  counter++;
  return `7e88d192-9b20-4035-9b68-${counter.toString(16).padStart(12, '0')}`;
}

export function validLead(overrides: Partial<LeadSubmission> = {}): LeadSubmission {
  return {
    uuid: newUuid(),
    botId: BOT,
    customerId: CUSTOMER,
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '07911 123456',
    dialCode: '+44',
    message: '',
    website: '',
    ...overrides,
  };
}

export interface TempDir {
  path: string;
  remove(): void;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'eleapi-relay-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Polls until `check` returns true; fails with `what` after `timeoutMs`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

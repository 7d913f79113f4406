// JSON-lines logging (pino) that cannot leak the tokens or a visitor's email and phone.
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from './config.ts';
import { secretRedactor } from './redact-secrets.ts';

export type { Logger };

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; stdout when absent. Tests pass a capturing stream. */
  stream?: DestinationStream | undefined;
  /** Values that must never appear in a log line (the API and admin tokens). */
  secrets: readonly (string | undefined)[];
  /** Secrets that can change while running (the sites file's tokens after a reload). */
  moreSecrets?: () => readonly string[];
}

/** `alice@example.com` → `a***@example.com`: enough to tell leads apart, not to contact them. */
export function maskEmail(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

/** `+44 7911 123456` → `***3456`. */
export function maskPhone(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/\D/g, '');
  return digits.length > 4 ? `***${digits.slice(-4)}` : '***';
}

/** Drops the last IPv4 octet or the IPv6 interface half: enough to spot abuse, less to track. */
export function maskIp(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return ip.replace(/\.\d+$/, '.x');
  return ip.includes(':') ? `${ip.split(':').slice(0, 4).join(':')}:x` : 'x';
}

const LOCAL_PART = /[\p{L}\p{N}._%+-]/u;

/** Masks every email-shaped `local@domain` in a text; `indexOf` first keeps log lines cheap. */
export function maskEmailsIn(text: string): string {
  let at = text.indexOf('@');
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    let start = at;
    while (start > copied && LOCAL_PART.test(text[start - 1] ?? '')) start--;
    // Two or more local characters: keep the first, hide the rest (a***@, as maskEmail does).
    if (at - start >= 2 && LOCAL_PART.test(text[at + 1] ?? '')) {
      out += `${text.slice(copied, start + 1)}***`;
      copied = at;
    }
    at = text.indexOf('@', at + 1);
  }
  return out + text.slice(copied);
}

/**
 * The relay's logger. Every finished line is scrubbed: token values are replaced wherever they
 * appear (a key name, a nested error message) and anything shaped like an email is masked.
 */
export function createLogger(options: LoggerOptions): Logger {
  const fixed = secretRedactor(options.secrets);
  let seen: readonly string[] | undefined;
  let more = (text: string) => text;
  // The list keeps its identity until a reload, so the pattern is rebuilt only then.
  const redact = (line: string) => {
    const current = options.moreSecrets?.();
    if (current !== seen) {
      seen = current;
      more = secretRedactor(current ?? []);
    }
    return more(fixed(line));
  };
  return pino(
    {
      level: options.level,
      base: null,
      hooks: {
        streamWrite: (line) => maskEmailsIn(redact(line)),
      },
    },
    options.stream ?? pino.destination({ dest: 1, sync: false }),
  );
}

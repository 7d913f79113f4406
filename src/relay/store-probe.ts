// When the outbox cannot take a write (disk full, read-only, damaged), the sender stops claiming
// and this probes it with a cheap write on a backoff, so no lead is resent in a tight loop.
import type { BackoffPolicy } from './backoff.ts';
import type { Logger } from './logger.ts';

export interface StoreProbeOptions {
  /** A cheap durable write; rejects while the store cannot commit. */
  check: () => Promise<void>;
  backoff: BackoffPolicy;
  logger: Logger;
  onWritable: () => void;
}

export interface StoreProbe {
  /** Records a failed store operation and schedules the next probe. */
  failed(error: unknown, doing: string): void;
  /** True from a failure until a probe succeeds. */
  failing(): boolean;
  stop(): void;
}

// At least a second between probes, however small the configured backoff.
const MIN_PROBE_MS = 1000;

export function createStoreProbe(options: StoreProbeOptions): StoreProbe {
  const { backoff, logger } = options;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function schedule(): void {
    if (stopped || timer) return;
    const base = Math.max(backoff.baseMs, MIN_PROBE_MS);
    const delay = Math.min(base * 2 ** Math.min(failures - 1, 30), Math.max(backoff.capMs, base));
    timer = setTimeout(probe, delay);
    timer.unref();
  }

  function probe(): void {
    timer = undefined;
    options.check().then(
      () => {
        logger.info({ failures }, 'the outbox takes writes again; delivery resumes');
        failures = 0;
        options.onWritable();
      },
      (error: unknown) => {
        failures++;
        logger.error({ err: error, failures }, 'the outbox still cannot take writes');
        schedule();
      },
    );
  }

  return {
    failed(error, doing) {
      failures++;
      if (failures === 1) {
        logger.error({ err: error }, `outbox write failed while ${doing}; delivery pauses`);
      }
      schedule();
    },
    failing: () => failures > 0,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

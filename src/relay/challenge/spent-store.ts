// Spent proof-of-work challenges, kept until they expire so a solution counts once.

export interface SpentStore {
  /**
   * Records `id` as used until `expiresAt` (epoch ms). Resolves true the first time, false
   * when it was already spent: atomic, so two requests racing with one solution get one true.
   */
  spend(id: string, expiresAt: number, now: number): Promise<boolean>;
  /** Forgets ids whose challenge expired before `now`; resolves with how many. */
  prune(now: number): Promise<number>;
  close(): Promise<void>;
}

/** How often the relay prunes the store; an expired id is refused as expired anyway. */
export const SPENT_PRUNE_INTERVAL_MS = 10 * 60_000;

// The demo's fixed facts (the bakery's bot ids, default ports) and its few env overrides.

/** The demo bakery's messenger ids, as written in every page's messenger tag. */
export const DEMO_BOT = {
  botId: 'c0ffee5ba4e7b0a7d3a1f2e9',
  customerId: 'b4ce7e11a9d2c6f0e8a1d3b5',
};

/** The relay URL the pages' widget tag is written with; the demo server rewrites it if needed. */
export const PAGE_RELAY_URL = 'http://127.0.0.1:8787';

export interface DemoPorts {
  site: number;
  relay: number;
  sim: number;
}

export interface DemoConfig {
  host: string;
  ports: DemoPorts;
  /** Skip `npm run build` (tests build once up front). */
  skipBuild: boolean;
  /** Seeded demo leads in the stand-in API, so the leads page has pages from the start. */
  seed: number;
}

const PORT_VARS = { site: 'DEMO_PORT', relay: 'DEMO_RELAY_PORT', sim: 'DEMO_SIM_PORT' } as const;
const DEFAULT_PORTS: DemoPorts = { site: 8080, relay: 8787, sim: 8788 };

/** Reads DEMO_PORT, DEMO_RELAY_PORT, DEMO_SIM_PORT, DEMO_SEED, DEMO_SKIP_BUILD; lists every problem. */
export function loadDemoConfig(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; config: DemoConfig } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const ports = { ...DEFAULT_PORTS };
  for (const key of Object.keys(PORT_VARS) as (keyof DemoPorts)[]) {
    const name = PORT_VARS[key];
    const raw = env[name]?.trim();
    if (!raw) continue;
    const port = Number(raw);
    if (/^\d+$/.test(raw) && port >= 1 && port <= 65_535) ports[key] = port;
    else problems.push(`${name} must be a port number from 1 to 65535 (got "${raw}")`);
  }
  const used = Object.values(ports);
  if (new Set(used).size !== used.length) {
    problems.push(
      `DEMO_PORT, DEMO_RELAY_PORT and DEMO_SIM_PORT must differ (got ${used.join(', ')})`,
    );
  }
  const rawSeed = env.DEMO_SEED?.trim() || '25';
  const seed = Number(rawSeed);
  if (!/^\d+$/.test(rawSeed) || seed > 1000) {
    problems.push(`DEMO_SEED must be a whole number from 0 to 1000 (got "${rawSeed}")`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const skipBuild = ['1', 'true', 'yes'].includes(env.DEMO_SKIP_BUILD?.trim().toLowerCase() ?? '');
  return { ok: true, config: { host: '127.0.0.1', ports, skipBuild, seed } };
}

// The relay as a Hono app, built from config and injected dependencies.
import { Hono } from 'hono';
import type { DestinationStream } from 'pino';
import type { RelayEnv } from './app-env.ts';
import {
  createChallengeService,
  openSqliteSpentStore,
  postgresSpentStore,
  SPENT_PRUNE_INTERVAL_MS,
} from './challenge/index.ts';
import { clientIpResolver, type SocketAddress } from './client-ip.ts';
import { ConfigError, type RelayConfig } from './config.ts';
import { createEleapiClient } from './eleapi-client.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { requestLog } from './middleware/request-log.ts';
import { openOutbox, type WriterMode } from './outbox/index.ts';
import { SHARED_POLL_MS, type SharedStore } from './outbox/open-outbox.ts';
import { createPairLimiter } from './pair-limiter.ts';
import { createRandomId } from './random-id.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { adminRoutes } from './routes/admin.ts';
import { challengeRoutes } from './routes/challenge.ts';
import { healthRoutes } from './routes/health.ts';
import { leadsRoutes } from './routes/leads.ts';
import { widgetScriptRoutes } from './routes/widget-script.ts';
import { createSender } from './sender.ts';
import { createSiteClients } from './site-clients.ts';
import {
  createSitesHolder,
  oneSite,
  readSitesFile,
  type Site,
  type SitesHolder,
} from './sites/index.ts';

export interface RelayDeps {
  /** fetch used to reach eleapi. */
  fetch?: typeof fetch;
  now?: () => number;
  /** Uniform in [0, 1), for backoff jitter. */
  random?: () => number;
  /** Ids handed back in `202 {"ok":true,"id"}`. */
  randomId?: () => string;
  /** Where log lines go (stdout when absent). */
  logStream?: DestinationStream;
  /** The peer address of a request; the Node entry passes @hono/node-server's getConnInfo. */
  socketAddress?: SocketAddress;
  /** The built widget to serve at /eleapi-leads.js (default: dist/ of this package). */
  widgetScriptPath?: string;
  /** False to accept and store leads without delivering them (benchmarks). */
  deliver?: boolean;
  /** Where SQLite commits run: a worker thread (default) or inline, for tests and runtimes without threads. */
  outboxWriter?: WriterMode;
  /** The shared PostgreSQL outbox and rate limit (open-outbox.ts), instead of SQLite and memory. */
  store?: SharedStore | undefined;
}

export interface RelayLifecycle {
  readonly logger: Logger;
  /**
   * Turns `/readyz` 503, finishes deliveries in flight (up to `graceMs`) and waits for
   * `requestsDone` (the HTTP server's drain), then closes the outbox.
   */
  close(graceMs?: number, requestsDone?: Promise<void>): Promise<void>;
}

export type Relay = Hono<RelayEnv> &
  RelayLifecycle & {
    /** Reads RELAY_SITES_FILE again (SIGHUP); a bad file is logged and the old sites kept. */
    reloadSites(): boolean;
  };

/** The sites from RELAY_SITES_FILE, or the one-site variables; refused if a site's proof of work has no secret. */
export function readSites(config: RelayConfig): Site[] {
  const read = config.sitesFile
    ? readSitesFile(config.sitesFile, {
        rateLimitPerMinute: config.rateLimitPerMinute,
        pairLimitPerMinute: config.pairLimitPerMinute,
        challengeEnabled: config.challenge === 'pow',
        challengeCost: config.challengeCost,
      })
    : [
        oneSite({
          token: config.token,
          listToken: config.listToken,
          allowedOrigins: config.allowedOrigins,
          allowedBots: config.allowedBots,
          rateLimitPerMinute: config.rateLimitPerMinute,
          pairLimitPerMinute: config.pairLimitPerMinute,
          challengeEnabled: config.challenge === 'pow',
          challengeCost: config.challengeCost,
        }),
      ];
  const needSecret = read.filter((site) => site.challenge.enabled && !config.challengeSecret);
  if (needSecret.length > 0) {
    throw new ConfigError([
      `RELAY_CHALLENGE_SECRET is required: the proof of work is on for ${needSecret.map((s) => `"${s.name}"`).join(', ')}`,
    ]);
  }
  return read;
}

const HOUR_MS = 3_600_000;

const databasePassword = (config: RelayConfig) =>
  config.databaseUrl && URL.canParse(config.databaseUrl)
    ? decodeURIComponent(new URL(config.databaseUrl).password) || undefined
    : undefined;

/**
 * Builds the relay: the Hono app with its routes, plus the outbox and the delivery loop it
 * owns. Pending leads from an earlier run are resumed at once.
 *
 * @example
 * const socketAddress: SocketAddress = (c) => getConnInfo(c).remote.address;
 * const relay = createRelay(loadConfig(process.env), { socketAddress });
 * const server = serve({ fetch: relay.fetch, port: 8787 });
 * process.on('SIGTERM', () => {
 *   server.close(); // stop accepting first
 *   void relay.close(10_000);
 * });
 */
export function createRelay(config: RelayConfig, deps: RelayDeps = {}): Relay {
  const now = deps.now ?? Date.now;
  let sites: SitesHolder | undefined;
  const logger = createLogger({
    level: config.logLevel,
    stream: deps.logStream,
    secrets: [
      config.token,
      config.listToken,
      config.adminToken,
      config.metricsToken,
      config.challengeSecret,
      databasePassword(config),
    ],
    moreSecrets: () => sites?.current().secrets() ?? [],
  });
  sites = createSitesHolder(() => readSites(config), logger);
  const currentSites = () => (sites as SitesHolder).current();
  // Spent challenges live in the outbox's database: PostgreSQL when shared, else the SQLite file.
  const spent = !config.challengeSecret
    ? undefined
    : config.databaseUrl
      ? postgresSpentStore(config.databaseUrl, (error) =>
          logger.error({ err: error }, 'the spent-challenge table could not be opened'),
        )
      : openSqliteSpentStore(config.dataDir);
  const challenges =
    config.challengeSecret && spent
      ? createChallengeService({
          secret: config.challengeSecret,
          ttlSeconds: config.challengeTtlSeconds,
          spent,
          now,
        })
      : undefined;
  const metrics = createMetrics();
  const outbox =
    deps.store?.outbox ??
    openOutbox(config.dataDir, {
      ...(deps.outboxWriter ? { writer: deps.outboxWriter } : {}),
    });
  deps.store?.onError((error, what) => logger.warn({ err: error }, what));
  const client = createSiteClients(currentSites, (site) =>
    createEleapiClient({
      baseUrl: config.apiUrl,
      upsertToken: site.token,
      listToken: site.listToken,
      timeoutMs: config.upstreamTimeoutMs,
      now,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }),
  );
  const sender = createSender({
    outbox,
    client,
    metrics,
    logger,
    now,
    random: deps.random ?? Math.random,
    concurrency: config.concurrency,
    maxAttempts: config.maxAttempts,
    maxAgeMs: config.maxAgeHours * HOUR_MS,
    backoff: { baseMs: config.backoffBaseMs, capMs: config.backoffCapMs },
    owner: config.instanceId,
    leaseMs: config.leaseMs,
  });
  const delivering = deps.deliver !== false;
  const wake = delivering ? sender.wake : () => {};
  let accepting = true;

  const app = new Hono<RelayEnv>();
  app.use(requestLog(logger, metrics));
  app.route(
    '/',
    leadsRoutes({
      config,
      outbox,
      metrics,
      logger,
      limiter:
        deps.store?.limiter ?? createRateLimiter({ perMinute: config.rateLimitPerMinute, now }),
      clientIp: clientIpResolver(config.trustProxy, deps.socketAddress ?? (() => undefined)),
      now,
      randomId: deps.randomId ?? createRandomId(),
      onAccepted: wake,
      sites: currentSites,
      challenges,
      // Shared through PostgreSQL when the outbox is; per process with SQLite.
      keyedLimiter: deps.store?.keyedLimiter ?? createPairLimiter(now),
    }),
  );
  app.route('/', challengeRoutes({ sites: currentSites, challenges }));
  // The listing checks pairs against the sites in force, so a reload adds and removes pairs.
  const pairs = () => currentSites().sites.flatMap((site) => site.bots);
  app.route('/', adminRoutes({ config, pairs, outbox, client, logger, now, onRetry: wake }));
  const metricsAccess = config.metricsPublic || config.metricsToken;
  app.route(
    '/',
    healthRoutes({ outbox, metrics, logger, now, accepting: () => accepting, metricsAccess }),
  );
  app.route('/', widgetScriptRoutes(deps.widgetScriptPath));
  app.notFound((c) =>
    c.json(
      { ok: false, error: 'not_found', message: `no route ${c.req.method} ${c.req.path}` },
      404,
    ),
  );
  // Reachable only by a fault of the relay itself (disk, bug): client input is answered 4xx.
  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json({ ok: false, error: 'internal', message: 'the relay failed; try again' }, 500);
  });

  // Delivered rows hold no personal data, only the fact; keep them a while for the admin view.
  const prune = () =>
    outbox
      .pruneDelivered(now() - config.deliveredRetentionHours * HOUR_MS)
      .catch((error: unknown) => logger.warn({ err: error }, 'pruning delivered rows failed'));
  void prune();
  const pruneTimer = setInterval(prune, HOUR_MS);
  pruneTimer.unref();
  const pruneSpent = () =>
    spent
      ?.prune(now())
      .catch((error: unknown) => logger.warn({ err: error }, 'pruning spent challenges failed'));
  const spentTimer = setInterval(pruneSpent, SPENT_PRUNE_INTERVAL_MS);
  spentTimer.unref();
  wake();
  // Leads accepted by other relays, and leases of relays that died, are found by polling.
  const pollTimer = deps.store ? setInterval(wake, SHARED_POLL_MS) : undefined;
  pollTimer?.unref();

  let closing: Promise<void> | undefined;
  async function close(graceMs = config.shutdownGraceMs, requestsDone?: Promise<void>) {
    accepting = false;
    clearInterval(pruneTimer);
    clearInterval(spentTimer);
    clearInterval(pollTimer);
    // Requests still being answered write to the outbox: it closes only after them.
    await Promise.all([sender.stop(graceMs), requestsDone]);
    await outbox.close();
    await spent?.close();
    logger.flush();
  }

  return Object.assign(app, {
    logger,
    reloadSites: () => (sites as SitesHolder).reload(),
    close: (graceMs?: number, requestsDone?: Promise<void>) => {
      closing ??= close(graceMs, requestsDone);
      return closing;
    },
  });
}

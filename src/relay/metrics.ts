// In-process counters rendered as Prometheus text exposition format 0.0.4.

export const REJECT_REASONS = [
  'validation',
  'origin',
  'bot_pair',
  'content_type',
  'length_required',
  'too_large',
  'rate_limited',
  'honeypot',
  'unavailable',
  'pair_limited',
  'challenge',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

// Upstream latency buckets in seconds: a healthy API answers in tens of ms, a sick one in seconds.
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface OutboxGauges {
  pending: number;
  dead: number;
}

export interface Metrics {
  received(): void;
  rejected(reason: RejectReason): void;
  delivered(): void;
  failed(retryable: boolean): void;
  deadLettered(): void;
  upstreamLatency(seconds: number): void;
  /** A submission's outcome for a known site: `accepted` or a reject reason. Site names only. */
  site(name: string, outcome: 'accepted' | RejectReason): void;
  render(gauges: OutboxGauges): string;
}

export function createMetrics(): Metrics {
  let received = 0;
  let delivered = 0;
  let deadLettered = 0;
  const failed = { retryable: 0, permanent: 0 };
  const rejected = new Map<RejectReason, number>(REJECT_REASONS.map((r) => [r, 0]));
  const bucketCounts = BUCKETS.map(() => 0);
  let latencyCount = 0;
  let latencySum = 0;
  const bySite = new Map<string, number>();

  function render(gauges: OutboxGauges): string {
    const lines = [
      '# HELP eleapi_relay_leads_received_total Leads accepted and stored in the outbox.',
      '# TYPE eleapi_relay_leads_received_total counter',
      `eleapi_relay_leads_received_total ${received}`,
      '# HELP eleapi_relay_leads_rejected_total Submissions not stored, by reason (honeypot answers 202 but is counted here).',
      '# TYPE eleapi_relay_leads_rejected_total counter',
      ...[...rejected].map(([r, n]) => `eleapi_relay_leads_rejected_total{reason="${r}"} ${n}`),
      '# HELP eleapi_relay_leads_delivered_total Leads the eleapi API confirmed.',
      '# TYPE eleapi_relay_leads_delivered_total counter',
      `eleapi_relay_leads_delivered_total ${delivered}`,
      '# HELP eleapi_relay_delivery_failures_total Failed delivery attempts, retryable or not.',
      '# TYPE eleapi_relay_delivery_failures_total counter',
      `eleapi_relay_delivery_failures_total{retryable="true"} ${failed.retryable}`,
      `eleapi_relay_delivery_failures_total{retryable="false"} ${failed.permanent}`,
      '# HELP eleapi_relay_dead_lettered_total Leads moved to dead letters.',
      '# TYPE eleapi_relay_dead_lettered_total counter',
      `eleapi_relay_dead_lettered_total ${deadLettered}`,
      '# HELP eleapi_relay_outbox_pending Leads waiting for delivery (a shared outbox shows the same on every relay: aggregate with max).',
      '# TYPE eleapi_relay_outbox_pending gauge',
      `eleapi_relay_outbox_pending ${gauges.pending}`,
      '# HELP eleapi_relay_outbox_dead Dead letters waiting for an operator (same on every relay of a shared outbox: use max).',
      '# TYPE eleapi_relay_outbox_dead gauge',
      `eleapi_relay_outbox_dead ${gauges.dead}`,
      '# HELP eleapi_relay_upstream_duration_seconds Time for the eleapi API to answer an upsert.',
      '# TYPE eleapi_relay_upstream_duration_seconds histogram',
      ...BUCKETS.map(
        (le, i) => `eleapi_relay_upstream_duration_seconds_bucket{le="${le}"} ${bucketCounts[i]}`,
      ),
      `eleapi_relay_upstream_duration_seconds_bucket{le="+Inf"} ${latencyCount}`,
      `eleapi_relay_upstream_duration_seconds_sum ${latencySum}`,
      `eleapi_relay_upstream_duration_seconds_count ${latencyCount}`,
      '# HELP eleapi_relay_site_submissions_total Submissions per site (sites file name), by outcome.',
      '# TYPE eleapi_relay_site_submissions_total counter',
      ...[...bySite].map(([labels, n]) => `eleapi_relay_site_submissions_total{${labels}} ${n}`),
    ];
    return `${lines.join('\n')}\n`;
  }

  return {
    received: () => {
      received++;
    },
    rejected: (reason) => {
      rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
    },
    delivered: () => {
      delivered++;
    },
    failed: (retryable) => {
      failed[retryable ? 'retryable' : 'permanent']++;
    },
    deadLettered: () => {
      deadLettered++;
    },
    upstreamLatency: (seconds) => {
      latencyCount++;
      latencySum += seconds;
      BUCKETS.forEach((le, i) => {
        if (seconds <= le) bucketCounts[i] = (bucketCounts[i] ?? 0) + 1;
      });
    },
    site: (name, outcome) => {
      const labels = `site="${name}",outcome="${outcome}"`;
      bySite.set(labels, (bySite.get(labels) ?? 0) + 1);
    },
    render,
  };
}

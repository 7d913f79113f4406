// The real relay for benchmarks: real data dir, durable writes; delivery on or off (BENCH_DELIVER).
import { loadConfig } from '../../src/relay/config.ts';
import { startRelayServer } from '../../src/relay/node-server.ts';

const running = await startRelayServer(loadConfig({ ...process.env, PORT: '0' }), {
  deliver: process.env.BENCH_DELIVER !== '0',
});
process.send?.({ url: running.url });
process.on('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});

// autocannon against one URL: a warm-up, then a measured run, every request a distinct lead.
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

// A fixed-width uuid keeps every body the same length; the counter keeps leads distinct.
let counter = 0;
const template = (uuid: string) =>
  JSON.stringify({
    uuid,
    botId: 'benchbot',
    customerId: 'benchcust',
    name: 'Bench Mark',
    email: 'bench@example.com',
    phone: '07911 123456',
    dialCode: '+44',
    message: 'Interested in the spring offer, please call back.',
    consent: true,
    website: '',
  });
const nextBody = () =>
  template(`7e88d192-9b20-4035-9b68-${(counter++).toString(16).padStart(12, '0')}`);

function run(url: string, seconds: number, connections = 50): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/v1/leads`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://bench.example.com' },
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  });
}

export async function load(url: string, seconds: number, warmupSeconds = 2): Promise<LoadResult> {
  await run(url, warmupSeconds);
  const result = await run(url, seconds);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** The same load spread over several relays (as a load balancer would): 50 connections in all. */
export async function loadSpread(urls: string[], seconds: number): Promise<LoadResult> {
  const connections = Math.ceil(50 / urls.length);
  await Promise.all(urls.map((url) => run(url, 2, connections)));
  const results = await Promise.all(urls.map((url) => run(url, seconds, connections)));
  return {
    requestsPerSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

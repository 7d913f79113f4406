// Runs the TypeScript writer thread from source (dev and tests): Node 20 workers do not
// inherit tsx's loader, so register it here first. The built relay starts worker.js.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);

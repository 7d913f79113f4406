// Checks the demo's ports before anything starts, so a taken port fails in one clear message
// instead of a half-started demo.
import { createServer } from 'node:net';

/** Answers the error text for a port that cannot be listened on, or undefined if it is free. */
export function probePort(port: number, host: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${error.code})`);
    });
    server.listen(port, host, () => server.close(() => resolve(undefined)));
  });
}

/** One line per taken port, naming the service and the variable that moves it. */
export async function takenPorts(
  wanted: { name: string; port: number; variable: string }[],
  host: string,
): Promise<string[]> {
  const problems: string[] = [];
  for (const { name, port, variable } of wanted) {
    const why = await probePort(port, host);
    if (why)
      problems.push(`port ${port} for the ${name} ${why} on ${host}: free it or set ${variable}`);
  }
  return problems;
}

// `npm run demo` as a user runs it (minus the build, done once by the suite's global setup):
// the real runner as a child process, its three servers, a lead sent through the bakery site,
// the leads page and the failing-upstream switch, Ctrl-C, and its failure modes.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probePort } from '../../demo/ports.ts';
import { launchBrowser, newContext, probe } from '../_util/browser.ts';
import { ROOT } from '../_util/build-fresh.ts';
import { freePort } from '../_util/free-port.ts';

interface DemoRun {
  child: ChildProcess;
  output(): string;
  exitCode: Promise<number | null>;
  waitFor(text: string): Promise<void>;
}

function runDemo(env: Record<string, string>): DemoRun {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'demo', 'run.ts')], {
    cwd: ROOT,
    env: { ...process.env, DEMO_SKIP_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters) if (output.includes(waiter.text)) waiter.resolve();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exitCode = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    output: () => output,
    exitCode,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        if (output.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void exitCode.then(() => reject(new Error(`demo exited before "${text}":\n${output}`)));
      }),
  };
}

async function demoPorts() {
  return { site: await freePort(), relay: await freePort(), sim: await freePort() };
}

const portEnv = (ports: { site: number; relay: number; sim: number }) => ({
  DEMO_PORT: String(ports.site),
  DEMO_RELAY_PORT: String(ports.relay),
  DEMO_SIM_PORT: String(ports.sim),
});

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('npm run demo', () => {
  it('runs the bakery site with the widget, the leads page and the upstream switch, and stops cleanly on Ctrl-C', async () => {
    const ports = await demoPorts();
    // Short backoff and two attempts, so the lead sent while the upstream fails is a dead
    // letter within a second, and the leads page's retry button has something to re-drive.
    const demo = runDemo({
      ...portEnv(ports),
      RELAY_BACKOFF_CAP_MS: '200',
      RELAY_MAX_ATTEMPTS: '2',
    });
    try {
      await demo.waitFor('Press Ctrl-C to stop.');
      const site = `http://127.0.0.1:${ports.site}`;
      expect(demo.output()).toContain(`${site}/leads.html`);

      const context = await newContext(browser);
      const page = await context.newPage();
      const seen = await probe(page);
      await page.goto(`${site}/`);
      await page.getByRole('button', { name: 'Make upstream fail' }).click();
      await page.getByText('failing (every upsert answers 503)').waitFor();
      await page.getByRole('button', { name: 'Contact us' }).click();
      await page.getByLabel('Name').fill('Demo Visitor');
      await page.getByLabel('Email').fill('demo.visitor@example.com');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText(/Thank/).waitFor();

      // The relay accepted it, retried, and gave up: the owner sees a dead letter.
      const leads = await context.newPage();
      await leads.goto(`${site}/leads.html`);
      const dead = leads.locator('#dead-body').getByRole('row', { name: /Demo Visitor/ });
      await dead.waitFor({ timeout: 15_000 });
      expect(await dead.textContent()).toMatch(/503/);
      expect(await leads.locator('#leads-body').textContent()).not.toContain('Demo Visitor');

      await page.getByRole('button', { name: 'Make upstream healthy' }).click();
      await page.getByText('healthy', { exact: true }).waitFor();
      await leads.getByRole('button', { name: 'Retry dead letters' }).click();
      await leads.getByText('1 dead letter sent again.').waitFor();
      await leads.getByText('No dead letters.').waitFor({ timeout: 15_000 });
      await leads.getByText('Nothing waiting').waitFor({ timeout: 15_000 });
      await leads.getByRole('button', { name: 'Refresh' }).first().click();
      await leads
        .locator('#leads-body')
        .getByRole('row', { name: /Demo Visitor/ })
        .waitFor();
      expect(seen.consoleErrors).toEqual([]);
      await context.close();
    } finally {
      demo.child.kill('SIGINT');
    }
    expect(await demo.exitCode).toBe(0);
    expect(demo.output()).toContain('eleapi-sim stopped');
    for (const port of Object.values(ports))
      expect(await probePort(port, '127.0.0.1')).toBeUndefined();
  });

  it('serves the strict-CSP page with the policy, and the form works there with no violation', async () => {
    const ports = await demoPorts();
    const demo = runDemo(portEnv(ports));
    try {
      await demo.waitFor('Press Ctrl-C to stop.');
      const page = await (await newContext(browser)).newPage();
      const seen = await probe(page);
      const response = await page.goto(`http://127.0.0.1:${ports.site}/csp.html`);
      expect(response?.headers()['content-security-policy']).toContain(
        `connect-src http://127.0.0.1:${ports.relay}`,
      );
      await page.getByRole('button', { name: 'Contact us' }).click();
      await page.getByLabel('Name').fill('Csp Visitor');
      await page.getByLabel('Email').fill('csp.visitor@example.com');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText(/Thank/).waitFor();
      expect(seen.cspViolations).toEqual([]);
      await page.context().close();
    } finally {
      demo.child.kill('SIGINT');
    }
    expect(await demo.exitCode).toBe(0);
  });

  it('shows the catering questions and the data layer panel, and opens the exit page on exit intent', async () => {
    const ports = await demoPorts();
    const demo = runDemo(portEnv(ports));
    try {
      await demo.waitFor('Press Ctrl-C to stop.');
      const site = `http://127.0.0.1:${ports.site}`;
      const page = await (await newContext(browser)).newPage();
      const seen = await probe(page);
      await page.goto(`${site}/catering.html`);
      await page.getByRole('button', { name: 'Plan your catering' }).click();
      await page.getByLabel('Name').fill('Catering Visitor');
      await page.getByLabel('Email').fill('catering.visitor@example.com');
      await page.getByLabel('Phone').fill('202 555 0143');
      await page.getByLabel('What is the occasion?').selectOption('Wedding');
      await page.getByLabel('How many guests?').fill('80');
      await page.getByLabel(/may contact me/).check();
      await page.getByRole('button', { name: 'Ask for a quote' }).click();
      await page.getByText(/catering team will call you/).waitFor();
      const pushes = page.locator('#datalayer-pushes li');
      await expect
        .poll(() => pushes.allTextContents())
        .toEqual([
          '{"event":"generate_lead","lead_source":"eleapi-leads","form_id":"catering-quote"}',
        ]);
      expect(seen.consoleErrors).toEqual([]);
      await page.context().close();

      // A new visitor: the one who just sent is remembered, and a remembered visitor is not asked.
      const visitor = await (await newContext(browser)).newPage();
      await visitor.goto(`${site}/exit.html`);
      await visitor.getByRole('button', { name: 'Before you go' }).waitFor();
      const panel = visitor.getByRole('dialog', { name: 'Before you go' });
      // Until the chunk and the exit gesture, nothing opens; then the panel does, by itself.
      await expect
        .poll(async () => {
          await visitor.mouse.move(400, 300);
          await visitor.mouse.move(400, -20, { steps: 4 });
          return panel.isVisible();
        })
        .toBe(true);
      await visitor.context().close();
    } finally {
      demo.child.kill('SIGINT');
    }
    expect(await demo.exitCode).toBe(0);
  });

  it('refuses to start when a port is taken, naming the port and the variable to change', async () => {
    const ports = await demoPorts();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(ports.relay, '127.0.0.1', resolve));
    try {
      const demo = runDemo(portEnv(ports));
      expect(await demo.exitCode).toBe(1);
      expect(demo.output()).toContain(
        `port ${ports.relay} for the relay is already in use on 127.0.0.1: free it or set DEMO_RELAY_PORT`,
      );
      expect(demo.output()).not.toContain('Press Ctrl-C');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('stops the stand-in API and exits non-zero when the relay dies', async () => {
    const ports = await demoPorts();
    const demo = runDemo({ ...portEnv(ports), LOG_LEVEL: 'loud' });
    expect(await demo.exitCode).toBe(1);
    expect(demo.output()).toContain('the relay stopped unexpectedly (code 2)');
    expect(demo.output()).toContain('LOG_LEVEL must be one of debug, info, warn, error');
    expect(demo.output()).toContain('eleapi-sim stopped');
    expect(await probePort(ports.sim, '127.0.0.1')).toBeUndefined();
  });

  it('rejects a malformed port setting before starting anything', async () => {
    const demo = runDemo({ DEMO_PORT: 'eighty' });
    expect(await demo.exitCode).toBe(2);
    expect(demo.output()).toContain(
      'DEMO_PORT must be a port number from 1 to 65535 (got "eighty")',
    );
  });
});

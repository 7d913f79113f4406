// The widget's proof-of-work solver in Chromium against the real relay (RELAY_CHALLENGE=pow):
// it fetches a challenge, solves it in slices and the lead it sends reaches eleapi. This drives
// the solver module directly; widget-pow.test.ts drives it through the widget's form.
import { describe, expect, it } from 'vitest';
import { solverBundle } from '../../bench/pow-solve.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { TEST_BOT } from '../_util/test-pages.ts';

const suite = useBrowserStack({
  RELAY_CHALLENGE: 'pow',
  RELAY_CHALLENGE_SECRET: 'browser-pow-secret-0123456789abcdef',
});

describe('proof of work in Chromium', () => {
  it('solves a relay challenge at the default cost with crypto.subtle and the lead lands', async () => {
    const { stack, browser } = suite;
    stack.pages.setPage('/pow.html', '<!doctype html><title>pow</title>');
    const page = await browser.newPage();
    await page.goto(`${stack.pages.url}/pow.html`);
    await page.addScriptTag({ content: (await solverBundle()).code });
    const result = await page.evaluate(
      async ({ relayUrl, bot }) => {
        const longTasks: number[] = [];
        const from = performance.now();
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.startTime >= from) longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
        const pow = (
          window as unknown as { ElePow: typeof import('../../src/widget/pow/index.ts') }
        ).ElePow;
        const challenge = await pow.fetchChallenge(relayUrl);
        if (!challenge) throw new Error('the relay says the proof of work is off');
        const payload = await pow.solveChallenge(challenge);
        const response = await fetch(`${relayUrl}/v1/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            uuid: crypto.randomUUID(),
            ...bot,
            name: 'Ada Lovelace',
            email: 'ada@example.com',
            challenge: payload,
          }),
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { status: response.status, cost: challenge.parameters, longTasks };
      },
      { relayUrl: stack.relay.url, bot: TEST_BOT },
    );
    // Long tasks are reported, not asserted: on a loaded CI machine the renderer is descheduled
    // mid-slice. `npx tsx bench/pow-solve.ts` measures them at 1× and 4× CPU.
    console.log(`pow solve: long tasks seen ${JSON.stringify(result.longTasks.map(Math.round))}`);
    expect(result.status).toBe(202);
    await expect
      .poll(() => stack.sim.received().map((r) => r.body.email))
      .toContain('ada@example.com');
    await page.close();
  });
});

// What only a browser shows about the widget's look and reach: the launcher next to the
// messenger's bubble on a 320 px phone, page CSS on <body>, the visitor's font size, touch
// targets, contrast (axe) with a site's accent and the README's dark theme, and dial codes in RTL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, probe, seriousAxeViolations } from '../_util/browser.ts';
import { ROOT } from '../_util/build-fresh.ts';
import { useBrowserStack } from '../_util/e2e-stack.ts';
import { type WidgetPageOptions, widgetPage } from '../_util/test-pages.ts';

const suite = useBrowserStack();

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const DARK_THEME = (() => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return /<!-- dark-theme -->\s*```css\n([^`]*)```/.exec(readme)?.[1] ?? '';
})();

let served = 0;
async function open(
  options: Omit<WidgetPageOptions, 'relayUrl'> = {},
  context: Parameters<typeof newContext>[1] = {},
): Promise<Page> {
  const path = `/look-${++served}`;
  suite.stack.pages.setPage(path, widgetPage({ relayUrl: suite.stack.relay.url, ...options }));
  const page = await (await newContext(suite.browser, context)).newPage();
  await page.goto(`${suite.stack.pages.url}${path}`);
  await page.locator('eleapi-lead-form [part="launcher"]').waitFor();
  return page;
}

const launcher = (page: Page) => page.locator('eleapi-lead-form [part="launcher"]');
const bubble = (page: Page) => page.locator('#eleapi-messenger-stand-in .bubble');

describe('the launcher beside the messenger bubble', () => {
  for (const width of [320, 360]) {
    for (const position of ['bottom-right', 'bottom-left']) {
      it(`does not cover the bubble on a ${width} px screen (${position}), and the bubble still takes taps`, async () => {
        const page = await open({ data: { position } }, { viewport: { width, height: 640 } });
        await bubble(page).waitFor();
        const [ours, theirs] = [
          await launcher(page).boundingBox(),
          await bubble(page).boundingBox(),
        ];
        expect(ours && theirs && overlap(ours, theirs)).toBe(false);
        expect(ours && ours.x >= 0 && ours.x + ours.width <= width).toBe(true);
        // A tap in the middle of the bubble lands on the bubble, not on the launcher.
        if (!theirs) throw new Error('no bubble');
        await page.mouse.click(theirs.x + theirs.width / 2, theirs.y + theirs.height / 2);
        await page.getByRole('button', { name: 'Close chat' }).waitFor();
        await page.context().close();
      });
    }
  }

  it('moves by data-offset: 0,0 puts it in the corner, 20 px from both edges', async () => {
    const page = await open(
      { data: { offset: '0,0' }, messenger: true },
      { viewport: { width: 800, height: 600 } },
    );
    const box = await launcher(page).boundingBox();
    expect(box && Math.round(800 - (box.x + box.width))).toBe(20);
    expect(box && Math.round(600 - (box.y + box.height))).toBe(20);
    await page.context().close();
  });

  it('opens its panel inside a 320 px screen', async () => {
    const page = await open({}, { viewport: { width: 320, height: 640 } });
    await launcher(page).click();
    const panel = await page.locator('eleapi-lead-form [part="panel"]').boundingBox();
    expect(panel && panel.x >= 0 && panel.x + panel.width <= 320 && panel.y >= 0).toBe(true);
    await page.context().close();
  });
});

describe('page CSS on <body>', () => {
  for (const rule of ['transform: translateZ(0)', 'filter: saturate(1.01)', 'contain: paint']) {
    it(`keeps the launcher fixed to the screen with body { ${rule} }`, async () => {
      const page = await open(
        {
          head: `<style>body { ${rule} }</style>`,
          body: '<div style="height: 4000px">Long page.</div>',
        },
        { viewport: { width: 800, height: 600 } },
      );
      for (const scroll of [0, 1500]) {
        await page.evaluate((y) => window.scrollTo(0, y), scroll);
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scroll);
        const box = await launcher(page).boundingBox();
        expect(box && box.y + box.height).toBeLessThanOrEqual(600);
        expect(box?.y).toBeGreaterThan(300);
      }
      await page.context().close();
    });
  }
});

describe('sizes', () => {
  async function withFontSize(size: number): Promise<Page> {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    // The visitor's browser setting "font size", as chrome://settings sets it.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: size } });
    const path = `/look-${++served}`;
    suite.stack.pages.setPage(
      path,
      widgetPage({
        relayUrl: suite.stack.relay.url,
        head: '<style>html { font-size: 62.5% }</style>',
      }),
    );
    await page.goto(`${suite.stack.pages.url}${path}`);
    await launcher(page).click();
    await page.locator('eleapi-lead-form form').waitFor();
    return page;
  }
  const fontSize = (page: Page, selector: string) =>
    page
      .locator(`eleapi-lead-form ${selector}`)
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize);

  it('follows a visitor default of 24 px, whatever the page sets on html', async () => {
    const page = await withFontSize(24);
    expect(await fontSize(page, '[part="launcher"]')).toBe('24px');
    expect(await fontSize(page, 'input[name="name"]')).toBe('24px');
    expect(await fontSize(page, 'label')).toBe('24px');
    await page.context().close();
  });

  it('never sets a field below 16 px, even for a visitor default of 12 px', async () => {
    const page = await withFontSize(12);
    expect(await fontSize(page, 'input[name="name"]')).toBe('16px');
    expect(await fontSize(page, 'select')).toBe('16px');
    await page.context().close();
  });

  it('makes the close button a 44 px square at the default size', async () => {
    const page = await open();
    await launcher(page).click();
    const box = await page.locator('eleapi-lead-form .close').boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await page.context().close();
  });

  it('gives every target 44 px on a touch screen (pointer: coarse), even with small text', async () => {
    const context = await newContext(suite.browser, { hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 12 } });
    const path = `/look-${++served}`;
    suite.stack.pages.setPage(
      path,
      widgetPage({
        relayUrl: suite.stack.relay.url,
        data: { fields: 'name,email,phone,message', consent: 'I agree.' },
      }),
    );
    await page.goto(`${suite.stack.pages.url}${path}`);
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await launcher(page).tap();
    await page.locator('eleapi-lead-form form').waitFor();
    const targets = page.locator(
      'eleapi-lead-form :is(button, select, input:not([type=checkbox]):not([tabindex]), .check label)',
    );
    const boxes = await targets.evaluateAll((els) =>
      els.map((el) => {
        const { width, height } = el.getBoundingClientRect();
        return { what: el.outerHTML.slice(0, 60), width, height };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(7);
    for (const box of boxes) {
      expect(box.height, box.what).toBeGreaterThanOrEqual(44);
      expect(box.width, box.what).toBeGreaterThanOrEqual(44);
    }
    await context.close();
  });
});

describe('contrast in the browser (axe)', () => {
  const everything = {
    fields: 'name,email,phone,message',
    consent: 'I agree to be contacted.',
    'privacy-url': '/privacy',
  };
  async function errorsShown(page: Page) {
    await launcher(page).click();
    await page.locator('eleapi-lead-form [type="submit"]').click();
    await expect
      .poll(() => page.locator('eleapi-lead-form [aria-invalid="true"]').count())
      .toBeGreaterThan(0);
  }

  it('finds no violation with a light custom accent (#ffcc00), which gets black text', async () => {
    const page = await open({ data: { ...everything, 'accent-color': '#ffcc00' } });
    await errorsShown(page);
    const color = await page
      .locator('eleapi-lead-form [type="submit"]')
      .evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(0, 0, 0)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('reads an hsl() accent the way the browser does: hsl(48deg 100% 50%) gets black text, no warning', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const path = `/look-${++served}`;
    suite.stack.pages.setPage(
      path,
      widgetPage({
        relayUrl: suite.stack.relay.url,
        data: { 'accent-color': 'hsl(48deg 100% 50%)' },
      }),
    );
    await page.goto(`${suite.stack.pages.url}${path}`);
    const color = await launcher(page).evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(0, 0, 0)');
    expect(warnings).toEqual([]);
    await context.close();
  });

  it('warns once, naming data-accent-color, for a translucent accent', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const path = `/look-${++served}`;
    suite.stack.pages.setPage(
      path,
      widgetPage({
        relayUrl: suite.stack.relay.url,
        data: { 'accent-color': 'hsl(48 100% 50% / 40%)' },
      }),
    );
    await page.goto(`${suite.stack.pages.url}${path}`);
    await launcher(page).waitFor();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('data-accent-color="hsl(48 100% 50% / 40%)"');
    await context.close();
  });

  it('finds no violation with the README dark theme, errors shown', async () => {
    expect(DARK_THEME).toContain('--eleapi-input-bg');
    const page = await open({
      head: `<style>body { background: #111; color: #eee } ${DARK_THEME}</style>`,
      data: everything,
    });
    await errorsShown(page);
    const input = await page
      .locator('eleapi-lead-form input[name="name"]')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(input).toBe('rgb(43, 45, 49)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('right-to-left', () => {
  it('shows dial codes as (+971) in Arabic, the plus sign before the digits', async () => {
    const page = await open({ lang: 'ar', dir: 'rtl', data: { locale: 'ar' } });
    const seen = await probe(page);
    await launcher(page).click();
    // The list is built when the country control is first used (issue 10).
    await page.locator('eleapi-lead-form select').focus();
    const text = await page
      .locator('eleapi-lead-form select option[value="AE"]')
      .evaluate((el) => el.textContent ?? '');
    // Laid out as the option lays it out: an RTL line of that text; "+" must sit left of "971".
    const order = await page.evaluate((line) => {
      const div = document.createElement('div');
      div.dir = 'rtl';
      div.textContent = line;
      document.body.append(div);
      const node = div.firstChild as Text;
      const x = (at: number) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect().x;
      };
      const plus = line.indexOf('+');
      return { plus: x(plus), nine: x(plus + 1), one: x(plus + 3) };
    }, text);
    expect(order.plus).toBeLessThan(order.nine);
    expect(order.nine).toBeLessThan(order.one);
    expect(seen.consoleErrors).toEqual([]);
    await page.context().close();
  });
});

// Retakes docs/demo.png, the README's screenshot, from a running demo (`npm run demo` first):
//   npx tsx demo/screenshot.ts [site URL, default http://127.0.0.1:8080]
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const site = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = fileURLToPath(new URL('../docs/demo.png', import.meta.url));

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await page.goto(`${site}/`);
  await page.getByRole('button', { name: 'Contact us' }).click();
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Phone').fill('07911 123456');
  // Let the upstream state in the demo bar settle before the shot.
  await page.getByText('healthy', { exact: true }).waitFor();
  await page.screenshot({ path: out, animations: 'disabled' });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}

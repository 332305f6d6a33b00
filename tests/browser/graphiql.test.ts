import { execFileSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoBlog } from '../../src/db/seed.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// GraphiQL as a person uses it: Debian's Chromium, driven by playwright-core, with no network but ours.
function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is needed for the browser tests: apt-get install -y chromium (or set CHROMIUM_PATH)');
  }
}

let t: TestApp;
let browser: Browser;
beforeAll(async () => {
  t = await startTestApp();
  await seedDemoBlog(t.prisma);
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('opens GraphiQL, runs the example query, shows the posts, and loads nothing from elsewhere (under our CSP)', async () => {
  const url = await t.listen();
  const origin = new URL(url).origin;
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) failures.push(message.text());
  });

  await page.goto(url);
  await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
  await page.getByText('query Feed').first().waitFor({ timeout: 30_000 });
  await page.locator('.graphiql-execute-button').click();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText (what is shown), not the DOM's
  const result = async () => (await page.locator('.result-window').innerText()).replace(/\s+/g, ' '); // lines wrap
  await expect.poll(result, { timeout: 30_000 }).toContain('What I Would Tell My Younger Self');
  expect(await result()).toContain('"totalCount": 25');
  await page.screenshot({ path: 'tests/browser/graphiql.png' });

  const foreign = requested.filter((address) => !address.startsWith(origin) && !/^(data|blob):/.test(address));
  expect(foreign).toEqual([]);
  expect(requested.some((address) => address.startsWith(`${origin}/graphql`))).toBe(true);
  expect(failures).toEqual([]);
}, 90_000);

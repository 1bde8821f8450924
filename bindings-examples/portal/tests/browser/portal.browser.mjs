// Browser tests of the portal in Debian's chromium, headless, driven by
// playwright-core (no browser download: the system's chromium is used).
//
//   node portal.browser.mjs BASE_URL TOKEN ARTIFACT_DIR
//
// Prints one line per test and "N passed, N failed"; exits 1 on a failure.
// Screenshots go to ARTIFACT_DIR.  run_browser_tests.py starts the portal
// and runs this.
import { createRequire } from "node:module";
import path from "node:path";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE || "playwright-core");

const [base, token, artifacts] = process.argv.slice(2);
const bookme = `${base}/rollouts/bookme-scheduler`;
const MARKUP = "<script>alert('title')</script><b>bold</b>";

async function apiJson(page, url, init) {
  const response = await page.request.fetch(url, init);
  return { status: response.status(), body: await response.json() };
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, name), fullPage: true });
}

const tests = {
  async "the dashboard shows the example's statuses"(page) {
    await page.goto(bookme);
    await shot(page, "dashboard.png");
    const status = (stage) =>
      page.locator(`tr[data-stage="${stage}"] .badge`).first().textContent();
    assert.equal(await status("wave-south"), "ready");
    assert.equal(await status("wave-west"), "blocked");
    assert.equal(await status("pilot"), "done");
    assert.equal(await page.locator('svg a[data-stage="wave-south"]').getAttribute("data-status"), "ready");
    assert.match(await page.locator("#blockers").textContent(), /learning/);
  },

  async "the what-if form changes a status and the stored data is unchanged"(page) {
    const before = await apiJson(page, `${base}/api/rollouts/bookme-scheduler/facts`);
    const dashboard = await apiJson(page, `${base}/api/rollouts/bookme-scheduler`);
    await page.goto(`${bookme}/what-if`);
    await page.fill('input[name="fact:training.west_pct"]', "85");
    await page.click('#what-if-form button[type="submit"]');
    const change = page.locator('tr[data-change="wave-west/training"]');
    await change.waitFor();
    assert.match(await change.textContent(), /fail\s*→\s*pass/);
    await shot(page, "what-if.png");
    assert.deepEqual(await apiJson(page, `${base}/api/rollouts/bookme-scheduler/facts`), before);
    assert.deepEqual(await apiJson(page, `${base}/api/rollouts/bookme-scheduler`), dashboard);
  },

  async "a bad fact value is refused with a message"(page) {
    const before = await apiJson(page, `${base}/api/rollouts/bookme-scheduler/facts`);
    await page.goto(bookme);
    await page.selectOption('#record-fact select[name="name"]', "training.west_pct");
    await page.fill('#record-fact input[name="value"]', "lots");
    await page.fill('#record-fact input[name="token"]', token);
    await page.click('#record-fact button[type="submit"]');
    const refusal = page.locator("#record-fact .refusal");
    await refusal.waitFor();
    assert.match(await refusal.textContent(), /expected double/);
    await shot(page, "refused-fact.png");
    assert.deepEqual(await apiJson(page, `${base}/api/rollouts/bookme-scheduler/facts`), before);
  },

  async "a plan whose titles contain markup renders it as text"(page) {
    const body = JSON.parse(process.env.MARKUP_PLAN);
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    let response = await page.request.post(`${base}/api/plans`, { headers, data: body });
    assert.equal(response.status(), 201);
    response = await page.request.post(`${base}/api/rollouts/markup-plan/facts`,
      { headers, data: { facts: { uptime_pct: 99.9 } } });
    assert.equal(response.status(), 201);
    let dialogs = 0;
    page.on("dialog", (dialog) => { dialogs += 1; dialog.dismiss(); });
    await page.goto(`${base}/rollouts/markup-plan`);
    assert.equal(await page.locator("#plan-title").textContent(), MARKUP);
    assert.equal(await page.locator("#plan-title b, #plan-title script").count(), 0);
    assert.equal(await page.locator('tr[data-stage="readiness"] a').textContent(),
                 "<img src=x onerror=alert(1)>");
    await shot(page, "markup-plan.png");
    assert.equal(dialogs, 0);
  },

  async "the timeline shows a drift episode"(page) {
    await page.goto(`${bookme}/timeline`);
    await shot(page, "timeline.png");
    const drift = page.locator('rect.bar.drift[data-subject="wave-north/error-rate"]');
    assert.equal(await drift.count(), 1);
    assert.equal(await drift.getAttribute("data-status"), "fail");
    const box = await drift.boundingBox();
    assert.ok(box && box.width > 2, "the drift bar is visible");
  },
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // As root (CI) chromium refuses to start with its sandbox.
  args: process.getuid && process.getuid() === 0 ? ["--no-sandbox"] : [],
});
let passed = 0, failed = 0;
try {
  for (const [name, test] of Object.entries(tests)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await test(page);
      passed += 1;
      console.log(`ok - ${name}`);
    } catch (error) {
      failed += 1;
      console.log(`not ok - ${name}\n  ${String(error.stack || error).replace(/\n/g, "\n  ")}`);
      await shot(page, `failed-${passed + failed}.png`).catch(() => {});
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

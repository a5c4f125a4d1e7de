// Temporary: templates in Jupyter Notebook 7 (from /tmp/nb7), heights and screenshots.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
const root = process.cwd();
const require = createRequire(join(root, 'package.json'));
const { chromium } = require('playwright');
const port = 8600 + Math.floor(Math.random() * 100);
const token = 'nb7' + Date.now();
const server = spawn('/tmp/nb7/bin/jupyter', ['notebook', '--no-browser', '--allow-root', `--ServerApp.port=${port}`,
  `--IdentityProvider.token=${token}`, `--ServerApp.root_dir=${join(root, 'notebooks')}`], { stdio: ['ignore', 'ignore', 'pipe'] });
let log = ''; server.stderr.on('data', (d) => (log += d));
try {
  for (let i = 0; i < 60; i++) { await new Promise(r => setTimeout(r, 1000));
    try { const r = await fetch(`http://127.0.0.1:${port}/api/status?token=${token}`); if (r.ok) break; } catch {} }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text().slice(0, 200)); });
  for (const nb of ['01-treat-an-infection.ipynb', '02-immune-response.ipynb']) {
    await page.goto(`http://127.0.0.1:${port}/notebooks/${nb}?token=${token}`);
    await page.waitForSelector('.jp-Notebook', { timeout: 60000 });
    await page.waitForTimeout(5000);
    console.log(nb, 'kernel:', await page.locator('.jp-KernelName, .jp-NotebookKernelStatus, #jp-kernel-name').first().textContent().catch(() => '?'));
    await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
    await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();
    for (let i = 0; i < 120; i++) { await page.waitForTimeout(1000);
      if (i > 3 && (await page.locator('.jp-InputArea-prompt:has-text("[*]")').count()) === 0) break; }
    await page.waitForTimeout(3000);
    const n = await page.locator('.jp-OutputArea-output').count();
    for (let i = 0; i < n; i++) await page.locator('.jp-OutputArea-output').nth(i).evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const hs = await page.locator('.jp-OutputArea-output').evaluateAll(els => els.map(e => `${[...e.classList].find(c => c.startsWith('jp-ImmunoTwin')) ?? 'x'}:${Math.round(e.getBoundingClientRect().height)}`));
    console.log(nb, hs.join(' '));
    console.log('plots drawn', await page.locator('.js-plotly-plot svg.main-svg').count());
    const wb = page.locator('.jp-ImmunoTwinWorkbench').first();
    if (await wb.count()) { await wb.scrollIntoViewIfNeeded(); await page.waitForTimeout(500); await wb.screenshot({ path: `/tmp/look/nb7-${nb.slice(0, 2)}-workbench.png` }); }
  }
  await browser.close();
} finally { server.kill(); }

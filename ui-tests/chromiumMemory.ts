/**
 * How much memory Chromium uses while a page works, as a Chromebook would feel it: the proportional set size (PSS:
 * private pages plus a fair share of shared ones, so shared libraries are not counted once per process) of every
 * process of the browser — the browser process, the renderer with the page, its Web Workers (threads of the
 * renderer) and nested workers, the GPU and utility processes — read from /proc for the process ids that the
 * DevTools protocol's SystemInfo.getProcessInfo lists. Sampled while the page works; the peak is what counts.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';

/** One sample: PSS of all the browser's processes and of its renderers (pages and their workers), in bytes. */
export interface IMemorySample {
  total: number;
  renderers: number;
}

/** A process's PSS in bytes (0 when it has gone). */
function pss(pid: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return kb ? Number(kb[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the browser's memory every `everyMs` until `stop()`, which resolves to the peaks seen. */
export async function sampleMemory(browser: Browser, everyMs = 250): Promise<{ stop(): Promise<IMemorySample> }> {
  const cdp = await browser.newBrowserCDPSession();
  const peak: IMemorySample = { total: 0, renderers: 0 };
  const sample = async () => {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    let total = 0;
    let renderers = 0;
    for (const process of processInfo) {
      const bytes = pss(process.id);
      total += bytes;
      if (process.type === 'renderer') renderers += bytes;
    }
    peak.total = Math.max(peak.total, total);
    peak.renderers = Math.max(peak.renderers, renderers);
  };
  await sample();
  let pending = Promise.resolve();
  const timer = setInterval(() => {
    pending = pending.then(sample, sample);
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      await sample();
      await cdp.detach();
      return peak;
    },
  };
}

/** Bytes as mebibytes, rounded. */
export const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);

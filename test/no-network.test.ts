import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/security.md promises that data never leave the browser: nothing on a data path (the engine, the
// workers, the kernels, the widgets, the models) opens a network connection. This test reads their sources for
// every browser and Node API that can send bytes elsewhere, so adding one is a decision someone has to make
// here, in the open, and in docs/security.md.

const root = fileURLToPath(new URL('..', import.meta.url));
const DATA_PATH_PACKAGES = [
  'engine',
  'worker',
  'kernel',
  'widgets',
  'models',
  'model-immune',
  'model-lung',
  'model-within-host',
  'sbml',
];
const NETWORK_APIS: readonly [string, RegExp][] = [
  ['fetch', /\bfetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['navigator.sendBeacon', /\bsendBeacon\b/],
  ['RTCPeerConnection', /\bRTCPeerConnection\b/],
  ['node:http(s)/net/dgram', /['"](node:)?(https?|http2|net|dgram|tls)['"]/],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('the data paths make no network connections', () => {
  it('no source of the engine, workers, kernels, widgets or models calls a network API', () => {
    const found: string[] = [];
    for (const pkg of DATA_PATH_PACKAGES) {
      for (const file of sources(join(root, 'packages', pkg, 'src'))) {
        const text = readFileSync(file, 'utf8');
        for (const [api, pattern] of NETWORK_APIS) {
          if (pattern.test(text)) found.push(`${relative(root, file)}: ${api}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('reads the data readers, the observation models and the fit likelihood among them', () => {
    const scanned = DATA_PATH_PACKAGES.flatMap((pkg) =>
      sources(join(root, 'packages', pkg, 'src')).map((file) => relative(root, file)),
    );
    for (const file of [
      'packages/engine/src/data/observationsCsv.ts',
      'packages/engine/src/data/fhirObservations.ts',
      'packages/engine/src/observation/noiseModels.ts',
      'packages/engine/src/fit/scenarioFitProblem.ts',
    ]) {
      expect(scanned).toContain(file);
    }
  });

  it('would notice one (the patterns match the calls they are for)', () => {
    const calls = ["fetch('https://x')", 'new XMLHttpRequest()', 'new WebSocket(u)', "import('node:https')"];
    for (const call of calls)
      expect(
        NETWORK_APIS.some(([, p]) => p.test(call)),
        call,
      ).toBe(true);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInModels } from '../src/index.js';

/**
 * What a user sees of each built-in model — its manifest — is the manifest the models had before they were
 * written with the engine's manifest builders and `defineModel`: equal value by value and in the same key
 * order (so the JSON a page or kernel receives is the same text). `fixtures/manifests.json` was written by
 * the code BEFORE the port; regenerate it only when a manifest is meant to change:
 *
 *   UPDATE_GOLDEN=1 npx vitest run packages/models/test/manifestSnapshot.test.ts
 */
const FIXTURE = new URL('./fixtures/manifests.json', import.meta.url);

/**
 * Models added after the port, so not in the fixture: none now (the Lung Twin, written with `defineModel` from the
 * start, joined the fixture once its manifest settled; its own package checks units, ranges and sources).
 */
const SINCE_THE_PORT: readonly string[] = [];

describe('built-in manifests are unchanged', () => {
  if (process.env.UPDATE_GOLDEN === '1') {
    it('writes the fixture', () => {
      const ported = builtInModels.filter((plugin) => !SINCE_THE_PORT.includes(plugin.manifest.id));
      const manifests = Object.fromEntries(ported.map((plugin) => [plugin.manifest.id, plugin.manifest]));
      writeFileSync(FIXTURE, `${JSON.stringify(manifests, null, 2)}\n`);
    });
    return;
  }
  const snapshot: Record<string, unknown> = JSON.parse(readFileSync(FIXTURE, 'utf8'));

  it('lists the same models, and after them the ones written with defineModel from the start', () => {
    expect(builtInModels.map((plugin) => plugin.manifest.id)).toEqual([...Object.keys(snapshot), ...SINCE_THE_PORT]);
  });

  for (const plugin of builtInModels.filter((p) => !SINCE_THE_PORT.includes(p.manifest.id))) {
    it(`${plugin.manifest.id}: deep-equal to the snapshot, key order included`, () => {
      // A round trip through JSON drops nothing a manifest may hold (numbers, strings, booleans, arrays).
      expect(JSON.parse(JSON.stringify(plugin.manifest))).toStrictEqual(snapshot[plugin.manifest.id]);
      expect(JSON.stringify(plugin.manifest)).toBe(JSON.stringify(snapshot[plugin.manifest.id]));
    });
  }
});

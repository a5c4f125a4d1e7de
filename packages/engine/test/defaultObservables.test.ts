/**
 * A model's `defaultObservables`: what its plots and workbench show unless asked for others, checked against
 * its observables when the model is registered.
 */
import { describe, expect, it } from 'vitest';
import { targetCellLimitedManifest } from '@immunotwin/model-within-host';
import { checkPlugin, shownObservables, ValidationError } from '../src/index.js';

const ids = targetCellLimitedManifest.observables.map((o) => o.id);

describe('defaultObservables', () => {
  it('are what a view shows when it is asked for none; an explicit choice wins; without them, every observable', () => {
    const manifest = { ...targetCellLimitedManifest, defaultObservables: ['V', 'I'] };
    expect(shownObservables(manifest)).toEqual(['V', 'I']);
    expect(shownObservables(manifest, ['U'])).toEqual(['U']);
    expect(shownObservables(targetCellLimitedManifest)).toEqual(ids);
  });

  it('must be observables of the model: registration names the one that is not and what is allowed', () => {
    const manifest = { ...targetCellLimitedManifest, defaultObservables: ['V', 'W'] };
    expect(() => checkPlugin({ manifest })).toThrow(ValidationError);
    expect(() => checkPlugin({ manifest })).toThrow(
      `defaultObservables[1]: "W" is not an observable; allowed: ${ids.join(', ')}`,
    );
    expect(() => checkPlugin({ manifest: { ...manifest, defaultObservables: [] } })).toThrow(/defaultObservables/);
  });
});

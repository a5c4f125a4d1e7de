// Property: whatever a notebook cell passes to the `twin` API (set, intervene, run with any values), the call
// either works or fails with the kernel's user error: a ValidationError naming the field, or a TypeError saying
// which `twin.<method>` call expects what. Never an internal error such as "Cannot read properties of null".
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { fuzzParameters, fuzzTestTimeout } from '../../engine/test/fuzz/fuzzSettings.js';
import { expectRefusal, hostileValue, OutcomeTally } from '../../engine/test/fuzz/mutate.js';
import { createTwinApi } from '../src/twinApi.js';

const { manifest } = targetCellLimited;
const parameterId = fc.constantFrom(...manifest.parameters.map((p) => p.id), 'gamma', '', '__proto__');
const fieldValue = fc.oneof(hostileValue, fc.double({ min: 0, max: 2 }));
const fieldName = fc.constantFrom('start', 'stop', 'efficacy', 'dose', 'emaxLog10', 'ed50', 'kind', 'other');

/** A call a cell could make: arguments of any shape, around the ones the API documents. */
const call = fc.oneof(
  fc.record({
    method: fc.constant('set' as const),
    values: fc.oneof({ weight: 4, arbitrary: fc.dictionary(parameterId, fieldValue, { maxKeys: 3 }) }, hostileValue),
  }),
  fc.record({
    method: fc.constant('intervene' as const),
    kind: fc.oneof(fc.constantFrom(...manifest.interventions.map((i) => i.kind)), hostileValue),
    fields: fc.oneof({ weight: 4, arbitrary: fc.dictionary(fieldName, fieldValue, { maxKeys: 4 }) }, hostileValue),
  }),
  fc.record({
    method: fc.constant('run' as const),
    options: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          {
            duration: fc.oneof(fc.constantFrom(0.5, 1, 2), hostileValue),
            outputInterval: fc.oneof(fc.constantFrom(0.1, 0.5), hostileValue),
            method: fc.oneof(fc.constantFrom('ode', 'ssa', 'tau-leaping'), hostileValue),
            replicates: fc.oneof(fc.constantFrom(1, 2), hostileValue),
            seed: hostileValue,
            preset: fc.oneof(fc.constantFrom(...manifest.presets.map((p) => p.id)), hostileValue),
          },
          { requiredKeys: ['duration'] },
        ),
      },
      hostileValue,
    ),
  }),
);

/** The kernel's own errors for a call of the wrong shape: a TypeError that names the `twin.<method>` called. */
function isTwinUsageError(error: unknown): boolean {
  return error instanceof TypeError && /^twin\.\w+: /.test(error.message);
}

describe('the twin API with fuzzed arguments', () => {
  const tally = new OutcomeTally('twin API');
  afterAll(() => tally.report());

  it(
    'works or fails with a ValidationError naming the field or a twin.<method> usage error',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 4 }), async (calls) => {
          const twin = createTwinApi(targetCellLimited);
          for (const c of calls) {
            try {
              if (c.method === 'set') twin.set(c.values as Record<string, number>);
              else if (c.method === 'intervene') twin.intervene(c.kind as string, c.fields as { start: number });
              else await twin.run(c.options as { duration: number });
              tally.add(`${c.method} worked`);
            } catch (error) {
              if (isTwinUsageError(error)) tally.add(`${c.method} usage error`);
              else tally.add(`${c.method} ${expectRefusal(error)}`);
            }
          }
        }),
        fuzzParameters(400),
      );
    },
    fuzzTestTimeout,
  );
});

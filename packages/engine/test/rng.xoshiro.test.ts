import { describe, expect, it } from 'vitest';
import { createRng, createRngFromState } from '../src/rng/seeding.js';

/*
 * Known answers from the independent C reference fixtures/rng/xoshiro128starstar.c, written from the
 * published xoshiro128** description (Blackman & Vigna). Regenerate with:
 *   gcc -O2 -std=c99 -o /tmp/xoshiro128starstar packages/engine/test/fixtures/rng/xoshiro128starstar.c
 *   /tmp/xoshiro128starstar
 */
const SMALL_STATE = [1, 2, 3, 4];
const SMALL_OUTPUTS = [
  11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
];
const SMALL_STATE_AFTER = [939045227, 1864939416, 1451579149, 2199351389];

/** Exercises the high bits (0xdeadbeef, 0x01234567, 0x89abcdef, 0xffffffff). */
const LARGE_STATE = [3735928559, 19088743, 2309737967, 4294967295];
const LARGE_OUTPUTS = [
  2576977298, 1162350735, 2291329051, 732944927, 482780208, 3416574328, 2872943131, 1297184098, 1191330009, 428123984,
];
const LARGE_STATE_AFTER = [3272044546, 1833346637, 1414283072, 1766660240];

/** uniform() from state [1, 2, 3, 4]: ((a >> 5)·2^26 + (b >> 6))/2^53 for consecutive outputs a, b. */
const SMALL_UNIFORMS = [
  2.6822090148925781e-6, 0.0013799966610139602, 0.47304711029826541, 0.29970869324795935, 0.86824889474679623,
];

describe('xoshiro128** known answers (C reference)', () => {
  it.each([
    ['[1, 2, 3, 4]', SMALL_STATE, SMALL_OUTPUTS, SMALL_STATE_AFTER],
    ['high-bit state', LARGE_STATE, LARGE_OUTPUTS, LARGE_STATE_AFTER],
  ])('reproduces the reference outputs and final state for %s', (_, state, outputs, after) => {
    const rng = createRng(0);
    rng.setState(Uint32Array.from(state));
    expect(Array.from({ length: outputs.length }, () => rng.nextUint32())).toEqual(outputs);
    expect(Array.from(rng.getState())).toEqual(after);
  });

  it('gives the same outputs when created directly from the raw state', () => {
    const rng = createRngFromState(Uint32Array.from(SMALL_STATE));
    expect(Array.from({ length: 10 }, () => rng.nextUint32())).toEqual(SMALL_OUTPUTS);
  });

  it('builds uniform() from two outputs exactly as the reference does', () => {
    const rng = createRngFromState(SMALL_STATE);
    expect(Array.from({ length: 5 }, () => rng.uniform())).toEqual(SMALL_UNIFORMS);
  });
});

import { expect } from 'vitest';

/** The mean of a list. */
export function average(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The sample standard deviation (divisor n − 1). */
export function sampleSd(xs: readonly number[]): number {
  const m = average(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Checks a particle filter's log-likelihood estimates against the exact value, given log L̂ − log L over seeds. L̂ is
 * unbiased for L (Del Moral 2004), so the mean of L̂/L must lie within 4 of its standard errors (sample sd / √seeds)
 * of 1; and log L̂ − log L must stay within 0.1 nats on average, the precision a comparison of models by likelihood
 * needs (log L̂ is biased low by about half its variance, Bérard, Del Moral & Doucet 2014).
 */
export function expectLikelihoodEstimate(deltas: readonly number[]): void {
  const ratios = deltas.map(Math.exp);
  expect(Math.abs(average(ratios) - 1)).toBeLessThanOrEqual((4 * sampleSd(ratios)) / Math.sqrt(ratios.length));
  expect(Math.abs(average(deltas))).toBeLessThanOrEqual(0.1);
}

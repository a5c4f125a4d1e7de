import type { ObservedDataset } from '../schema/index.js';

/**
 * The datasets of one group (arm, subject), or why they cannot be chosen: `unknown` (the group is not in the data),
 * `ambiguous` (no group named, and the data hold several) or `empty` (no observations). `groups` lists the data's
 * groups (`(none)` for datasets without one), for the host's message.
 */
export type GroupChoice =
  | { readonly datasets: ObservedDataset[] }
  | { readonly problem: 'unknown' | 'ambiguous' | 'empty'; readonly groups: string[] };

/** Chooses the datasets of `group`; without a group, the data must hold one group (or none). */
export function chooseGroup(all: readonly ObservedDataset[], group: string | undefined): GroupChoice {
  const groups = [...new Set(all.map((d) => d.group ?? '(none)'))];
  const datasets = group === undefined ? [...all] : all.filter((d) => d.group === group);
  if (group !== undefined && datasets.length === 0) return { problem: 'unknown', groups };
  if (group === undefined && groups.length > 1) return { problem: 'ambiguous', groups };
  if (datasets.length === 0) return { problem: 'empty', groups };
  return { datasets };
}

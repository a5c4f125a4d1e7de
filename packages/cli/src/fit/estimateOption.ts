import type { FitParameter, ModelManifest } from '@immunotwin/engine';
import { UsageError } from '../errors.js';

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const ESTIMATE = new RegExp(`^([A-Za-z_][A-Za-z0-9_]*)(?:=(${NUMBER}):(${NUMBER}))?(?::(log|linear))?$`);

/**
 * The parameters `--estimate` names: `id`, `id=lower:upper`, optionally `:log` or `:linear` after either
 * (e.g. `beta=1e-7:1e-3:log`). Without bounds a model parameter is searched over its manifest range on its manifest
 * scale; a noise parameter of the observation model needs bounds (it has no manifest entry).
 */
export function parseEstimates(values: readonly string[], manifest: ModelManifest): FitParameter[] {
  if (values.length === 0) {
    throw new UsageError('fit needs at least one --estimate <id[=lower:upper][:log|:linear]>', [
      `parameters of "${manifest.id}": ${manifest.parameters.map((p) => p.id).join(', ')}`,
    ]);
  }
  return values.map((text) => {
    const match = ESTIMATE.exec(text.trim());
    if (!match) {
      throw new UsageError(
        `option --estimate: "${text}" is not a parameter to estimate; allowed: id, id=lower:upper, either followed by :log or :linear (e.g. beta=1e-7:1e-3:log)`,
      );
    }
    const [, id, lowerText, upperText, scaleText] = match;
    const spec = manifest.parameters.find((p) => p.id === id);
    if (lowerText === undefined && !spec) {
      throw new UsageError(
        `option --estimate: "${id}" is not a parameter of "${manifest.id}", so it needs bounds: --estimate ${id}=lower:upper (a noise parameter of the observation model)`,
      );
    }
    const lower = lowerText === undefined ? spec!.min : Number(lowerText);
    const upper = upperText === undefined ? spec!.max : Number(upperText);
    const scale = (scaleText as FitParameter['scale'] | undefined) ?? spec?.scale ?? 'log';
    return { id: id!, lower, upper, scale };
  });
}

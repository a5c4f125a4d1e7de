import { SbmlImportError } from './errors.js';
import type { FromSbmlOptions } from './fromSbml.js';
import type { SbmlModel } from './model.js';

const SECONDS_IN: Readonly<Record<'day' | 'hour', number>> = { day: 86400, hour: 3600 };

/**
 * The manifest's time unit and how many SBML time units make one of it (`factor`): rates are multiplied by
 * it, `time` in SBML math is `time · factor`, event times are divided by it.
 */
export function timeUnitOf(
  model: SbmlModel,
  options: FromSbmlOptions,
): { unit: 'day' | 'hour'; factor: number; assumption?: string } {
  const declared = model.timeUnit;
  if (declared === undefined) {
    const unit = options.timeUnit ?? 'day';
    return { unit, factor: 1, assumption: `The SBML document declares no time unit; its times are read as ${unit}s.` };
  }
  const seconds = declared.seconds;
  if (seconds === undefined || !(seconds > 0)) {
    throw new SbmlImportError(
      `<model id="${model.id}">`,
      `its time unit is ${declared.text}, which is not a multiple of the second; supported: a multiple of the second, or no declared unit`,
    );
  }
  const unit = seconds === 86400 ? 'day' : seconds === 3600 ? 'hour' : (options.timeUnit ?? 'day');
  const factor = SECONDS_IN[unit] / seconds;
  if (factor === 1) return { unit, factor };
  return {
    unit,
    factor,
    assumption: `The SBML time unit is ${seconds} s (${declared.text}); times are converted to ${unit}s: rates × ${factor}, event times ÷ ${factor}.`,
  };
}

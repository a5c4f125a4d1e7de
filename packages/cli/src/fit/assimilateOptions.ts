import { stringOption, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const PRIOR = new RegExp(`^([A-Za-z_][A-Za-z0-9_]*)(?:=(${NUMBER}))?$`);
const KIND_START = new RegExp(`^([A-Za-z_][A-Za-z0-9_-]*)(?::(${NUMBER}))?(?::(${NUMBER}))?$`);

/**
 * `--estimate id[=sd]` of `assimilate`: parameters carried in the state, each with the sd of the log-normal prior of
 * its ln (default 1). Whether id is a parameter of the model is the engine's check (`estimate.<id>`).
 */
export function parsePriors(values: readonly string[]): Record<string, number> {
  const priors: Record<string, number> = {};
  for (const text of values) {
    const match = PRIOR.exec(text.trim());
    const sd = match?.[2] === undefined ? 1 : Number(match[2]);
    if (!match || !(sd > 0 && Number.isFinite(sd))) {
      throw new UsageError(
        `option --estimate: "${text}" is not a parameter with a prior; allowed: id or id=sd with sd > 0, the prior sd of ln id (e.g. beta=1)`,
      );
    }
    if (match[1]! in priors) throw new UsageError(`option --estimate: "${match[1]}" is given twice`);
    priors[match[1]!] = sd;
  }
  return priors;
}

/** `--until t` (any finite time) or `--forecast d` (a duration > 0), in the model's time unit; undefined when absent. */
export function timeOption(args: ParsedArgs, name: 'until' | 'forecast', anyTime: boolean): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const value = new RegExp(`^${NUMBER}$`).test(text.trim()) ? Number(text) : NaN;
  if (!Number.isFinite(value) || (!anyTime && !(value > 0))) {
    throw new UsageError(
      `option --${name} must be ${anyTime ? 'a time' : 'a duration > 0'} in the model's time unit, e.g. 3; got "${text}"`,
    );
  }
  return value;
}

/**
 * `--treat`: an intervention kind (started `now`, the last observation's time), `kind:start`, `kind:start:stop`, or
 * the intervention as a JSON object (its start defaults to now). A start before now is refused: the ensemble is at now, the past is done.
 */
export function parseTreatment(text: string, now: number, timeUnit: string): Record<string, string | number> {
  let treatment: Record<string, string | number>;
  if (text.trim().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`option --treat: not valid JSON (${(error as Error).message}): ${text}`);
    }
    const values = Object.values(parsed as object);
    if (
      typeof (parsed as { kind?: unknown }).kind !== 'string' ||
      values.some((v) => typeof v !== 'string' && typeof v !== 'number')
    ) {
      throw new UsageError(
        `option --treat: ${text} is not an intervention; allowed: an object with a "kind" and number or text fields, e.g. {"kind":"oseltamivir","dose":75}`,
      );
    }
    const { kind, start, ...fields } = parsed as Record<string, string | number>;
    treatment = { kind: kind!, start: start ?? now, ...fields };
  } else {
    const match = KIND_START.exec(text.trim());
    if (!match) {
      throw new UsageError(
        `option --treat: "${text}" is not a treatment; allowed: kind, kind:start, kind:start:stop or an intervention as JSON (e.g. oseltamivir:2:7)`,
      );
    }
    treatment = {
      kind: match[1]!,
      start: match[2] === undefined ? now : Number(match[2]),
      ...(match[3] === undefined ? {} : { stop: Number(match[3]) }),
    };
  }
  if (!(typeof treatment.start === 'number' && treatment.start >= now)) {
    throw new UsageError(
      `option --treat: start ${String(treatment.start)} is before the last observation assimilated (t = ${now} ${timeUnit}); allowed: a start ≥ ${now}`,
    );
  }
  return treatment;
}

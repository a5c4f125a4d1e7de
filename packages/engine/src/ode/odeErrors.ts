/** Where the right-hand side (or Jacobian) last produced a non-finite value. */
export interface NonFiniteRecord {
  /** Component index, or −1 when nothing has been recorded. */
  index: number;
  value: number;
  t: number;
}

/** Error for a right-hand side that returns NaN/±Infinity at an accepted (finite) state. */
export function nonFiniteRhsError(methodName: string, record: NonFiniteRecord): Error {
  return new Error(
    `${methodName}: the ODE right-hand side returned ${record.value} for component ${record.index} ` +
      `(dydt[${record.index}]) at t = ${record.t}, although the state was finite. Check the model equations ` +
      `for division by zero, log/sqrt/power of negative values or overflow near that time.`,
  );
}

/** Error for a step size that shrank below what double precision can resolve. */
export function stepSizeUnderflowError(
  methodName: string,
  t: number,
  h: number,
  cause: 'error' | 'nonFinite' | 'negative',
  record: NonFiniteRecord,
  stiffAdvice: string,
): Error {
  const head = `${methodName}: step size underflow at t = ${t} (h = ${h}).`;
  if (cause === 'nonFinite' && record.index >= 0) {
    return new Error(
      `${head} The ODE right-hand side kept returning ${record.value} for component ${record.index} ` +
        `(last at t = ${record.t}). Check the model equations for division by zero, log/sqrt/power of ` +
        `negative values or overflow; with nonNegative states, guard terms like sqrt(y) with max(y, 0).`,
    );
  }
  if (cause === 'negative') {
    return new Error(
      `${head} A component kept dropping below −atol although the option nonNegative is set. Check that ` +
        `the model really keeps it non-negative, or loosen atol.`,
    );
  }
  return new Error(
    `${head} The solution may blow up or be non-smooth near this time (use stops at discontinuities), ` +
      `or the tolerances cannot be met. ${stiffAdvice}.`,
  );
}

/** Error for an `advanceTo` call that needed more than `maxSteps` steps. */
export function maxStepsError(
  methodName: string,
  maxSteps: number,
  tStart: number,
  tEnd: number,
  t: number,
  h: number,
  stiffAdvice: string,
): Error {
  return new Error(
    `${methodName}: exceeded maxSteps = ${maxSteps} while integrating from t = ${tStart} to ${tEnd} ` +
      `(reached t = ${t}, step size ${h}). ${stiffAdvice}; or raise maxSteps.`,
  );
}

/** "Free virus (TCID50/mL)": a quantity's label with its unit; a dimensionless one ("1" or none) without. */
export function quantityTitle(label: string, unit: string | undefined): string {
  return unit && unit !== '1' ? `${label} (${unit})` : label;
}

/** "time (days)": the title of a time axis in the model's time unit. */
export function timeAxisTitle(timeUnit: string): string {
  return `time (${timeUnit}s)`;
}

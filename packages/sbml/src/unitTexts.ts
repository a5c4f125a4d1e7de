import type { SbmlCompartment, SbmlModel, SbmlParameter, SbmlSpecies } from './model.js';
import { unitName } from './units.js';

/** Texts the manifest's units come from. */
export class UnitTexts {
  constructor(private readonly model: SbmlModel) {}

  parameter(p: SbmlParameter): string {
    return unitName(this.model.units, p.units) ?? 'dimensionless (from SBML)';
  }

  compartment(c: SbmlCompartment): string {
    return (
      unitName(this.model.units, c.units ?? (c.spatialDimensions === 3 ? this.model.volumeUnits : undefined)) ??
      'volume (SBML gives no unit)'
    );
  }

  substance(s: SbmlSpecies): string {
    return unitName(this.model.units, s.substanceUnits ?? this.model.substanceUnits) ?? 'amount (SBML gives no unit)';
  }

  concentration(s: SbmlSpecies, compartment: SbmlCompartment): string {
    const given = (s.substanceUnits ?? this.model.substanceUnits) !== undefined;
    const volumeGiven = (compartment.units ?? this.model.volumeUnits) !== undefined;
    if (!given && !volumeGiven) return 'concentration (SBML gives no unit)';
    const volume = this.compartment(compartment);
    return `${this.substance(s)}/${/\s/.test(volume) ? `(${volume})` : volume}`;
  }
}

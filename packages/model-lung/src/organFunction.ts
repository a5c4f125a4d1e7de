import { CELL, CELL_TYPE } from './tissue/cells.js';

/**
 * The functional gas-exchange fraction: healthy or antiviral type I sites over all type I sites (1 where there
 * are none). Gas crosses the thin type I cells; infected, apoptotic and dead ones are taken not to exchange.
 */
export function gasExchangeFraction(cells: Uint8Array, types: Uint8Array): number {
  let typeI = 0;
  let functional = 0;
  for (let i = 0; i < cells.length; i++) {
    if (types[i] !== CELL_TYPE.typeI) continue;
    typeI++;
    if (cells[i] === CELL.healthy || cells[i] === CELL.antiviral) functional++;
  }
  return typeI > 0 ? functional / typeI : 1;
}

/** Haemoglobin O2 saturation (%) at a PO2 of `po2` mmHg: the Severinghaus (1979) dissociation curve. */
export function oxygenSaturation(po2: number): number {
  if (!(po2 > 0)) return 0;
  return 100 / (1 + 23400 / (po2 * po2 * po2 + 150 * po2));
}

/**
 * The SpO2 proxy (%): saturation at PaO2 = `paO2Healthy` × `gasExchange` (the non-functional share acting as a
 * shunt; illustrative). Monotone increasing in the gas-exchange fraction.
 */
export function spo2Proxy(gasExchange: number, paO2Healthy: number): number {
  return oxygenSaturation(paO2Healthy * gasExchange);
}

/** How the section's cytokine maps to the CRP-like blood marker. */
export interface CrpMapping {
  /** The proxy without cytokine, mg/L. */
  readonly crpBaseline: number;
  /** Largest rise above baseline, mg/L. */
  readonly crpMax: number;
  /** Mean cytokine per site giving half the rise, a.u./site. */
  readonly crpHalf: number;
}

/**
 * The blood inflammatory-marker proxy (a CRP-like value, mg/L) from the section's mean cytokine per site c:
 * crpBaseline + crpMax·c/(c + crpHalf) (illustrative: the section stands for the lung, and the liver's CRP output
 * follows the lung's IL-6-like cytokine without delay). Monotone increasing in c.
 */
export function crpProxy(meanCytokine: number, m: CrpMapping): number {
  const c = Math.max(0, meanCytokine);
  return m.crpBaseline + (m.crpMax * c) / (c + m.crpHalf);
}

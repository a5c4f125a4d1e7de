/** Source strings the Lung Twin's parameter tables share. */

/** SIMCoV's published defaults (Moses et al. 2021, configs/figure-2/fig2.config; 5-µm sites, 1-min steps). */
export const SIMCOV = 'SIMCoV (Moses et al. 2021), configs/figure-2/fig2.config';
/** PhysiCell COVID-19 v5 settings (Getz et al. 2021). */
export const PHYSICELL = 'PhysiCell COVID-19 v5 (Getz et al. 2021), PhysiCell/config/PhysiCell_settings.xml';
/**
 * SIMCoV spreads a fraction f of a site's content over its 8 neighbours per 1-min step; on a lattice this is a
 * random walk with variance 0.75·f site² per axis per step, i.e. D = 0.375·f·Δx²/Δt (Δx = 5 µm, Δt = 1 min).
 */
export const SIMCOV_DIFFUSION = `${SIMCOV}, converted to µm²/min by D = 0.375·f·(5 µm)²/(1 min) (see the assumptions)`;

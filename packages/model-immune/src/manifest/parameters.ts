import type { ParameterSpec } from '@immunotwin/engine';

const CAL = 'modelling choice, calibrated so that the default primary infection shows the kinetics in the assumptions';

/** A parameter spec; the control scale is logarithmic when the range spans two decades or more above 0. */
function param(
  id: string,
  label: string,
  unit: string,
  value: number,
  min: number,
  max: number,
  description: string,
  source: string,
  integer = false,
): ParameterSpec {
  const spec: ParameterSpec = {
    id,
    label,
    unit,
    default: value,
    min,
    max,
    scale: min > 0 && max / min >= 100 ? 'log' : 'linear',
    description,
    source,
  };
  if (integer) spec.integer = true;
  return spec;
}

/** Simulation set-up: lattice, time step, switches. */
const SETUP: ParameterSpec[] = [
  param('latticeSize', 'Tissue lattice side', 'sites', 64, 8, 512, 'The infected tissue patch is latticeSize × latticeSize epithelial sites.', 'modelling choice (a 1.3 mm patch of 4,096 cells; PhysiCell\'s virus–macrophage sample uses a comparable 1,000-cell patch)', true),
  param('siteSize', 'Site width', 'µm', 20, 5, 50, 'Width of one lattice site (one epithelial cell); converts diffusion coefficients and cell speeds to lattice units.', 'modelling choice of the order of an epithelial cell diameter (Janeway\'s Immunobiology; Sego et al. 2020 use cells of this size)'),
  param('stepMinutes', 'Time step', 'min', 30, 1, 60, 'Internal time step of the tissue, the agents and the lymph node.', 'modelling choice: well below the shortest cell-state lifetimes (eclipse ~6 h, productive ~5 h; Baccam et al. 2006)'),
  param('spatial', 'Spatial structure (1 = lattice, 0 = well-mixed)', '1', 1, 0, 1, '0 mixes every field instantly over the patch and places agents at random each step: the well-mixed limit that maps onto the within-host ODE model.', 'modelling choice (see the ODE mapping in the assumptions)', true),
  param('innate', 'Innate response (1 = on, 0 = off)', '1', 1, 0, 1, 'Interferon, macrophages, neutrophils, NK cells and dendritic cells; 0 removes them all.', 'modelling switch', true),
  param('adaptive', 'Adaptive response (1 = on, 0 = off)', '1', 1, 0, 1, 'T cells, B cells and antibodies; 0 removes them all.', 'modelling switch', true),
  param('tissueScale', 'Patches per infected organ', '1', 500, 1, 1e6, 'The patch is one of tissueScale alike patches draining to the lymph node: the patch receives 1/tissueScale of the effector T cells homing to the infected organ.', CAL),
];

/** Virus and epithelium. */
const VIRUS: ParameterSpec[] = [
  param('inoculum', 'Inoculum', 'IU', 10, 0, 1e7, 'Infectious units deposited uniformly over the patch at t = 0 (0: start uninfected, e.g. for vaccination first).', 'modelling choice'),
  param('beta', 'Infection rate β', '1/(IU·day)', 20, 0, 1e4, 'Rate at which one infectious unit at a site infects the healthy cell there.', CAL + '; well-mixed β_ODE = β/N (see assumptions)'),
  param('eclipseRate', 'Eclipse exit rate k', '1/day', 4, 0.1, 100, 'Rate of leaving the non-producing eclipse phase (mean eclipse 1/k = 6 h).', 'Baccam et al. 2006 (eclipse ≈ 6 h)'),
  param('production', 'Virus production p', 'IU/(cell·day)', 12, 0, 1e4, 'Infectious units released per productively infected cell per day.', CAL),
  param('infectedDeath', 'Infected-cell death δ', '1/day', 5.2, 0.1, 100, 'Death rate of productively infected cells from the virus (lifetime 1/δ ≈ 4.6 h).', 'Baccam et al. 2006 (δ = 5.2 /day)'),
  param('virusClearance', 'Virus clearance c', '1/day', 5.2, 0.1, 100, 'Loss of free infectious virus (half-life ln2/c ≈ 3 h) besides antibodies and phagocytes.', 'Baccam et al. 2006 (c = 5.2 /day; half-life ~3 h)'),
  param('virusDiffusion', 'Virus diffusion', 'µm²/min', 3, 0, 1000, 'Diffusion coefficient of free virus in the airway surface liquid.', CAL + '; hindered by mucus, far below free diffusion'),
  param('regeneration', 'Epithelial regeneration', '1/day', 0.3, 0, 10, 'Rate at which a dead site is refilled, times the fraction of its 4 neighbours that are healthy.', 'modelling choice: airway epithelium repairs over one to two weeks (Janeway\'s Immunobiology, ch. 12)'),
];

/** Interferon and the other fields. */
const FIELDS: ParameterSpec[] = [
  param('ifnSecretion', 'IFN secretion', 'a.u./(cell·day)', 4, 0, 1000, 'Type-I interferon released per infected (eclipse or productive) cell per day.', CAL),
  param('ifnDecay', 'IFN decay', '1/day', 8, 0.1, 100, 'Decay of type-I interferon (half-life ~2 h).', 'modelling choice; type-I IFN half-lives are hours (Abbas, Cellular and Molecular Immunology)'),
  param('ifnDiffusion', 'IFN diffusion', 'µm²/min', 40, 0, 10000, 'Diffusion coefficient of interferon in tissue.', CAL + '; small proteins diffuse ~10–100 µm²/min in tissue with uptake'),
  param('antiviralRate', 'Antiviral induction', '1/day', 3, 0, 100, 'Maximal rate at which interferon puts a healthy cell into the antiviral state (half-maximal at ifnHalf).', CAL),
  param('ifnHalf', 'IFN half-saturation', 'a.u./site', 0.2, 1e-4, 100, 'Interferon per site giving half the maximal antiviral induction.', CAL),
  param('antiviralProtection', 'Antiviral protection', '1', 0.95, 0, 1, 'Fraction of infections an antiviral cell resists.', 'modelling choice: the IFN-induced state blocks most replication (Janeway\'s Immunobiology, ch. 3)'),
  param('antiviralLoss', 'Antiviral state loss', '1/day', 0.25, 0, 10, 'Rate at which antiviral cells return to the susceptible state once IFN is gone (state lasts ~4 days).', CAL),
  param('cytokineDecay', 'Inflammatory cytokine decay', '1/day', 6, 0.1, 100, 'Decay of the lumped inflammatory cytokine (TNF/IL-6/IL-1 like).', 'modelling choice; half-lives of hours (Abbas, Cellular and Molecular Immunology)'),
  param('cytokineDiffusion', 'Cytokine diffusion', 'µm²/min', 40, 0, 10000, 'Diffusion coefficient of the inflammatory cytokine.', CAL),
  param('chemokineDecay', 'Chemokine decay', '1/day', 4, 0.1, 100, 'Decay of the lumped chemokine (CXCL10 like).', CAL),
  param('chemokineDiffusion', 'Chemokine diffusion', 'µm²/min', 40, 0, 10000, 'Diffusion coefficient of the chemokine.', CAL),
  param('chemokineSecretion', 'Chemokine secretion', 'a.u./(cell·day)', 4, 0, 1000, 'Chemokine released per productively infected cell and per activated macrophage per day.', CAL),
  param('cytokineSecretion', 'Cytokine secretion', 'a.u./(cell·day)', 4, 0, 1000, 'Inflammatory cytokine released per activated macrophage or neutrophil per day (a fifth of it per infected cell).', CAL),
  param('antigenPerDeath', 'Antigen per dead infected cell', 'a.u.', 1, 0, 100, 'Antigen released where an infected cell dies (lysis or killing).', 'modelling choice (antigen in arbitrary units)'),
  param('antigenDecay', 'Antigen decay', '1/day', 1, 0.01, 100, 'Decay of free antigen in the tissue.', CAL),
  param('antigenDiffusion', 'Antigen diffusion', 'µm²/min', 3, 0, 1000, 'Diffusion coefficient of antigen (debris, viral proteins).', CAL),
];

/** Innate cells in the tissue. */
const INNATE: ParameterSpec[] = [
  param('macrophageDensity', 'Resident macrophages', 'cells/site', 0.02, 0, 1, 'Resident macrophages per epithelial site (kept by homeostatic replacement).', 'modelling choice; PhysiCell virus–macrophage sample: 50 macrophages per 1,000 epithelial cells'),
  param('phagocytosis', 'Phagocytosis', '1/day', 20, 0, 1000, 'Rate at which a macrophage or neutrophil removes free virus at its site.', CAL),
  param('macrophageActivation', 'Macrophage activation threshold', 'IU or a.u. per site', 0.05, 1e-4, 100, 'Virus plus antigen at its site above which a macrophage becomes activated and secretes cytokine and chemokine.', CAL),
  param('neutrophilInflux', 'Neutrophil recruitment', 'cells/day', 300, 0, 1e5, 'Maximal neutrophil influx into the patch (half-maximal at recruitHalf of total cytokine).', CAL),
  param('neutrophilDeath', 'Neutrophil death', '1/day', 1, 0.01, 20, 'Death of neutrophils in tissue (lifespan ~1 day).', 'Janeway\'s Immunobiology, ch. 3 (neutrophils live hours to a day or two in tissue)'),
  param('nkInflux', 'NK-cell recruitment', 'cells/day', 60, 0, 1e5, 'Maximal NK-cell influx into the patch (half-maximal at recruitHalf of total chemokine).', CAL),
  param('nkDeath', 'NK-cell death', '1/day', 0.3, 0.01, 20, 'Death or exit of NK cells in tissue.', CAL),
  param('nkKill', 'NK killing', '1/day', 3, 0, 1000, 'Rate at which an NK cell kills the infected cell at its site.', CAL),
  param('recruitHalf', 'Recruitment half-saturation', 'a.u.', 50, 1e-3, 1e6, 'Total cytokine or chemokine in the patch giving half-maximal recruitment.', CAL),
  param('macrophageTurnover', 'Macrophage turnover', '1/day', 0.05, 0, 10, 'Death rate of macrophages, balanced by replacement at the resident density (more with inflammation).', 'modelling choice; tissue-resident macrophages live weeks (Janeway\'s Immunobiology, ch. 3)'),
  param('dcTurnover', 'DC turnover', '1/day', 0.2, 0, 10, 'Death rate of immature DCs, balanced by replacement at the resident density (more with inflammation).', 'modelling choice; airway DCs turn over in days (verify)'),
  param('macrophageSpeed', 'Macrophage and DC speed', 'µm/min', 1, 0, 50, 'Effective random-walk speed of macrophages and dendritic cells.', 'modelling choice (slow, sessile cells)'),
  param('neutrophilSpeed', 'Neutrophil speed', 'µm/min', 10, 0, 50, 'Effective speed of neutrophils climbing the chemokine gradient.', 'modelling choice; neutrophils crawl ~10–20 µm/min (verify)'),
  param('nkSpeed', 'NK-cell speed', 'µm/min', 4, 0, 50, 'Effective speed of NK cells climbing the chemokine gradient.', 'modelling choice'),
  param('ctlSpeed', 'CTL speed', 'µm/min', 4, 0, 50, 'Effective speed of effector CD8 T cells climbing the chemokine gradient (with pauses to scan).', 'modelling choice; T cells crawl ~10 µm/min between pauses (Janeway\'s Immunobiology, ch. 9; verify)'),
  param('dcDensity', 'Resident dendritic cells', 'cells/site', 0.01, 0, 1, 'Immature dendritic cells per site (replenished from blood, more with inflammation).', 'modelling choice; airway DCs form a network of ~1 per 10–100 epithelial cells (verify)'),
  param('dcUptake', 'DC antigen uptake', '1/(a.u.·day)', 10, 0, 1e4, 'Antigen load a DC gains per day per unit antigen or virus at its site; at load 1 it matures and leaves.', CAL),
  param('dcLoadLoss', 'DC antigen turnover', '1/day', 2, 0, 100, 'Rate at which an immature DC loses the antigen it has taken up, so only DCs in antigen-rich sites reach the load that triggers maturation.', CAL),
  param('dcTransit', 'DC migration time', 'day', 1, 0.1, 5, 'Time from leaving the tissue to presenting in the lymph node.', 'modelling choice; antigen-bearing DCs reach draining nodes within about a day (Janeway\'s Immunobiology, ch. 9)'),
  param('dcLymphNodeDeath', 'DC death in the node', '1/day', 0.7, 0.01, 10, 'Death of mature DCs presenting in the lymph node (a few days).', 'Janeway\'s Immunobiology, ch. 9 (mature DCs survive days in the node)'),
];

/** T cells. */
const TCELLS: ParameterSpec[] = [
  param('cd8Precursors', 'Naive CD8 precursors', 'cells', 150, 0, 1e5, 'Naive CD8 T cells in the host that bind the class-I epitope (receptors drawn uniformly among binding ones).', 'Blattman et al. 2002 (100–200 per mouse, ~1 in 2×10^5)'),
  param('cd4Precursors', 'Naive CD4 precursors', 'cells', 100, 0, 1e5, 'Naive CD4 T cells that bind the class-II epitope.', 'Moon et al. 2007 (20–200 per mouse per epitope)'),
  param('tActivation', 'T-cell activation', '1/day', 4, 0, 1000, 'Activation rate of a naive T cell of affinity 1 under saturating presentation (× affinity × presentation).', CAL),
  param('memoryActivation', 'Memory activation', '1/day', 10, 0, 1000, 'Activation rate of a memory T or B cell of affinity 1 under saturating antigen.', 'modelling choice: memory cells respond faster and at lower antigen (Janeway\'s Immunobiology, ch. 11)'),
  param('presentationHalf', 'Presentation half-saturation', 'DCs', 20, 1e-3, 1e5, 'Mature DCs (patch units) in the node giving half-maximal presentation (presentation = D²/(D² + half²)).', CAL),
  param('cd8Division', 'CD8 division rate', '1/day', 3.2, 0, 20, 'Division rate of activated CD8 T cells (one division every 7.5 h).', 'De Boer et al. 2001 (expansion ~3 /day; doubling ≈ 5.5 h)'),
  param('cd4Division', 'CD4 division rate', '1/day', 2.4, 0, 20, 'Division rate of activated CD4 T cells.', 'modelling choice; CD4 responses expand more slowly than CD8 (De Boer et al. 2003, J Immunol 171:3928, verify)'),
  param('tDifferentiation', 'Effector differentiation', '1/day', 0.25, 0, 20, 'Rate at which cycling T cells stop dividing while antigen is presented.', CAL),
  param('tDifferentiationOff', 'Differentiation without antigen', '1/day', 8, 0, 50, 'Extra rate at which cycling T cells stop dividing as presentation wanes (× (1 − presentation)).', CAL),
  param('effectorDeath', 'Effector death (contraction)', '1/day', 0.5, 0, 10, 'Death rate of non-dividing effector T cells.', 'De Boer et al. 2001 (contraction ≈ 0.5 /day)'),
  param('memoryFormation', 'Memory formation', '1/day', 0.05, 0, 5, 'Rate at which effector T cells become long-lived memory cells.', 'calibrated so memory ≈ 5–10 % of the peak (Blattman et al. 2002; De Boer et al. 2001: ~5 %)'),
  param('memoryDeath', 'Memory death', '1/day', 0.002, 0, 1, 'Death of memory T and B cells (slow homeostatic turnover).', 'modelling choice (memory persists for months)'),
  param('helpHalf', 'CD4 help half-saturation', 'cells', 2e4, 1, 1e9, 'Responding CD4 T cells giving half-maximal help to B cells (germinal centres, class switch) and CD8 cells.', CAL),
  param('ctlHoming', 'Effector homing', '1/day', 1, 0, 100, 'Rate at which responding CD8 cells home to the inflamed organ (the patch gets 1/tissueScale of them, scaled by chemokine).', CAL),
  param('ctlTransit', 'Effector transit time', 'day', 0.5, 0, 5, 'Time from leaving the node to entering the tissue.', 'modelling choice (hours in blood)'),
  param('ctlKill', 'CTL killing', '1/day', 48, 0, 1000, 'Rate at which an effector CD8 T cell kills an infected cell (eclipse or productive) it touches: at its site, or else one random neighbouring site per step.', CAL),
  param('ctlDeath', 'CTL death in tissue', '1/day', 0.5, 0.01, 20, 'Death or exit of effector CD8 T cells in the tissue.', 'De Boer et al. 2001 (effector death ≈ 0.5 /day)'),
];

/** B cells and antibodies. */
const BCELLS: ParameterSpec[] = [
  param('bPrecursors', 'Naive B precursors', 'cells', 200, 0, 1e5, 'Naive B cells whose receptor binds the B-cell epitope.', 'modelling choice of the order of the T-cell precursor numbers (Moon et al. 2007; verify against B-cell tetramer counts)'),
  param('bActivation', 'B-cell activation', '1/day', 3, 0, 1000, 'Activation rate of a naive B cell of affinity 1 at saturating antigen and full CD4 help in the node (× affinity × antigen × help: a T-dependent antigen).', CAL),
  param('antigenHalf', 'Node antigen half-saturation', 'a.u.', 20, 1e-3, 1e6, 'Antigen in the node giving half-maximal B-cell activation.', CAL),
  param('antigenDrain', 'Lymph drainage', '1/day', 0.5, 0, 100, 'Fraction of tissue antigen and virus per day that reaches the node (times tissueScale patches).', CAL),
  param('nodeAntigenDecay', 'Node antigen decay', '1/day', 0.2, 0.01, 100, 'Decay of antigen in the node, much of it held on follicular dendritic cells for weeks (a vaccine depot decays at the same rate).', CAL),
  param('bDivision', 'B-cell division rate', '1/day', 1.5, 0, 20, 'Division rate of activated B cells outside germinal centres while antigen is present (× antigen signal).', 'modelling choice; activated B cells divide every 8–12 h (Janeway\'s Immunobiology, ch. 10)'),
  param('plasmaDifferentiation', 'Plasma-cell differentiation', '1/day', 1, 0, 20, 'Rate at which activated B cells become plasma cells (IgM unless switched).', CAL),
  param('gcEntry', 'Germinal-centre entry', '1/day', 1, 0, 20, 'Rate at which activated B cells enter a germinal centre, times CD4 help.', CAL),
  param('gcDivision', 'GC division rate', '1/day', 3, 0, 20, 'Division rate of germinal-centre B cells.', 'modelling choice; GC B cells divide every 6–12 h (Janeway\'s Immunobiology, ch. 10)'),
  param('gcCapacity', 'Germinal-centre capacity', 'cells', 1e5, 100, 1e8, 'Total GC B cells the node supports: GC division slows as the total approaches it (competition for T-cell help and antigen).', 'modelling choice; a draining node holds tens of GCs of a few thousand B cells each (Janeway\'s Immunobiology, ch. 10; verify)'),
  param('mutationRate', 'Hypermutation', '1/division', 0.2, 0, 1, 'Probability that a GC daughter cell carries one receptor point mutation (one bit flipped).', 'modelling choice in the spirit of IMMSIM (Celada & Seiden 1992)'),
  param('gcDeath', 'GC death', '1/day', 2.5, 0, 50, 'Death rate of a GC B cell of affinity 0; affinity a lowers it to gcDeath·(1 − a) (selection), plus a collapse term without help or antigen.', CAL),
  param('gcOutput', 'GC output', '1/day', 0.6, 0, 20, 'Rate at which GC B cells of affinity 1 leave as IgG plasma cells (× affinity).', CAL),
  param('gcMemoryOutput', 'GC memory output', '1/day', 0.4, 0, 20, 'Rate at which GC B cells leave as memory B cells (independent of affinity).', CAL),
  param('plasmaDeath', 'Plasma-cell death', '1/day', 0.3, 0, 10, 'Death of short-lived plasma cells (days).', 'Janeway\'s Immunobiology, ch. 10 (short-lived plasma cells live days)'),
  param('longLivedFraction', 'Long-lived plasma cells', '1/day', 0.05, 0, 1, 'Rate at which IgG plasma cells become long-lived (bone-marrow) plasma cells, which die at memoryDeath.', CAL),
  param('igSecretion', 'Antibody secretion', 'a.u./(cell·day)', 1e-3, 0, 100, 'Antibody made per plasma cell per day.', 'modelling choice (titres in arbitrary units)'),
  param('igmDecay', 'IgM decay', '1/day', 0.35, 0.01, 10, 'Decay of serum IgM (half-life ~2 days).', 'Janeway\'s Immunobiology, Appendix (IgM half-life ~5–10 days in humans, shorter in mice; verify)'),
  param('iggDecay', 'IgG decay', '1/day', 0.08, 0.001, 10, 'Decay of serum IgG (half-life ~9 days).', 'Janeway\'s Immunobiology, Appendix (IgG1 half-life ~21 days in humans, ~6–8 days in mice)'),
  param('neutralisation', 'Neutralisation', '1/(a.u.·day)', 10, 0, 1e5, 'Extra clearance of free virus per unit affinity-weighted antibody.', CAL),
  param('receptorBits', 'Receptor length', 'bits', 12, 6, 20, 'Length of the bit-string receptors and epitopes.', 'IMMSIM/C-ImmSim use 8–12 bit strings (Celada & Seiden 1992; Bernaschi & Castiglione 2001)', true),
  param('maxMismatch', 'Binding mismatches', 'bits', 2, 0, 6, 'Most mismatched bits that still bind (the binding threshold).', 'modelling choice after Celada & Seiden 1992', true),
  param('affinityPerMismatch', 'Affinity per mismatch', '1', 0.25, 0.01, 1, 'Affinity = this to the power of the number of mismatched bits.', 'modelling choice after Celada & Seiden 1992'),
  param('helpBoost', 'Help to CD8 expansion', '1', 0.3, 0, 10, 'Relative increase of CD8 activation with full CD4 help.', 'modelling choice; primary CD8 responses depend only partly on help (Janeway\'s Immunobiology, ch. 9)'),
];

/** Every parameter of the immune twin, in manifest order. */
export const IMMUNE_PARAMETERS: readonly ParameterSpec[] = [...SETUP, ...VIRUS, ...FIELDS, ...INNATE, ...TCELLS, ...BCELLS];

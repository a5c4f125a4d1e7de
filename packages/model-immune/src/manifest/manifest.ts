import type { ModelManifest, PresetSpec } from '@immunotwin/engine';
import { IMMUNE_INTERVENTIONS } from './interventions.js';
import { IMMUNE_OBSERVABLES } from './observables.js';
import { IMMUNE_PARAMETERS } from './parameters.js';
import { IMMUNE_REFERENCES as R } from './references.js';

/** The presets of the immune twin (typed here: their parameter sets differ in which ids they name). */
const PRESETS: PresetSpec[] = [
  {
    id: 'primaryInfection',
    label: 'Primary infection (defaults)',
    description: 'A naive host infected at day 0 with the default inoculum.',
    source: 'the defaults (see the parameter sources)',
    parameters: {},
  },
  {
    id: 'wellMixedVirusOnly',
    label: 'Well-mixed virus only (ODE limit)',
    description:
      'Spatial structure, innate and adaptive responses off: the target-cell-limited model with an eclipse phase, as an agent-based model (compare with target-cell-limited at β_ODE = β/N, U0 = N).',
    source: 'Baccam et al. 2006 structure; see the assumptions for the mapping',
    parameters: { spatial: 0, innate: 0, adaptive: 0, regeneration: 0, beta: 10, inoculum: 100 },
  },
  {
    id: 'highPrecursors',
    label: 'Ten times more precursors',
    description: 'CD8, CD4 and B precursors ×10 (e.g. a cross-reactive or vaccinated-like repertoire).',
    source: 'Blattman et al. 2002; Moon et al. 2007 (×10 their per-epitope numbers)',
    parameters: { cd8Precursors: 1500, cd4Precursors: 1000, bPrecursors: 2000 },
  },
];

/** The immune system twin's manifest (parameter ids, observable ids and intervention kinds as literal types). */
export const immuneManifest = {
  id: 'immune-system',
  title: 'Immune system twin (agent-based)',
  version: '0.1.0',
  description:
    'An agent-based twin of the immune response to a respiratory virus in the tradition of IMMSIM / C-ImmSim: an infected epithelial lattice with diffusing virus, antigen, interferon, cytokine and chemokine fields, resident macrophages, recruited neutrophils and NK cells, dendritic cells that carry antigen to a draining lymph node, and there clone-level CD8, CD4 and B cells with bit-string receptors that expand, help, class-switch, mature affinity in germinal centres, contract and leave memory.',
  timeUnit: 'day',
  methods: ['agent'],
  defaults: { duration: 21, outputInterval: 0.25 },
  kernel: { displayName: 'Immune System Twin' },
  parameters: [...IMMUNE_PARAMETERS],
  observables: [...IMMUNE_OBSERVABLES],
  inputs: [
    {
      id: 'antigenIn',
      label: 'Antigen from a coupled organ',
      unit: 'a.u./day',
      description:
        'Antigen arriving from an organ twin in a coupled run (e.g. the Lung Twin’s drained virions, scaled to this patch), spread evenly over the patch’s antigen field each step; DCs take it up and carry it to the node, and it drains there with antigenDrain like the patch’s own.',
    },
  ],
  interventions: [...IMMUNE_INTERVENTIONS],
  presets: PRESETS,
  assumptions: [
    'Two sites: a square patch of airway epithelium (latticeSize² sites, one cell per site) and its draining lymph node (well mixed), linked by DC migration to the node and effector CD8 homing to the tissue, each with a fixed transit delay (FIFO queues keyed by arrival time).',
    'The patch stands for one of tissueScale alike patches of the infected organ: it receives 1/tissueScale of the effector CD8 T cells homing to the organ, while the node sees antigen and DCs from this patch only (its half-saturation constants are in patch units).',
    'Epithelial cells are healthy, eclipse, productive, dead or antiviral; all transitions are memoryless with per-step probabilities 1 − e^(−rate·dt). Dead sites are refilled from healthy neighbours.',
    'Virus, antigen, IFN, cytokine and chemokine are continuous fields on Float32 arrays with implicit (unconditionally stable) diffusion, closed edges and exponential decay, computed in float32 arithmetic (relative error ~10⁻⁶ against float64; values below 10⁻³⁸ flushed to zero); sources are added so that a constant source over a step is integrated exactly.',
    'Innate and effector cells in the tissue are agents (structure-of-arrays); lymphocytes in the node are clone-level counts updated by binomial draws, so a clone of 10^6 cells costs one row. Tissue CTL agents are a sample of the body-wide effector pool and are counted separately from it.',
    'Receptors and epitopes are bit strings (IMMSIM); a receptor binds with at most maxMismatch mismatched bits, with affinity affinityPerMismatch^mismatches. Naive precursors are drawn uniformly among binding receptors, so most start with low affinity.',
    'T cells: activation by presented antigen at a rate ∝ affinity; dividing cells keep cycling while antigen is presented and stop when it wanes; effectors die at ~0.5/day or become memory (De Boer et al. 2001). Memory cells reactivate faster (memoryActivation > tActivation).',
    'B cells: activation by antigen draining to the node; extrafollicular IgM plasma cells; with CD4 help germinal centres with one-bit hypermutation and affinity-dependent survival and output; IgG plasma cells (some long-lived) and memory B cells. Antibody neutralises free virus in proportion to titre × affinity.',
    'Well-mixed mapping (spatial = innate = adaptive = 0): every field is mixed over the patch each step, so a healthy cell is infected at rate β·V/N, where V is the virus in the patch and N = latticeSize². With regeneration = 0 this is the target-cell-limited model (eclipse = 1, entryLoss = 0, λ = d_U = 0) with U0 = N, β_ODE = β/N, k = eclipseRate, δ = infectedDeath, p = production, c = virusClearance and V0 = inoculum (virus in IU of the patch).',
    'Titres, antigen and cytokine amounts are in arbitrary units; parameters marked "calibrated" were tuned so that the default primary infection peaks in days 2–5, clears by days 10–14, and CD8 T cells peak at days 7–10 with memory ~5–10 % of the peak.',
    'Default time step 30 min; the runner may shorten the last step of an interval, and all probabilities are recomputed for the step length used.',
    'Lymphocytes of a lineage compete for presenting cells and antigen: stimulation per cell falls as 1/(1 + responding/tCompetition), which bounds clonal expansion (primary and secondary).',
    'Vaccination puts antigen into a node depot of its own (decaying at nodeAntigenDecay). B cells are stimulated by the depot plus the antigen drained from the tissue; T cells see the depot only through the adjuvant (presentation adjuvant·A/(A + antigenHalf), standing for DCs activated by the adjuvant), so an unadjuvanted vaccine gives IgM without CD4 help, germinal centres or memory.',
    'Virions neutralised by antibody become antigen (immune complexes) at their site and drain to the node; memory B cells stay quiescent below an antigen-signal threshold (memoryBThreshold).',
    'Coupled to an organ twin (input antigenIn), the patch stands for that organ’s antigen-sampling tissue: the antigen it receives joins the antigen field evenly, so its resident DCs and macrophages see it as they see antigen from their own dead cells.',
    'Agents are re-sorted by site once per simulated day (a deterministic counting sort) for memory locality; this changes the order of draws, not the model.',
  ],
  references: Object.values(R),
} satisfies ModelManifest;

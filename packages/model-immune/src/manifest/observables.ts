import type { TypedObservable } from '@immunotwin/engine';

const obs = <Id extends string>(
  id: Id,
  label: string,
  unit: string,
  description?: string,
): TypedObservable<NoInfer<Id>> => (description ? { id, label, unit, description } : { id, label, unit });

const ALL = [
  obs('virus', 'Free virus in the patch', 'IU'),
  obs('infected', 'Infected epithelial cells', 'cells', 'eclipse + productive'),
  obs('eclipse', 'Eclipse-phase cells', 'cells'),
  obs('productive', 'Productively infected cells', 'cells'),
  obs('dead', 'Dead epithelial sites', 'cells'),
  obs('healthy', 'Healthy susceptible cells', 'cells'),
  obs('antiviral', 'Antiviral (IFN-protected) cells', 'cells'),
  obs('damage', 'Cumulative epithelial deaths', 'cells', 'all infected-cell deaths so far (lysis, NK and CTL killing)'),
  obs('interferon', 'Type-I interferon', 'a.u.'),
  obs('cytokine', 'Inflammatory cytokine', 'a.u.'),
  obs('chemokine', 'Chemokine', 'a.u.'),
  obs('antigen', 'Tissue antigen', 'a.u.'),
  obs('macrophages', 'Macrophages', 'cells'),
  obs('activatedMacrophages', 'Activated macrophages', 'cells'),
  obs('neutrophils', 'Neutrophils', 'cells'),
  obs('nkCells', 'NK cells', 'cells'),
  obs('tissueDCs', 'Dendritic cells in the tissue', 'cells'),
  obs('nodeDCs', 'Mature DCs in the lymph node', 'cells (patch units)'),
  obs('tissueCTLs', 'Effector CD8 T cells in the patch', 'cells'),
  obs('cd8Naive', 'Naive specific CD8 T cells', 'cells'),
  obs('cd8Cycling', 'Dividing CD8 T cells', 'cells'),
  obs('cd8Effector', 'Effector CD8 T cells', 'cells', 'dividing + post-mitotic effectors (the responding population)'),
  obs('cd8Memory', 'Memory CD8 T cells', 'cells'),
  obs('cd4Naive', 'Naive specific CD4 T cells', 'cells'),
  obs('cd4Effector', 'Effector CD4 T cells', 'cells', 'dividing + post-mitotic'),
  obs('cd4Memory', 'Memory CD4 T cells', 'cells'),
  obs('bNaive', 'Naive specific B cells', 'cells'),
  obs('bActivated', 'Activated B cells', 'cells', 'extrafollicular, unswitched and switched'),
  obs('gcB', 'Germinal-centre B cells', 'cells'),
  obs('plasmaIgM', 'IgM plasma cells', 'cells'),
  obs('plasmaIgG', 'IgG plasma cells', 'cells', 'short- and long-lived'),
  obs('bMemory', 'Memory B cells', 'cells'),
  obs('memoryCells', 'Memory cells (CD8 + CD4 + B)', 'cells'),
  obs('IgM', 'IgM titre', 'a.u.'),
  obs('IgG', 'IgG titre', 'a.u.'),
  obs('mAb', 'Infused monoclonal antibody', 'a.u.'),
  obs(
    'antibodyAffinity',
    'Mean antibody affinity',
    '1',
    'titre-weighted mean affinity of IgM + IgG (0 without antibody)',
  ),
  obs('iggAffinity', 'Mean IgG affinity', '1'),
  obs('expandedClones', 'Expanded clones', 'clones', 'T- and B-cell clones with ≥ 100 antigen-experienced cells'),
  obs('bClones', 'B-cell clones', 'clones', 'distinct B-cell receptors present (grows with hypermutation)'),
];

/** Every observable of the immune twin, in the order of the sample row (ids as literal types). */
export const IMMUNE_OBSERVABLES: readonly (typeof ALL)[number][] = ALL;

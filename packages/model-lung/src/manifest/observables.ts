import { observable } from '@immunotwin/engine';

/** Every observable of the Lung Twin, in the order of the sample row (ids as literal types). */
export const LUNG_OBSERVABLES = [
  observable({ id: 'virions', label: 'Free virions in the section', unit: 'virions' }),
  observable({ id: 'healthy', label: 'Healthy epithelial cells', unit: 'cells' }),
  observable({ id: 'antiviral', label: 'Antiviral (IFN-protected) cells', unit: 'cells' }),
  observable({ id: 'incubating', label: 'Incubating (eclipse) cells', unit: 'cells' }),
  observable({ id: 'expressing', label: 'Expressing cells', unit: 'cells' }),
  observable({ id: 'apoptotic', label: 'Apoptotic cells', unit: 'cells' }),
  observable({ id: 'dead', label: 'Dead sites', unit: 'cells' }),
  observable({
    id: 'infected',
    label: 'Infected cells',
    unit: 'cells',
    description: 'incubating + expressing + apoptotic',
  }),
  observable({
    id: 'deaths',
    label: 'Cumulative epithelial deaths',
    unit: 'cells',
    description: 'every death so far, by the virus or after T-cell-induced apoptosis (dead sites may regenerate)',
  }),
  observable({ id: 'interferon', label: 'Type-I interferon', unit: 'a.u.' }),
  observable({ id: 'chemokine', label: 'Chemokine', unit: 'a.u.' }),
  observable({ id: 'cytokine', label: 'Pro-inflammatory cytokine', unit: 'a.u.' }),
  observable({ id: 'ros', label: 'Reactive oxygen species', unit: 'a.u.' }),
  observable({ id: 'tCells', label: 'Effector CD8 T cells in the section', unit: 'cells' }),
  observable({
    id: 'tCellsCirculating',
    label: 'Circulating effector CD8 T cells (whole lung)',
    unit: 'cells',
  }),
  observable({
    id: 'tCellSupply',
    label: 'Effector CD8 T cells entering the lung’s circulation',
    unit: 'cells/min',
    description:
      'tCellGeneration after tCellDelay (the schedule), or the input effectorSupply when a coupled run connects it',
  }),
  observable({ id: 'tCellKills', label: 'Cells induced to apoptosis by T cells', unit: 'cells' }),
  observable({ id: 'macrophages', label: 'Macrophages in the section', unit: 'cells' }),
  observable({
    id: 'inflammatoryMacrophages',
    label: 'Inflammatory macrophages',
    unit: 'cells',
    description: 'macrophages that have met enough virus or debris and secrete the pro-inflammatory cytokine',
  }),
  observable({ id: 'neutrophils', label: 'Neutrophils in the section', unit: 'cells' }),
  observable({ id: 'nkCells', label: 'NK cells in the section', unit: 'cells' }),
  observable({ id: 'nkKills', label: 'Cells induced to apoptosis by NK cells', unit: 'cells' }),
  observable({
    id: 'rosDeaths',
    label: 'Cells killed by ROS (cumulative)',
    unit: 'cells',
    description: 'bystander damage by neutrophils’ reactive oxygen species',
  }),
  observable({
    id: 'antibodyClearance',
    label: 'Extra virion clearance by antibody',
    unit: '1/min',
    description: 'the monoclonal antibody’s, plus the input antibodyClearance when a coupled run connects it',
  }),
  observable({
    id: 'antigenOut',
    label: 'Antigen drained from the section',
    unit: 'virions/day',
    description: 'lymphDrainage × free virions: what the section sends to the lymph node',
  }),
  observable({
    id: 'gasExchange',
    label: 'Functional gas-exchange fraction',
    unit: '1',
    description: 'healthy or antiviral type I cells over all type I sites',
  }),
  observable({
    id: 'spo2',
    label: 'SpO2 proxy',
    unit: '%',
    description: 'Severinghaus saturation at PaO2 = paO2Healthy × gas-exchange fraction (see the assumptions)',
  }),
  observable({ id: 'damage', label: 'Tissue damage', unit: '1', description: 'dead sites over all sites' }),
  observable({
    id: 'crp',
    label: 'Blood inflammatory marker (CRP proxy)',
    unit: 'mg/L',
    description:
      'crpBaseline + crpMax·c/(c + crpHalf), c the mean cytokine per site of the section (see the assumptions)',
  }),
];

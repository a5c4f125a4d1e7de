import { LabIcon } from '@jupyterlab/ui-components';

// A lymphocyte: a round cell with a large nucleus, in JupyterLab's themable icon colours.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">
  <circle class="jp-icon3" fill="#616161" cx="12" cy="12" r="10" opacity="0.35"/>
  <circle class="jp-icon-brand0" fill="#1976d2" cx="12.5" cy="11.5" r="6"/>
  <circle class="jp-icon3" fill="#616161" cx="10.5" cy="9.5" r="1.6" opacity="0.6"/>
</svg>`;

/** The ImmunoTwin icon: launcher cards, commands and the template dialog. */
export const immunoTwinIcon = new LabIcon({ name: 'immunotwin:icon', svgstr: svg });

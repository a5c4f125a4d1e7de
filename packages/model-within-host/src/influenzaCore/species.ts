import { species } from '@immunotwin/engine';

/** The species of the influenza virus core: target cells, eclipse-phase cells, producing cells and free virus. */
export const INFLUENZA_SPECIES = {
  U: species({ id: 'U', label: 'Target cells', unit: 'cells', initial: 'U0' }),
  E: species({ id: 'E', label: 'Eclipse-phase cells', unit: 'cells', initial: '0' }),
  I: species({ id: 'I', label: 'Productively infected cells', unit: 'cells', initial: '0' }),
  V: species({ id: 'V', label: 'Free virus', unit: 'TCID50/mL', initial: 'V0' }),
};

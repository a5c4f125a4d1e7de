/**
 * What each template in notebooks/ shows besides running without errors, for the end-to-end tests in server
 * JupyterLab (tests/notebooks.spec.ts) and in the JupyterLite site (lite-tests/templates.spec.ts): one table,
 * so a change to a template is reflected in both.
 */
export interface ITemplateExpectation {
  /** Display name of the kernel the notebook asks for. */
  kernel: string;
  /** Plot outputs, each drawn by plotly. */
  plots: number;
  /** Workbench outputs, each shown live. */
  workbenches: number;
  /** Tissue views. */
  tissues: number;
  /** Study outputs (`twin.sweep`, `twin.sensitivity`), each drawing its figures. */
  studies?: number;
  /** Patient widgets (`twin.patient`), each drawing its plot in its own worker. */
  patients?: number;
  /** Text some output must contain. */
  text: RegExp;
}

/** Expectations by notebook file name; every template must have one. */
export const TEMPLATE_EXPECTATIONS: Record<string, ITemplateExpectation> = {
  '00-getting-started.ipynb': {
    kernel: 'Within-host Twin',
    plots: 4,
    workbenches: 0,
    tissues: 0,
    text: /the peak is [\d.]+ times lower/,
  },
  '01-treat-an-infection.ipynb': { kernel: 'Within-host Twin', plots: 0, workbenches: 1, tissues: 0, text: /days 2–5/ },
  '02-immune-response.ipynb': {
    kernel: 'Immune System Twin',
    plots: 5,
    workbenches: 1,
    tissues: 1,
    text: /after the challenge on day 49: \d+ IU/,
  },
  '03-write-your-own-model.ipynb': {
    kernel: 'Within-host Twin',
    plots: 2,
    workbenches: 2,
    tissues: 0,
    text: /target cells left on day 20: \d+ % with regrowth/,
  },
  '04-which-parameters-decide.ipynb': {
    kernel: 'Within-host Twin',
    plots: 0,
    workbenches: 0,
    tissues: 0,
    studies: 4,
    // The numbers the same cohort gives in Node (test/notebook-claims.test.ts checks the claims around them).
    text: /time to peak: median day 2\.3, 90 % of the cohort between day 1\.5 and 4\.2/,
  },
  '05-a-lung-infection.ipynb': {
    kernel: 'Lung Twin',
    plots: 3,
    workbenches: 0,
    tissues: 1,
    // The numbers the same runs give in Node (test/notebook-claims.test.ts checks the claims around them).
    text: /half the section dead on day 3\.75, all of it on day 5/,
  },
  '06-personalise-a-twin.ipynb': {
    kernel: 'Within-host Twin',
    plots: 2,
    workbenches: 0,
    tissues: 0,
    patients: 1,
    // The numbers the same fits give in Node (test/notebook-claims.test.ts checks the claims around them).
    text: /peak log10 V: untreated twin 2\.68, treated twin 1\.60/,
  },
  '07-forecast-and-treat.ipynb': {
    kernel: 'Within-host Twin',
    plots: 4,
    workbenches: 0,
    tissues: 0,
    patients: 1,
    // The numbers the same cells give in Node (test/notebook-claims.test.ts checks the claims around them).
    text: /log10 V on day 3: without 4\.16, with oseltamivir from day 1\.5 2\.40/,
  },
};

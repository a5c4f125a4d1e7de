// plotly.js's dist bundles ship no types: `plotlyLoader.ts` describes the little the widgets use.
declare module 'plotly.js-basic-dist-min';
declare module 'plotly.js-cartesian-dist-min';

// plotly.js-basic-dist-min ships no types: `plotlyLoader.ts` describes the little the widgets use.
declare module 'plotly.js-basic-dist-min';

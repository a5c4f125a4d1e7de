// plotly.js-dist-min ships no types: the renderer describes the little it uses (see plotRenderer.ts).
declare module 'plotly.js-dist-min';

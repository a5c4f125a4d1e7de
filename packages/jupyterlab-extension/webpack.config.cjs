// Additions to @jupyter/builder's rspack configuration (package.json `jupyterlab.webpackConfig`).
module.exports = {
  resolve: {
    alias: {
      // Until the plot renderer (src/mime/plotRenderer.ts) draws through the widgets' plotly loader, its
      // `import('plotly.js-dist-min')` resolves to the partial bundle the widgets load, so the page has one
      // plotly chunk. Remove this with that import.
      'plotly.js-dist-min$': 'plotly.js-basic-dist-min',
    },
  },
};

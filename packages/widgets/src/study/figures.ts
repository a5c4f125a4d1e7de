import type { StudyFigure } from '@immunotwin/engine';
import { bandPlot } from './band.js';
import { barsPlot } from './bars.js';
import { heatmapPlot } from './heatmap.js';
import { histogramPlot } from './histogram.js';
import { linePlot } from './line.js';
import { DEFAULT_INK, type IStudyInk, type IStudyPlot } from './studyPlot.js';

/**
 * A study figure (any of the study bundle's five kinds) as plotly traces and layout, with its text alternative:
 * numbers in, traces out, no DOM. The theme's colours are the element's to add, except what `ink` carries (error
 * bars, the opacity of shaded bands).
 */
export function studyPlot(figure: StudyFigure, ink: IStudyInk = DEFAULT_INK): IStudyPlot {
  switch (figure.kind) {
    case 'heatmap':
      return heatmapPlot(figure);
    case 'line':
      return linePlot(figure, ink);
    case 'bars':
      return barsPlot(figure, ink);
    case 'histogram':
      return histogramPlot(figure);
    case 'band':
      return bandPlot(figure, ink);
  }
}

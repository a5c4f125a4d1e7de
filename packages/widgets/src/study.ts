/**
 * `@immunotwin/widgets/study`: the study element alone, registered on import, with the parser of the study bundle.
 * The extension's study renderer loads this entry rather than the whole package, so a study output fetches its
 * figures and their validator, not the workbench.
 */
import { TwinStudyElement } from './twinStudy.js';

export { parseStudyBundle, STUDY_MIME_TYPE, type StudyBundle, type StudyFigure } from '@immunotwin/engine';
export { TwinStudyElement } from './twinStudy.js';

if (!customElements.get('twin-study')) customElements.define('twin-study', TwinStudyElement);

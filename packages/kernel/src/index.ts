/**
 * @immunotwin/kernel — the executor core of the ImmunoTwin Jupyter kernel: turns JavaScript/TypeScript
 * cells into evaluated results in one persistent scope, with console streams, rich displays, interrupts,
 * completion, inspection and is_complete. DOM-free and JupyterLab-free: it runs the same in a browser
 * worker and in Node.
 */
export { CellExecutor } from './executor.js';
export type { CellContext, CellExecutorOptions, ExecutionContext, ExecutionOutcome } from './executor.js';
export { transpile } from './transpile.js';
export type { CellLanguage, TranspileOptions } from './transpile.js';
export { rewriteCell, CELL_PARSE_OPTIONS } from './rewrite.js';
export type { CellRuntime, RewriteOptions, RewrittenCell } from './rewrite.js';
export { ScopeRuntime } from './runtime.js';
export type { PendingAwait } from './runtime.js';
export { CellSyntaxError, KeyboardInterrupt } from './errors.js';
export {
  escapeHtml,
  isMimeRenderable,
  isRowArray,
  normaliseBundle,
  rowsToHtml,
  rowsToText,
  toMimeBundle,
  MAX_TABLE_ROWS,
} from './mime.js';
export type { MimeBundle, MimeData, MimeRenderable } from './mime.js';
export { formatLogArguments, formatValue, quoteString } from './format.js';
export type { FormatOptions } from './format.js';
export { createConsole } from './console.js';
export type { ConsoleTarget, KernelConsole, StreamName } from './console.js';
export { createDisplay } from './display.js';
export type { DisplayFunction, DisplayOptions } from './display.js';
export { isComplete } from './isComplete.js';
export type { IsCompleteOptions, IsCompleteReply } from './isComplete.js';
export { complete, KEYWORDS } from './completion.js';
export type { CompleteOptions, CompleteReply, CompletionItem } from './completion.js';
export { inspect } from './inspection.js';
export type { InspectOptions, InspectReply } from './inspection.js';
export { DocsRegistry, markdownToText, parameterDoc } from './docs.js';
export type { DocEntry, DocsProvider, ParameterDocInput } from './docs.js';
export { cursorContext } from './cursor.js';
export type { CursorContext } from './cursor.js';
export type { Scope } from './members.js';
export type { ErrorReply } from './traceback.js';
export { TwinKernel, WORKER_RESTART_MESSAGE } from './kernel.js';
export type { IKernelWorkerEndpoint, ITwinKernelOptions } from './kernel.js';
export { kernelInfo, KERNEL_VERSION } from './kernelInfo.js';
export { createTwinApi, TwinControls, type ControlsOptions, type WorkbenchBundle } from './twinApi.js';
export type { TwinApi, TwinApiOptions, TwinIntervention, TwinRunOptions } from './twinApi.js';
export { createModelsApi } from './models.js';
export type { ModelListing, ModelsApi } from './models.js';
export { twinDocs } from './twinDocs.js';
export {
  PATIENT_MIME_TYPE,
  PLOT_MIME_TYPE,
  STUDY_MIME_TYPE,
  TISSUE_MIME_TYPE,
  WORKBENCH_MIME_TYPE,
} from '@immunotwin/engine';
export { TwinStudy, type OutcomeSensitivity } from './twin/study.js';
export type { SensitivityOptions, StudyOutcome, StudyParameter, SweepOptions } from './twin/studyOptions.js';
export type { StudyContext, StudyPool, StudyRuns } from './twin/studyRun.js';
export { TwinTissue, captureTissue, type TissueOptions } from './twin/tissue.js';
export { TwinPlot, plotBundle, plotModel, checkObservables } from './twin/plot.js';
export type { PlotOptions } from './twin/plot.js';
export { TwinResult, TwinTable } from './twin/result.js';
export type { TableOptions } from './twin/result.js';
export { describeResult } from './twin/summary.js';
export { TaskCheck, WrongAnswer, computeQuantity, allowedError, describeTolerance } from './twin/check.js';
export type { TaskContext } from './twin/check.js';
export { LESSONS, findTask } from './lessons/index.js';
export type { LessonTask, LessonTasks, TaskQuantity, TaskScenario, TaskTolerance } from './lessons/index.js';
export { KernelWorker, exposeKernelWorker, type KernelWorkerOptions, type PoolFactory } from './worker/kernelWorker.js';
export type {
  IKernelWorkerOptions,
  IKernelWorkerRemote,
  IOutputCallbacks,
  IWorkerExecuteReply,
  IWorkerOutput,
} from './worker/protocol.js';

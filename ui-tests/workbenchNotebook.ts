/**
 * A notebook file holding one workbench output and nothing else, as another program would write it: uploaded
 * through the contents API it is not signed by the server, so JupyterLab opens it untrusted.
 */
export function workbenchNotebook(state: unknown, metadata: Record<string, unknown> = {}): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata,
    cells: [
      {
        cell_type: 'code',
        id: 'workbench',
        metadata: {},
        source: '',
        execution_count: 1,
        outputs: [
          {
            output_type: 'display_data',
            metadata: {},
            data: { 'application/vnd.immunotwin.workbench+json': state, 'text/plain': 'workbench' },
          },
        ],
      },
    ],
  });
}

import type { KernelMessage } from '@jupyterlab/services';

/** The package version reported as the kernel's implementation version. */
export const KERNEL_VERSION = '0.1.0';

/**
 * The kernel_info_reply content: TypeScript (so CodeMirror highlights cells as TypeScript), a banner
 * naming the model, and help links.
 */
export function kernelInfo(model: { id: string; title: string } | undefined): KernelMessage.IInfoReply {
  return {
    status: 'ok',
    protocol_version: '5.3',
    implementation: 'immunotwin',
    implementation_version: KERNEL_VERSION,
    language_info: {
      name: 'typescript',
      version: '5.9',
      mimetype: 'text/typescript',
      file_extension: '.ts',
      codemirror_mode: 'typescript',
      pygments_lexer: 'typescript',
      nbconvert_exporter: 'script',
    },
    banner: [
      `ImmunoTwin kernel ${KERNEL_VERSION}${model ? ` — ${model.title} (${model.id})` : ''}`,
      'JavaScript/TypeScript cells with top-level await. In scope: twin, models, display, console.',
      'Try: const result = await twin.run(); result',
    ].join('\n'),
    help_links: [
      { text: 'ImmunoTwin kernel', url: 'https://github.com/immunotwin/immunotwin/tree/main/packages/kernel' },
      { text: 'TypeScript handbook', url: 'https://www.typescriptlang.org/docs/handbook/intro.html' },
    ],
  };
}

import { Dialog, showDialog } from '@jupyterlab/apputils';
import { Widget } from '@lumino/widgets';
import { templateGroups, type INotebookTemplate } from './template';

/** The dialog body: a labelled list of templates, grouped (notebooks; lessons by level and topic), with each one's description under it. */
class TemplatePicker extends Widget implements Dialog.IBodyWidget<string> {
  private readonly select: HTMLSelectElement;

  constructor(templates: readonly INotebookTemplate[]) {
    super();
    this.addClass('jp-ImmunoTwinTemplatePicker');
    const label = document.createElement('label');
    label.textContent = 'Template';
    this.select = document.createElement('select');
    this.select.className = 'jp-mod-styled';
    this.select.setAttribute('aria-label', 'ImmunoTwin notebook template');
    const description = document.createElement('p');
    description.className = 'jp-ImmunoTwinTemplatePicker-description';
    // Notebooks, then lessons by level and topic, each group under its heading.
    for (const group of templateGroups(templates)) {
      const heading = document.createElement('optgroup');
      heading.label = group.label;
      for (const template of group.templates) {
        const option = document.createElement('option');
        option.value = template.file;
        option.textContent = `${template.title} (${template.kernelDisplayName})`;
        heading.append(option);
      }
      this.select.append(heading);
    }
    const describe = (): void => {
      const chosen = templates.find((template) => template.file === this.select.value);
      description.textContent = chosen ? `${chosen.description} — ${chosen.file}` : '';
    };
    this.select.addEventListener('change', describe);
    describe();
    label.append(this.select);
    this.node.append(label, description);
  }

  /** The chosen template's file name. */
  getValue(): string {
    return this.select.value;
  }
}

/** Asks which template to start from; resolves to its file name, or null when cancelled. */
export async function chooseTemplate(templates: readonly INotebookTemplate[]): Promise<string | null> {
  const result = await showDialog({
    title: 'New notebook from ImmunoTwin template',
    body: new TemplatePicker(templates),
    buttons: [Dialog.cancelButton(), Dialog.okButton({ label: 'Create' })],
    focusNodeSelector: 'select',
  });
  return result.button.accept ? result.value : null;
}

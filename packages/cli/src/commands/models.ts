import type { ModelManifest } from '@immunotwin/engine';
import { flag } from '../args.js';
import { PLUGIN_OPTION } from '../plugins.js';
import type { Command } from '../command.js';
import { CliError, ExitCode } from '../errors.js';
import { formatNumber, table, wrap } from '../format.js';

function range(spec: { min: number; max: number; integer?: boolean }): string {
  return `${formatNumber(spec.min)} to ${formatNumber(spec.max)}${spec.integer ? ', whole' : ''}`;
}

function section(title: string, body: string): string {
  return `\n${title}\n${body}\n`;
}

/** The full description of one model, for people. */
export function describeManifest(m: ModelManifest): string {
  let text = `${m.title} (${m.id} ${m.version})\n${wrap(m.description, 100, 2)}\n`;
  text += `  time unit: ${m.timeUnit}; methods: ${m.methods.join(', ')}; defaults: duration ${formatNumber(m.defaults.duration)} ${m.timeUnit}, output every ${formatNumber(m.defaults.outputInterval)} ${m.timeUnit}\n`;
  text += section(
    'Parameters',
    table([
      ['id', 'unit', 'default', 'range', 'scale', 'source'],
      ...m.parameters.map((p) => [p.id, p.unit, formatNumber(p.default), range(p), p.scale, p.source]),
    ]),
  );
  text += section(
    'Observables',
    table([
      ['id', 'unit', 'label'],
      ...m.observables.map((o) => [o.id, o.unit, o.expression ? `${o.label} (= ${o.expression})` : o.label]),
    ]),
  );
  if (m.interventions.length > 0) {
    const lines = m.interventions.map((k) => {
      const timing = k.hasStop ? 'acts from start until stop' : 'one-off at start';
      const fields = k.fields.length
        ? `\n${table([['field', 'unit', 'default', 'range'], ...k.fields.map((f) => [f.id, f.unit, formatNumber(f.default), range(f)])], 6)}`
        : '';
      return `  ${k.kind}: ${k.label} (${timing})\n${wrap(k.description, 100, 4)}${fields}`;
    });
    text += section('Interventions (scenario fields: kind, start[, stop], then the fields below)', lines.join('\n'));
  }
  if (m.presets.length > 0) {
    text += section('Presets', table([['id', 'label', 'source'], ...m.presets.map((p) => [p.id, p.label, p.source])]));
  }
  text += section(
    'Assumptions',
    m.assumptions.map((a) => wrap(`- ${a}`, 100, 2).replace(/\n {2}/g, '\n    ')).join('\n'),
  );
  if (m.references.length > 0) {
    text += section(
      'References',
      m.references.map((r) => `  - ${r.citation}${r.doi ? ` doi:${r.doi}` : ''}`).join('\n'),
    );
  }
  return text;
}

/** `immunotwin models`: list the registered models, or describe one. */
export const modelsCommand: Command = {
  name: 'models',
  summary: "list the available models, or show one model's parameters, observables, interventions and presets",
  usage: 'models [<model-id>] [--json] [--plugin <model.json|module.js|package>]…',
  description: [
    'Without an id: one line per model (id, title, methods). With an id: its parameters (unit, default,',
    'allowed range, scale and source), observables, interventions and their fields, presets and',
    'assumptions. --json prints the manifest(s) instead (schema/model-manifest.schema.json).',
    'Each --plugin file (a reaction-network model manifest, e.g. from import-sbml) is validated and',
    'listed beside the built-in models.',
  ].join('\n'),
  options: [{ name: 'json', description: 'print the model manifest(s) as JSON' }, PLUGIN_OPTION],
  positionals: { min: 0, max: 1, name: 'model id' },

  async run(args, context) {
    const { io } = context;
    await context.registerPlugins(args);
    const registry = context.registry();
    const json = flag(args, 'json');
    const id = args.positionals[0];
    if (id !== undefined) {
      if (!registry.has(id))
        throw new CliError(`unknown model "${id}"; known models: ${registry.ids().join(', ') || '(none)'}`);
      const { manifest } = registry.get(id);
      io.stdout.write(json ? `${JSON.stringify(manifest, null, 2)}\n` : describeManifest(manifest));
      return ExitCode.ok;
    }
    const plugins = registry.list();
    if (json) {
      io.stdout.write(
        `${JSON.stringify(
          plugins.map((p) => p.manifest),
          null,
          2,
        )}\n`,
      );
      return ExitCode.ok;
    }
    io.stdout.write(
      `${table([['id', 'title', 'methods'], ...plugins.map(({ manifest: m }) => [m.id, m.title, m.methods.join(', ')])], 0)}\n` +
        `\nShow a model's parameters with "immunotwin models <id>".\n`,
    );
    return ExitCode.ok;
  },
};

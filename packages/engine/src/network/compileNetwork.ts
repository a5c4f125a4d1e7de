import { compileExpressionCode, expressionToJs, namesIn, parseExpression, type ExprNode } from '../expr/index.js';
import type { ObservableSpec, ReactionNetwork, ReactionSpec } from '../schema/index.js';
import type { OdeRhs } from '../ode/types.js';
import type { StochasticSystem } from '../stochastic/types.js';

/**
 * A reaction network turned into fast functions. The ODE right-hand side, the SSA propensities and the
 * tau-leaping structures all come from the same reactions, so the deterministic and stochastic views of a
 * model cannot drift apart. Parameter values live in `params`, which the runner rewrites when an
 * intervention starts or stops.
 */
export interface CompiledNetwork {
  /** Species ids in state-vector order. */
  readonly speciesIds: readonly string[];
  /** Parameter ids in `params` order. */
  readonly parameterIds: readonly string[];
  /** Current (effective) parameter values, indexed like `parameterIds`. */
  readonly params: Float64Array;
  /** dy/dt = S·flux(t, y) with the current parameters. */
  readonly rhs: OdeRhs;
  /** Whether a rate or observable reads the simulated time (`time`); such a network is deterministic only. */
  readonly usesTime: boolean;
  /** The same network as a stochastic reaction system (counts). */
  readonly stochastic: StochasticSystem;
  /** The initial state implied by the species' `initial` expressions and the current parameters. */
  initialState(): Float64Array;
  /** Observable ids in output order. */
  readonly observableIds: readonly string[];
  /** Writes the observables of state `x` at time `t` into `out`. */
  observe(x: Float64Array, out: Float64Array, t: number): void;
}

/** The name by which rates and observables read the simulated time (0 in initial values). */
export const TIME_NAME = 'time';

/** Thrown when a network refers to something it does not define; `path` locates it in the manifest. */
export class NetworkDefinitionError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'NetworkDefinitionError';
  }
}

function parseAt(path: string, source: string): ExprNode {
  try {
    return parseExpression(source);
  } catch (error) {
    throw new NetworkDefinitionError(path, (error as Error).message);
  }
}

function toJs(path: string, node: ExprNode, resolve: (name: string) => string | undefined, known: string): string {
  try {
    return expressionToJs(node, resolve);
  } catch (error) {
    throw new NetworkDefinitionError(path, `${(error as Error).message}; known names: ${known}`);
  }
}

function compileFunction<F>(args: string[], body: string): F {
  return compileExpressionCode<F>(args, body);
}

/** JavaScript for Π x^n (ODE flux) or Π x(x−1)…(x−n+1) (propensity) over a reaction's reactants. */
function massActionTerms(reaction: ReactionSpec, speciesIndex: ReadonlyMap<string, number>, falling: boolean): string {
  const terms: string[] = [];
  for (const [species, order] of Object.entries(reaction.reactants)) {
    const x = `x[${speciesIndex.get(species)}]`;
    for (let k = 0; k < order; k++) terms.push(k === 0 ? x : falling ? `(${x} - ${k})` : x);
  }
  return terms.join(' * ');
}

/** Everything about a compiled network that does not depend on parameter values (shared between runs). */
interface NetworkCode {
  readonly speciesIds: readonly string[];
  readonly observableIds: readonly string[];
  readonly usesTime: boolean;
  readonly rawRhs: (p: Float64Array, y: Float64Array, dydt: Float64Array, t: number) => void;
  readonly allPropensities: (p: Float64Array, x: Float64Array, out: Float64Array) => void;
  readonly onePropensity: (p: Float64Array, x: Float64Array, j: number) => number;
  readonly initial: (p: Float64Array, out: Float64Array) => void;
  readonly observeRaw: (p: Float64Array, x: Float64Array, out: Float64Array, t: number) => void;
  readonly structure: Omit<StochasticSystem, 'propensities' | 'propensity'>;
}

function buildNetworkCode(
  network: ReactionNetwork,
  parameterIds: readonly string[],
  observables: readonly ObservableSpec[],
): NetworkCode {
  const speciesIds = network.species.map((s) => s.id);
  const speciesIndex = new Map(speciesIds.map((id, i) => [id, i]));
  const paramIndex = new Map(parameterIds.map((id, i) => [id, i]));
  for (const id of speciesIds) {
    if (paramIndex.has(id))
      throw new NetworkDefinitionError(`network.species`, `"${id}" is both a species and a parameter`);
  }
  if (speciesIndex.has(TIME_NAME) || paramIndex.has(TIME_NAME)) {
    throw new NetworkDefinitionError(
      speciesIndex.has(TIME_NAME) ? 'network.species' : 'parameters',
      `"${TIME_NAME}" is reserved for the simulated time; rename that ${speciesIndex.has(TIME_NAME) ? 'species' : 'parameter'}`,
    );
  }
  let usesTime = false;
  // In rates and observables `time` is the argument t; in initial values it is 0.
  const timeAs =
    (code: string, inner: (name: string) => string | undefined) =>
    (name: string): string | undefined => {
      if (name !== TIME_NAME) return inner(name);
      if (code === 't') usesTime = true;
      return code;
    };
  const knownParams = parameterIds.join(', ') || '(none)';
  const knownAll = `parameters ${knownParams}; species ${speciesIds.join(', ')}; ${TIME_NAME}`;
  const paramOnly = (name: string): string | undefined =>
    paramIndex.has(name) ? `p[${paramIndex.get(name)}]` : undefined;
  const speciesOrParam = (name: string): string | undefined =>
    speciesIndex.has(name) ? `x[${speciesIndex.get(name)}]` : paramOnly(name);
  const paramOrTime = timeAs('t', paramOnly);
  const paramOrSpecies = timeAs('t', speciesOrParam);

  const nR = network.reactions.length;
  const fluxJs: string[] = [];
  const propensityJs: string[] = [];
  const rateDependsOn: Set<number>[] = [];
  network.reactions.forEach((reaction, j) => {
    const path = `network.reactions[${j}]`;
    for (const side of ['reactants', 'products'] as const) {
      for (const species of Object.keys(reaction[side])) {
        if (!speciesIndex.has(species)) {
          throw new NetworkDefinitionError(
            `${path}.${side}.${species}`,
            `unknown species; known species: ${speciesIds.join(', ')}`,
          );
        }
      }
    }
    const rateNode = parseAt(`${path}.rate`, reaction.rate);
    const depends = new Set<number>();
    if (reaction.law === 'massAction') {
      const k = toJs(
        `${path}.rate`,
        rateNode,
        paramOrTime,
        `parameters ${knownParams}; ${TIME_NAME} (a mass-action rate constant may not use species)`,
      );
      const ode = massActionTerms(reaction, speciesIndex, false);
      const ssa = massActionTerms(reaction, speciesIndex, true);
      fluxJs.push(ode ? `${k} * ${ode}` : k);
      propensityJs.push(ssa ? `${k} * ${ssa}` : k);
      for (const s of Object.keys(reaction.reactants)) depends.add(speciesIndex.get(s)!);
    } else {
      const rate = toJs(`${path}.rate`, rateNode, paramOrSpecies, knownAll);
      fluxJs.push(rate);
      propensityJs.push(rate);
      for (const name of namesIn(rateNode)) if (speciesIndex.has(name)) depends.add(speciesIndex.get(name)!);
      for (const s of Object.keys(reaction.reactants)) depends.add(speciesIndex.get(s)!);
    }
    rateDependsOn.push(depends);
  });

  // Net stoichiometric change per reaction (CSR).
  const changes: Map<number, number>[] = network.reactions.map((r) => {
    const net = new Map<number, number>();
    for (const [s, n] of Object.entries(r.reactants))
      net.set(speciesIndex.get(s)!, (net.get(speciesIndex.get(s)!) ?? 0) - n);
    for (const [s, n] of Object.entries(r.products))
      net.set(speciesIndex.get(s)!, (net.get(speciesIndex.get(s)!) ?? 0) + n);
    for (const [s, n] of [...net]) if (n === 0) net.delete(s);
    return net;
  });
  const changeOffsets = new Int32Array(nR + 1);
  const changeSpecies: number[] = [];
  const changeAmounts: number[] = [];
  changes.forEach((net, j) => {
    for (const [s, n] of net) {
      changeSpecies.push(s);
      changeAmounts.push(n);
    }
    changeOffsets[j + 1] = changeSpecies.length;
  });

  const dependentOffsets = new Int32Array(nR + 1);
  const dependents: number[] = [];
  changes.forEach((net, j) => {
    for (let k = 0; k < nR; k++) {
      if ([...net.keys()].some((s) => rateDependsOn[k].has(s))) dependents.push(k);
    }
    dependentOffsets[j + 1] = dependents.length;
  });

  const reactantOffsets = new Int32Array(nR + 1);
  const reactantSpecies: number[] = [];
  const reactantOrders: number[] = [];
  network.reactions.forEach((r, j) => {
    for (const [s, n] of Object.entries(r.reactants)) {
      reactantSpecies.push(speciesIndex.get(s)!);
      reactantOrders.push(n);
    }
    reactantOffsets[j + 1] = reactantSpecies.length;
  });

  // ODE right-hand side: fluxes, then dy_i = Σ_j S_ij f_j.
  const rhsLines = fluxJs.map((f, j) => `const f${j} = ${f};`);
  const terms: string[][] = speciesIds.map(() => []);
  changes.forEach((net, j) => {
    for (const [s, n] of net)
      terms[s].push(n === 1 ? `+ f${j}` : n === -1 ? `- f${j}` : `${n > 0 ? '+' : '-'} ${Math.abs(n)} * f${j}`);
  });
  terms.forEach((t, i) => rhsLines.push(`dydt[${i}] = ${t.length ? t.join(' ') : '0'};`));
  const rawRhs = compileFunction<(p: Float64Array, y: Float64Array, dydt: Float64Array, t: number) => void>(
    ['p', 'x', 'dydt', 't'],
    rhsLines.join('\n'),
  );
  // Stochastic methods refuse networks that read the time (checkPlugin), so `t` is NaN there.
  const allPropensities = compileFunction<(p: Float64Array, x: Float64Array, out: Float64Array) => void>(
    ['p', 'x', 'out'],
    `const t = NaN;\n${propensityJs.map((a, j) => `out[${j}] = ${a};`).join('\n')}`,
  );
  const onePropensity = compileFunction<(p: Float64Array, x: Float64Array, j: number) => number>(
    ['p', 'x', 'j'],
    `const t = NaN;\nswitch (j) {\n${propensityJs.map((a, j) => `case ${j}: return ${a};`).join('\n')}\n}\nreturn 0;`,
  );

  const initialJs = network.species.map((s, i) =>
    toJs(
      `network.species[${i}].initial`,
      parseAt(`network.species[${i}].initial`, s.initial),
      timeAs('0', paramOnly),
      `parameters ${knownParams}; ${TIME_NAME}`,
    ),
  );
  const initial = compileFunction<(p: Float64Array, out: Float64Array) => void>(
    ['p', 'out'],
    initialJs.map((v, i) => `out[${i}] = ${v};`).join('\n'),
  );

  const observeJs = observables.map((o, i) => {
    const path = `observables[${i}].expression`;
    if (!o.expression) {
      if (!speciesIndex.has(o.id)) {
        throw new NetworkDefinitionError(
          `observables[${i}]`,
          `"${o.id}" is not a species, so it needs an expression; species: ${speciesIds.join(', ')}`,
        );
      }
      return `x[${speciesIndex.get(o.id)}]`;
    }
    return toJs(path, parseAt(path, o.expression), paramOrSpecies, knownAll);
  });
  const observeRaw = compileFunction<(p: Float64Array, x: Float64Array, out: Float64Array, t: number) => void>(
    ['p', 'x', 'out', 't'],
    observeJs.map((v, i) => `out[${i}] = ${v};`).join('\n'),
  );

  return {
    speciesIds,
    observableIds: observables.map((o) => o.id),
    usesTime,
    rawRhs,
    allPropensities,
    onePropensity,
    initial,
    observeRaw,
    structure: {
      nSpecies: speciesIds.length,
      nReactions: nR,
      changeOffsets,
      changeSpecies: Int32Array.from(changeSpecies),
      changeAmounts: Float64Array.from(changeAmounts),
      dependentOffsets,
      dependents: Int32Array.from(dependents),
      reactantOffsets,
      reactantSpecies: Int32Array.from(reactantSpecies),
      reactantOrders: Int32Array.from(reactantOrders),
    },
  };
}

// Generated code is cached per network definition (and parameter/observable layout), so creating a run —
// e.g. on every slider move in a widget — costs an array allocation, not a compilation.
const codeCache = new WeakMap<ReactionNetwork, Map<string, NetworkCode>>();

function cachedNetworkCode(
  network: ReactionNetwork,
  parameterIds: readonly string[],
  observables: readonly ObservableSpec[],
): NetworkCode {
  const key = JSON.stringify([parameterIds, observables.map((o) => [o.id, o.expression ?? null])]);
  let byLayout = codeCache.get(network);
  if (!byLayout) codeCache.set(network, (byLayout = new Map()));
  let code = byLayout.get(key);
  if (!code) byLayout.set(key, (code = buildNetworkCode(network, parameterIds, observables)));
  return code;
}

/**
 * Compiles a reaction network against a parameter list. Every name in a rate, an initial value or an
 * observable must be a parameter, `time`, or (for custom rates and observables) a species; otherwise a
 * NetworkDefinitionError names the manifest path and the known names. Treat `network` as immutable once
 * compiled: its generated code is cached.
 */
export function compileNetwork(
  network: ReactionNetwork,
  parameterIds: readonly string[],
  parameterValues: ArrayLike<number>,
  observables: readonly ObservableSpec[],
): CompiledNetwork {
  const code = cachedNetworkCode(network, parameterIds, observables);
  const { rawRhs, allPropensities, onePropensity, initial, observeRaw, speciesIds } = code;
  const params = Float64Array.from(parameterValues);
  return {
    speciesIds,
    parameterIds,
    params,
    rhs: (t, y, dydt) => rawRhs(params, y, dydt, t),
    usesTime: code.usesTime,
    stochastic: {
      ...code.structure,
      propensities: (x, out) => allPropensities(params, x, out),
      propensity: (j, x) => onePropensity(params, x, j),
    },
    initialState: () => {
      const out = new Float64Array(speciesIds.length);
      initial(params, out);
      return out;
    },
    observableIds: code.observableIds,
    observe: (x, out, t) => observeRaw(params, x, out, t),
  };
}

import { ValidationError } from '@immunotwin/engine';
import * as Comlink from 'comlink';

/** An Error as plain data: name, message, stack and its own cloneable fields (e.g. `issues`). */
export interface ISerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly fields: Record<string, unknown>;
}

/** What crosses the wire for a thrown value (the shape comlink's own handler uses, plus `fields`). */
interface IThrownWire {
  readonly isError: boolean;
  readonly value: unknown;
}

const MARK = Symbol.for('@immunotwin/worker:error-transfer');

const standardErrors: Record<string, ErrorConstructor> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

function isCloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** An Error as plain, structured-cloneable data, keeping its own fields such as ValidationError's `issues`. */
export function serializeError(error: Error): ISerializedError {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'name' && key !== 'message' && key !== 'stack' && isCloneable(value)) fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

/**
 * Rebuilds an Error from `serializeError` output: a ValidationError (so `instanceof` works, with its
 * `issues`) or a standard error class when the name is one, else an Error with that name.
 */
export function deserializeError(data: ISerializedError): Error {
  const base = standardErrors[data.name] ?? Error;
  const error = new base(data.message);
  if (data.name === 'ValidationError') Object.setPrototypeOf(error, ValidationError.prototype);
  Object.assign(error, data.fields);
  Object.defineProperty(error, 'name', { value: data.name, writable: true, configurable: true, enumerable: false });
  if (data.stack !== undefined) {
    Object.defineProperty(error, 'stack', { value: data.stack, writable: true, configurable: true, enumerable: false });
  }
  return error;
}

/**
 * Makes comlink carry thrown errors whole: by default it keeps only name, message and stack, which
 * loses a ValidationError's `issues`. Replaces comlink's `throw` transfer handler (a global of the comlink
 * module in this realm) with one that also sends an error's own fields and rebuilds ValidationError on
 * the receiving side. Its wire format is a superset of comlink's, so either side may run without it.
 * Idempotent; `exposeSession` and `connectSession` call it.
 */
export function installErrorTransfer(): void {
  const original = Comlink.transferHandlers.get('throw');
  if (!original || MARK in original) return;
  const handler: Comlink.TransferHandler<{ value: unknown }, IThrownWire> & { [MARK]: true } = {
    [MARK]: true,
    canHandle: (value): value is { value: unknown } => original.canHandle(value),
    serialize({ value }) {
      if (value instanceof Error) {
        const data = serializeError(value);
        // `message`, `name` and `stack` at the top level keep the payload readable by comlink's own handler.
        return [{ isError: true, value: { ...data.fields, ...data } }, []];
      }
      return [{ isError: false, value }, []];
    },
    deserialize(wire) {
      if (!wire.isError) throw wire.value;
      const { name, message, stack, fields } = wire.value as ISerializedError;
      throw deserializeError({ name, message, stack, fields: fields ?? {} });
    },
  };
  Comlink.transferHandlers.set('throw', handler as Comlink.TransferHandler<unknown, unknown>);
}

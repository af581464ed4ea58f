/**
 * Typed readers of environment variables, for `config.ts` and
 * `app/llm-settings.ts`. Every command reads the environment at start, so
 * this stays small and without a schema library: loading zod and building a
 * schema of some fifty variables was a third of the start-up of `inspect`.
 * An empty value counts as unset; a bad one is named, never echoed (it may be
 * a secret pasted into the wrong place).
 */

import { ConfigError } from './core/errors.js';

const INVALID = Symbol('invalid');
type Invalid = typeof INVALID;

/** How one variable is read: its value from the text, or INVALID; `fallback` when unset. */
export interface Variable<T> {
  read(text: string): T | Invalid;
  fallback: T;
}

export type ValuesOf<S> = { [K in keyof S]: S[K] extends Variable<infer T> ? T : never };

/** Names the variables, never their values. */
export function invalidConfiguration(names: string[]): ConfigError {
  return new ConfigError(`Invalid configuration: ${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} an invalid value. See .env.example.`);
}

/**
 * Reads every variable of `spec` from `env`.
 * @throws ConfigError naming each invalid variable.
 */
export function readVariables<S extends Record<string, Variable<unknown>>>(spec: S, env: Readonly<Record<string, string | undefined>>): ValuesOf<S> {
  const values: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [name, variable] of Object.entries(spec)) {
    const text = env[name];
    const value = text === undefined || text === '' ? variable.fallback : variable.read(text);
    if (value === INVALID) invalid.push(name);
    else values[name] = value;
  }
  if (invalid.length > 0) throw invalidConfiguration(invalid);
  return values as ValuesOf<S>;
}

/** Text up to `maxLength` characters, as given. */
export function text(maxLength: number): Variable<string | undefined>;
export function text(maxLength: number, fallback: string): Variable<string>;
export function text(maxLength: number, fallback?: string): Variable<string | undefined> {
  return { read: (value) => (value.length <= maxLength ? value : INVALID), fallback };
}

/** Text without its surrounding spaces, which must leave something (keys, model names). */
export function trimmedText(): Variable<string | undefined> {
  return { read: (value) => value.trim() || INVALID, fallback: undefined };
}

/** A number as JavaScript reads it (`1e3`, `0x10`, ` 5 `), within bounds. */
export function number(min: number, max: number, fallback: number): Variable<number> {
  return { read: (value) => within(Number(value), min, max) ?? INVALID, fallback };
}

/** A whole number (a safe integer) within bounds. */
export function integer(min: number, max: number, fallback: number): Variable<number> {
  return {
    read: (value) => {
      const parsed = Number(value);
      return Number.isSafeInteger(parsed) ? (within(parsed, min, max) ?? INVALID) : INVALID;
    },
    fallback,
  };
}

function within(value: number, min: number, max: number): number | undefined {
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

/** true, false, 1, 0, yes or no. */
export function flag(fallback: boolean): Variable<boolean> {
  const words: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };
  return { read: (value) => (Object.hasOwn(words, value) ? words[value]! : INVALID), fallback };
}

/** One of `choices`, spelt exactly. */
export function oneOf<const C extends string>(choices: ReadonlyArray<C>, fallback: C): Variable<C> {
  return { read: (value) => (choices.includes(value as C) ? (value as C) : INVALID), fallback };
}

/**
 * A URL the WHATWG parser accepts, without surrounding spaces (and without
 * the tabs and line breaks the parser would silently drop). `http` also
 * requires an `http://` or `https://` URL.
 */
export function url(options: { http: true }): Variable<string | undefined>;
export function url(options: { http: false }, fallback: string): Variable<string>;
export function url(options: { http: boolean }, fallback?: string): Variable<string | undefined> {
  return {
    read: (value) => {
      const trimmed = value.trim();
      if (options.http && !/^https?:\/\//i.test(trimmed)) return INVALID;
      if (!URL.canParse(trimmed)) return INVALID;
      return trimmed.replace(/[\t\n\r]/g, '');
    },
    fallback,
  };
}

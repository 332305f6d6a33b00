/**
 * What the settings table in config.ts is made of: parsers that name the setting they refuse, settings, and
 * groups of them. Used only by config.ts.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

/** A setting's text, trimmed; empty is unset. */
export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

/** Turns a setting's text into its value, or throws a ConfigError naming the setting. */
export type Parser<T> = (raw: string, name: string) => T;

export const text: Parser<string> = (raw) => raw;

export function oneOf<const T extends string>(...allowed: T[]): Parser<T> {
  return (raw, name) => {
    if (!(allowed as string[]).includes(raw)) {
      throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    }
    return raw as T;
  };
}

export function integer(min: number, max: number): Parser<number> {
  return (raw, name) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    }
    return value;
  };
}

export const boolean: Parser<boolean> = (text, name) => {
  const raw = text.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
};

export function url(...protocols: string[]): Parser<string> {
  return (raw, name) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(`${name} must be a URL (got "${redact(raw)}")`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    }
    return raw;
  };
}

export const email: Parser<string> = (raw, name) => {
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/.test(raw)) {
    throw new ConfigError(`${name} must be an email address, optionally with a name: "Blog <noreply@example.com>"`);
  }
  return raw;
};

/** Comma-separated items, each checked by `item`. */
export function list<T>(item: Parser<T>): Parser<T[]> {
  return (raw, name) =>
    raw
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => item(part, name));
}

/**
 * A parser whose value is then reshaped (a trailing slash removed, a path made absolute). Not named `then`: a
 * module that exports `then` is a thenable, and importing it dynamically never settles.
 */
export function reshaped<T, U>(parse: Parser<T>, reshape: (value: T) => U): Parser<U> {
  return (raw, name) => reshape(parse(raw, name));
}

/** Hides the password of a connection string in messages. */
function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Reads another setting's value, for a default worked out from it. */
export type ValueOf = <T>(setting: Setting<T>) => T;

export interface Setting<T> {
  /** The environment variable. */
  readonly env: string;
  /** One line for the configuration doc and .env.example. */
  readonly doc: string;
  /** The default as the doc states it (undefined: unset). */
  readonly defaultDoc: string | undefined;
  /** The line .env.example shows, commented out: the default itself when it is a constant. */
  readonly example: string | undefined;
  readonly resolve: (raw: string | undefined, value: ValueOf) => T;
}

interface Spec<T> {
  env: string;
  parse: Parser<T>;
  doc: string;
  example?: string;
}

/**
 * A setting with a default: text read as if it had been set (`'4000'`), or worked out from other settings, in
 * which case `defaultDoc` says how.
 */
export function setting<T>(
  spec: Spec<T> & ({ default: string } | { default: (value: ValueOf) => T; defaultDoc: string }),
): Setting<T> {
  const fallback = spec.default;
  return {
    env: spec.env,
    doc: spec.doc,
    defaultDoc: 'defaultDoc' in spec ? spec.defaultDoc : `\`${fallback}\``,
    example: spec.example ?? (typeof fallback === 'string' ? fallback : undefined),
    resolve: (raw, value) => {
      if (raw !== undefined) return spec.parse(raw, spec.env);
      return typeof fallback === 'string' ? spec.parse(fallback, spec.env) : fallback(value);
    },
  };
}

/** A setting that may stay unset. */
export function optional<T>(spec: Spec<T> & { defaultDoc?: string }): Setting<T | undefined> {
  return {
    env: spec.env,
    doc: spec.doc,
    defaultDoc: spec.defaultDoc,
    example: spec.example,
    resolve: (raw) => (raw === undefined ? undefined : spec.parse(raw, spec.env)),
  };
}

type Settings = Record<string, Setting<unknown>>;
type Values<S extends Settings> = { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

export interface Group<T> {
  readonly title: string;
  /** A paragraph above the group's table in the doc. */
  readonly about: string | undefined;
  readonly settings: Settings;
  readonly resolve: (value: ValueOf) => T;
}

/** Settings read together into one object of the configuration, as they are (or as `shape` builds it). */
export function group<S extends Settings>(title: string, settings: S, options?: { about?: string }): Group<Values<S>>;
export function group<S extends Settings, T>(
  title: string,
  settings: S,
  options: { about?: string; shape: (values: Values<S>) => T },
): Group<T>;
export function group(
  title: string,
  settings: Settings,
  options: { about?: string; shape?: (values: Values<Settings>) => unknown } = {},
): Group<unknown> {
  const { shape = (values) => values } = options;
  return {
    title,
    about: options.about,
    settings,
    resolve: (value) => {
      const values = Object.fromEntries(Object.entries(settings).map(([key, s]) => [key, value(s)]));
      return Object.freeze(shape(values));
    },
  };
}

/** A group read only when `when` holds (its settings are otherwise not looked at), else undefined. */
export function optionalGroup<T>(group: Group<T>, when: (value: ValueOf) => boolean): Group<T | undefined> {
  return { ...group, resolve: (value) => (when(value) ? group.resolve(value) : undefined) };
}

/** Reads every setting of the groups once, in table order, each default after what it depends on. */
export function resolveGroups<G extends Record<string, Group<unknown>>>(
  groups: G,
  env: Env,
): { readonly [K in keyof G]: G[K] extends Group<infer T> ? T : never } {
  const memo = new Map<Setting<unknown>, unknown>();
  const value: ValueOf = <T>(s: Setting<T>): T => {
    if (!memo.has(s)) memo.set(s, s.resolve(read(env, s.env), value));
    return memo.get(s) as T;
  };
  const config = Object.fromEntries(Object.entries(groups).map(([key, g]) => [key, g.resolve(value)]));
  return Object.freeze(config) as { readonly [K in keyof G]: G[K] extends Group<infer T> ? T : never };
}

import { createHash } from 'node:crypto';
import type { Sql } from './client.ts';

// Typed SQL for the hot reads, over the named-statement runner (client.ts). A statement is written with the
// `sql` tag: values become numbered parameters, fragments are spliced in, and one Selection (column specs,
// rows.ts) gives both the select list and the code that decodes its rows, so a read is typed by what it selects.
//
//   const pageRow = row(postColumns.as('p'), userColumns.as('u'));            // built once, at module level
//   const rows = await read(db, 'post-page', sql`SELECT ${pageRow} FROM posts p JOIN users u ... ${limit(21)}`);
//   // rows: [Post, User][]

declare const rowType: unique symbol;
declare const valueType: unique symbol;

/** What may be sent as a parameter (pg serializes it). */
export type Value = string | number | boolean | Date | null | readonly number[] | readonly string[];

/**
 * SQL text with holes, built by the `sql` tag. `Row` is what a row of the statement decodes to: the type of the
 * Selection in it (never when there is none).
 */
export class Fragment<Row = never> {
  declare readonly [rowType]: Row;
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

/** A parameter used more than once in a statement: every use is the same `$n`. */
export class Param {
  constructor(readonly value: Value) {}
}

export const param = (value: Value) => new Param(value);

type Interpolation = Value | Param | Fragment<unknown> | Selection<unknown>;
type RowOf<V> = V extends Selection<infer T> ? T : V extends Fragment<infer T> ? T : never;

/** Writes a statement or a piece of one: `${value}` is a parameter, `${fragment}` text, `${selection}` the select list. */
export function sql<const V extends readonly Interpolation[]>(
  strings: TemplateStringsArray,
  ...values: V
): Fragment<RowOf<V[number]>> {
  return new Fragment(strings, values);
}

const EMPTY = sql``;

/** `WHERE a AND b ...`, or nothing without conditions. */
export function where(conditions: readonly Fragment<never>[]): Fragment<never> {
  if (!conditions.length) return EMPTY;
  return new Fragment([' WHERE ', ...conditions.slice(1).map(() => ' AND '), ''], conditions);
}

/**
 * The largest LIMIT written into a text. With `LIMIT $n`, PostgreSQL cannot cost a prepared statement's generic
 * plan, assumes every row is wanted, and plans the statement again at each execution, which cost it more than
 * running the statement; so the limit is a literal, part of the text and so of the name. Each value is one more
 * statement prepared per connection: page sizes are few, and this bound keeps them few.
 */
const MAX_LIMIT = 1000;

/** `LIMIT n`, written into the text (a checked literal, not a parameter: see MAX_LIMIT). */
export function limit(rows: number): Fragment<never> {
  if (!Number.isSafeInteger(rows) || rows < 0 || rows > MAX_LIMIT) throw new RangeError(`Not a row limit: ${rows}`);
  return new Fragment([`LIMIT ${rows}`], []);
}

type Decode = (rows: unknown[][]) => unknown[];

/**
 * What a statement selects: its select list, how many columns that is, and the JavaScript expression that reads
 * its value from the row `r` starting at column `at`. Its decoder is that expression in a loop, compiled once.
 */
export class Selection<T> {
  declare readonly [valueType]: T;
  #decode: Decode | undefined;
  constructor(
    readonly list: Fragment<never>,
    readonly width: number,
    readonly source: (at: number) => string,
  ) {}

  /** The rows (arrays, as pg returns them in array row mode) as values. */
  decode(rows: unknown[][]): unknown[] {
    // Straight-line code, one object literal per value: as fast as a hand-written decoder, with no per-column call.
    this.#decode ??= compile(this.source(0));
    return this.#decode(rows);
  }
}

const decoders = new Map<string, Decode>();

/** The decoder of a value's expression, compiled once however many selections have it (one built per call, say). */
function compile(source: string): Decode {
  let decode = decoders.get(source);
  if (!decode) {
    const body = `const out = new Array(rows.length); for (let i = 0; i < rows.length; i++) { const r = rows[i]; out[i] = ${source}; } return out;`;
    decode = new Function('rows', body) as Decode;
    decoders.set(source, decode);
  }
  return decode;
}

type Kind = 'value' | 'epochMs';

/**
 * A timestamp as milliseconds since 1970 (a float8, which pg reads with parseFloat): cheaper than parsing text.
 * date_part is float8 arithmetic, where extract() computes in numeric: a third of the feed statement's cost.
 * Rounded, it is exact for millisecond timestamps (checked against extract() on a million of them).
 */
const epochMs = (expression: Fragment<never>) => sql`round(date_part('epoch', ${expression}) * 1000)`;

/** One value: a column of a table spec, or an expression selected on its own. */
class Column<T> extends Selection<T> {
  constructor(
    readonly expression: string | Fragment<never>,
    readonly kind: Kind,
  ) {
    const text = typeof expression === 'string' ? new Fragment([expression], []) : expression;
    super(kind === 'epochMs' ? epochMs(text) : text, 1, (at) =>
      kind === 'epochMs' ? `new Date(r[${at}])` : `r[${at}]`,
    );
  }
}

// A column is a name (in a table spec) or an expression: SQL text written in the code, never a value from a
// request (those are parameters: write the expression with the `sql` tag). The declared type is what PostgreSQL
// returns through pg: int4 and float8 are numbers, a bigint (count(*)) would be a string, so cast it
// (`count(*)::int`). tests/sql-reads.test.ts checks the specs against Prisma.
const column =
  <T>(kind: Kind) =>
  (expression: string | Fragment<never>) =>
    new Column<T>(expression, kind);
export const int = column<number>('value');
export const intOrNull = column<number | null>('value');
export const float8 = column<number>('value');
export const text = column<string>('value');
export const textOrNull = column<string | null>('value');
export const bool = column<boolean>('value');
/** A timestamp, selected as epoch milliseconds (see epochMs) and decoded to a Date. */
export const timestamp = column<Date>('epochMs');

type ColumnsOf<T> = { [K in keyof T]-?: Column<T[K]> };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The columns of a table, decoded to a `T` (a Prisma model: the spec must name each of its fields). */
class Table<T> {
  readonly #columns: [key: string, column: Column<unknown>][];
  constructor(columns: ColumnsOf<T>) {
    this.#columns = Object.entries<Column<unknown>>(columns);
    for (const [key, { expression }] of this.#columns) {
      if (!/^[A-Za-z_$][\w$]*$/.test(key)) throw new Error(`Not a field name: ${key}`);
      if (typeof expression !== 'string' || !IDENTIFIER.test(expression)) throw new Error(`Not a column: ${key}`);
    }
  }

  /** The table's columns under `alias` (`p.id, p.title, ...`). */
  as(alias: string): Selection<T> {
    return this.#selection(alias, false);
  }

  /** The same, for the right side of an outer join: null when the row has none (its first column is null). */
  orNull(alias: string): Selection<T | null> {
    return this.#selection(alias, true);
  }

  #selection<S>(alias: string, orNull: boolean): Selection<S> {
    if (!IDENTIFIER.test(alias)) throw new Error(`Not an alias: ${alias}`);
    const lists = this.#columns.map(([, { expression, kind }]) => new Column(`${alias}.${expression}`, kind).list);
    const list = new Fragment(['', ...lists.slice(1).map(() => ', '), ''], lists);
    return new Selection<S>(list, lists.length, (at) => {
      const fields = this.#columns.map(([key, { kind }], i) => `${key}: ${new Column(key, kind).source(at + i)}`);
      const object = `{ ${fields.join(', ')} }`;
      return orNull ? `(r[${at}] === null ? null : ${object})` : object;
    });
  }
}

export const table = <T>(columns: ColumnsOf<T>) => new Table<T>(columns);

type ValuesOf<S extends readonly Selection<unknown>[]> = {
  -readonly [K in keyof S]: S[K] extends Selection<infer T> ? T : never;
};

/** Several selections side by side, decoded to a tuple: `row(posts.as('p'), users.as('u'))` is `[Post, User]`. */
export function row<const S extends readonly Selection<unknown>[]>(...items: S): Selection<ValuesOf<S>> {
  const list = new Fragment(
    ['', ...items.slice(1).map(() => ', '), ''],
    items.map((item) => item.list),
  );
  return new Selection(
    list,
    items.reduce((width, item) => width + item.width, 0),
    (at) => {
      const sources: string[] = [];
      for (const item of items) {
        sources.push(item.source(at));
        at += item.width;
      }
      return `[${sources.join(', ')}]`;
    },
  );
}

interface Rendering {
  values: unknown[];
  selection: Selection<unknown> | undefined;
  params: Map<Param, string> | undefined;
}

function renderInto(fragment: Fragment<unknown>, into: Rendering): string {
  const { strings, values } = fragment;
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value instanceof Fragment) text += renderInto(value, into);
    else if (value instanceof Selection) {
      if (into.selection) throw new Error('A statement has one select list: put the selections in one row()');
      into.selection = value;
      text += renderInto(value.list, into);
    } else if (value instanceof Param) {
      let placeholder = into.params?.get(value);
      if (placeholder === undefined) {
        placeholder = `$${into.values.push(value.value)}`;
        into.params ??= new Map();
        into.params.set(value, placeholder);
      }
      text += placeholder;
    } else text += `$${into.values.push(value)}`;
    text += strings[i + 1]!;
  }
  return text;
}

/** The text and parameters of a statement (to EXPLAIN it, say). */
export function render(statement: Fragment<unknown>): { text: string; values: unknown[] } {
  const into: Rendering = { values: [], selection: undefined, params: undefined };
  return { text: renderInto(statement, into), values: into.values };
}

const hashes = new Map<string, string>();

/**
 * A statement's name: its label and a hash of its text, so two texts never share a name (pg refuses that) and
 * nobody keeps names by hand. Texts are few (their variable parts are parameters, LIMIT is bounded), so the
 * hashes are remembered; the bound only guards against a statement built wrongly.
 */
function nameOf(label: string, text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) {
    if (hashes.size >= 10_000) hashes.clear();
    hash = createHash('sha256').update(text).digest('base64url').slice(0, 12);
    hashes.set(text, hash);
  }
  return `${label}-${hash}`;
}

/**
 * Runs a read and decodes its rows. PostgreSQL prepares it once per connection under its name (see nameOf);
 * `label` says what it reads, and names its span in traces.
 */
export async function read<T>(db: Sql, label: string, statement: Fragment<T>): Promise<T[]> {
  const into: Rendering = { values: [], selection: undefined, params: undefined };
  const text = renderInto(statement, into);
  if (!into.selection) throw new Error(`The statement ${label} selects nothing to decode`);
  const rows = await db({ name: nameOf(label, text), label, text, values: into.values });
  // The one place a row's type is asserted: the selection in the text is the one that decodes it, and the `sql`
  // tag gave the statement that selection's type.
  return into.selection.decode(rows) as T[];
}

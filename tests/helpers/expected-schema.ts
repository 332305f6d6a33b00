import fs from 'node:fs';
import { get_dmmf } from '@prisma/prisma-schema-wasm';

/** The shape we compare: what schema.prisma declares, as PostgreSQL would describe it. */
export interface SchemaShape {
  /** `generated`: a stored generated column, whose `default` is its expression. */
  columns: Record<string, { type: string; nullable: boolean; default: string | null; generated: boolean }>;
  /** `method`: the index access method (btree unless the schema names another, e.g. Gin). */
  indexes: Record<string, { table: string; unique: boolean; primary: boolean; method: string; columns: string[] }>;
  foreignKeys: Record<
    string,
    {
      table: string;
      columns: string[];
      references: string;
      referencedColumns: string[];
      onDelete: string;
      onUpdate: string;
    }
  >;
}

interface Field {
  name: string;
  dbName?: string;
  kind: string;
  type: string;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  nativeType: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface Model {
  name: string;
  dbName: string | null;
  fields: Field[];
}
interface Index {
  model: string;
  type: 'id' | 'unique' | 'normal';
  dbName?: string;
  algorithm?: string;
  fields: { name: string; sortOrder?: 'asc' | 'desc' }[];
}

const SCALAR_TYPES: Record<string, string> = {
  Int: 'integer',
  BigInt: 'bigint',
  String: 'text',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Float: 'double precision',
  Json: 'jsonb',
};

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  VarChar: ([n]) => `character varying(${n})`,
  Char: ([n]) => `character(${n})`,
  Text: () => 'text',
  Citext: () => 'citext',
  Timestamptz: ([p]) => `timestamp(${p ?? 6}) with time zone`,
  Timestamp: ([p]) => `timestamp(${p ?? 6}) without time zone`,
  Integer: () => 'integer',
  Uuid: () => 'uuid',
};

const ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

function sqlType(field: Field): string {
  if (!field.nativeType) return SCALAR_TYPES[field.type] ?? `unknown ${field.type}`;
  const [name, args] = field.nativeType;
  return NATIVE_TYPES[name]?.(args) ?? `unknown ${name}`;
}

function sqlDefault(table: string, column: string, field: Field): string | null {
  const value = field.default as { name?: string } | string | number | boolean | undefined;
  if (value === undefined) return null;
  if (typeof value === 'object' && value.name === 'autoincrement') return `nextval('${table}_${column}_seq'::regclass)`;
  if (typeof value === 'object' && value.name === 'now') return 'CURRENT_TIMESTAMP';
  if (typeof value === 'object' && value.name === 'dbgenerated') return (value as { args: string[] }).args[0]!;
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'::${sqlType(field).replace(/\(\d+\)$/, '')}`;
  return String(value);
}

/**
 * Fields of `Unsupported("type")` are left out of Prisma's DMMF, so they are read from the text. In our schema
 * such a field with `@default(dbgenerated("expr"))` is a stored generated column (Prisma cannot say that, and
 * never writes the field).
 */
function unsupportedFields(text: string): Map<string, Field[]> {
  const byModel = new Map<string, Field[]>();
  for (const [, model, body] of text.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    for (const [, name, type, optional, rest] of body!.matchAll(/^\s+(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/gm)) {
      const generated = /@default\(dbgenerated\("((?:[^"\\]|\\.)*)"\)\)/.exec(rest!);
      const dbName = /@map\("([^"]+)"\)/.exec(rest!)?.[1];
      byModel.set(model!, [
        ...(byModel.get(model!) ?? []),
        {
          name: name!,
          dbName,
          kind: 'unsupported',
          type: type!,
          isRequired: !optional,
          isUnique: false,
          isId: false,
          isUpdatedAt: false,
          nativeType: null,
          default: generated ? { name: 'dbgenerated', args: [generated[1]!.replace(/\\(.)/g, '$1')] } : undefined,
        },
      ]);
    }
  }
  return byModel;
}

/** Reads schema.prisma with Prisma's own parser and applies Prisma's PostgreSQL naming conventions. */
export function expectedSchema(schemaFile: string): SchemaShape {
  const text = fs.readFileSync(schemaFile, 'utf8');
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: text })));
  const unsupported = unsupportedFields(text);
  const models: Model[] = (dmmf.datamodel.models as Model[]).map((model) => ({
    ...model,
    fields: [...model.fields, ...(unsupported.get(model.name) ?? [])],
  }));
  const tableOf = new Map(models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: string, field: string) => {
    const found = models.find((m) => m.name === model)!.fields.find((f) => f.name === field)!;
    return found.dbName ?? found.name;
  };
  const shape: SchemaShape = { columns: {}, indexes: {}, foreignKeys: {} };

  for (const model of models) {
    const table = tableOf.get(model.name)!;
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const column = field.dbName ?? field.name;
      shape.columns[`${table}.${column}`] = {
        type: field.kind === 'unsupported' ? field.type : sqlType(field),
        nullable: !field.isRequired,
        default: sqlDefault(table, column, field),
        generated: field.kind === 'unsupported' && field.default !== undefined,
      };
    }
    for (const field of model.fields.filter((f) => f.relationFromFields?.length)) {
      const columns = field.relationFromFields!.map((name) => columnOf(model.name, name));
      shape.foreignKeys[`${table}_${columns.join('_')}_fkey`] = {
        table,
        columns,
        references: tableOf.get(field.type)!,
        referencedColumns: field.relationToFields!.map((name) => columnOf(field.type, name)),
        onDelete: ACTIONS[field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')]!,
        onUpdate: 'CASCADE',
      };
    }
  }

  for (const index of dmmf.datamodel.indexes as Index[]) {
    const table = tableOf.get(index.model)!;
    const columns = index.fields.map((f) => columnOf(index.model, f.name));
    const suffix = { id: 'pkey', unique: 'key', normal: 'idx' }[index.type];
    const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : `${table}_${columns.join('_')}_${suffix}`);
    shape.indexes[name] = {
      table,
      unique: index.type !== 'normal',
      primary: index.type === 'id',
      method: (index.algorithm ?? 'btree').toLowerCase(),
      columns: index.fields.map((f, i) => `${columns[i]}${f.sortOrder === 'desc' ? ' DESC' : ''}`),
    };
  }
  return shape;
}

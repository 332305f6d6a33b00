import { getNamedType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';

// docs/api.md (Errors) promises that a client can read any mutation's failure with `... on Error { message }`.
describe('every mutation result', () => {
  const mutations = Object.values(schema.getMutationType()!.getFields());

  it.each(mutations.map((field) => [field.name, field] as const))('%s can be spread on Error', (_name, field) => {
    const args = field.args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
    const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const call = passed ? `${field.name}(${passed})` : field.name;
    const document = parse(`mutation M${args ? `(${args})` : ''} { ${call} { __typename ... on Error { message } } }`);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    expect(getNamedType(field.type).name).toMatch(/Result$/);
  });
});

import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';

// schema.graphql is the reference front-end developers read and generate clients from: everything in it is explained.
it('describes every type, field, argument and enum value', () => {
  const missing: string[] = [];
  let described = 0;
  const check = (what: string, description: string | null | undefined) =>
    description ? described++ : missing.push(what);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : [])
          check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
  }
  expect(missing).toEqual([]);
  expect(described).toBeGreaterThan(150); // the walk above reached the whole schema
});

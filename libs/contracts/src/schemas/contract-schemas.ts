import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { EnvelopeShape, type EventDefinition } from '../envelope';

export type JsonSchema = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

/**
 * JSON Schemas of the contract classes, derived from the class-validator decorators the
 * consumers validate with (and class-transformer's @Type for nested classes), then adjusted
 * so that a schema accepts what the decoder accepts:
 * - `@IsOptional()` lets null through as well as absence: optional properties accept null;
 * - a `$ref` carries no sibling keywords (they are ignored beside `$ref` in the schema
 *   dialect AsyncAPI uses), and the `not: null` the generator adds there is implied anyway.
 * Unknown properties are allowed: consumers strip them (a tolerant reader).
 */
export function contractSchemas(definitions: readonly EventDefinition<object>[]): Record<string, JsonSchema> {
  const all = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: REF_PREFIX,
  }) as Record<string, JsonSchema>;
  const roots = [EnvelopeShape.name, ...definitions.map((definition) => definition.payload.name)];
  const reachable = new Set<string>();
  const visit = (name: string): void => {
    if (reachable.has(name)) return;
    const schema = all[name];
    if (!schema) throw new Error(`no schema for contract class ${name}`);
    reachable.add(name);
    for (const ref of JSON.stringify(schema).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z0-9]+)"/g)) {
      visit(ref[1]);
    }
  };
  roots.forEach(visit);
  return Object.fromEntries([...reachable].sort().map((name) => [name, tolerant(all[name])]));
}

function tolerant(schema: JsonSchema): JsonSchema {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return {
    ...schema,
    properties: Object.fromEntries(
      Object.entries(properties).map(([name, property]) => {
        const clean = withoutRefSiblings(property);
        return [name, required.has(name) ? clean : { anyOf: [clean, { type: 'null' }] }];
      }),
    ),
  };
}

function withoutRefSiblings(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref };
  if (schema.not && (schema.not as JsonSchema).type === 'null') {
    const { not: _not, ...rest } = schema;
    return rest;
  }
  if (schema.items && typeof schema.items === 'object') {
    return { ...schema, items: withoutRefSiblings(schema.items as JsonSchema) };
  }
  return schema;
}

/** The envelope of one event type: the common envelope with its type, version and payload fixed. */
export function envelopeSchema(definition: EventDefinition<object>): JsonSchema {
  return {
    allOf: [
      { $ref: `${REF_PREFIX}${EnvelopeShape.name}` },
      {
        type: 'object',
        properties: {
          type: { const: definition.type },
          version: { const: definition.version },
          payload: { $ref: `${REF_PREFIX}${definition.payload.name}` },
        },
      },
    ],
  };
}

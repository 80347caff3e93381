type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One schema from Nest's OpenAPI 3.0 dialect to JSON Schema 2020-12, as OpenAPI 3.1 reads it. */
function convertSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const { nullable, example, ...rest } = schema;
  const converted: Json = { ...rest };
  if (example !== undefined && converted.examples === undefined) converted.examples = [example];
  if (isObject(rest.properties)) {
    converted.properties = Object.fromEntries(Object.entries(rest.properties).map(([k, v]) => [k, convertSchema(v)]));
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    if (isObject(rest[key])) converted[key] = convertSchema(rest[key]);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(rest[key])) converted[key] = rest[key].map(convertSchema);
  }
  if (nullable !== true) return converted;
  if (converted.allOf || converted.$ref || converted.oneOf || converted.anyOf) {
    // Nest writes a nullable reference as `type: object, allOf: [$ref]`: the null goes beside it.
    const { description, type: _type, ...core } = converted;
    const single = Array.isArray(core.allOf) && core.allOf.length === 1 && Object.keys(core).length === 1;
    const schemaOrNull = [single ? (core.allOf as unknown[])[0] : core, { type: 'null' }];
    return { ...(description === undefined ? {} : { description }), anyOf: schemaOrNull };
  }
  if (typeof converted.type === 'string') {
    converted.type = [converted.type, 'null'];
    if (Array.isArray(converted.enum)) converted.enum = [...(converted.enum as unknown[]), null];
    return converted;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

/** Walks a whole document: every `schema` and every component schema is converted. */
export function toOpenApi31<T>(document: T): T {
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (!isObject(value)) return value;
    if (key === 'schema') return convertSchema(value);
    if (key === 'schemas') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertSchema(v)]));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
  };
  return walk(document) as T;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  uuid: '0190b6c4-5a7e-7c3e-9f00-6b1d2c3e4f50',
  'date-time': '2026-12-04T08:00:00.000Z',
  date: '2026-12-04',
  email: 'referent@example.fr',
  uri: 'https://partner.example.fr/vigie/webhook',
  url: 'https://partner.example.fr/vigie/webhook',
};

/**
 * An example value for a schema (OpenAPI 3.0 or 3.1 dialect): the schema's own example, default
 * or first enumerated value where it has one, else a plain value of its type. Objects carry
 * their required properties and the optional ones that have an example.
 */
export function exampleOf(schema: unknown, schemas: Record<string, unknown>, depth = 0): unknown {
  if (!isObject(schema) || depth > 8) return undefined;
  if (typeof schema.$ref === 'string') {
    return exampleOf(schemas[schema.$ref.replace('#/components/schemas/', '')], schemas, depth + 1);
  }
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[key])) return exampleOf(schema[key][0], schemas, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((part) => exampleOf(part, schemas, depth + 1) as object));
  }
  const type: unknown = Array.isArray(schema.type) ? (schema.type as unknown[])[0] : schema.type;
  switch (type) {
    case 'string': {
      const fromFormat = FORMAT_EXAMPLES[String(schema.format)];
      if (fromFormat) return fromFormat;
      const length = Math.max(Number(schema.minLength ?? 1), 1);
      return length > 6 ? 'x'.repeat(length) : 'string';
    }
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array': {
      const item = exampleOf(schema.items, schemas, depth + 1);
      return item === undefined ? [] : Array.from({ length: Math.max(Number(schema.minItems ?? 1), 1) }, () => item);
    }
    default: {
      if (!isObject(schema.properties)) return {};
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      const entries = Object.entries(schema.properties)
        .filter(([name, property]) => required.has(name) || (isObject(property) && property.example !== undefined))
        .map(([name, property]) => [name, exampleOf(property, schemas, depth + 1)]);
      return Object.fromEntries(entries);
    }
  }
}

import Ajv, { type AnySchema } from 'ajv';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  getMetadataStorage,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_ENUM,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_LATITUDE,
  IS_LONGITUDE,
  IS_NOT_EMPTY,
  IS_STRING,
  IS_UUID,
  isInt,
  isISO8601,
  isLatitude,
  isLongitude,
  isUUID,
  MATCHES,
  matches,
  MAX_LENGTH,
  MIN,
  ValidationTypes,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';

/*
 * A request body's class-validator rules compiled into one ajv function, for the routes every
 * alert goes through. It is derived from the body class's own decorators, so the class stays the
 * one definition; what the function accepts, the strict validation pipe accepts too and turns
 * into the same values, and what it refuses goes to the pipe, which decides and words the errors.
 *
 * "Accepts too" holds rule by rule, and a rule that is not known to hold refuses to compile:
 * - types, enums, array sizes, minimum and required properties are the JSON Schema keywords the
 *   decorators' converters give; every class refuses unknown properties (whitelist + forbid);
 * - string lengths count code points, as many as or more than class-validator counts (it also
 *   leaves out emoji presentation selectors);
 * - latitude, longitude, ISO 8601, UUID, pattern and integer checks call class-validator's own
 *   functions (the generic converters are looser: any number is a latitude, `urn:uuid:` prefixes);
 * - `@IsOptional()` and `@ValidateIf()` are ignored: a given value is always checked, and null
 *   (which `@IsOptional()` lets through) is refused, so the pipe decides those bodies;
 * - `@IsDefined()` makes a property required even under `@ValidateIf()`;
 * - the value accepted is the value handed on, so a class the pipe would build differently
 *   (default values, `@Transform`, `@Expose`/`@Exclude`, a converting `@Type`) refuses to compile.
 */

/** The custom keyword that runs one of class-validator's own checks: `[name, ...arguments]`. */
const CHECK = 'x-class-validator';

type Check = (value: unknown) => boolean;

const CHECKS: Record<string, (...args: never[]) => Check> = {
  isLatitude: () => (value) => isLatitude(value as string),
  isLongitude: () => (value) => isLongitude(value as string),
  isInt: () => (value) => isInt(value),
  isISO8601: (options: Parameters<typeof isISO8601>[1]) => (value) => isISO8601(value, options),
  isUUID: (version: string | null) => (value) => isUUID(value, (version ?? undefined) as Parameters<typeof isUUID>[1]),
  matches: (source: string, flags: string) => {
    const pattern = new RegExp(source, flags);
    return (value) => matches(value as string, pattern);
  },
};

function check(type: string, name: string, ...args: unknown[]): Record<string, unknown> {
  return { type, [CHECK]: [name, ...args] };
}

const CONVERTERS: ISchemaConverters = {
  [IS_LATITUDE]: check('number', 'isLatitude'),
  [IS_LONGITUDE]: check('number', 'isLongitude'),
  // `number`, not `integer`: merged with `@Min`'s type, whichever comes last must not loosen it.
  [IS_INT]: check('number', 'isInt'),
  [IS_ISO8601]: (meta) => check('string', 'isISO8601', meta.constraints?.[0] ?? null),
  [IS_UUID]: (meta) => check('string', 'isUUID', meta.constraints?.[0] ?? null),
  [MATCHES]: (meta) => {
    const [pattern, modifiers] = meta.constraints as [RegExp | string, string | undefined];
    const [source, flags] = pattern instanceof RegExp ? [pattern.source, pattern.flags] : [pattern, modifiers ?? ''];
    if (/[gy]/.test(flags)) throw new Error(`${meta.propertyName}: a stateful pattern (/${flags}) cannot be compiled`);
    return check('string', 'matches', source, flags);
  },
};

/** The rules whose compiled form accepts nothing class-validator refuses (see above). */
const COMPILABLE = new Set<string>([
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ...[IS_ENUM, IS_IN, IS_STRING, IS_BOOLEAN, IS_INT, MIN, MAX_LENGTH, IS_NOT_EMPTY],
  ...[IS_ARRAY, ARRAY_MIN_SIZE, ARRAY_MAX_SIZE],
  ...Object.keys(CONVERTERS),
]);

type BodyClass = new () => object;
type ObjectSchema = { properties?: Record<string, unknown>; required?: string[]; [keyword: string]: unknown };

/** The rule a metadata entry stands for: its type, or for a decorator built on a constraint, its name. */
function ruleOf(meta: ValidationMetadata): string {
  if (meta.type !== ValidationTypes.CUSTOM_VALIDATION || !meta.constraintCls) return meta.type;
  return getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls)[0]?.name ?? meta.type;
}

/**
 * Refuses a class whose instance the pipe would build differently from the plain value: default
 * values, `@Expose`/`@Exclude`, `@Transform`, or a `@Type` that converts a value it does not check
 * as a nested class (a `Date`, say).
 */
function assertBuiltAsGiven(target: BodyClass, metadata: readonly ValidationMetadata[]): void {
  const defaults = Object.entries(new target()).flatMap(([key, value]) => (value === undefined ? [] : [key]));
  if (defaults.length > 0) throw new Error(`${target.name}: default values (${defaults.join(', ')}) change the body`);
  const transformer = defaultMetadataStorage;
  if (transformer.getExposedMetadatas(target).length > 0 || transformer.getExcludedMetadatas(target).length > 0) {
    throw new Error(`${target.name}: @Expose or @Exclude change the body`);
  }
  const nested = new Set(
    metadata.filter((meta) => meta.type === ValidationTypes.NESTED_VALIDATION).map((meta) => meta.propertyName),
  );
  for (const property of new Set(metadata.map((meta) => meta.propertyName))) {
    if (transformer.findTransformMetadatas(target, property, TransformationType.PLAIN_TO_CLASS).length > 0) {
      throw new Error(`${target.name}.${property}: @Transform changes the body`);
    }
    if (transformer.findTypeMetadata(target, property) && !nested.has(property)) {
      throw new Error(`${target.name}.${property}: @Type without nested validation changes the body`);
    }
  }
}

/** The body class and every class nested in it, each with its validation rules. */
function classesOf(root: BodyClass): Map<BodyClass, ValidationMetadata[]> {
  const classes = new Map<BodyClass, ValidationMetadata[]>();
  const visit = (target: BodyClass): void => {
    if (classes.has(target)) return;
    const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    classes.set(target, metadata);
    assertBuiltAsGiven(target, metadata);
    for (const meta of metadata) {
      const rule = ruleOf(meta);
      if (!COMPILABLE.has(rule)) {
        throw new Error(`${target.name}.${meta.propertyName}: ${rule} has no compiled form known to match it`);
      }
      if (meta.type !== ValidationTypes.NESTED_VALIDATION) continue;
      const nested = defaultMetadataStorage.findTypeMetadata(target, meta.propertyName)?.typeFunction();
      if (typeof nested !== 'function') throw new Error(`${target.name}.${meta.propertyName}: nested without @Type`);
      visit(nested as BodyClass);
    }
  };
  visit(root);
  return classes;
}

function compiledSchema(root: BodyClass): AnySchema {
  const definitions: Record<string, ObjectSchema> = {};
  for (const [target, metadata] of classesOf(root)) {
    if (definitions[target.name]) throw new Error(`two body classes are named ${target.name}`);
    const schema = targetConstructorToSchema(target, {
      additionalConverters: CONVERTERS,
      classTransformerMetadataStorage: defaultMetadataStorage,
      refPointerPrefix: '#/definitions/',
    }) as ObjectSchema;
    const defined = metadata
      .filter((meta) => meta.type === ValidationTypes.IS_DEFINED)
      .map((meta) => meta.propertyName);
    definitions[target.name] = {
      ...schema,
      type: 'object',
      properties: schema.properties ?? {},
      required: [...new Set([...(schema.required ?? []), ...defined])],
      additionalProperties: false,
    };
  }
  return { definitions, $ref: `#/definitions/${root.name}` };
}

/**
 * A compiled check of `Body`'s rules: true only for a value the strict validation pipe would
 * accept as it is. Throws at start-up if a rule of the class has no form known to match it.
 */
export function compiledBodyCheck<Body extends object>(body: new () => Body): (value: unknown) => value is Body {
  // Strict about keywords; not about types (`@IsDefined()` gives every property a `not: null`).
  const ajv = new Ajv({ allErrors: false, strict: true, strictTypes: false, strictRequired: false });
  ajv.addKeyword({
    keyword: CHECK,
    schemaType: 'array',
    compile: ([name, ...args]: [string, ...never[]]) => {
      const make = CHECKS[name];
      if (!make) throw new Error(`no class-validator check named ${name}`);
      return make(...args);
    },
  });
  const validate = ajv.compile<Body>(compiledSchema(body)) as (value: unknown) => value is Body;
  return validate;
}

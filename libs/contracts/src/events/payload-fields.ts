import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/*
 * Field checks that the event payloads (and the envelope) repeat, each composed once. The
 * decorators are listed as they would be stacked on the property and applied as a stack applies
 * them (the lowest first): validation reports problems, and the JSON Schemas derived from the
 * metadata list keywords, in the same order as when they were written out.
 */

function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    for (const decorator of [...decorators].reverse()) decorator(target, property);
  };
}

/** An instant, in strict ISO 8601. */
export function Instant(): PropertyDecorator {
  return IsISO8601({ strict: true });
}

/** An instant, in strict ISO 8601, or nothing. */
export function OptionalInstant(): PropertyDecorator {
  return stacked(IsOptional(), IsISO8601({ strict: true }));
}

/** Text that must not be empty, of at most `maxLength` characters when given. */
export function Text(maxLength?: number): PropertyDecorator {
  return maxLength === undefined
    ? stacked(IsString(), IsNotEmpty())
    : stacked(IsString(), IsNotEmpty(), MaxLength(maxLength));
}

/** Text of at most `maxLength` characters, or nothing. */
export function OptionalText(maxLength: number): PropertyDecorator {
  return stacked(IsOptional(), IsString(), MaxLength(maxLength));
}

/** A list of strings. */
export function TextList(): PropertyDecorator {
  return stacked(IsArray(), IsString({ each: true }));
}

/** An object of the given class, required and validated as that class. */
export function Nested(itemClass: () => new () => object): PropertyDecorator {
  return stacked(IsDefined(), ValidateNested(), Type(itemClass));
}

/** An object of the given class, validated as that class when present. */
export function OptionalNested(itemClass: () => new () => object): PropertyDecorator {
  return stacked(IsOptional(), ValidateNested(), Type(itemClass));
}

/** A list of objects of the given class, each validated as that class. */
export function NestedList(itemClass: () => new () => object): PropertyDecorator {
  return stacked(IsArray(), ValidateNested({ each: true }), Type(itemClass));
}

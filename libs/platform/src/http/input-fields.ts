import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { DEPARTMENT_CODE_PATTERN } from '@vigie/contracts';

/*
 * Fields that query and body DTOs share, each one checked and documented the same way everywhere.
 * The validators are listed in the order a stack of them would apply (the lowest first), so a
 * request breaking several rules is answered with its problems in the same order as before.
 */

/** An optional instant (ISO 8601, strictly checked): a period's bound, an expiry. */
export function OptionalInstant(documentation: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(IsISO8601({ strict: true }), IsOptional(), ApiPropertyOptional(documentation));
}

/** A required INSEE département code. */
export function RequiredDepartment(documentation: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    Matches(DEPARTMENT_CODE_PATTERN, { message: 'department must be an INSEE département code' }),
    ApiProperty(documentation),
  );
}

/** An optional INSEE département code. */
export function OptionalDepartment(documentation: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    Matches(DEPARTMENT_CODE_PATTERN, { message: 'department must be an INSEE département code' }),
    IsOptional(),
    ApiPropertyOptional(documentation),
  );
}

/** An optional list of INSEE département codes, at most 110. */
export function OptionalDepartmentList(documentation: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    Matches(DEPARTMENT_CODE_PATTERN, { each: true, message: 'each département must be an INSEE département code' }),
    ArrayMaxSize(110),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional(documentation),
  );
}

/** A required value of an enum. */
export function RequiredEnum(values: object, documentation: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(IsEnum(values), ApiProperty({ enum: values, ...documentation }));
}

/** An optional value of an enum. */
export function OptionalEnum(values: object, documentation: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(IsEnum(values), IsOptional(), ApiPropertyOptional({ enum: values, ...documentation }));
}

/** An optional list of values of an enum, with at most `maximum` of them when given. */
export function OptionalEnumList(
  values: object,
  documentation: ApiPropertyOptions = {},
  options: { maximum?: number } = {},
): PropertyDecorator {
  return applyDecorators(
    IsEnum(values, { each: true }),
    ...(options.maximum === undefined ? [] : [ArrayMaxSize(options.maximum)]),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ enum: values, isArray: true, ...documentation }),
  );
}

/** An optional list of objects of a class, each validated as that class, with at most `maximum` of them. */
export function OptionalNestedList(
  itemClass: Class<unknown>,
  options: { maximum?: number; description?: string } = {},
): PropertyDecorator {
  return applyDecorators(
    Type(() => itemClass),
    ValidateNested({ each: true }),
    ...(options.maximum === undefined ? [] : [ArrayMaxSize(options.maximum)]),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({
      type: [itemClass],
      ...(options.description === undefined ? {} : { description: options.description }),
    }),
  );
}

/**
 * A query parameter `ids`: comma-separated ids of `what` (alerts, broadcasts…), from 1 to
 * `maximum`, to fetch something about a page of a list in one call.
 */
export function CommaSeparatedIds(what: string, maximum: number, example: string): PropertyDecorator {
  return applyDecorators(
    IsUUID('all', { each: true, message: `ids must be ${what} ids (UUIDs) separated by commas` }),
    ArrayMaxSize(maximum),
    ArrayMinSize(1),
    IsArray(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.split(',').map((id) => id.trim()) : value,
    ),
    ApiProperty({
      description: `Comma-separated ${what} ids (at most ${maximum}): a page of a list, in one call`,
      example,
    }),
  );
}

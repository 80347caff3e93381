import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { DEPARTMENT_CODE_PATTERN } from '@vigie/contracts';

/** An optional instant in a query or a body (ISO 8601, strictly checked): a period's bound, an expiry. */
export function OptionalInstant(documentation: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional(documentation), IsOptional(), IsISO8601({ strict: true }));
}

/** An optional INSEE département code in a query or a body. */
export function OptionalDepartment(documentation: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional(documentation),
    IsOptional(),
    Matches(DEPARTMENT_CODE_PATTERN, { message: 'department must be an INSEE département code' }),
  );
}

/**
 * A query parameter `ids`: comma-separated ids of `what` (alerts, broadcasts…), from 1 to
 * `maximum`, to fetch something about a page of a list in one call. The checks are applied in
 * this order so that a bad list's problems are reported ids first, then size, then type.
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

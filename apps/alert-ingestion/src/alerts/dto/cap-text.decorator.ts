import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CAP_LIMITS } from '@vigie/contracts';

interface CapTextOptions {
  optional?: boolean;
  /** Refuse the empty string too. */
  notEmpty?: boolean;
  /** What the API documentation shows besides the limit (example, description, default). */
  api?: ApiPropertyOptions;
}

/**
 * A CAP text field of a request body: documented and checked with its limit from the shared
 * CAP shape (`CAP_LIMITS`), so the body, the XML reader and the events never disagree on it.
 */
export function CapText(limit: keyof typeof CAP_LIMITS, options: CapTextOptions = {}): PropertyDecorator {
  const maxLength = CAP_LIMITS[limit];
  const documented = { ...options.api, maxLength } as ApiPropertyOptions;
  // Listed in the order stacked decorators run (bottom first), so problems come in the same order.
  return applyDecorators(
    MaxLength(maxLength),
    ...(options.notEmpty ? [IsNotEmpty()] : []),
    IsString(),
    ...(options.optional ? [IsOptional(), ApiPropertyOptional(documented)] : [ApiProperty(documented)]),
  );
}

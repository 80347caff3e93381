import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/**
 * A query parameter `limit`: how many items a page holds, a whole number from 1 to `maximum`,
 * `fallback` when absent (the default the route applies, documented here).
 */
export function PageLimit(options: { fallback: number; maximum: number; description?: string }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      default: options.fallback,
      minimum: 1,
      maximum: options.maximum,
      ...(options.description ? { description: options.description } : {}),
    }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(options.maximum),
  );
}

/** A query parameter `cursor`: the opaque position of the next page, as the API returned it. */
export function PageCursor(description = 'The nextCursor of the previous page'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description }),
    IsOptional(),
    Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not one this API returned' }),
  );
}

/**
 * A page of at most `limit` rows out of rows read as one more than a page: that extra row only
 * tells whether another page follows, and then `nextCursor` is the position of the page's last row.
 */
export function pageOf<Row>(
  rows: readonly Row[],
  limit: number,
  cursorOf: (last: Row) => string,
): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}

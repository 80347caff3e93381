import { applyDecorators, Get, Header, Post } from '@nestjs/common';

/**
 * What the console's pages answer belongs to one session (a person's data, a form's CSRF token),
 * so no cache, the browser's included, may keep it.
 */
const NO_STORE = Header('cache-control', 'no-store');

/** A page of the console read with GET, kept by no cache. */
export const PageGet = (path?: string | string[]): MethodDecorator => applyDecorators(Get(path), NO_STORE);

/** A form post whose answer no cache may keep (the form again with its errors, a preview, a sign-in). */
export const PagePost = (path?: string | string[]): MethodDecorator => applyDecorators(Post(path), NO_STORE);

/** A page's table as a CSV file the browser saves as `filename`, kept by no cache either. */
export const CsvDownload = (path: string, filename: string): MethodDecorator =>
  applyDecorators(
    Get(path),
    Header('content-type', 'text/csv; charset=utf-8'),
    Header('content-disposition', `attachment; filename="${filename}"`),
    NO_STORE,
  );

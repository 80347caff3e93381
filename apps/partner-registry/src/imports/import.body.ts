import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, text } from 'express';
import { CSV_MEDIA_TYPE, IMPORT_BODY_LIMIT } from './import.rows';

export { CSV_MEDIA_TYPE };

/** The import route alone reads bodies up to IMPORT_BODY_LIMIT, as JSON or CSV text; every other route keeps the shared limit. */
export function useImportBodyParsers(app: NestExpressApplication): void {
  const path = '/v1/organizations/import';
  app.use(path, json({ limit: IMPORT_BODY_LIMIT, type: 'application/json' }));
  app.use(path, text({ limit: IMPORT_BODY_LIMIT, type: CSV_MEDIA_TYPE }));
}

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { CAP_XML_BODY_LIMIT, CAP_XML_MEDIA_TYPE, JSON_MEDIA_TYPE } from './cap.vocabulary';

/** The media types alert messages are taken in (POST) and answered in (GET). */
export const ALERT_MEDIA_TYPES = [JSON_MEDIA_TYPE, CAP_XML_MEDIA_TYPE] as const;

/** CAP XML bodies arrive as text (up to 256 KiB; beyond, the parser answers 413). */
export function useCapXmlBodyParser(app: NestExpressApplication): void {
  app.useBodyParser('text', { type: CAP_XML_MEDIA_TYPE, limit: CAP_XML_BODY_LIMIT });
}

/** The media type of a Content-Type header, without parameters, lower case. */
export function mediaTypeOf(header: string | undefined): string | undefined {
  const essence = header?.split(';')[0].trim().toLowerCase();
  return essence ? essence.slice(0, 100) : undefined;
}

/** True when the request's Accept header prefers CAP XML to JSON (JSON wins ties and wildcards). */
export function prefersCapXml(request: Request): boolean {
  return request.accepts([...ALERT_MEDIA_TYPES]) === CAP_XML_MEDIA_TYPE;
}

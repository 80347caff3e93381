import type { ArgumentMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import type { AlertSnapshot } from '@vigie/contracts';
import { strictValidationPipe } from '@vigie/platform';
import { AlertView } from '../alerts/dto/alert.view';
import { SubmitAlertDto } from '../alerts/dto/submit-alert.dto';
import { parseCapXml, type CapEnvelope } from './cap-xml.parser';
import { toCapXml } from './cap-xml.writer';
import { UnsupportedMediaTypeError } from './cap.errors';
import { CAP_XML_BODY_LIMIT, CAP_XML_MEDIA_TYPE, JSON_MEDIA_TYPE } from './cap.vocabulary';

/** The media types POST /v1/alerts takes, and GET /v1/alerts/:id can answer in. */
export const ALERT_MEDIA_TYPES = [JSON_MEDIA_TYPE, CAP_XML_MEDIA_TYPE] as const;

/** CAP XML bodies arrive as text (up to 256 KiB; beyond, the parser answers 413). */
export function useCapXmlBodyParser(app: NestExpressApplication): void {
  app.useBodyParser('text', { type: CAP_XML_MEDIA_TYPE, limit: CAP_XML_BODY_LIMIT });
}

// The pipe every JSON body goes through, so both formats meet the same rules and errors.
const validation = strictValidationPipe();
const SUBMISSION: ArgumentMetadata = { type: 'body', metatype: SubmitAlertDto, data: undefined };

/** A submission checked against SubmitAlertDto exactly as a JSON body is. */
export async function validSubmission(plain: unknown): Promise<SubmitAlertDto> {
  return (await validation.transform(plain, SUBMISSION)) as SubmitAlertDto;
}

/** The media type of a Content-Type header, without parameters, lower case. */
export function mediaTypeOf(header: string | undefined): string | undefined {
  const essence = header?.split(';')[0].trim().toLowerCase();
  return essence ? essence.slice(0, 100) : undefined;
}

export interface AlertSubmission {
  input: SubmitAlertDto;
  /** For a CAP XML body: what its header said about the submitter's own message. */
  cap?: CapEnvelope;
}

/** The submitted alert, from a JSON or a CAP 1.2 XML body; any other body is a 415. */
export async function readSubmission(contentType: string | undefined, body: unknown): Promise<AlertSubmission> {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === JSON_MEDIA_TYPE) return { input: await validSubmission(body) };
  if (mediaType === CAP_XML_MEDIA_TYPE) {
    const { submission, envelope } = parseCapXml(body);
    return { input: await validSubmission(submission), cap: envelope };
  }
  throw new UnsupportedMediaTypeError(mediaType, ALERT_MEDIA_TYPES);
}

/** True when the request's Accept header prefers CAP XML to JSON (JSON wins ties and wildcards). */
export function prefersCapXml(request: Request): boolean {
  return request.accepts([...ALERT_MEDIA_TYPES]) === CAP_XML_MEDIA_TYPE;
}

/** The alert in the representation the request asks for: CAP 1.2 XML, or JSON by default. */
export function alertRepresentation(request: Request, response: Response, alert: AlertSnapshot): AlertView | string {
  response.vary('Accept');
  if (!prefersCapXml(request)) return AlertView.of(alert);
  response.type(CAP_XML_MEDIA_TYPE);
  return toCapXml(alert);
}

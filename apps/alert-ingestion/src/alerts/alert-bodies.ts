import type { ArgumentMetadata } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AlertMessageType, type AlertSnapshot } from '@vigie/contracts';
import { compiledBodyCheck, InvalidRequestError, strictValidationPipe, UnsupportedBodyError } from '@vigie/platform';
import { ALERT_MEDIA_TYPES, mediaTypeOf, prefersCapXml } from '../cap/alert-negotiation';
import { parseCapXml, type CapEnvelope } from '../cap/cap-xml.parser';
import { toCapXml } from '../cap/cap-xml.writer';
import { CAP_XML_MEDIA_TYPE, JSON_MEDIA_TYPE } from '../cap/cap.vocabulary';
import { cancellationOf, type Cancellation } from './alert.cancellation';
import type { DeclaredOrigin } from './alert.writer';
import { AlertView } from './dto/alert.view';
import { CancelAlertDto } from './dto/cancel-alert.dto';
import { SubmitAlertDto } from './dto/submit-alert.dto';

/*
 * The bodies of the alert routes, in JSON or in CAP 1.2 XML, checked by the same rules, and
 * the alert answered in either.
 */

// The pipe every JSON body goes through, so both formats meet the same rules and errors.
const validation = strictValidationPipe();
const metadata = (metatype: new () => object): ArgumentMetadata => ({ type: 'body', metatype, data: undefined });

/** SubmitAlertDto's rules compiled: a body it accepts, the pipe would accept as it is (ADR 60). */
const compiledSubmission = compiledBodyCheck(SubmitAlertDto);

/**
 * A submission checked against SubmitAlertDto exactly as a JSON body is: by the compiled check
 * first, and by the pipe, which decides and words the errors, for what the check refuses.
 */
export async function validSubmission(plain: unknown): Promise<SubmitAlertDto> {
  if (compiledSubmission(plain)) return plain;
  return (await validation.transform(plain, metadata(SubmitAlertDto))) as SubmitAlertDto;
}

export interface AlertSubmission {
  input: SubmitAlertDto;
  /** For a CAP XML body: what its header said about the submitter's own message. */
  cap?: CapEnvelope;
}

/** The sender and sent a CAP document declared for itself, for its later references. */
export function declaredOrigin(submission: { cap?: CapEnvelope }): DeclaredOrigin | undefined {
  return submission.cap ? { sender: submission.cap.sender, sent: submission.cap.sent } : undefined;
}

/** A CAP message (Alert, Update or Cancel), from a JSON or a CAP 1.2 XML body; any other body is a 415. */
export async function readSubmission(contentType: string | undefined, body: unknown): Promise<AlertSubmission> {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === JSON_MEDIA_TYPE) return { input: await validSubmission(body) };
  if (mediaType === CAP_XML_MEDIA_TYPE) {
    const { submission, envelope } = parseCapXml(body);
    return { input: await validSubmission(submission), cap: envelope };
  }
  throw new UnsupportedBodyError(mediaType, ALERT_MEDIA_TYPES);
}

/** The body of POST /v1/alerts/:id/updates: the new content in JSON, or a CAP Update message. */
export async function readUpdate(contentType: string | undefined, body: unknown): Promise<AlertSubmission> {
  const submission = await readSubmission(contentType, body);
  if (submission.cap && submission.input.msgType !== AlertMessageType.Update) {
    throw new InvalidRequestError([{ field: 'msgType', problems: ['msgType must be Update here'] }]);
  }
  return submission;
}

/** The body of POST /v1/alerts/:id/cancel: `{ note }` in JSON, or a CAP Cancel message. */
export async function readCancellation(
  contentType: string | undefined,
  body: unknown,
): Promise<{ cancellation: Cancellation; cap?: CapEnvelope }> {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === JSON_MEDIA_TYPE) {
    return { cancellation: (await validation.transform(body, metadata(CancelAlertDto))) as CancelAlertDto };
  }
  if (mediaType === CAP_XML_MEDIA_TYPE) {
    const { input, cap } = await readSubmission(contentType, body);
    return { cancellation: cancellationOf(input), cap };
  }
  throw new UnsupportedBodyError(mediaType, ALERT_MEDIA_TYPES);
}

/** The alert in the representation the request asks for: CAP 1.2 XML, or JSON by default. */
export function alertRepresentation(request: Request, response: Response, alert: AlertSnapshot): AlertView | string {
  response.vary('Accept');
  if (!prefersCapXml(request)) return AlertView.of(alert);
  response.type(CAP_XML_MEDIA_TYPE);
  return toCapXml(alert);
}

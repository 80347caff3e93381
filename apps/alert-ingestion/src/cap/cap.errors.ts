import { HttpStatus } from '@nestjs/common';
import { DomainError, type FieldError } from '@vigie/platform';

/**
 * A body that is not an acceptable CAP 1.2 document. Always a 400: the filter renders it as
 * `{ error: 'bad_request', message, details }`, `details` listing CAP element paths and problems.
 */
export class CapDocumentError extends DomainError {
  constructor(message: string, details: FieldError[]) {
    super('bad_request', message, HttpStatus.BAD_REQUEST, details);
    this.name = 'CapDocumentError';
  }

  /** A problem with the document as a whole (not XML, refused construct…). */
  static body(message: string, problem: string): CapDocumentError {
    return new CapDocumentError(message, [{ field: 'body', problems: [problem] }]);
  }
}

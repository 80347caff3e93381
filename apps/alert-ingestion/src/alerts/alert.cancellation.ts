import { AlertMessageType, type AlertStatus } from '@vigie/contracts';
import { InvalidRequestError } from '@vigie/platform';
import type { SubmitAlertDto } from './dto/submit-alert.dto';

/** A cancellation: the reason, and for a CAP Cancel its identifier, status and references. */
export interface Cancellation {
  note: string;
  identifier?: string;
  status?: AlertStatus;
  references?: string[];
}

/**
 * The cancellation a CAP Cancel message describes. Its reason is its `note`, which Vigie
 * requires (recipients are told why); its info blocks, if any, are not kept: a cancellation
 * carries the latest content of the chain.
 */
export function cancellationOf(input: SubmitAlertDto): Cancellation {
  if (input.msgType !== AlertMessageType.Cancel) {
    throw new InvalidRequestError([{ field: 'msgType', problems: ['msgType must be Cancel here'] }]);
  }
  if (!input.note?.trim()) {
    throw new InvalidRequestError([{ field: 'note', problems: ['a Cancel gives its reason in note'] }]);
  }
  return { note: input.note, identifier: input.identifier, status: input.status, references: input.references };
}

import { CapText } from './cap-text.decorator';

/** The body of POST /v1/alerts/:id/cancel in JSON: the reason, as long as a CAP note may be. */
export class CancelAlertDto {
  @CapText('note', { notEmpty: true, api: { example: 'Fausse alerte : déclenchement intempestif du détecteur' } })
  note: string;
}

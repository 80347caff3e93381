import { AlertEventCode, AlertMessageType, AlertSeverity, AlertStatus } from '@vigie/contracts';
import { OptionalDepartment, OptionalEnum, OptionalInstant, PageCursor, PageLimit } from '@vigie/platform';

export class ListAlertsQuery {
  @OptionalEnum(AlertStatus) status?: AlertStatus;
  @OptionalEnum(AlertMessageType) msgType?: AlertMessageType;
  @OptionalEnum(AlertEventCode) eventCode?: AlertEventCode;
  @OptionalEnum(AlertSeverity) severity?: AlertSeverity;
  @OptionalDepartment({ example: '69' }) department?: string;
  @OptionalInstant({ description: 'Sent at or after (ISO 8601)' }) from?: string;
  @OptionalInstant({ description: 'Sent before (ISO 8601)' }) to?: string;
  @PageCursor()
  cursor?: string;
  @PageLimit({ fallback: 50, maximum: 200 })
  limit?: number;
}

import type { AlertRoutedV1Payload } from '@vigie/contracts';
import { escalates } from './escalations.service';

const PREFECTURE = '7d2f1a0b-3c4e-4f5a-9b8c-1d2e3f4a5b6c';

function routed(
  alert: { severity: string; msgType?: string; status?: string },
  rule = 'competent-prefecture',
): AlertRoutedV1Payload {
  return {
    alert: {
      msgType: alert.msgType ?? 'Alert',
      status: alert.status ?? 'Actual',
      info: [{ severity: alert.severity }],
    },
    recipients: [
      { organisationId: '5b0e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', rule: 'subscribers', reason: 'subscribed' },
      { organisationId: PREFECTURE, rule, reason: 'competent' },
    ],
  } as unknown as AlertRoutedV1Payload;
}

describe('which routed alerts arm an escalation deadline', () => {
  it.each([
    [{ severity: 'Extreme' }, PREFECTURE],
    [{ severity: 'Severe' }, PREFECTURE],
    [{ severity: 'Severe', status: 'Exercise' }, PREFECTURE],
    [{ severity: 'Severe', msgType: 'Update' }, PREFECTURE],
    [{ severity: 'Moderate' }, null],
    [{ severity: 'Minor' }, null],
    [{ severity: 'Unknown' }, null],
    [{ severity: 'Severe', status: 'Test' }, null],
    [{ severity: 'Extreme', msgType: 'Cancel' }, null],
  ])('%p → %p', (alert, expected) => {
    expect(escalates(routed(alert))).toBe(expected);
  });

  it('finds the competent prefecture when another rule selected it too (a TLP:RED alert naming it)', () => {
    expect(escalates(routed({ severity: 'Severe' }, 'competent-prefecture,named-recipients'))).toBe(PREFECTURE);
    expect(escalates(routed({ severity: 'Severe' }, 'named-recipients,competent-prefecture'))).toBe(PREFECTURE);
    expect(escalates(routed({ severity: 'Severe' }, 'named-recipients'))).toBeNull();
  });

  it('needs a competent prefecture among the recipients', () => {
    expect(escalates(routed({ severity: 'Extreme' }, 'chain-of-the-original'))).toBeNull();
  });
});

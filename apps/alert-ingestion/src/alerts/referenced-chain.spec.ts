import { CapReferenceError, chainOf } from './referenced-chain';

const ALERT = '01a21fc2-7c1e-7b7a-9f00-3b2c1d0e9f8a';
const OTHER = '01a21fc3-0000-7b7a-9f00-3b2c1d0e9f8a';

function refusal(matches: Parameters<typeof chainOf>[0]): CapReferenceError {
  try {
    chainOf(matches);
  } catch (error) {
    expect(error).toBeInstanceOf(CapReferenceError);
    expect((error as CapReferenceError).status).toBe(422);
    return error as CapReferenceError;
  }
  throw new Error('the references were accepted');
}

describe('the chain CAP references name', () => {
  it('is the alert every reference matched, whatever the number of its messages named', () => {
    expect(chainOf([{ position: 1, original_alert_id: ALERT }])).toBe(ALERT);
    expect(
      chainOf([
        { position: 1, original_alert_id: ALERT },
        { position: 2, original_alert_id: ALERT },
        { position: 3, original_alert_id: ALERT },
      ]),
    ).toBe(ALERT);
  });

  it('refuses references that match nothing, naming each by its index, whatever the others matched', () => {
    const error = refusal([
      { position: 1, original_alert_id: ALERT },
      { position: 2, original_alert_id: null },
      { position: 3, original_alert_id: null },
    ]);
    expect(error.code).toBe('unknown_reference');
    expect(error.message).toBe('the references name no message your organisation sent');
    expect(error.details).toEqual([
      { field: 'references.1', problems: ['names no message your organisation sent'] },
      { field: 'references.2', problems: ['names no message your organisation sent'] },
    ]);
  });

  it('refuses references to messages of several alerts, or a reference naming messages of two', () => {
    const across = refusal([
      { position: 1, original_alert_id: ALERT },
      { position: 2, original_alert_id: OTHER },
    ]);
    expect(across.code).toBe('references_across_alerts');
    // One reference matching a message of each of two alerts (an identifier sent twice).
    const ambiguous = refusal([
      { position: 1, original_alert_id: ALERT },
      { position: 1, original_alert_id: OTHER },
    ]);
    expect(ambiguous.message).toMatch(/^the references name messages of 2 different alerts/);
  });

  it('refuses an empty list rather than naming no alert', () => {
    expect(refusal([]).code).toBe('references_across_alerts');
  });
});

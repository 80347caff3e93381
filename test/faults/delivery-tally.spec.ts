import { tally, type Observations, type Receipt } from './delivery-tally';

const A = '0192f0c4-0000-7000-8000-00000000000a';
const B = '0192f0c4-0000-7000-8000-00000000000b';

const receipt = (alertId: string, deliveryId: string, signed = true): Receipt => ({ alertId, deliveryId, signed });

/** Two accepted alerts, each stored, published, routed and delivered once to both recipients. */
function clean(): Observations {
  return {
    accepted: [
      { alertId: A, marker: 'a' },
      { alertId: B, marker: 'b' },
    ],
    stored: new Map([
      ['a', [A]],
      ['b', [B]],
    ]),
    published: {
      submitted: [
        { alertId: A, eventId: 'e-a' },
        { alertId: B, eventId: 'e-b' },
      ],
      routed: [
        { alertId: A, eventId: 'r-a' },
        { alertId: B, eventId: 'r-b' },
      ],
    },
    received: {
      prefecture: [receipt(A, 'd-a-1'), receipt(B, 'd-b-1')],
      subscriber: [receipt(A, 'd-a-2'), receipt(B, 'd-b-2')],
    },
  };
}

describe('the fault oracle’s tally', () => {
  it('counts a clean run as delivered, without duplicates', () => {
    expect(tally(clean())).toMatchObject({
      accepted: 2,
      delivered: 2,
      lost: 0,
      transportDuplicates: 0,
      duplicateEffects: 0,
      problems: [],
    });
  });

  it('counts the same event or delivery seen again as a transport duplicate, not a second effect', () => {
    const observations = clean();
    observations.published.submitted.push({ alertId: A, eventId: 'e-a' });
    observations.received.prefecture.push(receipt(A, 'd-a-1'), receipt(A, 'd-a-1'));
    const counted = tally(observations);
    expect(counted).toMatchObject({ delivered: 2, lost: 0, transportDuplicates: 3, duplicateEffects: 0, problems: [] });
    expect(counted.byStage).toMatchObject({
      submitted: { transportDuplicates: 1 },
      'webhook of prefecture': { transportDuplicates: 2 },
    });
  });

  it('counts a second distinct effect at any stage as a duplicate effect', () => {
    const observations = clean();
    observations.stored.set('a', [A, B]);
    observations.published.routed.push({ alertId: B, eventId: 'r-b-again' });
    observations.received.subscriber.push(receipt(B, 'd-b-other'));
    const counted = tally(observations);
    expect(counted.duplicateEffects).toBe(3);
    expect(counted.problems).toEqual([
      `${A}: 2 distinct effects at ingestion (stored)`,
      `${B}: 2 distinct effects at routed`,
      `${B}: 2 distinct effects at webhook of subscriber`,
    ]);
  });

  it('counts a message missing at one recipient as lost, and says where', () => {
    const observations = clean();
    observations.received.subscriber = [receipt(A, 'd-a-2')];
    expect(tally(observations)).toMatchObject({
      delivered: 1,
      lost: 1,
      problems: [`${B}: nothing at webhook of subscriber`],
    });
  });

  it('does not count a request without a valid signature as a delivery', () => {
    const observations = clean();
    observations.received.prefecture = [receipt(A, 'd-a-1'), receipt(B, 'd-b-1', false)];
    expect(tally(observations)).toMatchObject({
      delivered: 1,
      lost: 1,
      problems: ['prefecture: 1 requests without a valid signature', `${B}: nothing at webhook of prefecture`],
    });
  });

  it('counts as lost an alert whose 201 named an id ingestion did not store for the request', () => {
    const observations = clean();
    observations.stored.set('b', ['0192f0c4-0000-7000-8000-0000000000ff']);
    expect(tally(observations)).toMatchObject({ lost: 1, problems: [expect.stringContaining(`${B}: answered 201`)] });
  });
});

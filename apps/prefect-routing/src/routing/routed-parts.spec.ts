import { ROUTED_RECIPIENTS_PER_EVENT } from '@vigie/contracts';
import { routedParts } from './routing.service';

const recipient = (index: number) => ({
  organisationId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  rule: 'subscriptions',
  reason: 'subscribed',
});

describe('routedParts', () => {
  it('keeps a decision that fits in one event as it was, without a part', () => {
    expect(routedParts([recipient(1), recipient(2)])).toEqual([{ recipients: [recipient(1), recipient(2)] }]);
    expect(routedParts([])).toEqual([{ recipients: [] }]);
  });

  it('numbers the slices of a larger decision, every recipient in exactly one', () => {
    const all = Array.from({ length: ROUTED_RECIPIENTS_PER_EVENT * 2 + 1 }, (_, index) => recipient(index));
    const parts = routedParts(all);
    expect(parts.map((part) => [part.recipients.length, part.part])).toEqual([
      [ROUTED_RECIPIENTS_PER_EVENT, { index: 1, count: 3 }],
      [ROUTED_RECIPIENTS_PER_EVENT, { index: 2, count: 3 }],
      [1, { index: 3, count: 3 }],
    ]);
    expect(parts.flatMap((part) => part.recipients)).toEqual(all);
  });
});

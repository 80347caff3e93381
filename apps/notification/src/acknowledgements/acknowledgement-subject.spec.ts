import { acknowledgementSubject } from './acknowledgements.service';

describe('acknowledgementSubject', () => {
  const alert = '6f1c2d3e-1111-4aaa-8bbb-000000000001';
  it('is a UUID, the same for the same alert and organisation, different otherwise', () => {
    const subject = acknowledgementSubject(alert, '6f1c2d3e-2222-4aaa-8bbb-000000000002');
    expect(subject).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(acknowledgementSubject(alert, '6f1c2d3e-2222-4aaa-8bbb-000000000002')).toBe(subject);
    expect(acknowledgementSubject(alert, '6f1c2d3e-3333-4aaa-8bbb-000000000003')).not.toBe(subject);
  });
});

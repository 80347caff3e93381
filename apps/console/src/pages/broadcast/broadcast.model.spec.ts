import {
  acknowledgementsByBroadcast,
  confirmationError,
  draftOf,
  formErrors,
  liveAcknowledgement,
  readBroadcastForm,
} from './broadcast.model';

const filled = {
  headline: 'Vigilance',
  description: 'Repérages signalés.',
  severity: 'Moderate',
  tlp: 'GREEN',
  status: 'Actual',
};

describe('the broadcast composer', () => {
  it('never defaults exercise or real: the officer chooses', () => {
    expect(formErrors(readBroadcastForm({ ...filled, status: '' })).status).toBeDefined();
    expect(formErrors(readBroadcastForm(filled))).toEqual({});
  });

  it('names each missing or unknown field', () => {
    const errors = formErrors(readBroadcastForm({ severity: 'Apocalyptic', tlp: 'PURPLE' }));
    expect(Object.keys(errors).sort()).toEqual(['description', 'headline', 'severity', 'status', 'tlp']);
  });

  it('puts EXERCICE in the title of an exercise, once', () => {
    expect(draftOf(readBroadcastForm({ ...filled, status: 'Exercise' })).headline).toBe('EXERCICE — Vigilance');
    expect(draftOf(readBroadcastForm({ ...filled, status: 'Exercise', headline: 'EXERCICE — déjà' })).headline).toBe(
      'EXERCICE — déjà',
    );
    expect(draftOf(readBroadcastForm(filled)).headline).toBe('Vigilance');
  });

  it.each([
    ['Actual', 'Extreme', '', true],
    ['Actual', 'Extreme', '13', true],
    ['Actual', 'Extreme', '69', false],
    ['Actual', 'Extreme', '2a', true],
    ['Exercise', 'Extreme', '', false],
    ['Actual', 'Severe', '', false],
  ])('%s %s with "%s" typed: refused=%s', (status, severity, confirmation, refused) => {
    const form = readBroadcastForm({ ...filled, status, severity, confirmation });
    expect(confirmationError(form, ['69']) !== null).toBe(refused);
  });

  it('accepts a Corsican code typed in lower case', () => {
    expect(
      confirmationError(readBroadcastForm({ ...filled, severity: 'Extreme', confirmation: '2a' }), ['2A']),
    ).toBeNull();
  });

  it('keeps only known sectors and convention ids', () => {
    const form = readBroadcastForm({ ...filled, sectors: ['JEWELLERY', 'NUCLEAR'], conventions: 'not-an-id' });
    expect(form.sectors).toEqual(['JEWELLERY']);
    expect(form.conventions).toEqual([]);
  });
});

describe("the sender's view of acknowledgements", () => {
  const ack = (broadcastId: string, name: string, at: string, person: string | null = null) => ({
    broadcastId,
    organisationId: `${name}-id`,
    organisationName: name,
    person: person ? { id: 'p', name: person } : null,
    acknowledgedAt: at,
  });

  it('groups them by broadcast, oldest first, naming the person when there is one', () => {
    const grouped = acknowledgementsByBroadcast([
      ack('b1', 'Creuse Gardiennage', '2026-12-04T20:10:00.000Z'),
      ack('b2', 'Bijouterie Martin', '2026-12-04T20:01:00.000Z'),
      ack('b1', 'Guéret Sécurité', '2026-12-04T20:05:00.000Z', 'Léa Martin'),
    ]);
    expect(grouped.get('b1')).toEqual([
      { organisation: 'Guéret Sécurité', who: 'Léa Martin', at: '2026-12-04T20:05:00.000Z' },
      { organisation: 'Creuse Gardiennage', who: null, at: '2026-12-04T20:10:00.000Z' },
    ]);
    expect(grouped.get('b2')).toHaveLength(1);
    expect(grouped.get('b3')).toBeUndefined();
  });

  it('says live who acknowledged which message, and the count it brings', () => {
    const update = liveAcknowledgement(
      { id: 'b1', headline: 'Vols de câbles', recipients: 3 },
      [
        ack('b1', 'Creuse Gardiennage', '2026-12-04T20:10:00.000Z', 'Hugo Delmas'),
        ack('b1', 'Guéret Sécurité', '2026-12-04T20:05:00.000Z'),
      ],
      'Creuse Gardiennage-id',
    );
    expect(update.acknowledged.map((item) => item.organisation)).toEqual(['Guéret Sécurité', 'Creuse Gardiennage']);
    expect(update.announcement).toBe('Creuse Gardiennage (Hugo Delmas) a acquitté « Vols de câbles » : 2 sur 3.');
    expect(
      liveAcknowledgement({ id: 'b1', headline: 'Vols de câbles', recipients: 3 }, [], 'unknown').announcement,
    ).toBe('Une organisation destinataire a acquitté « Vols de câbles » : 0 sur 3.');
  });
});

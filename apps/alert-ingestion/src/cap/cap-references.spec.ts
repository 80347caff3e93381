import { capReference, capSender, readCapReferences, referenceEntries } from './cap-references';

const SENDER = 'centrale@gardiennage-rhone-alpes.example';

describe('CAP references', () => {
  it('splits the element on any whitespace, dropping empty entries', () => {
    expect(
      referenceEntries(`  ${SENDER},A,2026-11-28T01:14:05+01:00\n\t${SENDER},B,2026-11-28T01:20:00+01:00  `),
    ).toEqual([`${SENDER},A,2026-11-28T01:14:05+01:00`, `${SENDER},B,2026-11-28T01:20:00+01:00`]);
    expect(referenceEntries(undefined)).toEqual([]);
    expect(referenceEntries('   ')).toEqual([]);
  });

  it('reads several references, in order, with the instant each names', () => {
    const { references, problems } = readCapReferences([
      `${SENDER},GRA-0042,2026-11-28T01:14:05+01:00`,
      'vigie:organisation:0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b,01a21fc2-7c1e-7b7a-9f00-3b2c1d0e9f8a,2026-11-28T00:20:00-00:00',
    ]);
    expect(problems).toEqual([]);
    expect(references).toEqual([
      { sender: SENDER, identifier: 'GRA-0042', sent: new Date('2026-11-28T00:14:05Z') },
      {
        sender: 'vigie:organisation:0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b',
        identifier: '01a21fc2-7c1e-7b7a-9f00-3b2c1d0e9f8a',
        sent: new Date('2026-11-28T00:20:00Z'),
      },
    ]);
  });

  it.each([
    ['a CAP offset', '2026-11-28T01:14:05+01:00', '2026-11-28T00:14:05.000Z'],
    ['UTC written as CAP writes it', '2026-11-28T00:14:05-00:00', '2026-11-28T00:14:05.000Z'],
    ['UTC as Z', '2026-11-28T00:14:05Z', '2026-11-28T00:14:05.000Z'],
    ['an offset without a colon', '2026-11-28T01:14:05+0100', '2026-11-28T00:14:05.000Z'],
    ['fractional seconds, which CAP drops', '2026-11-28T00:14:05.987Z', '2026-11-28T00:14:05.000Z'],
    ['a negative offset', '2026-11-27T20:14:05-04:00', '2026-11-28T00:14:05.000Z'],
  ])('reads sent with %s', (_, sent, instant) => {
    const { references, problems } = readCapReferences([`${SENDER},GRA-0042,${sent}`]);
    expect(problems).toEqual([]);
    expect(references[0].sent.toISOString()).toBe(instant);
  });

  it.each([
    ['no comma', 'GRA-0042', 'each reference must be sender,identifier,sent'],
    ['two parts', `${SENDER},GRA-0042`, 'each reference must be sender,identifier,sent'],
    ['four parts', `${SENDER},GRA,0042,2026-11-28T01:14:05+01:00`, 'each reference must be sender,identifier,sent'],
    [
      'an empty sender',
      ',GRA-0042,2026-11-28T01:14:05+01:00',
      'the sender and the identifier of a reference must not be empty',
    ],
    [
      'an empty identifier',
      `${SENDER},,2026-11-28T01:14:05+01:00`,
      'the sender and the identifier of a reference must not be empty',
    ],
    [
      'a space in the identifier (JSON has no whitespace separation)',
      `${SENDER},GRA 0042,2026-11-28T01:14:05+01:00`,
      'the sender and the identifier of a reference must not contain spaces, < or &',
    ],
    [
      'sent without a time zone',
      `${SENDER},GRA-0042,2026-11-28T01:14:05`,
      'the sent of a reference must be a date and time with its time zone, e.g. 2026-11-28T01:12:00+01:00',
    ],
    [
      'sent that is no date',
      `${SENDER},GRA-0042,yesterday`,
      'the sent of a reference must be a date and time with its time zone, e.g. 2026-11-28T01:12:00+01:00',
    ],
    [
      'sent that does not exist',
      `${SENDER},GRA-0042,2026-02-30T01:14:05+01:00`,
      'the sent of a reference must be a date and time with its time zone, e.g. 2026-11-28T01:12:00+01:00',
    ],
  ])('refuses %s, naming the entry', (_, entry, problem) => {
    const good = `${SENDER},GRA-0041,2026-11-28T01:10:00+01:00`;
    const { references, problems } = readCapReferences([good, entry]);
    expect(problems).toEqual([{ field: 'references.1', problems: [problem] }]);
    expect(references).toHaveLength(1);
  });

  it('refuses more references than a message may carry', () => {
    const entries = Array.from({ length: 101 }, (_, index) => `${SENDER},GRA-${index},2026-11-28T01:10:00+01:00`);
    expect(readCapReferences(entries).problems).toEqual([
      { field: 'references', problems: ['at most 100 references'] },
    ]);
  });

  it('names a Vigie message as Vigie writes it, which reads back as the same message', () => {
    const message = {
      sender: capSender('0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b'),
      identifier: 'GRA-0042',
      sent: '2026-11-28T00:14:05.412Z',
    };
    const written = capReference(message);
    expect(written).toBe('vigie:organisation:0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b,GRA-0042,2026-11-28T00:14:05-00:00');
    expect(readCapReferences([written]).references).toEqual([
      { sender: message.sender, identifier: 'GRA-0042', sent: new Date('2026-11-28T00:14:05Z') },
    ]);
  });
});

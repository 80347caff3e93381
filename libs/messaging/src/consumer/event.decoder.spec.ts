import {
  AlertRoutedV1,
  AlertSubmittedV1,
  AlertUpdatedV1,
  PartnerChangedV1,
  createEnvelope,
  type EventDefinition,
  type PartnerChangedV1Payload,
} from '@vigie/contracts';
import { ApiKeyRole, OrganisationKind, OrganisationStatus, Sector } from '@vigie/contracts';
import { decodeEvent } from './event.decoder';
import { PoisonMessageError } from './failure.policy';

const payload: PartnerChangedV1Payload = {
  organisationId: '0192f0c4-0000-7000-8000-000000000001',
  revision: 2,
  kind: OrganisationKind.SecurityFirm,
  name: 'Gardiennage Rhône-Alpes',
  status: OrganisationStatus.Active,
  departments: ['69', '2A'],
  sector: Sector.PrivateSecurity,
  apiKeys: [
    {
      id: '0192f0c4-0000-7000-8000-000000000002',
      secretHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
      roles: [ApiKeyRole.Publisher],
      expiresAt: null,
      revokedAt: null,
    },
  ],
  conventions: [
    { conventionId: '0192f0c4-0000-7000-8000-000000000003', sector: Sector.PrivateSecurity, departments: ['69'] },
  ],
  subscriptions: [],
};

async function poisonReason(value: unknown): Promise<string> {
  try {
    decodeEvent(PartnerChangedV1, value);
  } catch (error) {
    expect(error).toBeInstanceOf(PoisonMessageError);
    return [(error as PoisonMessageError).message, ...(error as PoisonMessageError).details].join('; ');
  }
  throw new Error('expected a poison message');
}

describe('decodeEvent', () => {
  const envelope = createEnvelope(PartnerChangedV1, payload, { producer: 'partner-registry' });

  it('accepts a valid envelope, from an object or from JSON text', async () => {
    expect(decodeEvent(PartnerChangedV1, envelope).payload).toMatchObject(payload);
    expect(decodeEvent(PartnerChangedV1, JSON.stringify(envelope)).id).toBe(envelope.id);
  });

  it('strips payload fields it does not know (tolerant reader)', async () => {
    const decoded = decodeEvent(PartnerChangedV1, { ...envelope, payload: { ...payload, extra: 'x' } });
    expect(decoded.payload).not.toHaveProperty('extra');
  });

  it('refuses what is not a JSON object', async () => {
    expect(await poisonReason('not json')).toBe('value is not JSON');
    expect(await poisonReason('[1, 2]')).toBe('value is not a JSON object');
    expect(await poisonReason(null)).toBe('value is not a JSON object');
  });

  it('refuses an invalid envelope, naming the fields', async () => {
    const reason = await poisonReason({ ...envelope, id: 'nope', correlationId: undefined });
    expect(reason).toMatch(/^invalid envelope; /);
    expect(reason).toContain('correlationId: is missing');
    expect(reason).toContain('id: must match format "uuid"');
  });

  it('refuses an event of another type or version on the topic', async () => {
    const routed = { ...envelope, type: AlertRoutedV1.type };
    expect(await poisonReason(routed)).toBe('unexpected event alert.routed v1 on a topic of partner.changed v1');
    expect(await poisonReason({ ...envelope, version: 2 })).toBe(
      'unexpected event partner.changed v2 on a topic of partner.changed v1',
    );
  });

  it('refuses an invalid payload, naming nested fields', async () => {
    const reason = await poisonReason({
      ...envelope,
      payload: { ...payload, departments: ['20'], apiKeys: [{ ...payload.apiKeys[0], secretHash: 'short' }] },
    });
    expect(reason).toMatch(/^invalid partner.changed v1 payload; /);
    expect(reason).toContain('departments.0: must match pattern');
    expect(reason).toContain('apiKeys.0.secretHash:');
  });

  it.each([AlertSubmittedV1, AlertUpdatedV1, AlertRoutedV1] as EventDefinition<object>[])(
    'refuses an $type payload without its alert: nothing reaches the handler',
    async (definition) => {
      const empty = createEnvelope(definition, {}, { producer: 'test' });
      expect(() => decodeEvent(definition, empty)).toThrow(PoisonMessageError);
      let refused: unknown;
      try {
        decodeEvent(definition, empty);
      } catch (error) {
        refused = error;
      }
      expect(refused).toHaveProperty('details', expect.arrayContaining(['alert: is missing']));
    },
  );
});

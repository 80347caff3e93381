import type { AuditEntry } from '../../clients/registry.client';
import {
  actorInWords,
  auditCsv,
  auditQuery,
  auditRow,
  readAuditFilters,
  readInWords,
  startOfParisDay,
} from './audit.model';

const PERSON = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ORGANISATION = '0e6f2a4c-8f1b-4d3e-9a57-2c1d7b9e4f60';

const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: 7,
  at: '2026-12-04T09:15:00.000Z',
  kind: 'change',
  actor: `organisation:${ORGANISATION}/person:${PERSON} (Ana Lopez)`,
  personId: PERSON,
  action: 'api-key.revoked',
  entity: 'api-key',
  entityId: 'k-1',
  organisationId: ORGANISATION,
  organisationName: 'Forez Sécurité',
  before: { label: 'Centrale' },
  after: null,
  ...fields,
});

describe('the audit viewer', () => {
  it.each([
    ['admin', 'Administrateur de la plateforme'],
    ['seed', 'Vigie (installation ou invitation acceptée)'],
    [`organisation:${ORGANISATION}/person:${PERSON} (Ana Lopez)`, 'Ana Lopez'],
    [`organisation:${ORGANISATION}/key:${PERSON}`, 'Clé d’API vgk_5a1d2c3b…'],
  ])('names the actor %p', (actor, words) => {
    expect(actorInWords(actor)).toBe(words);
  });

  it('reads valid filters into the registry’s query, whole days of Paris time, the last day included', () => {
    const { filters, errors } = readAuditFilters({
      nature: 'lectures',
      personne: PERSON.toUpperCase(),
      organisation: ORGANISATION,
      objet: 'api-key',
      identifiant: 'k-1',
      du: '2026-12-01',
      au: '2026-12-04',
      avant: '120',
    });
    expect(errors).toEqual({});
    expect(auditQuery(filters, 50)).toEqual({
      kind: 'read',
      personId: PERSON,
      organisationId: ORGANISATION,
      entity: 'api-key',
      entityId: 'k-1',
      from: '2026-11-30T23:00:00.000Z',
      to: '2026-12-04T23:00:00.000Z',
      before: '120',
      limit: '50',
    });
  });

  it('starts Paris days at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(startOfParisDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfParisDay('2026-07-14').toISOString()).toBe('2026-07-13T22:00:00.000Z');
    expect(startOfParisDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('refuses malformed filters, and an end before the start', () => {
    const { errors } = readAuditFilters({
      nature: 'tout',
      personne: 'x',
      organisation: '1',
      objet: 'alerte',
      du: '2026-02-30',
      au: 'hier',
    });
    expect(Object.keys(errors).sort()).toEqual(['au', 'du', 'nature', 'objet', 'organisation', 'personne']);
    expect(readAuditFilters({ du: '2026-12-04', au: '2026-12-01' }).errors).toEqual({
      au: 'La date de fin est avant la date de début.',
    });
    expect(readAuditFilters({ avant: '12; DROP' }).filters.avant).toBe('');
  });

  it('exports CSV with each cell quoted as needed and formulas neutralised', () => {
    const csv = auditCsv([
      auditRow(entry({})),
      auditRow(
        entry({
          id: 8,
          actor: `organisation:${ORGANISATION}/person:${PERSON} (=cmd|' /C calc'!A0)`,
          action: 'subscription.created',
          entity: 'subscription',
          entityId: '@evil',
          organisationName: '-Société; "Gardes"',
          before: null,
          after: { departments: ['42'] },
        }),
      ),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFDate (heure de Paris);Qui;Action;Objet;Identifiant de l’objet;Organisation;Avant;Après;Nature;Lecture',
    );
    expect(lines[1]).toBe(
      '04/12/2026 10:15:00;Ana Lopez;Clé d’API révoquée;Clé d’API;k-1;Forez Sécurité;"{""label"":""Centrale""}";;Modification;',
    );
    expect(lines[2]).toBe(
      `04/12/2026 10:15:00;'=cmd|' /C calc'!A0;Abonnement ajouté;Abonnement;'@evil;"'-Société; ""Gardes""";;"{""departments"":[""42""]}";Modification;`,
    );
    expect(lines[3]).toBe('');
  });

  describe('a read', () => {
    const ALERT = '0193f4a2-7c1e-7b3d-9a8f-2d4c6e8a0b1c';
    const read = (fields: Partial<AuditEntry>): AuditEntry =>
      entry({
        kind: 'read',
        action: 'alert.read',
        entity: 'alert',
        entityId: ALERT,
        organisationName: 'Préfecture des Hautes-Alpes',
        before: null,
        after: { originalAlertId: ALERT, tlp: 'RED', department: '05', messages: 1 },
        ...fields,
      });

    it.each([
      [{}, `a consulté l’alerte ${ALERT} (TLP:RED, département 05)`],
      [
        { action: 'alert.chain-read', after: { tlp: 'AMBER', department: '2A', messages: 3 } },
        `a consulté 3 messages de l’alerte ${ALERT} (TLP:AMBER, département 2A)`,
      ],
      [{ action: 'alert.list-read' }, `a vu l’alerte ${ALERT} (TLP:RED, département 05) dans une liste d’alertes`],
      [
        { action: 'alert.history-read', after: { tlp: 'CLEAR', department: '69', messages: 1 } },
        `a consulté l’historique (1 message) de l’alerte ${ALERT} (TLP:CLEAR, département 69)`,
      ],
      [
        { action: 'audit.read', entity: 'audit', entityId: '', after: { entries: 1 } },
        'a consulté le journal d’audit (1 entrée)',
      ],
      [
        {
          action: 'organisation.people-read',
          entity: 'organisation',
          entityId: ORGANISATION,
          organisationName: 'Forez Sécurité',
          after: { count: 4 },
        },
        'a consulté les personnes de Forez Sécurité (4)',
      ],
      [
        {
          action: 'organisation.api-keys-read',
          entity: 'organisation',
          entityId: ORGANISATION,
          organisationName: null,
          after: { count: 2 },
        },
        `a consulté les clés d’API de ${ORGANISATION} (2)`,
      ],
    ])('%#: says what was read in words', (fields, words) => {
      expect(readInWords(read(fields))).toBe(words);
    });

    it('is a sentence naming the reader, in the table and the CSV, without details shown as a change', () => {
      const row = auditRow(read({}));
      expect(row).toMatchObject({
        nature: 'Lecture',
        action: 'A consulté l’alerte',
        object: 'Alerte',
        before: '',
        after: '',
        read: `Ana Lopez a consulté l’alerte ${ALERT} (TLP:RED, département 05)`,
      });
      expect(auditCsv([row]).split('\r\n')[1]).toBe(
        `04/12/2026 10:15:00;Ana Lopez;A consulté l’alerte;Alerte;${ALERT};Préfecture des Hautes-Alpes;;;Lecture;Ana Lopez a consulté l’alerte ${ALERT} (TLP:RED, département 05)`,
      );
    });

    it('is what the "Lectures" filter asks for, the changes what "Modifications" does, everything by default', () => {
      expect(auditQuery(readAuditFilters({ nature: 'modifications' }).filters, 50).kind).toBe('change');
      expect(auditQuery(readAuditFilters({}).filters, 50).kind).toBeUndefined();
      expect(readAuditFilters({ objet: 'alert' }).errors).toEqual({});
    });
  });
});

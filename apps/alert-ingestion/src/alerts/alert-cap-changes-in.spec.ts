import { capFixture } from '../../../../test/fixtures/cap';
import { capRefusal, problemsOf } from '../../../../test/fixtures/cap/refusal';
import { parseCapXml } from '../cap/cap-xml.parser';
import { validSubmission } from './alert-bodies';

const SENDER_ONLY = 'centrale@gardiennage-rhone-alpes.example';
const minimal = capFixture('minimal');

describe('CAP XML changes in', () => {
  describe('updates and cancellations (CAP Update and Cancel)', () => {
    const earlier = 'centrale@gardiennage-rhone-alpes.example,GRA-2026-11-28-0001,2026-11-28T01:14:05+01:00';
    const later = 'centrale@gardiennage-rhone-alpes.example,GRA-2026-11-28-0002,2026-11-28T01:20:00Z';
    const message = (msgType: string, references: string) =>
      minimal
        .replace('<msgType>Alert</msgType>', `<msgType>${msgType}</msgType>`)
        .replace('<scope>Restricted</scope>', `<scope>Restricted</scope><references>${references}</references>`);

    it('gives an Update its references, whitespace-separated in the document, one entry each', async () => {
      const { submission, envelope } = parseCapXml(message('Update', ` ${earlier}\n  ${later} `));
      expect(submission).toMatchObject({ msgType: 'Update', references: [earlier, later] });
      expect(envelope.references).toEqual([earlier, later]);
      expect(await validSubmission(submission)).toMatchObject({ msgType: 'Update', references: [earlier, later] });
    });

    it('reads a Cancel without info blocks or location: it keeps the content of the chain', async () => {
      const document = message('Cancel', earlier)
        .replace(/<info>[\s\S]*<\/info>/, '')
        .replace('<references>', '<note>Fausse alerte</note><references>');
      const { submission } = parseCapXml(document);
      expect(submission).toEqual({
        identifier: 'GRA-2026-11-28-0001',
        status: 'Actual',
        msgType: 'Cancel',
        scope: 'Restricted',
        tlp: 'AMBER',
        personalData: false,
        note: 'Fausse alerte',
        references: [earlier],
      });
      expect(await validSubmission(submission)).toMatchObject({ msgType: 'Cancel', note: 'Fausse alerte' });
      // Its info blocks, when it has some, are not read.
      expect(
        parseCapXml(message('Cancel', earlier).replace('<urgency>Immediate</urgency>', '')).submission,
      ).not.toHaveProperty('info');
    });

    it('keeps an Alert’s references aside, as before', () => {
      const { submission, envelope } = parseCapXml(message('Alert', earlier));
      expect(submission).not.toHaveProperty('references');
      expect(envelope.references).toEqual([earlier]);
    });

    it('refuses each malformed reference with its index', () => {
      const document = message('Update', `${earlier} GRA-0041 ${SENDER_ONLY},X,2026-11-28T01:14:05`);
      expect(problemsOf(capRefusal(document))).toEqual({
        'references.1': ['each reference must be sender,identifier,sent'],
        'references.2': [
          'the sent of a reference must be a date and time with its time zone, e.g. 2026-11-28T01:12:00+01:00',
        ],
      });
    });
  });
});

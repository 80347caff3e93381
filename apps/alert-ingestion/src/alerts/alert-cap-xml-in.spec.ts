import { BadRequestException } from '@nestjs/common';
import { capFixture } from '../../../../test/fixtures/cap';
import { capRefusal, problemsOf } from '../../../../test/fixtures/cap/refusal';
import { parseCapXml } from '../cap/cap-xml.parser';
import { validSubmission } from './alert-bodies';

/** Field errors of the DTO validation (the same pipe as JSON bodies). */
async function dtoProblems(plain: unknown): Promise<Record<string, string[]>> {
  try {
    await validSubmission(plain);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    const { details } = (error as BadRequestException).getResponse() as {
      details: { field: string; problems: string[] }[];
    };
    return Object.fromEntries(details.map((d) => [d.field, d.problems]));
  }
  throw new Error('the submission was valid');
}

const minimal = capFixture('minimal');
const withinInfo = (xml: string) => minimal.replace('<category>Security</category>', xml);

describe('parseCapXml', () => {
  describe('a minimal CAP 1.2 alert', () => {
    it('becomes a submission shaped like the JSON one, with CAP defaults and Vigie defaults', async () => {
      const { submission, envelope } = parseCapXml(minimal);
      expect(submission).toEqual({
        identifier: 'GRA-2026-11-28-0001',
        status: 'Actual',
        msgType: 'Alert',
        scope: 'Restricted',
        tlp: 'AMBER',
        personalData: false,
        location: { commune: '69123' },
        info: [
          {
            language: 'en-US',
            category: ['Security'],
            event: 'Intrusion',
            eventCode: 'other',
            urgency: 'Immediate',
            severity: 'Severe',
            certainty: 'Observed',
            headline: 'Intrusion',
            area: [{ areaDesc: 'Lyon', geocode: [{ valueName: 'INSEE', value: '69123' }] }],
          },
        ],
      });
      expect(envelope).toEqual({
        identifier: 'GRA-2026-11-28-0001',
        sender: 'centrale@gardiennage-rhone-alpes.example',
        sent: '2026-11-28T01:14:05+01:00',
        references: [],
        codes: [],
      });
      expect(await validSubmission(submission)).toEqual(submission);
    });

    it('trims whitespace and reads text split over lines', () => {
      const { submission } = parseCapXml(
        minimal.replace('<event>Intrusion</event>', '<event>\n      Intrusion\n    </event>'),
      );
      expect(submission.info![0].event).toBe('Intrusion');
    });

    it('decodes the predefined entities and character references, and nothing else', () => {
      const { submission } = parseCapXml(
        withinInfo(
          '<category>Security</category><headline>A &amp; B &lt;C&gt; &quot;d&quot; &apos;e&apos; &#233;&#x20AC;</headline>',
        ),
      );
      expect(submission.info![0].headline).toBe('A & B <C> "d" \'e\' é€');
    });

    it('keeps CDATA text as written', () => {
      const { submission } = parseCapXml(
        withinInfo('<category>Security</category><description><![CDATA[ <b>&amp;</b> ]]> &amp; more</description>'),
      );
      expect(submission.info![0].description).toBe('<b>&amp;</b>  & more');
    });
  });

  describe('a full alert', () => {
    const { submission, envelope } = parseCapXml(capFixture('full'));

    it('keeps every info block, in order, with all of its structure', () => {
      expect(submission.info!.map((info) => info.language)).toEqual(['fr-FR', 'en-GB']);
      const [fr, en] = submission.info!;
      expect(fr).toEqual({
        language: 'fr-FR',
        category: ['Security', 'Safety'],
        event: 'Intrusion',
        eventCode: 'intrusion',
        eventCodes: [{ valueName: 'SIA-DC09', value: 'BA' }],
        responseType: ['Monitor', 'Assess'],
        urgency: 'Immediate',
        severity: 'Severe',
        certainty: 'Observed',
        audience: "Forces de l'ordre et référents sûreté du secteur",
        effective: '2026-11-28T01:14:05+01:00',
        onset: '2026-11-28T01:12:00+01:00',
        expires: '2026-11-28T07:00:00+01:00',
        senderName: 'Gardiennage Rhône-Alpes SAS',
        headline: 'Intrusion en cours, entrepôt quai Rambaud',
        description:
          'Deux individus détectés par vidéoprotection & détecteurs volumétriques, zone <B>. Agent sur place.',
        instruction: 'Ne pas intervenir seul ; attendre la patrouille.',
        web: 'https://gardiennage-rhone-alpes.example/alertes/GRA-2026-11-28-0042?vue=carte&zoom=17',
        contact: 'Centrale GRA, 04 00 00 00 00',
        parameter: [
          { valueName: 'SIA-zone', value: 'B-12' },
          { valueName: 'camera', value: 'CAM-07' },
        ],
        resource: [
          {
            resourceDesc: 'Image de la vidéoprotection, caméra 7',
            mimeType: 'image/jpeg',
            size: 48213,
            uri: 'https://gardiennage-rhone-alpes.example/media/cam-07-011205.jpg',
            digest: '3f786850e387550fdab836ed7e6dc881de23001b',
          },
          {
            resourceDesc: 'Plan du site',
            mimeType: 'application/pdf',
            uri: 'https://gardiennage-rhone-alpes.example/sites/quai-rambaud/plan.pdf',
          },
        ],
        area: [
          {
            areaDesc: 'Entrepôt, quai Rambaud, Lyon 2e',
            polygon: ['45.7411,4.8153 45.7418,4.8171 45.7402,4.8180 45.7395,4.8162 45.7411,4.8153'],
            circle: ['45.7407,4.8166 0.2'],
            geocode: [
              { valueName: 'INSEE', value: '69123' },
              { valueName: 'postalCode', value: '69002' },
            ],
          },
          {
            areaDesc: 'Abords, cours Charlemagne',
            circle: ['45.7436,4.8189 0.5', '45.7421,4.8201 0.3'],
            geocode: [{ valueName: 'postalCode', value: '69002' }],
          },
        ],
      });
      expect(en).toMatchObject({ language: 'en-GB', headline: 'Break-in in progress, quai Rambaud warehouse' });
      expect(en.parameter).toEqual([{ valueName: 'SIA-zone', value: 'B-12' }]);
    });

    it('maps the alert header: TLP and personal-data codes, note, incidents, commune', () => {
      expect(submission).toMatchObject({
        identifier: 'GRA-2026-11-28-0042',
        status: 'Actual',
        msgType: 'Alert',
        scope: 'Restricted',
        tlp: 'AMBER+STRICT',
        personalData: true,
        note: 'Transmis par la centrale ; rappel opérateur au 04 00 00 00 00.',
        incidents: ['GRA-INC-7781', 'GRA-INC-7782'],
        location: { commune: '69123' },
      });
    });

    it('returns what the submission cannot carry beside it: sender, sent, references, other codes', () => {
      expect(envelope).toEqual({
        identifier: 'GRA-2026-11-28-0042',
        sender: 'centrale@gardiennage-rhone-alpes.example',
        sent: '2026-11-28T01:14:05+01:00',
        source: 'Centrale de télésurveillance GRA',
        restriction: 'Partenaires de la convention sécurité privée 2019',
        references: ['centrale@gardiennage-rhone-alpes.example,GRA-2026-11-28-0041,2026-11-28T01:12:40+01:00'],
        codes: ['GRA:AUTO'],
      });
    });

    it('passes the JSON submission rules', async () => {
      const input = await validSubmission(submission);
      expect(input).toEqual(submission);
      expect(input.info).toHaveLength(2);
    });
  });

  describe('a document from another tool', () => {
    const { submission, envelope } = parseCapXml(capFixture('foreign'));

    it('reads a prefixed CAP namespace and ignores unknown elements, extensions and the signature', async () => {
      expect(submission).toEqual({
        identifier: 'VLB-PM-2026-0193',
        status: 'Exercise',
        msgType: 'Alert',
        scope: 'Public',
        tlp: 'AMBER',
        personalData: false,
        location: { commune: '69266' },
        info: [
          {
            language: 'en-US',
            category: ['Safety'],
            event: 'Unauthorised gathering',
            eventCode: 'other',
            eventCodes: [{ valueName: 'SAME', value: 'CDW' }],
            urgency: 'Expected',
            severity: 'Moderate',
            certainty: 'Likely',
            headline: 'Unauthorised gathering',
            description: 'About 200 people <place Lazare-Goujon> & nearby streets.',
            resource: [{ resourceDesc: 'Map of the square', mimeType: 'application/pdf' }],
            area: [
              {
                areaDesc: 'Place Lazare-Goujon, Villeurbanne',
                geocode: [
                  { valueName: 'postalCode', value: '69100' },
                  { valueName: 'INSEE', value: '69266' },
                ],
              },
            ],
          },
        ],
      });
      expect(envelope).toMatchObject({ sent: '2026-11-27T23:40:00-00:00', codes: ['IPAWSv1.0'] });
      expect(await validSubmission(submission)).toEqual(submission);
    });
  });

  describe('Vigie mapping', () => {
    it.each([
      ['tlp:green', 'GREEN'],
      ['TLP:CLEAR', 'CLEAR'],
      ['TLP:Amber+Strict', 'AMBER+STRICT'],
      ['TLP:RED', 'RED'],
    ])('reads the TLP label from the code %s', (code, tlp) => {
      const document = minimal.replace('<scope>Restricted</scope>', `<scope>Restricted</scope><code>${code}</code>`);
      expect(parseCapXml(document).submission.tlp).toBe(tlp);
    });

    it('refuses a label that is not TLP 2.0, and conflicting labels', () => {
      const at = (codes: string) => minimal.replace('<scope>Restricted</scope>', `<scope>Restricted</scope>${codes}`);
      expect(problemsOf(capRefusal(at('<code>TLP:WHITE</code>')))['code.0'][0]).toMatch(/not a TLP 2.0 label/);
      expect(problemsOf(capRefusal(at('<code>TLP:RED</code><code>TLP:GREEN</code>'))).code).toEqual([
        'conflicting TLP labels: RED, GREEN',
      ]);
    });

    it('takes the location from the first INSEE geocode across info blocks and areas', () => {
      const document = minimal
        .replace('<value>69123</value>', '<value>75056</value>')
        .replace('<valueName>INSEE</valueName>', '<valueName>postalCode</valueName>')
        .replace(
          '</info>',
          '</info><info><category>Security</category><event>Intrusion</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty><area><areaDesc>a</areaDesc></area><area><areaDesc>b</areaDesc><geocode><valueName>INSEE</valueName><value>13055</value></geocode><geocode><valueName>INSEE</valueName><value>69123</value></geocode></area></info>',
        );
      expect(parseCapXml(document).submission.location).toEqual({ commune: '13055' });
    });

    it('needs an INSEE geocode: 400 on location.commune', () => {
      const document = minimal.replace('<valueName>INSEE</valueName>', '<valueName>postalCode</valueName>');
      expect(problemsOf(capRefusal(document))['location.commune'][0]).toMatch(/geocode whose valueName is INSEE/);
    });

    it('reads vigie parameters (commune, occurrence, site) and leaves them out of the parameters', () => {
      const document = withinInfo(
        `<category>Security</category>
         <parameter><valueName>vigie:commune</valueName><value>13055</value></parameter>
         <parameter><valueName>zone</valueName><value>B</value></parameter>
         <parameter><valueName>vigie:occurredAt</valueName><value>2026-11-28T01:10:00+01:00</value></parameter>
         <parameter><valueName>vigie:siteId</valueName><value>0d7c9a52-4bd5-4a36-9a5e-2f3b2c9e6d11</value></parameter>`,
      );
      const { submission } = parseCapXml(document);
      expect(submission).toMatchObject({
        location: { commune: '13055' },
        occurredAt: '2026-11-28T01:10:00+01:00',
        siteId: '0d7c9a52-4bd5-4a36-9a5e-2f3b2c9e6d11',
      });
      expect(submission.info![0].parameter).toEqual([{ valueName: 'zone', value: 'B' }]);
    });

    it('leaves an unknown vigie event code, and a msgType Vigie does not take (Ack, Error), to the DTO rules', async () => {
      const acknowledgement = parseCapXml(
        withinInfo(
          '<category>Security</category><eventCode><valueName>vigie</valueName><value>burglary</value></eventCode>',
        ).replace('<msgType>Alert</msgType>', '<msgType>Ack</msgType>'),
      );
      const problems = await dtoProblems(acknowledgement.submission);
      expect(problems.msgType).toEqual(['msgType must be Alert, Update or Cancel']);
      expect(problems['info.0.eventCode']).toBeDefined();
    });

    it('refuses several different vigie event codes in one info block', () => {
      const document = withinInfo(
        '<category>Security</category><eventCode><valueName>vigie</valueName><value>theft</value></eventCode><eventCode><valueName>vigie</valueName><value>fire</value></eventCode>',
      );
      expect(Object.keys(problemsOf(capRefusal(document)))).toEqual(['info.0.eventCode']);
    });

    it('lets the DTO refuse a size that is not an integer', async () => {
      const document = withinInfo(
        '<category>Security</category><resource><resourceDesc>x</resourceDesc><mimeType>image/png</mimeType><size>12kB</size></resource>',
      );
      expect(Object.keys(await dtoProblems(parseCapXml(document).submission))).toEqual(['info.0.resource.0.size']);
    });
  });

  describe('what the spec requires', () => {
    it('lists every missing element with its path', () => {
      const error = capRefusal(capFixture('missing-required'));
      expect(error.message).toBe('not a valid CAP 1.2 alert');
      expect(problemsOf(error)).toEqual({
        sender: ['sender is required by CAP 1.2'],
        scope: ['scope is required by CAP 1.2'],
        'info.0.urgency': ['urgency is required by CAP 1.2'],
        'info.0.certainty': ['certainty is required by CAP 1.2'],
        'info.0.eventCode.0.valueName': ['valueName is required by CAP 1.2'],
        'info.0.resource.0.mimeType': ['mimeType is required by CAP 1.2'],
        'info.0.area.0.areaDesc': ['areaDesc is required by CAP 1.2'],
      });
    });

    it('refuses an element CAP allows once when it is repeated', () => {
      const document = minimal.replace('<status>Actual</status>', '<status>Actual</status><status>Test</status>');
      expect(problemsOf(capRefusal(document)).status).toEqual(['status appears 2 times; CAP 1.2 allows it once']);
    });

    it('needs sent with its time zone, and sender without spaces or commas', () => {
      const document = minimal
        .replace('2026-11-28T01:14:05+01:00', '2026-11-28T01:14:05')
        .replace('centrale@gardiennage-rhone-alpes.example', 'centrale, GRA');
      expect(Object.keys(problemsOf(capRefusal(document)))).toEqual(['sender', 'sent']);
    });

    it('needs references written sender,identifier,sent', () => {
      const document = minimal.replace(
        '<scope>Restricted</scope>',
        '<scope>Restricted</scope><references>GRA-0041</references>',
      );
      expect(Object.keys(problemsOf(capRefusal(document)))).toEqual(['references.0']);
    });

    it('needs an info block', () => {
      const document = minimal.replace(/<info>[\s\S]*<\/info>/, '');
      expect(Object.keys(problemsOf(capRefusal(document)))).toEqual(['info']);
    });

    it('needs the root alert element in the CAP 1.2 namespace', () => {
      expect(problemsOf(capRefusal(capFixture('wrong-namespace'))).alert[0]).toMatch(
        /emergency:cap:1\.1.* is not CAP 1\.2/,
      );
      expect(capRefusal(minimal.replace(' xmlns="urn:oasis:names:tc:emergency:cap:1.2"', '')).message).toBe(
        'not a CAP 1.2 alert',
      );
      expect(problemsOf(capRefusal(minimal.replace(/alert/g, 'feed'))).alert[0]).toMatch(/root element must be alert/);
      const unboundPrefix = minimal
        .replace('<alert xmlns=', '<cap:alert xmlns:other=')
        .replace('</alert>', '</cap:alert>');
      expect(capRefusal(unboundPrefix).message).toBe('not a CAP 1.2 alert');
    });
  });
});

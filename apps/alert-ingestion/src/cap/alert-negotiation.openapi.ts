import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { AlertView } from '../alerts/dto/alert.view';
import { SubmitAlertDto } from '../alerts/dto/submit-alert.dto';
import { ALERT_MEDIA_TYPES } from './alert-negotiation';
import { CAP_1_2_NAMESPACE, CAP_XML_MEDIA_TYPE } from './cap.vocabulary';

/** The same alert in both request formats, for the API documentation. */
export const CAP_XML_EXAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="${CAP_1_2_NAMESPACE}">
  <identifier>GRA-2026-11-28-0042</identifier>
  <sender>centrale@gardiennage-rhone-alpes.example</sender>
  <sent>2026-11-28T01:14:05+01:00</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Restricted</scope>
  <code>TLP:AMBER</code>
  <info>
    <language>fr-FR</language>
    <category>Security</category>
    <event>Intrusion</event>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Observed</certainty>
    <eventCode>
      <valueName>vigie</valueName>
      <value>intrusion</value>
    </eventCode>
    <headline>Intrusion en cours, entrepôt quai Rambaud</headline>
    <description>Deux individus détectés par vidéoprotection, agent sur place.</description>
    <area>
      <areaDesc>Entrepôt, quai Rambaud, Lyon 2e</areaDesc>
      <circle>45.7407,4.8166 0.2</circle>
      <geocode>
        <valueName>INSEE</valueName>
        <value>69123</value>
      </geocode>
    </area>
  </info>
</alert>
`;

const JSON_EXAMPLE = {
  status: 'Actual',
  identifier: 'GRA-2026-11-28-0042',
  tlp: 'AMBER',
  location: { commune: '69123' },
  info: [
    {
      language: 'fr-FR',
      category: ['Security'],
      eventCode: 'intrusion',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      headline: 'Intrusion en cours, entrepôt quai Rambaud',
      description: 'Deux individus détectés par vidéoprotection, agent sur place.',
      area: [
        {
          areaDesc: 'Entrepôt, quai Rambaud, Lyon 2e',
          circle: ['45.7407,4.8166 0.2'],
          geocode: [{ valueName: 'INSEE', value: '69123' }],
        },
      ],
    },
  ],
};

const CAP_XML_RULES = [
  `A CAP 1.2 XML document (${CAP_XML_MEDIA_TYPE}, up to 256 KiB) is read into the JSON form below and checked by the same rules.`,
  'Vigie reads: the TLP label from an alert `code` such as `TLP:AMBER` (AMBER when absent), personal data from `code` `VIGIE:PERSONAL-DATA`,',
  'its event code from an `eventCode` whose valueName is `vigie` (`other` when absent; other tools’ codes are kept),',
  'and the commune from the first `geocode` whose valueName is `INSEE`. msgType must be Alert.',
  'DOCTYPE and ENTITY declarations are refused; unknown elements are ignored.',
].join(' ');

/** OpenAPI for POST /v1/alerts: CAP in JSON or CAP 1.2 XML. */
export const ApiAlertSubmissionBody = (): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(SubmitAlertDto),
    ApiConsumes(...ALERT_MEDIA_TYPES),
    ApiBody({
      description: CAP_XML_RULES,
      schema: {
        oneOf: [
          { $ref: getSchemaPath(SubmitAlertDto) },
          { type: 'string', description: `A CAP 1.2 alert document, namespace ${CAP_1_2_NAMESPACE}` },
        ],
      },
      examples: {
        json: { summary: 'CAP in JSON (application/json)', value: JSON_EXAMPLE },
        capXml: { summary: `CAP 1.2 XML (${CAP_XML_MEDIA_TYPE})`, value: CAP_XML_EXAMPLE },
      },
    }),
    ApiUnsupportedMediaTypeResponse({ description: `The body is neither ${ALERT_MEDIA_TYPES.join(' nor ')}.` }),
    ApiPayloadTooLargeResponse({ description: 'The body is over the size limit (256 KiB for CAP XML).' }),
  );

/** OpenAPI for GET /v1/alerts/:id: JSON, or CAP 1.2 XML when Accept prefers it. */
export const ApiAlertRepresentations = (): MethodDecorator =>
  applyDecorators(
    ApiProduces(...ALERT_MEDIA_TYPES),
    ApiOkResponse({
      type: AlertView,
      description: `JSON by default; a CAP 1.2 XML document when the Accept header prefers ${CAP_XML_MEDIA_TYPE}.`,
    }),
  );

import { applyDecorators, type Type } from '@nestjs/common';
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
import { ALERT_MEDIA_TYPES } from '../cap/alert-negotiation';
import { CAP_1_2_NAMESPACE, CAP_XML_MEDIA_TYPE } from '../cap/cap.vocabulary';
import { AlertView } from './dto/alert.view';
import { CancelAlertDto } from './dto/cancel-alert.dto';
import { SubmitAlertDto } from './dto/submit-alert.dto';

/** A message of the examples' chain, all from one tool: its own header fields, then the rest of it. */
const capXmlExample = (message: { identifier: string; sent: string; msgType: string }, rest: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="${CAP_1_2_NAMESPACE}">
  <identifier>${message.identifier}</identifier>
  <sender>centrale@gardiennage-rhone-alpes.example</sender>
  <sent>${message.sent}</sent>
  <status>Actual</status>
  <msgType>${message.msgType}</msgType>
  <scope>Restricted</scope>
${rest}</alert>
`;

/** The same alert in both request formats, for the API documentation. */
export const CAP_XML_EXAMPLE = capXmlExample(
  { identifier: 'GRA-2026-11-28-0042', sent: '2026-11-28T01:14:05+01:00', msgType: 'Alert' },
  `  <code>TLP:AMBER</code>
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
`,
);

/** The same tool's update of that alert: a new CAP message naming it in its references. */
export const CAP_XML_UPDATE_EXAMPLE = CAP_XML_EXAMPLE.replace(
  '<identifier>GRA-2026-11-28-0042</identifier>',
  '<identifier>GRA-2026-11-28-0043</identifier>',
)
  .replace('<sent>2026-11-28T01:14:05+01:00</sent>', '<sent>2026-11-28T01:31:40+01:00</sent>')
  .replace(
    '<msgType>Alert</msgType>\n  <scope>Restricted</scope>',
    '<msgType>Update</msgType>\n  <scope>Restricted</scope>\n  <references>centrale@gardiennage-rhone-alpes.example,GRA-2026-11-28-0042,2026-11-28T01:14:05+01:00</references>',
  )
  .replace('Intrusion en cours, entrepôt quai Rambaud', 'Intrusion : individus en fuite vers le pont Pasteur');

/** Its cancellation: the reason in `note`; the content stays that of the chain. */
export const CAP_XML_CANCEL_EXAMPLE = capXmlExample(
  { identifier: 'GRA-2026-11-28-0044', sent: '2026-11-28T01:52:00+01:00', msgType: 'Cancel' },
  `  <note>Fausse alerte : déclenchement intempestif du détecteur</note>
  <references>centrale@gardiennage-rhone-alpes.example,GRA-2026-11-28-0042,2026-11-28T01:14:05+01:00 centrale@gardiennage-rhone-alpes.example,GRA-2026-11-28-0043,2026-11-28T01:31:40+01:00</references>
`,
);

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

const JSON_UPDATE_EXAMPLE = {
  ...JSON_EXAMPLE,
  identifier: 'GRA-2026-11-28-0043',
  info: [{ ...JSON_EXAMPLE.info[0], headline: 'Intrusion : individus en fuite vers le pont Pasteur' }],
};

const CAP_XML_RULES = [
  `A CAP 1.2 XML document (${CAP_XML_MEDIA_TYPE}, up to 256 KiB) is read into the JSON form below and checked by the same rules.`,
  'Vigie reads: the TLP label from an alert `code` such as `TLP:AMBER` (AMBER when absent), personal data from `code` `VIGIE:PERSONAL-DATA`,',
  'its event code from an `eventCode` whose valueName is `vigie` (`other` when absent; other tools’ codes are kept),',
  'and the commune from the first `geocode` whose valueName is `INSEE`.',
  'msgType is Alert, or Update or Cancel with `references` naming earlier messages of one of your alerts',
  '(`sender,identifier,sent`, as Vigie answered them or as your own CAP documents declared them); a Cancel needs a `note`, its content is the chain’s.',
  'DOCTYPE and ENTITY declarations are refused; unknown elements are ignored.',
].join(' ');

/** The body of a POST that takes an alert message: its JSON form (`dto`) or a CAP 1.2 XML document. */
interface AlertMessageBody {
  dto: Type<unknown>;
  description: string;
  /** What the CAP XML document must be. */
  xml: string;
  json: { summary: string; value: object };
  capXml: { summary: string; value: string };
}

function alertMessageBody({ dto, description, xml, json, capXml }: AlertMessageBody): MethodDecorator[] {
  return [
    ApiExtraModels(dto),
    ApiConsumes(...ALERT_MEDIA_TYPES),
    ApiBody({
      description,
      schema: { oneOf: [{ $ref: getSchemaPath(dto) }, { type: 'string', description: xml }] },
      examples: { json, capXml },
    }),
    ApiUnsupportedMediaTypeResponse({ description: `The body is neither ${ALERT_MEDIA_TYPES.join(' nor ')}.` }),
  ];
}

/** OpenAPI for POST /v1/alerts: CAP in JSON or CAP 1.2 XML. */
export const ApiAlertSubmissionBody = (): MethodDecorator =>
  applyDecorators(
    ...alertMessageBody({
      dto: SubmitAlertDto,
      description: CAP_XML_RULES,
      xml: `A CAP 1.2 alert document, namespace ${CAP_1_2_NAMESPACE}`,
      json: { summary: 'CAP in JSON (application/json)', value: JSON_EXAMPLE },
      capXml: { summary: `CAP 1.2 XML (${CAP_XML_MEDIA_TYPE})`, value: CAP_XML_EXAMPLE },
    }),
    ApiPayloadTooLargeResponse({ description: 'The body is over the size limit (256 KiB for CAP XML).' }),
  );

/** OpenAPI for POST /v1/alerts/:id/updates: the new content in JSON, or a CAP Update document. */
export const ApiAlertUpdateBody = (): MethodDecorator =>
  applyDecorators(
    ...alertMessageBody({
      dto: SubmitAlertDto,
      description:
        'The new content, as for a submission (the status cannot change), or a CAP 1.2 Update document; its references, when given, must name messages of this alert.',
      xml: 'A CAP 1.2 document whose msgType is Update',
      json: { summary: 'The new content (application/json)', value: JSON_UPDATE_EXAMPLE },
      capXml: { summary: `A CAP Update (${CAP_XML_MEDIA_TYPE})`, value: CAP_XML_UPDATE_EXAMPLE },
    }),
  );

/** OpenAPI for POST /v1/alerts/:id/cancel: `{ note }` in JSON, or a CAP Cancel document. */
export const ApiAlertCancelBody = (): MethodDecorator =>
  applyDecorators(
    ...alertMessageBody({
      dto: CancelAlertDto,
      description:
        'The reason, or a CAP 1.2 Cancel document with the reason in its note; its references, when given, must name messages of this alert.',
      xml: 'A CAP 1.2 document whose msgType is Cancel',
      json: {
        summary: 'The reason (application/json)',
        value: { note: 'Fausse alerte : déclenchement intempestif du détecteur' },
      },
      capXml: { summary: `A CAP Cancel (${CAP_XML_MEDIA_TYPE})`, value: CAP_XML_CANCEL_EXAMPLE },
    }),
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

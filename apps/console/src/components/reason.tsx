import type { VNode } from 'preact';
import { Notice, Table } from './form';

/** Why a recipient was chosen, in French, by routing rule; routing's own detail follows as it says it. */
const RULE: Record<string, string> = {
  'competent-prefecture': 'préfecture compétente pour le département',
  'national-escalation': 'escalade au niveau national',
  subscribers: 'abonnement correspondant à l’alerte',
  'named-recipients': 'destinataire nommé par l’émetteur',
  'broadcast-audience': 'partenaire visé par le message',
  'chain-of-the-original': 'destinataire du message initial',
};

export function Reason(props: { rule?: string | null; reason: string | null }): VNode | null {
  if (!props.reason && !props.rule) return null;
  const lead = props.rule ? (RULE[props.rule] ?? `règle « ${props.rule} »`) : null;
  return (
    <span>
      {lead ? `${lead[0].toUpperCase()}${lead.slice(1)}` : null}
      {lead && props.reason ? ' — ' : null}
      {props.reason ? <span lang="en">{props.reason}</span> : null}
    </span>
  );
}

/** A routing message (warning, exclusion) as routing words it. */
export function RoutingText(props: { text: string }): VNode {
  return <span lang="en">{props.text}</span>;
}

/** One organisation a draft would reach, with the rule and the reason that chose it. */
export interface PreviewedRecipient {
  name: string;
  rule: string | null;
  reason: string | null;
}

/** Those a routing rule left out, each with the reason, folded under `summary` and their count; nothing if none. */
export function ExcludedOrganisations(props: {
  summary: string;
  excluded: { name: string; reason: string }[];
  class?: string;
}): VNode | null {
  if (props.excluded.length === 0) return null;
  return (
    <details class={props.class}>
      <summary>
        {props.summary} ({props.excluded.length})
      </summary>
      <ul>
        {props.excluded.map((exclusion) => (
          <li>
            {exclusion.name} : <RoutingText text={exclusion.reason} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Routing's warnings about a preview (a département without prefecture, for instance), if any. */
export function RoutingWarnings(props: { warnings: string[] }): VNode | null {
  if (props.warnings.length === 0) return null;
  return (
    <Notice tone="warning" title="À noter">
      <ul>
        {props.warnings.map((warning) => (
          <li>
            <RoutingText text={warning} />
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** Organisations and the rule (and routing's reason) that chose or left out each, as a table. */
export function ReasonsTable(props: {
  caption: string;
  rows: { name: string; rule?: string | null; reason: string | null }[];
  id?: string;
}): VNode {
  return (
    <Table caption={props.caption} headers={['Organisation', 'Pourquoi']} id={props.id}>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <td>{row.name}</td>
            <td>
              <Reason rule={row.rule} reason={row.reason} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * Who a draft (an alert or a broadcast) would reach and why, before it is sent: routing's
 * warnings, the recipients with their reason, and those left out.
 */
export function RecipientsPreview(props: {
  caption: string;
  recipients: PreviewedRecipient[];
  excluded: { name: string; reason: string }[];
  warnings: string[];
}): VNode {
  const count = props.recipients.length;
  return (
    <>
      <RoutingWarnings warnings={props.warnings} />
      <h2>{count === 0 ? 'Personne ne le recevrait' : `${count} destinataire${count > 1 ? 's' : ''}`}</h2>
      <ReasonsTable caption={props.caption} rows={props.recipients} />
      <ExcludedOrganisations
        summary="Organisations qui ne le recevront pas"
        excluded={props.excluded}
        class="fr-mb-3w"
      />
    </>
  );
}

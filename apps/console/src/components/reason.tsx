import type { VNode } from 'preact';

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

import type { VNode } from 'preact';
import { SEVERITY, STATUS, TLP, URGENCY, label } from './labels';

const SEVERITY_CLASS: Record<string, string> = {
  Extreme: 'fr-badge--error',
  Severe: 'fr-badge--warning',
  Moderate: 'fr-badge--info',
  Minor: 'fr-badge--new',
};

export function SeverityBadge(props: { severity: string }): VNode {
  return (
    <span class={`fr-badge fr-badge--sm ${SEVERITY_CLASS[props.severity] ?? ''}`}>
      Gravité : {label(SEVERITY, props.severity)}
    </span>
  );
}

export function UrgencyBadge(props: { urgency: string }): VNode {
  return <span class="fr-badge fr-badge--sm">Urgence : {label(URGENCY, props.urgency)}</span>;
}

/** Exercise is never shown like a real alert: its own colour and the word EXERCICE. */
export function StatusBadge(props: { status: string }): VNode | null {
  if (props.status === 'Actual') return null;
  const exercise = props.status === 'Exercise';
  return (
    <span class={`fr-badge fr-badge--sm ${exercise ? 'vigie-exercise-badge' : 'fr-badge--purple-glycine'}`}>
      {label(STATUS, props.status)}
    </span>
  );
}

export function TlpBadge(props: { tlp: string; explain?: boolean }): VNode {
  const tlp = TLP[props.tlp] ?? { name: `TLP:${props.tlp}`, explanation: '' };
  return (
    <span>
      <span class={`fr-badge fr-badge--sm vigie-tlp vigie-tlp--${props.tlp.toLowerCase().replace('+', '-')}`}>
        {tlp.name}
      </span>
      {props.explain ? <span class="fr-hint-text">{tlp.explanation}</span> : null}
    </span>
  );
}

export function StateBadge(props: { tone: 'success' | 'warning' | 'error' | 'info'; children: string }): VNode {
  return <span class={`fr-badge fr-badge--sm fr-badge--${props.tone}`}>{props.children}</span>;
}

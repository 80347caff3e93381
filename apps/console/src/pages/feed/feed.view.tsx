import type { VNode } from 'preact';
import { AlertEventCode, EVENT_LABELS_FR } from '@vigie/contracts';
import { SeverityBadge, StateBadge, StatusBadge, TlpBadge, UrgencyBadge } from '../../components/badges';
import { Select, Table } from '../../components/form';
import { ESCALATION, SEVERITY, STATUS, frenchDateTime, label } from '../../components/labels';
import { Layout, type PageFrame } from '../../components/layout';
import { Reason } from '../../components/reason';
import { TimestampCell } from '../../components/timestamp';
import type { FeedModel, FeedRow } from './feed.model';

/** One alert of the feed; also what the live stream pushes for a new alert. */
export function FeedRowView(props: { row: FeedRow; fresh?: boolean }): VNode {
  const row = props.row;
  const urgent = row.severity === 'Extreme' || row.severity === 'Severe';
  const classes = [
    row.status === 'Exercise' ? 'vigie-row--exercise' : '',
    urgent ? 'vigie-row--urgent' : '',
    props.fresh ? 'vigie-row--fresh' : '',
  ].join(' ');
  return (
    <tr id={`alerte-${row.id}`} class={classes} data-severity={row.severity}>
      <td>
        <a href={row.href}>
          {row.status === 'Exercise' ? 'EXERCICE — ' : ''}
          {row.headline}
        </a>
        <p class="fr-text--xs fr-mb-0">
          {row.event}
          {row.msgType === 'Update' ? ' — mise à jour' : row.msgType === 'Cancel' ? ' — annulation' : ''}
        </p>
        {row.reason ? (
          <p class="fr-text--xs fr-mb-0 vigie-reason">
            Reçue car : <Reason rule={row.rule} reason={row.reason} />
          </p>
        ) : null}
        {row.sentByUs ? <p class="fr-text--xs fr-mb-0">Envoyée par votre organisation</p> : null}
      </td>
      <td>
        <SeverityBadge severity={row.severity} /> <UrgencyBadge urgency={row.urgency} />{' '}
        <StatusBadge status={row.status} />
      </td>
      <td>
        <TlpBadge tlp={row.tlp} />
      </td>
      <td>{row.place}</td>
      <TimestampCell at={row.sent} />
      <td>
        <AcknowledgementCell row={row} />
      </td>
    </tr>
  );
}

function AcknowledgementCell(props: { row: FeedRow }): VNode {
  const row = props.row;
  if (row.acknowledgedAt) {
    return (
      <StateBadge tone="success">{`Acquittée ${frenchDateTime(row.acknowledgedAt)}${row.acknowledgedBy ? ` par ${row.acknowledgedBy}` : ''}`}</StateBadge>
    );
  }
  return (
    <div>
      {row.deadline ? (
        <p class="fr-text--sm fr-mb-0">
          À acquitter avant{' '}
          <time class="vigie-countdown" dateTime={row.deadline}>
            {frenchDateTime(row.deadline)}
          </time>
        </p>
      ) : null}
      {row.escalation && row.escalation !== 'armed' ? (
        <StateBadge tone="warning">{label(ESCALATION, row.escalation)}</StateBadge>
      ) : null}
      {!row.sentByUs ? (
        <a class="fr-link fr-text--sm" href={`${row.href}#acquitter`}>
          Acquitter
        </a>
      ) : null}
    </div>
  );
}

const choices = (table: Record<string, string>) => [
  { value: '', label: 'Tous' },
  ...Object.entries(table).map(([value, text]) => ({ value, label: text })),
];

export function FeedPage(props: PageFrame & { model: FeedModel }): VNode {
  const { model } = props;
  return (
    <Layout title="Alertes" viewer={props.viewer} csrfToken={props.csrfToken} section="alertes">
      <h1>Alertes reçues et envoyées</h1>
      <p class="fr-text--sm" id="flux-etat" role="status" aria-live="polite">
        Les nouvelles alertes s’affichent ici sans recharger la page.
      </p>
      <form method="get" action="/alertes" class="vigie-filters">
        <div class="fr-grid-row fr-grid-row--gutters">
          {[
            {
              id: 'filtre-statut',
              name: 'statut',
              label: 'Nature',
              choices: choices(STATUS),
              value: model.filters.status,
            },
            {
              id: 'filtre-gravite',
              name: 'gravite',
              label: 'Gravité',
              choices: choices(SEVERITY),
              value: model.filters.severity,
            },
            {
              id: 'filtre-type',
              name: 'type',
              label: 'Type d’événement',
              choices: [
                { value: '', label: 'Tous' },
                ...Object.values(AlertEventCode).map((code) => ({ value: code, label: EVENT_LABELS_FR[code] })),
              ],
              value: model.filters.eventCode,
            },
          ].map((select) => (
            <div class="fr-col-12 fr-col-md-3">
              <Select {...select} />
            </div>
          ))}
          <div class="fr-col-12 fr-col-md-3">
            <div class="fr-input-group">
              <label class="fr-label" for="filtre-date">
                Date d’envoi
              </label>
              <input class="fr-input" type="date" id="filtre-date" name="date" value={model.filters.date ?? ''} />
            </div>
          </div>
        </div>
        <button type="submit" class="fr-btn fr-btn--secondary fr-mt-2w">
          Filtrer
        </button>
      </form>
      <div hx-ext="sse" sse-connect="/alertes/flux" data-live-feed="true">
        <Table
          caption="Alertes, les plus récentes d’abord"
          headers={['Alerte', 'Gravité et urgence', 'Diffusion', 'Lieu', 'Envoyée le', 'Acquittement']}
          id="flux"
        >
          <tbody id="alertes" sse-swap="alerte" hx-swap="afterbegin">
            {model.rows.map((row) => (
              <FeedRowView row={row} />
            ))}
          </tbody>
        </Table>
      </div>
      {model.rows.length === 0 ? <p>Aucune alerte pour ces critères.</p> : null}
      {model.nextHref ? (
        <a class="fr-link" href={model.nextHref}>
          Alertes plus anciennes
        </a>
      ) : null}
    </Layout>
  );
}

import type { VNode } from 'preact';
import { EVENT_LABELS_FR, primaryInfo } from '@vigie/contracts';
import type { Alert } from '../../clients/ingestion.client';
import { SeverityBadge, TlpBadge } from '../../components/badges';
import { Breadcrumb, Table } from '../../components/form';
import { SEVERITY, label } from '../../components/labels';
import { Layout, type PageFrame } from '../../components/layout';
import { Timestamp } from '../../components/timestamp';

export interface DepartmentModel {
  code: string;
  name: string;
  lastDay: number;
  lastMonth: number;
  openEscalations: number;
  bySeverity: { severity: string; count: number }[];
  byEventCode: { eventCode: string; count: number }[];
  /** The latest alerts the person may read (sent by or routed to their organisation). */
  alerts: Alert[];
}

/** How many alerts fall in each category, as a half-width table. */
function CountTable(props: { caption: string; category: string; rows: { name: string; count: number }[] }): VNode {
  return (
    <div class="fr-col-12 fr-col-md-6">
      <Table caption={props.caption} headers={[props.category, 'Nombre']}>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <td>{row.name}</td>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export function DepartmentPage(props: PageFrame & { model: DepartmentModel }): VNode {
  const { model } = props;
  const title = `${model.name} (${model.code})`;
  const figures: [number, string][] = [
    [model.lastDay, 'alertes des dernières 24 heures'],
    [model.lastMonth, 'alertes des 30 derniers jours'],
    [model.openEscalations, 'escalades en cours'],
  ];
  return (
    <Layout title={title} viewer={props.viewer} csrfToken={props.csrfToken} section="carte">
      {props.viewer.national ? (
        <Breadcrumb trail={[{ href: '/carte', label: 'Carte de France' }, { label: title }]} />
      ) : null}
      <h1>{title}</h1>
      <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list" aria-label="Chiffres du département">
        {figures.map(([figure, what]) => (
          <li class="fr-col-12 fr-col-md-4">
            <p class="fr-h3 fr-mb-0">{figure}</p>
            <p>{what}</p>
          </li>
        ))}
      </ul>
      <div class="fr-grid-row fr-grid-row--gutters">
        <CountTable
          caption="Alertes des 30 derniers jours par gravité"
          category="Gravité"
          rows={model.bySeverity.map((row) => ({ name: label(SEVERITY, row.severity), count: row.count }))}
        />
        <CountTable
          caption="Alertes des 30 derniers jours par type d’événement"
          category="Type"
          rows={model.byEventCode.map((row) => ({ name: label(EVENT_LABELS_FR, row.eventCode), count: row.count }))}
        />
      </div>
      <h2>Dernières alertes que vous pouvez lire</h2>
      {model.alerts.length === 0 ? (
        <p>Aucune alerte de ce département ne vous a été adressée.</p>
      ) : (
        <ul class="fr-raw-list" id="alertes-du-departement">
          {model.alerts.map((alert) => {
            const info = primaryInfo(alert);
            return (
              <li class="fr-mb-2w">
                <a href={`/alertes/${alert.id}`}>{info.headline}</a> <SeverityBadge severity={info.severity} />{' '}
                <TlpBadge tlp={alert.tlp} /> <Timestamp at={alert.sent} />
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

import type { VNode } from 'preact';
import { EVENT_LABELS_FR, primaryInfo } from '@vigie/contracts';
import type { Alert } from '../../clients/ingestion.client';
import { SeverityBadge, TlpBadge } from '../../components/badges';
import { Breadcrumb, Table } from '../../components/form';
import { SEVERITY, frenchDateTime, label } from '../../components/labels';
import { Layout, type Viewer } from '../../components/layout';

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

export function DepartmentPage(props: { model: DepartmentModel; viewer: Viewer; csrfToken: string }): VNode {
  const { model } = props;
  const title = `${model.name} (${model.code})`;
  return (
    <Layout title={title} viewer={props.viewer} csrfToken={props.csrfToken} section="carte">
      {props.viewer.national ? (
        <Breadcrumb trail={[{ href: '/carte', label: 'Carte de France' }, { label: title }]} />
      ) : null}
      <h1>{title}</h1>
      <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list" aria-label="Chiffres du département">
        <li class="fr-col-12 fr-col-md-4">
          <p class="fr-h3 fr-mb-0">{model.lastDay}</p>
          <p>alertes des dernières 24 heures</p>
        </li>
        <li class="fr-col-12 fr-col-md-4">
          <p class="fr-h3 fr-mb-0">{model.lastMonth}</p>
          <p>alertes des 30 derniers jours</p>
        </li>
        <li class="fr-col-12 fr-col-md-4">
          <p class="fr-h3 fr-mb-0">{model.openEscalations}</p>
          <p>escalades en cours</p>
        </li>
      </ul>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <Table caption="Alertes des 30 derniers jours par gravité" headers={['Gravité', 'Nombre']}>
            <tbody>
              {model.bySeverity.map((row) => (
                <tr>
                  <td>{label(SEVERITY, row.severity)}</td>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <Table caption="Alertes des 30 derniers jours par type d’événement" headers={['Type', 'Nombre']}>
            <tbody>
              {model.byEventCode.map((row) => (
                <tr>
                  <td>{label(EVENT_LABELS_FR, row.eventCode)}</td>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
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
                <TlpBadge tlp={alert.tlp} /> <time dateTime={alert.sent}>{frenchDateTime(alert.sent)}</time>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

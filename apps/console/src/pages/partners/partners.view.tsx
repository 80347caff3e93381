import type { VNode } from 'preact';
import { StateBadge } from '../../components/badges';
import { CsrfField, Notice, Table } from '../../components/form';
import { ORGANISATION_KIND, ORGANISATION_STATUS, frenchDateTime, label } from '../../components/labels';
import { Layout, type PageFrame } from '../../components/layout';

export interface PartnerRow {
  id: string;
  name: string;
  kind: string;
  status: string;
  conventions: string[];
  statusChangedAt: string;
  statusReason: string | null;
}

export interface PartnersModel {
  departments: string[];
  partners: PartnerRow[];
  /** The row whose form was sent without a reason. */
  missingReasonFor: string | null;
  changed: string | null;
}

const TONE: Record<string, 'success' | 'warning' | 'error' | 'info'> = {
  ACTIVE: 'success',
  SUSPENDED: 'warning',
  REVOKED: 'error',
  PENDING: 'info',
};

function StatusForm(props: { partner: PartnerRow; csrfToken: string; missingReason: boolean }): VNode | null {
  const { partner } = props;
  const action = partner.status === 'ACTIVE' ? 'suspendre' : partner.status === 'REVOKED' ? null : 'activer';
  if (!action) return null;
  const fieldId = `motif-${partner.id}`;
  return (
    <form method="post" action={`/partenaires/${partner.id}/${action}`} class="vigie-status-form">
      <CsrfField token={props.csrfToken} />
      <div class={`fr-input-group${props.missingReason ? ' fr-input-group--error' : ''}`}>
        <label class="fr-label" for={fieldId}>
          Motif (obligatoire)
        </label>
        <input
          class="fr-input"
          id={fieldId}
          name="reason"
          required
          maxLength={500}
          aria-describedby={props.missingReason ? `${fieldId}-erreur` : undefined}
        />
        {props.missingReason ? (
          <p class="fr-error-text" id={`${fieldId}-erreur`}>
            Indiquez le motif : il est conservé dans le journal.
          </p>
        ) : null}
      </div>
      <button type="submit" class={`fr-btn fr-btn--sm ${action === 'suspendre' ? 'fr-btn--secondary' : ''}`}>
        {action === 'suspendre' ? `Suspendre ${partner.name}` : `Activer ${partner.name}`}
      </button>
    </form>
  );
}

export function PartnersPage(props: PageFrame & { model: PartnersModel }): VNode {
  const { model } = props;
  return (
    <Layout title="Partenaires" viewer={props.viewer} csrfToken={props.csrfToken} section="partenaires">
      <h1>Partenaires du département {model.departments.join(', ')}</h1>
      {model.changed ? <Notice tone="success" title={model.changed} /> : null}
      {model.missingReasonFor ? (
        <Notice tone="error" title="Le motif est obligatoire pour changer le statut d’un partenaire." />
      ) : null}
      <Table
        caption="Organisations partenaires, leurs conventions et leur statut"
        headers={['Organisation', 'Conventions', 'Statut', 'Action']}
      >
        <tbody>
          {model.partners.map((partner) => (
            <tr>
              <td>
                {partner.name}
                <p class="fr-text--xs fr-mb-0">{ORGANISATION_KIND[partner.kind] ?? partner.kind}</p>
              </td>
              <td>{partner.conventions.length > 0 ? partner.conventions.join(', ') : '—'}</td>
              <td>
                <StateBadge tone={TONE[partner.status] ?? 'info'}>
                  {label(ORGANISATION_STATUS, partner.status)}
                </StateBadge>
                <p class="fr-text--xs fr-mb-0">
                  depuis le {frenchDateTime(partner.statusChangedAt)}
                  {partner.statusReason ? ` — ${partner.statusReason}` : ''}
                </p>
              </td>
              <td>
                <StatusForm
                  partner={partner}
                  csrfToken={props.csrfToken}
                  missingReason={model.missingReasonFor === partner.id}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Layout>
  );
}

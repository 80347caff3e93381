import type { VNode } from 'preact';
import { SeverityBadge, StatusBadge, UrgencyBadge } from '../../components/badges';
import { CsrfField, Notice } from '../../components/form';
import { frenchDateTime } from '../../components/labels';
import { Layout } from '../../components/layout';
import type { LinkedAlert } from './ack-link.controller';

export interface AckLinkModel {
  token: string;
  csrfToken: string;
  alert: LinkedAlert | null;
  acknowledged: { at: string; by: string } | null;
}

/** The page an e-mailed acknowledgement link opens: the alert, then one button. */
export function AckLinkPage(model: AckLinkModel): VNode {
  const alert = model.alert;
  return (
    <Layout
      title="Accuser réception d’une alerte"
      viewer={null}
      csrfToken={model.csrfToken}
      exercise={alert?.status === 'Exercise'}
    >
      <h1>Accuser réception d’une alerte</h1>
      {!alert ? (
        <>
          <Notice tone="error" title="Ce lien n’est pas valide ou a expiré.">
            <p>
              Les liens d’acquittement envoyés par courriel ne servent que pendant quelques jours. Connectez-vous à la
              console pour acquitter l’alerte.
            </p>
          </Notice>
          <a class="fr-btn" href="/connexion">
            Se connecter
          </a>
        </>
      ) : (
        <>
          <div class="fr-card fr-mb-3w">
            <div class="fr-card__body">
              <div class="fr-card__content">
                <h2 class="fr-card__title">
                  {alert.status === 'Exercise' ? 'EXERCICE — ' : ''}
                  {alert.headline}
                </h2>
                <p class="fr-card__desc">
                  {alert.event} — {alert.commune ?? 'commune non précisée'} ({alert.department}) — envoyée le{' '}
                  {frenchDateTime(alert.sent)}
                </p>
                <p>
                  <SeverityBadge severity={alert.severity} /> <UrgencyBadge urgency={alert.urgency} />{' '}
                  <StatusBadge status={alert.status} />
                </p>
              </div>
            </div>
          </div>
          {model.acknowledged ? (
            <Notice
              tone="success"
              title={`Alerte prise en compte le ${frenchDateTime(model.acknowledged.at)} pour ${model.acknowledged.by}.`}
            >
              <p>L’émetteur et la préfecture voient votre acquittement.</p>
            </Notice>
          ) : (
            <form method="post" action={`/acquittement/${encodeURIComponent(model.token)}`}>
              <CsrfField token={model.csrfToken} />
              <p>Pour {alert.organisationName}. Confirmez que vous avez pris connaissance de cette alerte.</p>
              <button type="submit" class="fr-btn">
                Je prends en compte cette alerte
              </button>
            </form>
          )}
        </>
      )}
    </Layout>
  );
}

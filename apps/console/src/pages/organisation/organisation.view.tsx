import type { VNode } from 'preact';
import { StateBadge } from '../../components/badges';
import { ButtonForm, Checkboxes, Notice, Radios, Table } from '../../components/form';
import { CHANNEL, DELIVERY_STATUS, EVENT, SECTORS, SEVERITY, frenchDateTime, label } from '../../components/labels';
import { Layout } from '../../components/layout';

import { KeysSection, PeopleSection } from './organisation-access.view';
import {
  OrganisationForm,
  Problems,
  SectionOf,
  type DeliveryRow,
  type OrganisationModel,
  type PageProps,
} from './organisation-parts';
import { MINIMUM_SEVERITIES } from './organisation.model';

export * from './organisation-parts';

function SubscriptionsSection(props: PageProps<OrganisationModel>): VNode {
  const { model, csrfToken } = props;
  return (
    <section aria-labelledby="abonnements">
      <h2 id="abonnements">Abonnements</h2>
      <p>Ce que votre organisation reçoit, en plus des alertes que la préfecture lui adresse.</p>
      {model.subscriptions.length === 0 ? (
        <p>Aucun abonnement : l’organisation ne reçoit que ce qui lui est adressé.</p>
      ) : (
        <ul id="liste-abonnements">
          {model.subscriptions.map((subscription) => (
            <li>
              <p class="vigie-sentence" id={`abonnement-${subscription.id}`}>
                {subscription.sentence}
              </p>
              {model.mayEditSubscriptions ? (
                <ButtonForm
                  action={`/mon-organisation/abonnements/${subscription.id}/suppression`}
                  csrfToken={csrfToken}
                  describedBy={`abonnement-${subscription.id}`}
                  secondary
                >
                  Supprimer cet abonnement
                </ButtonForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {model.mayEditSubscriptions ? (
        <OrganisationForm
          title="Ajouter un abonnement"
          form="abonnement"
          action="/mon-organisation/abonnements"
          submit="Ajouter l’abonnement"
          model={model}
          csrfToken={csrfToken}
        >
          <Checkboxes
            name="departments"
            legend="Dans les départements"
            choices={model.departments.map((department) => ({
              value: department.code,
              label: `${department.name} (${department.code})`,
            }))}
            values={model.subscriptionForm.departments}
          />
          <Radios
            name="minimumSeverity"
            legend="De gravité au moins"
            choices={MINIMUM_SEVERITIES.map((severity) => ({
              value: severity,
              label: severity === 'Unknown' ? 'Toutes les gravités' : label(SEVERITY, severity),
            }))}
            value={model.subscriptionForm.minimumSeverity}
          />
          <Checkboxes
            name="eventCodes"
            legend="Types d’événement (aucun coché : tous)"
            choices={Object.entries(EVENT).map(([value, text]) => ({ value, label: text }))}
            values={model.subscriptionForm.eventCodes}
          />
          <Checkboxes
            name="sectors"
            legend="Émises par les secteurs (aucun coché : tous)"
            choices={Object.entries(SECTORS).map(([value, text]) => ({ value, label: text }))}
            values={model.subscriptionForm.sectors}
          />
          <Checkboxes
            name="includeExercises"
            legend="Exercices"
            choices={[{ value: 'oui', label: 'Recevoir aussi les alertes d’exercice' }]}
            values={model.subscriptionForm.includeExercises ? ['oui'] : []}
          />
        </OrganisationForm>
      ) : null}
    </section>
  );
}

export function DeliveriesTable(props: { caption: string; rows: DeliveryRow[]; csrfToken: string; id: string }): VNode {
  return (
    <Table
      caption={props.caption}
      headers={['Créée le', 'Destination', 'État', 'Essais', 'Dernière erreur', 'Action']}
      id={props.id}
    >
      <tbody>
        {props.rows.map((delivery) => (
          <tr data-delivery={delivery.id}>
            <td>{frenchDateTime(delivery.createdAt)}</td>
            <td>
              {label(CHANNEL, delivery.channel)} — {delivery.target}
            </td>
            <td>
              <StateBadge
                tone={delivery.status === 'sent' ? 'success' : delivery.status === 'dead' ? 'error' : 'warning'}
              >
                {label(DELIVERY_STATUS, delivery.status)}
              </StateBadge>
            </td>
            <td>{delivery.attempts}</td>
            <td id={`erreur-${delivery.id}`}>{delivery.problem ?? '—'}</td>
            <td>
              {delivery.redeliverAction ? (
                <ButtonForm
                  action={delivery.redeliverAction}
                  csrfToken={props.csrfToken}
                  describedBy={`erreur-${delivery.id}`}
                >
                  Renvoyer
                </ButtonForm>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function WebhooksSection(props: PageProps<OrganisationModel>): VNode {
  const { model, csrfToken } = props;
  return (
    <SectionOf
      id="webhooks"
      title="Webhooks"
      section={model.webhooks}
      after={
        <>
          <h3 id="livraisons-en-echec">Livraisons en échec ou abandonnées</h3>
          <Problems model={model} form="livraison" />
          {model.troubled.length === 0 ? (
            <p>Aucune livraison en échec : tout ce qui vous a été envoyé a été remis.</p>
          ) : (
            <DeliveriesTable
              caption="Livraisons que Vigie réessaie encore, ou qu’elle a abandonnées"
              rows={model.troubled}
              csrfToken={csrfToken}
              id="table-livraisons-en-echec"
            />
          )}
        </>
      }
    >
      {(rows) =>
        rows.length === 0 ? (
          <p>Aucun webhook : l’organisation reçoit les alertes dans la console et par courriel.</p>
        ) : (
          <Table
            caption="Les adresses où Vigie envoie les alertes"
            headers={['Adresse', 'État', 'Créé le', 'Livraisons']}
            id="table-webhooks"
          >
            <tbody>
              {rows.map((webhook) => (
                <tr>
                  <td>{webhook.url}</td>
                  <td>
                    <StateBadge tone={webhook.disabled ? 'warning' : 'success'}>
                      {webhook.disabled ?? 'Actif'}
                    </StateBadge>
                  </td>
                  <td>{frenchDateTime(webhook.createdAt)}</td>
                  <td>
                    <a href={`/mon-organisation/webhooks/${webhook.id}`}>Livraisons récentes de {webhook.url}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )
      }
    </SectionOf>
  );
}

export function OrganisationPage(props: PageProps<OrganisationModel>): VNode {
  const { model } = props;
  return (
    <Layout title="Mon organisation" viewer={props.viewer} csrfToken={props.csrfToken} section="mon-organisation">
      <h1>Mon organisation — {model.organisationName}</h1>
      {model.done ? <Notice tone="success" title={model.done} /> : null}
      <nav aria-label="Sections de la page">
        <ul>
          <li>
            <a href="#personnes">Personnes</a>
          </li>
          <li>
            <a href="#cles">Clés d’API</a>
          </li>
          <li>
            <a href="#abonnements">Abonnements</a>
          </li>
          <li>
            <a href="#webhooks">Webhooks et livraisons</a>
          </li>
        </ul>
      </nav>
      <PeopleSection {...props} />
      <KeysSection {...props} />
      <SubscriptionsSection {...props} />
      <WebhooksSection {...props} />
    </Layout>
  );
}

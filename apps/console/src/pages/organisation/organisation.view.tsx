import type { VNode } from 'preact';
import { StateBadge } from '../../components/badges';
import { Button, ButtonForm, Checkboxes, CsrfField, Field, Notice, Radios, Table } from '../../components/form';
import {
  API_KEY_ROLE,
  CHANNEL,
  DELIVERY_STATUS,
  EVENT,
  PERSON_ROLE,
  PERSON_STATUS,
  SECTORS,
  SEVERITY,
  frenchDateTime,
  label,
} from '../../components/labels';
import { Layout, type Viewer } from '../../components/layout';
import {
  INVITABLE_ROLES,
  KEY_ROLES,
  MINIMUM_SEVERITIES,
  type DeliveryLine,
  type InvitationForm,
  type KeyForm,
  type SubscriptionForm,
} from './organisation.model';

export interface PersonRow {
  id: string;
  fullName: string;
  email: string;
  roles: string[];
  status: string;
  lastLoginAt: string | null;
}

export interface InvitationRow {
  fullName: string;
  email: string;
  roles: string[];
  expiresAt: string;
}

export interface KeyRow {
  id: string;
  label: string;
  prefix: string;
  roles: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface SubscriptionRow {
  id: string;
  sentence: string;
}

export interface WebhookRow {
  id: string;
  url: string;
  createdAt: string;
  /** Why it receives nothing, in words; null while enabled. */
  disabled: string | null;
}

/** A delivery as the tables show it. */
export type DeliveryRow = DeliveryLine;

/** A section the signed-in person may only read: why, in words. */
export type Section<T> = { rows: T } | { readOnly: string };

export interface OrganisationModel {
  organisationName: string;
  departments: { code: string; name: string }[];
  /** People and invitations: only the organisation's administrators see them. */
  people: Section<{ people: PersonRow[]; invitations: InvitationRow[] }>;
  keys: Section<KeyRow[]>;
  subscriptions: SubscriptionRow[];
  /** May the person add and remove subscriptions (the registry's answer on keys: the same role). */
  mayEditSubscriptions: boolean;
  webhooks: Section<WebhookRow[]>;
  troubled: DeliveryRow[];
  /** What just happened (after a redirect), or what went wrong with which form. */
  done: string | null;
  problems: { form: 'invitation' | 'cle' | 'abonnement' | 'livraison'; messages: string[] } | null;
  invitationForm: InvitationForm;
  keyForm: KeyForm;
  subscriptionForm: SubscriptionForm;
}

export interface PageProps<T> {
  model: T;
  viewer: Viewer;
  csrfToken: string;
}

export const roleChoices = INVITABLE_ROLES.map((role) => ({ value: role, label: label(PERSON_ROLE, role) }));

function Problems(props: {
  model: OrganisationModel;
  form: NonNullable<OrganisationModel['problems']>['form'];
}): VNode | null {
  const problems = props.model.problems;
  if (!problems || problems.form !== props.form) return null;
  return (
    <Notice tone="error" title="Le formulaire n’a pas été envoyé">
      <ul>
        {problems.messages.map((message) => (
          <li>{message}</li>
        ))}
      </ul>
    </Notice>
  );
}

function ReadOnly(props: { section: Section<unknown> }): VNode | null {
  return 'readOnly' in props.section ? <p>{props.section.readOnly}</p> : null;
}

function PeopleSection(props: PageProps<OrganisationModel>): VNode {
  const { model, csrfToken } = props;
  const section = model.people;
  return (
    <section aria-labelledby="personnes">
      <h2 id="personnes">Personnes</h2>
      <ReadOnly section={section} />
      {'rows' in section ? (
        <>
          <Table
            caption="Les personnes de l’organisation"
            headers={['Nom', 'Adresse électronique', 'Rôles', 'Statut', 'Dernière connexion', 'Action']}
            id="table-personnes"
          >
            <tbody>
              {section.rows.people.map((person) => (
                <tr>
                  <td>{person.fullName}</td>
                  <td>{person.email}</td>
                  <td>{person.roles.map((role) => label(PERSON_ROLE, role)).join(' ; ')}</td>
                  <td>
                    <StateBadge tone={person.status === 'ACTIVE' ? 'success' : 'warning'}>
                      {label(PERSON_STATUS, person.status)}
                    </StateBadge>
                  </td>
                  <td>{person.lastLoginAt ? frenchDateTime(person.lastLoginAt) : 'Jamais'}</td>
                  <td>
                    <a href={`/mon-organisation/personnes/${person.id}`}>Modifier {person.fullName}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <h3>Invitations en attente</h3>
          {section.rows.invitations.length === 0 ? (
            <p>Aucune invitation en attente.</p>
          ) : (
            <Table
              caption="Invitations envoyées et pas encore utilisées"
              headers={['Nom', 'Adresse électronique', 'Rôles', 'Valable jusqu’au']}
              id="table-invitations"
            >
              <tbody>
                {section.rows.invitations.map((invitation) => (
                  <tr>
                    <td>{invitation.fullName}</td>
                    <td>{invitation.email}</td>
                    <td>{invitation.roles.map((role) => label(PERSON_ROLE, role)).join(' ; ')}</td>
                    <td>{frenchDateTime(invitation.expiresAt)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <h3>Inviter une personne</h3>
          <Problems model={model} form="invitation" />
          <form method="post" action="/mon-organisation/invitations">
            <CsrfField token={csrfToken} />
            <Field
              id="invitation-nom"
              name="fullName"
              label="Nom et prénom"
              value={model.invitationForm.fullName}
              required
              autocomplete="off"
            />
            <Field
              id="invitation-courriel"
              name="email"
              type="email"
              label="Adresse électronique"
              hint="Le lien d’invitation est affiché une fois, à lui transmettre ; il vaut 7 jours."
              value={model.invitationForm.email}
              required
              autocomplete="off"
            />
            <Radios name="role" legend="Rôle" choices={roleChoices} value={model.invitationForm.role} />
            <Button>Créer l’invitation</Button>
          </form>
        </>
      ) : null}
    </section>
  );
}

function KeyState(props: { key_: KeyRow }): VNode {
  const key = props.key_;
  if (key.revokedAt) return <StateBadge tone="error">{`Révoquée le ${frenchDateTime(key.revokedAt)}`}</StateBadge>;
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now())
    return <StateBadge tone="warning">{`Expirée le ${frenchDateTime(key.expiresAt)}`}</StateBadge>;
  return (
    <StateBadge tone="success">
      {key.expiresAt ? `Active jusqu’au ${frenchDateTime(key.expiresAt)}` : 'Active'}
    </StateBadge>
  );
}

function KeysSection(props: PageProps<OrganisationModel>): VNode {
  const { model, csrfToken } = props;
  const section = model.keys;
  return (
    <section aria-labelledby="cles">
      <h2 id="cles">Clés d’API</h2>
      <ReadOnly section={section} />
      {'rows' in section ? (
        <>
          <p>
            Une clé permet à un programme (centrale d’alarme, logiciel de main courante) d’envoyer ou de recevoir des
            alertes. Vigie n’en garde qu’une empreinte : une clé perdue se révoque et se remplace.
          </p>
          {section.rows.length === 0 ? (
            <p>Aucune clé.</p>
          ) : (
            <Table
              caption="Les clés de l’organisation"
              headers={['Nom', 'Identifiant', 'Droits', 'Créée le', 'Dernière utilisation', 'État', 'Action']}
              id="table-cles"
            >
              <tbody>
                {section.rows.map((key) => (
                  <tr data-key={key.id}>
                    <td>{key.label}</td>
                    <td>
                      <code>{key.prefix}</code>
                    </td>
                    <td>{key.roles.map((role) => label(API_KEY_ROLE, role)).join(' ; ')}</td>
                    <td>{frenchDateTime(key.createdAt)}</td>
                    <td>Non suivie</td>
                    <td>
                      <KeyState key_={key} />
                    </td>
                    <td>
                      {key.revokedAt ? null : (
                        <a href={`/mon-organisation/cles/${key.id}/revocation`}>Révoquer la clé {key.label}</a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <h3>Créer une clé</h3>
          <Problems model={model} form="cle" />
          <form method="post" action="/mon-organisation/cles">
            <CsrfField token={csrfToken} />
            <Field
              id="cle-nom"
              name="label"
              label="Nom de la clé"
              hint="Le programme ou le prestataire qui l’utilisera, par exemple « Centrale d’alarme »."
              value={model.keyForm.label}
              required
              autocomplete="off"
            />
            <Checkboxes
              name="roles"
              legend="Ce que la clé permet"
              choices={KEY_ROLES.map((role) => ({ value: role, label: label(API_KEY_ROLE, role) }))}
              values={model.keyForm.roles}
            />
            <Button>Créer la clé</Button>
          </form>
        </>
      ) : null}
    </section>
  );
}

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
        <>
          <h3>Ajouter un abonnement</h3>
          <Problems model={model} form="abonnement" />
          <form method="post" action="/mon-organisation/abonnements">
            <CsrfField token={csrfToken} />
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
            <Button>Ajouter l’abonnement</Button>
          </form>
        </>
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
  const section = model.webhooks;
  return (
    <section aria-labelledby="webhooks">
      <h2 id="webhooks">Webhooks</h2>
      <ReadOnly section={section} />
      {'rows' in section ? (
        section.rows.length === 0 ? (
          <p>Aucun webhook : l’organisation reçoit les alertes dans la console et par courriel.</p>
        ) : (
          <Table
            caption="Les adresses où Vigie envoie les alertes"
            headers={['Adresse', 'État', 'Créé le', 'Livraisons']}
            id="table-webhooks"
          >
            <tbody>
              {section.rows.map((webhook) => (
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
      ) : null}
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
    </section>
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

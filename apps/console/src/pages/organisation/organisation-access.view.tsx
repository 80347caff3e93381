import type { VNode } from 'preact';
import { StateBadge } from '../../components/badges';
import { Checkboxes, Field, Radios, Table } from '../../components/form';
import { API_KEY_ROLE, PERSON_ROLE, PERSON_STATUS, frenchDateTime, label } from '../../components/labels';
import {
  OrganisationForm,
  SectionOf,
  roleChoices,
  type KeyRow,
  type OrganisationModel,
  type PageProps,
} from './organisation-parts';
import { KEY_ROLES } from './organisation.model';

/** Who a person or an invitation is for: the name, address and roles cells of its row. */
function WhoCells(props: { who: { fullName: string; email: string; roles: string[] } }): VNode {
  const { who } = props;
  return (
    <>
      <td>{who.fullName}</td>
      <td>{who.email}</td>
      <td>{who.roles.map((role) => label(PERSON_ROLE, role)).join(' ; ')}</td>
    </>
  );
}

export function PeopleSection(props: PageProps<OrganisationModel>): VNode {
  const { model, csrfToken } = props;
  return (
    <SectionOf id="personnes" title="Personnes" section={model.people}>
      {(rows) => (
        <>
          <Table
            caption="Les personnes de l’organisation"
            headers={['Nom', 'Adresse électronique', 'Rôles', 'Statut', 'Dernière connexion', 'Action']}
            id="table-personnes"
          >
            <tbody>
              {rows.people.map((person) => (
                <tr>
                  <WhoCells who={person} />
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
          {rows.invitations.length === 0 ? (
            <p>Aucune invitation en attente.</p>
          ) : (
            <Table
              caption="Invitations envoyées et pas encore utilisées"
              headers={['Nom', 'Adresse électronique', 'Rôles', 'Valable jusqu’au']}
              id="table-invitations"
            >
              <tbody>
                {rows.invitations.map((invitation) => (
                  <tr>
                    <WhoCells who={invitation} />
                    <td>{frenchDateTime(invitation.expiresAt)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <OrganisationForm
            title="Inviter une personne"
            form="invitation"
            action="/mon-organisation/invitations"
            submit="Créer l’invitation"
            model={model}
            csrfToken={csrfToken}
          >
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
          </OrganisationForm>
        </>
      )}
    </SectionOf>
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

export function KeysSection(props: PageProps<OrganisationModel>): VNode {
  const { model, csrfToken } = props;
  return (
    <SectionOf id="cles" title="Clés d’API" section={model.keys}>
      {(rows) => (
        <>
          <p>
            Une clé permet à un programme (centrale d’alarme, logiciel de main courante) d’envoyer ou de recevoir des
            alertes. Vigie n’en garde qu’une empreinte : une clé perdue se révoque et se remplace.
          </p>
          {rows.length === 0 ? (
            <p>Aucune clé.</p>
          ) : (
            <Table
              caption="Les clés de l’organisation"
              headers={['Nom', 'Identifiant', 'Droits', 'Créée le', 'Dernière utilisation', 'État', 'Action']}
              id="table-cles"
            >
              <tbody>
                {rows.map((key) => (
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
          <OrganisationForm
            title="Créer une clé"
            form="cle"
            action="/mon-organisation/cles"
            submit="Créer la clé"
            model={model}
            csrfToken={csrfToken}
          >
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
          </OrganisationForm>
        </>
      )}
    </SectionOf>
  );
}

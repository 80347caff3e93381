import type { VNode } from 'preact';
import { Button, Field, Notice, Radios, Select, Table } from '../../components/form';
import { Layout, type PageFrame } from '../../components/layout';
import { Pager } from '../../components/pager';
import {
  AUDITED_OBJECTS,
  NATURES,
  filtersQuery,
  type AuditFilters,
  type AuditRow,
  type FilterErrors,
} from './audit.model';

export interface AuditModel {
  filters: AuditFilters;
  errors: FilterErrors;
  rows: AuditRow[];
  /** The id to page from when there may be older entries. */
  olderThan: number | null;
}

const PARIS_DAY = 'Jour inclus, heure de Paris';

export function AuditPage(props: PageFrame & { model: AuditModel }): VNode {
  const { filters, errors, rows, olderThan } = props.model;
  // The filters without the page: links from here start again from the newest entries.
  const kept = { ...filters, avant: '' };
  const invalid = Object.keys(errors).length > 0;
  // A filter's control: its name in the query, its value and what is wrong with it.
  const bound = (name: keyof AuditFilters) => ({
    id: `filtre-${name}`,
    name,
    value: filters[name],
    error: errors[name],
  });
  return (
    <Layout title="Journal d’audit" viewer={props.viewer} csrfToken={props.csrfToken} section="journal">
      <h1>Journal d’audit</h1>
      <p>
        Qui a changé quoi dans le référentiel des partenaires (organisations, personnes, clés d’API, abonnements, sites,
        référents et conventions) et qui a lu quoi : le contenu d’une alerte, ce journal, les personnes, invitations ou
        clés d’une organisation consultées hors de celle-ci. Du plus récent au plus ancien.
      </p>
      <form method="get" action="/administration/journal" aria-labelledby="filtres">
        <h2 id="filtres">Filtres</h2>
        {invalid ? (
          <Notice tone="error" title="Corrigez les filtres signalés : le journal n’a pas été filtré." />
        ) : null}
        <Radios
          name="nature"
          legend="Nature des entrées"
          choices={[
            { value: 'lectures', label: NATURES.lectures.label, hint: 'Qui a consulté quoi' },
            { value: 'modifications', label: NATURES.modifications.label, hint: 'Qui a changé quoi' },
            { value: '', label: NATURES[''].label },
          ]}
          value={filters.nature}
          error={errors.nature}
        />
        <Field
          {...bound('personne')}
          label="Personne (identifiant)"
          hint="Cliquez sur un nom dans le journal pour le remplir."
          autocomplete="off"
        />
        <Field
          {...bound('organisation')}
          label="Organisation (identifiant)"
          hint="Cliquez sur une organisation dans le journal pour le remplir."
          autocomplete="off"
        />
        <Select
          {...bound('objet')}
          label="Type d’objet"
          choices={[
            { value: '', label: 'Tous' },
            ...Object.entries(AUDITED_OBJECTS).map(([value, text]) => ({ value, label: text })),
          ]}
        />
        <Field {...bound('identifiant')} label="Identifiant de l’objet" autocomplete="off" />
        <Field {...bound('du')} type="date" label="Du" hint={PARIS_DAY} />
        <Field {...bound('au')} type="date" label="Au" hint={PARIS_DAY} />
        <Button>Filtrer</Button>
      </form>
      <p>
        <a href={`/administration/journal.csv${filtersQuery(kept)}`} download>
          Exporter ces entrées en CSV
        </a>
      </p>
      {invalid ? null : rows.length === 0 ? (
        <p>Aucune entrée ne correspond à ces filtres.</p>
      ) : (
        <Table
          caption="Entrées du journal, les plus récentes d’abord"
          headers={['Date', 'Qui', 'Action', 'Objet', 'Organisation', 'Détail']}
          id="table-journal"
        >
          <tbody>
            {rows.map((row) => (
              <tr data-entry={String(row.id)} data-nature={row.nature}>
                <td>{row.at}</td>
                <td>
                  {row.personId ? (
                    <a href={`/administration/journal${filtersQuery({ ...kept, personne: row.personId })}`}>
                      {row.who}
                    </a>
                  ) : (
                    row.who
                  )}
                </td>
                <td>{row.action}</td>
                <td>
                  <a
                    href={`/administration/journal${filtersQuery({ ...kept, objet: row.entity, identifiant: row.entityId })}`}
                  >
                    {row.object} {row.entityId}
                  </a>
                </td>
                <td>
                  {row.organisationId ? (
                    <a href={`/administration/journal${filtersQuery({ ...kept, organisation: row.organisationId })}`}>
                      {row.organisation}
                    </a>
                  ) : (
                    row.organisation
                  )}
                </td>
                <td>
                  {row.read ? <p>{row.read}</p> : null}
                  {row.before ? (
                    <p>
                      Avant : <code>{row.before}</code>
                    </p>
                  ) : null}
                  {row.after ? (
                    <p>
                      Après : <code>{row.after}</code>
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager
        label="Pages du journal"
        links={{
          newestHref: filters.avant ? `/administration/journal${filtersQuery(kept)}` : null,
          olderHref: olderThan ? `/administration/journal${filtersQuery({ ...kept, avant: String(olderThan) })}` : null,
        }}
      />
    </Layout>
  );
}

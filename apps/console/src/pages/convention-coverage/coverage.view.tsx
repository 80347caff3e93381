import type { VNode } from 'preact';
import { Layout, type PageFrame } from '../../components/layout';
import type { CoverageTable } from './coverage.model';

const count = (value: number, one: string, many: string) => `${value} ${value > 1 ? many : one}`;

/**
 * Coverage of the conventions: for each département where a convention is deployed, its active
 * members operating there and their sites located there, a column pair per convention, with
 * the totals of the scope.
 */
export function CoveragePage(props: PageFrame & { table: CoverageTable; scope: string }): VNode {
  const { columns, rows } = props.table;
  return (
    <Layout title="Couverture des conventions" viewer={props.viewer} csrfToken={props.csrfToken} section="couverture">
      <h1>Couverture des conventions</h1>
      <p>
        {`Pour chaque convention de partenariat et chaque département où elle est déployée, ${props.scope} : les adhérents actifs qui y exercent et leurs sites qui s’y trouvent. Un adhérent présent dans plusieurs départements compte une fois dans le total. « — » : la convention n’est pas déployée dans ce département.`}
      </p>
      <p>
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/conventions.csv" download>
          Télécharger le tableau (CSV)
        </a>
      </p>
      {rows.length === 0 ? (
        <p>Aucune convention n’est déployée dans votre périmètre.</p>
      ) : (
        <div class="fr-table fr-table--no-caption-offset" id="couverture-tableau">
          <table>
            <caption>Adhérents actifs et sites par convention et par département</caption>
            <thead>
              <tr>
                <td></td>
                {columns.map((column) => (
                  <th scope="colgroup" colSpan={2} id={`convention-${column.code}`}>
                    {column.label}
                    {column.announced ? ' (annoncée)' : null}
                  </th>
                ))}
              </tr>
              <tr>
                <th scope="col" id="departement">
                  Département
                </th>
                {columns.map((column) => (
                  <>
                    <th scope="col" id={`adherents-${column.code}`} headers={`convention-${column.code}`}>
                      Adhérents
                    </th>
                    <th scope="col" id={`sites-${column.code}`} headers={`convention-${column.code}`}>
                      Sites
                    </th>
                  </>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr data-department={row.department}>
                  <th scope="row" id={`d-${row.department}`}>
                    <a href={`/departements/${row.department}`}>{row.label}</a>
                  </th>
                  {row.cells.map((cell, index) =>
                    cell ? (
                      <>
                        <td
                          headers={`d-${row.department} convention-${columns[index].code} adherents-${columns[index].code}`}
                        >
                          {cell.members}
                        </td>
                        <td
                          headers={`d-${row.department} convention-${columns[index].code} sites-${columns[index].code}`}
                        >
                          {cell.sites}
                        </td>
                      </>
                    ) : (
                      <td colSpan={2} headers={`d-${row.department} convention-${columns[index].code}`}>
                        <span aria-hidden="true">—</span>
                        <span class="fr-sr-only">non déployée</span>
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" id="total">
                  Total
                </th>
                {columns.map((column) => (
                  <>
                    <td headers={`total convention-${column.code} adherents-${column.code}`}>{column.members}</td>
                    <td headers={`total convention-${column.code} sites-${column.code}`}>{column.sites}</td>
                  </>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <h2 class="fr-h5">En résumé</h2>
      <ul id="couverture-resume">
        {columns.map((column) => (
          <li>
            {`${column.name} : ${count(column.members, 'adhérent actif', 'adhérents actifs')}, ${count(column.sites, 'site', 'sites')}`}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

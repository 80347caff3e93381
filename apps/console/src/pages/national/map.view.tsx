import type { VNode } from 'preact';
import { Table } from '../../components/form';
import { FranceMap, MapLegend, type MapFigure } from '../../components/france-map';
import { Layout, type PageFrame } from '../../components/layout';
import { BANDS, figureWords, MODE_WORDS, type MapMode } from './national.model';

const SWITCH: { mode: MapMode; label: string }[] = [
  { mode: 'alertes', label: 'Alertes des dernières 24 heures' },
  { mode: 'escalades', label: 'Escalades en cours' },
];

export function MapPage(
  props: PageFrame & {
    mode: MapMode;
    figures: Map<string, MapFigure>;
    total: number;
  },
): VNode {
  const words = MODE_WORDS[props.mode];
  const figures = [...props.figures.values()];
  return (
    <Layout title="Carte de France" viewer={props.viewer} csrfToken={props.csrfToken} section="carte">
      <h1>Carte de France</h1>
      <nav aria-label="Ce que montre la carte">
        <ul class="fr-btns-group fr-btns-group--inline-md">
          {SWITCH.map((entry) => (
            <li>
              <a
                class={`fr-btn ${entry.mode === props.mode ? '' : 'fr-btn--secondary'}`}
                href={`/carte?couleur=${entry.mode}`}
                aria-current={entry.mode === props.mode ? 'page' : undefined}
              >
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p id="carte-total">
        {`${props.total} ${props.total > 1 ? words.many : words.one} en France. Chaque département mène à sa page.`}
      </p>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-lg-8">
          <FranceMap
            title={`${words.caption}, carte`}
            figures={props.figures}
            bands={BANDS[props.mode]}
            describe={(figure) => figureWords(props.mode, figure)}
          />
          <MapLegend caption="Légende" bands={BANDS[props.mode]} />
        </div>
        <div class="fr-col-12 fr-col-lg-4">
          <Table caption={words.caption} headers={['Département', 'Nombre']} id="carte-tableau">
            <tbody>
              {figures.map((figure) => (
                <tr>
                  <td>
                    <a href={`/departements/${figure.code}`}>{`${figure.name} (${figure.code})`}</a>
                  </td>
                  <td>{figure.count}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </div>
    </Layout>
  );
}

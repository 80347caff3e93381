import type { VNode } from 'preact';
import { StackedBarChart } from '../../components/bar-chart';
import { Layout, type PageFrame } from '../../components/layout';
import { PeriodChoice } from './period-choice';
import type { Trend, TrendDays } from './trends.model';

function summary(trend: Trend, days: TrendDays): string {
  const total = trend.series.reduce((sum, series) => sum + series.counts.reduce((a, b) => a + b, 0), 0);
  if (total === 0) return `Aucune alerte sur les ${days} derniers jours.`;
  const parts = trend.series.map((series) => `${series.label} : ${series.counts.reduce((a, b) => a + b, 0)}`);
  return `${total} alertes sur les ${days} derniers jours. ${parts.join(', ')}.`;
}

export function TrendsPage(
  props: PageFrame & {
    days: TrendDays;
    scope: string;
    events: Trend;
    severities: Trend;
  },
): VNode {
  return (
    <Layout title="Tendances" viewer={props.viewer} csrfToken={props.csrfToken} section="tendances">
      <h1>Tendances des alertes</h1>
      <p>{`Alertes réelles par jour, ${props.scope}, sur les ${props.days} derniers jours.`}</p>
      <PeriodChoice days={props.days} href={(days) => `/tendances?jours=${days}`} />
      <p>
        <a
          class="fr-link fr-icon-download-line fr-link--icon-left"
          href={`/tendances.csv?jours=${props.days}`}
          download
        >
          {`Télécharger ces chiffres (CSV, ${props.days} jours)`}
        </a>
      </p>
      <h2>Par type d’événement</h2>
      <StackedBarChart
        id="par-type"
        title={`Alertes par jour et par type d’événement, ${props.days} jours`}
        summary={summary(props.events, props.days)}
        days={props.events.days}
        series={props.events.series}
        seriesHeading="Type d’événement"
      />
      <h2>Par gravité</h2>
      <StackedBarChart
        id="par-gravite"
        title={`Alertes par jour et par gravité, ${props.days} jours`}
        summary={summary(props.severities, props.days)}
        days={props.severities.days}
        series={props.severities.series}
        seriesHeading="Gravité"
      />
    </Layout>
  );
}

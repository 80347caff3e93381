import type { VNode } from 'preact';
import type { TrendDays } from './trends.model';

/** The period a national page covers: 30 or 90 days, the current one marked for screen readers. */
export function PeriodChoice(props: { days: TrendDays; href: (days: TrendDays) => string }): VNode {
  return (
    <nav aria-label="Période">
      <ul class="fr-btns-group fr-btns-group--inline-md">
        {([30, 90] as const).map((days) => (
          <li>
            <a
              class={`fr-btn ${days === props.days ? '' : 'fr-btn--secondary'}`}
              href={props.href(days)}
              aria-current={days === props.days ? 'page' : undefined}
            >
              {`${days} jours`}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

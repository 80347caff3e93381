import type { VNode } from 'preact';

/** The links between a list's pages: back to the most recent ones, on to older ones. */
export interface PageLinks {
  newestHref: string | null;
  olderHref: string | null;
}

/** The links between a long list's pages: « Plus récents » back to the first, « Plus anciens » on. */
export function Pager(props: { label: string; links: PageLinks }): VNode | null {
  const { newestHref, olderHref } = props.links;
  if (!newestHref && !olderHref) return null;
  return (
    <nav aria-label={props.label} class="fr-mt-2w">
      <ul class="fr-btns-group fr-btns-group--inline-md">
        {newestHref ? (
          <li>
            <a class="fr-btn fr-btn--tertiary fr-icon-arrow-left-line fr-btn--icon-left" href={newestHref}>
              Plus récents
            </a>
          </li>
        ) : null}
        {olderHref ? (
          <li>
            <a class="fr-btn fr-btn--secondary fr-icon-arrow-right-line fr-btn--icon-right" href={olderHref} rel="next">
              Plus anciens
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** What a list says when its page link is not one the console made (altered, truncated, made up). */
export function InvalidPageNotice(props: { newestHref: string; newestLabel: string }): VNode {
  return (
    <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
      <h2 class="fr-alert__title">Ce lien de page n’est pas valide</h2>
      <p>
        Il a pu être modifié ou recopié incomplètement. <a href={props.newestHref}>{props.newestLabel}</a>
      </p>
    </div>
  );
}

import type { ComponentChildren, VNode } from 'preact';
import { Table } from './form';

/** The links between a list's pages: back to the most recent ones, on to older ones. */
export interface PageLinks {
  newestHref: string | null;
  olderHref: string | null;
}

/** One page of a long list, as its view shows it. */
export interface ListPageView<T> {
  items: T[];
  pages: PageLinks;
  /** The link asked for a page the console never links to (altered, truncated, made up). */
  invalidPage: boolean;
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

/**
 * A long list's page: the notice of a page link the console did not make, what the list says when
 * the page has nothing (`empty`), or the page's items (`children`); then the links to the other pages.
 */
export function PagedList(props: {
  list: ListPageView<unknown>;
  /** The list's most recent page, and the words of the link back to it from an invalid one. */
  newestHref: string;
  newestLabel: string;
  /** What the links to the other pages are called. */
  pagerLabel: string;
  empty: ComponentChildren;
  children: ComponentChildren;
}): VNode {
  const { list } = props;
  return (
    <>
      {list.invalidPage ? (
        <InvalidPageNotice newestHref={props.newestHref} newestLabel={props.newestLabel} />
      ) : list.items.length === 0 ? (
        props.empty
      ) : (
        props.children
      )}
      <Pager label={props.pagerLabel} links={list.pages} />
    </>
  );
}

/** Whether the page is one of a list's older pages (it links back to the most recent one). */
export const isOlderPage = (list: ListPageView<unknown>): boolean => list.pages.newestHref !== null;

/** A long list's page as a table, a row an item; its caption says whether it holds the most recent items or older ones. */
export function PagedTable<T>(props: {
  list: ListPageView<T>;
  captions: { newest: string; older: string };
  headers: string[];
  row: (item: T) => VNode;
}): VNode {
  const { list, captions } = props;
  return (
    <Table caption={isOlderPage(list) ? captions.older : captions.newest} headers={props.headers}>
      <tbody>{list.items.map(props.row)}</tbody>
    </Table>
  );
}

import type { Response } from 'express';
import type { VNode } from 'preact';
import { ServiceCallError, type ListPage } from '../clients/service-call';
import type { ListPageView, PageLinks } from '../components/pager';
import { renderPage, sendHtml } from '../render';

/** How many items a long list shows a page: the most recent first, then « Plus anciens ». */
export const LIST_PAGE = 20;

const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * The page a list's `avant` parameter asks for: undefined for the most recent, the service's
 * cursor otherwise, null for something no page of the console links to.
 */
export function pageCursor(value: unknown): string | undefined | null {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' && CURSOR.test(value) ? value : null;
}

/** A service's refusal of a cursor: the link was altered, truncated or made up. */
export function cursorRefused(error: unknown): boolean {
  return (
    error instanceof ServiceCallError &&
    error.status === 400 &&
    (error.body?.details ?? []).some((detail) => detail.field === 'cursor')
  );
}

/** A list that fits on one page. */
export const NO_PAGES: PageLinks = { newestHref: null, olderHref: null };

export function pageLinks(path: string, cursor: string | undefined, nextCursor: string | null): PageLinks {
  return {
    newestHref: cursor ? path : null,
    olderHref: nextCursor ? `${path}?avant=${encodeURIComponent(nextCursor)}` : null,
  };
}

/**
 * The page of a list that `avant` asks for, read from its service, with the links to the others;
 * null when it is not a page the console links to (a malformed cursor, or one the service refuses):
 * the list then answers 400 in words.
 */
export async function readPage<T>(
  path: string,
  before: unknown,
  read: (cursor: string | undefined) => Promise<ListPage<T>>,
): Promise<{ items: T[]; pages: PageLinks } | null> {
  const cursor = pageCursor(before);
  if (cursor === null) return null;
  try {
    const page = await read(cursor);
    return { items: page.items, pages: pageLinks(path, cursor, page.nextCursor) };
  } catch (error) {
    if (cursorRefused(error)) return null;
    throw error;
  }
}

/**
 * Answers a long list's page: the page `before` (`avant`) asks for, read from its service, each of
 * its items made ready for the view; or 400 and the view saying the link is not a valid page.
 */
export async function sendListPage<T, I>(
  response: Response,
  list: {
    path: string;
    before: unknown;
    read: (cursor: string | undefined) => Promise<ListPage<T>>;
    item: (item: T) => I | Promise<I>;
    view: (page: ListPageView<I>) => VNode;
  },
): Promise<void> {
  const page = await readPage(list.path, list.before, list.read);
  if (!page) {
    sendHtml(response, 400, renderPage(list.view({ items: [], pages: NO_PAGES, invalidPage: true })));
    return;
  }
  const items = await Promise.all(page.items.map((item) => list.item(item)));
  sendHtml(response, 200, renderPage(list.view({ items, pages: page.pages, invalidPage: false })));
}

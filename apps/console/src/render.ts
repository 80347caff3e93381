import type { Response } from 'express';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A full HTML document from a page component; preact escapes every string it renders. */
export function renderPage(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}

/** A fragment (an htmx swap or an SSE event). */
export function renderFragment(fragment: VNode): string {
  return renderToString(fragment);
}

/** Answers with rendered HTML and the status that goes with it (a form shown again, a refusal in words). */
export function sendHtml(response: Response, status: number, html: string): void {
  response.status(status).type('html').send(html);
}

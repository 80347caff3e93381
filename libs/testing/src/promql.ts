import { parser } from '@prometheus-io/lezer-promql';

/**
 * The metric names a PromQL expression selects, read with Prometheus's own grammar; a syntax
 * error throws. Histogram series (`_bucket`, `_count`, `_sum`) are given as their family.
 */
export function metricNamesIn(expression: string): string[] {
  const tree = parser.parse(expression);
  const names = new Set<string>();
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) {
      throw new Error(`not valid PromQL at ${cursor.from}: ${expression.slice(cursor.from, cursor.from + 30)}`);
    }
    if (cursor.name === 'VectorSelector') {
      const selector = cursor.node.getChild('Identifier');
      if (selector) names.add(expression.slice(selector.from, selector.to));
    }
  } while (cursor.next());
  return [...names].map((name) => name.replace(/_(bucket|count|sum)$/, ''));
}

import type { DataSource } from 'typeorm';

/** Time to acknowledge of one prefecture over a period, in seconds (ADR 36). */
export interface PrefectureTimeToAcknowledge {
  prefectureId: string;
  department: string;
  /** Escalations armed in the period. */
  escalations: number;
  /** Of which the prefecture has not acknowledged the alert (yet). */
  unacknowledged: number;
  /** Median and 90th percentile over the acknowledged ones; null when none was acknowledged. */
  medianSeconds: number | null;
  p90Seconds: number | null;
}

interface Row {
  prefecture_id: string;
  department: string;
  escalations: string;
  unacknowledged: string;
  median_seconds: number | null;
  p90_seconds: number | null;
}

/**
 * Per prefecture: the escalations armed in [from, to) and the delay between arming and the
 * prefecture's acknowledgement of the alert. Aggregated in PostgreSQL (percentile_cont) from
 * ix_escalations_created and the acknowledgements primary key: no row per alert reaches memory.
 * `departments` null means every département.
 */
export async function timeToAcknowledge(
  db: DataSource,
  from: Date,
  to: Date,
  departments: string[] | null,
): Promise<PrefectureTimeToAcknowledge[]> {
  const rows = await db.query<Row[]>(
    `SELECT e.prefecture_id, e.alert->'location'->>'department' AS department,
            count(*) AS escalations,
            count(*) FILTER (WHERE a.acknowledged_at IS NULL) AS unacknowledged,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.acknowledged_at - e.created_at))
              FILTER (WHERE a.acknowledged_at IS NOT NULL) AS median_seconds,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM a.acknowledged_at - e.created_at))
              FILTER (WHERE a.acknowledged_at IS NOT NULL) AS p90_seconds
       FROM escalations e
       LEFT JOIN acknowledgements a ON a.alert_id = e.alert_id AND a.organisation_id = e.prefecture_id
      WHERE e.created_at >= $1 AND e.created_at < $2
        AND ($3::text[] IS NULL OR e.alert->'location'->>'department' = ANY ($3::text[]))
      GROUP BY 1, 2
      ORDER BY 2, 1`,
    [from, to, departments],
  );
  return rows.map(prefectureOf);
}

export function prefectureOf(row: Row): PrefectureTimeToAcknowledge {
  return {
    prefectureId: row.prefecture_id,
    department: row.department,
    escalations: Number(row.escalations),
    unacknowledged: Number(row.unacknowledged),
    medianSeconds: row.median_seconds === null ? null : Math.round(Number(row.median_seconds)),
    p90Seconds: row.p90_seconds === null ? null : Math.round(Number(row.p90_seconds)),
  };
}

import Table from 'cli-table3';
import type { StepResult } from '../load/step';
import type { UsageWindow } from './resources';
import { maxSustained, type BenchResults } from './results';

/** A titled table of text cells, printable in a terminal or as Markdown. */
export interface Section {
  title: string;
  head: string[];
  rows: string[][];
  note?: string;
}

const ms = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${value}`);
const ratio = (a: number | null | undefined, b: number | null | undefined): string =>
  a === null || a === undefined || !b ? '—' : `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`;

const held = (step: StepResult | undefined): string =>
  step === undefined ? '—' : step.sustained ? 'yes' : `no${step.errors ? ` (${step.errors} errors)` : ''}`;

function latencySection(results: BenchResults): Section {
  const vigieAt = new Map(results.vigie.map((step) => [step.rate, step]));
  const kafkaAt = new Map(results.kafka.map((step) => [step.rate, step]));
  const rates = [...new Set([...vigieAt.keys(), ...kafkaAt.keys()])].sort((a, b) => a - b);
  const rows = rates.map((rate) => {
    const [vigie, kafka] = [vigieAt.get(rate), kafkaAt.get(rate)];
    return [
      `${rate}`,
      ms(vigie?.latency.p50),
      ms(vigie?.latency.p95),
      ms(vigie?.latency.p99),
      ms(vigie?.latency.max),
      held(vigie),
      ms(kafka?.latency.p50),
      ms(kafka?.latency.p99),
      held(kafka),
      ratio(vigie?.latency.p99, kafka?.latency.p99),
    ];
  });
  return {
    title: 'End-to-end latency (ms): POST /v1/alerts → signed webhook received, open loop, from the intended send time',
    head: ['rate/s', 'p50', 'p95', 'p99', 'max', 'sustained', 'kafka p50', 'kafka p99', 'kafka sustained', 'p99 ratio'],
    rows,
    note: 'kafka = raw kafkajs two-hop (produce → consume → produce → consume, acks=-1) at the same rate; ratio = Vigie ÷ kafka',
  };
}

function stagesSection(ladder: StepResult[], hold: StepResult | null): Section {
  const steps = [...ladder, ...(hold ? [hold] : [])];
  const stages = [...new Set(steps.flatMap((step) => Object.keys(step.stages)))];
  return {
    title: 'Where the time goes: median (p99) per stage, ms',
    head: ['rate/s', ...stages, 'HTTP 201'],
    rows: steps.map((step) => [
      step === hold ? `${step.rate} (hold ${step.seconds} s)` : `${step.rate}`,
      ...stages.map((stage) => (step.stages[stage] ? `${step.stages[stage].p50} (${step.stages[stage].p99})` : '—')),
      `${step.accepted.p50} (${step.accepted.p99})`,
    ]),
    note: 'sent = intended send time; ingested = ingestion took the request (alert.sent); routed = routing decided (routedAt); arrived = sink received it',
  };
}

function throughputSection(results: BenchResults): Section {
  const vigie = results.hold?.sustained ? results.hold.rate : null;
  const kafka = maxSustained(results.kafka) || null;
  const pg = results.pg?.perSecond ?? null;
  return {
    title: 'Throughput (messages/s)',
    head: ['measure', 'Vigie', 'baseline', 'ratio'],
    rows: [
      [
        `sustainable (held ${results.hold?.seconds ?? '—'} s, bounded backlog) vs raw kafkajs two-hop max`,
        ms(vigie),
        ms(kafka),
        ratio(vigie, kafka),
      ],
      [
        `sustainable vs PostgreSQL inserts of the same rows (alert + outbox, ${results.pg?.connections ?? '—'} connections)`,
        ms(vigie),
        ms(pg),
        ratio(vigie, pg),
      ],
      [
        'highest sustained ladder step',
        ms(maxSustained(results.vigie) || null),
        ms(kafka),
        ratio(maxSustained(results.vigie), kafka),
      ],
    ],
    note: results.hold
      ? `hold at ${results.hold.rate}/s: p50 ${results.hold.latency.p50} ms, p99 ${results.hold.latency.p99} ms, max ${results.hold.latency.max} ms, ${results.hold.delivered}/${results.hold.sent} delivered, backlog slope ${results.hold.backlogSlope}/s, drained ${ms(results.hold.drainMs)} ms after the last send`
      : undefined,
  };
}

function fanOutSection(results: BenchResults): Section | null {
  const fan = results.fanOut;
  if (!fan) return null;
  return {
    title: `Fan-out: one Severe alert to ${fan.partners} subscribed partners + the prefecture + the national level`,
    head: ['webhooks', 'delivered', 'first', 'p50', 'p99', 'last', 'routed → last', 'seeding'],
    rows: [
      [
        `${fan.webhooks}`,
        `${fan.delivered}`,
        `${ms(fan.firstMs)} ms`,
        `${fan.latency.p50} ms`,
        `${fan.latency.p99} ms`,
        `${ms(fan.lastMs)} ms`,
        `${ms(fan.routedToLastMs)} ms`,
        `${Math.round(fan.seedingMs / 1000)} s`,
      ],
    ],
    note: fan.usage ? fanOutCpu(fan.usage, results.machine.cpus) : undefined,
  };
}

/** Each process's CPU time from the POST to the last delivery, and their sum against what the cores offered. */
export function fanOutCpu(usage: UsageWindow, cpus: number): string {
  const total = usage.processes.reduce((sum, process) => sum + process.cpuMs, 0);
  const each = [...usage.processes].sort((a, b) => b.cpuMs - a.cpuMs).map((p) => `${p.name} ${p.cpuMs}`);
  return `CPU from the POST to the last delivery (ms, sampled each second): ${each.join(', ')}; all together ${total} of the ${Math.round(usage.seconds * cpus * 1000)} ms that ${cpus} cores offered in ${usage.seconds} s`;
}

function resourcesSection(results: BenchResults): Section | null {
  if (results.resources.length === 0) return null;
  const names = [...new Set(results.resources.flatMap((window) => window.processes.map((p) => p.name)))];
  return {
    title: 'Resources: CPU (% of one core, and CPU time per alert under load) and RSS (max MB) per process',
    head: ['process', ...results.resources.map((window) => window.label)],
    rows: names.map((name) => [
      name,
      ...results.resources.map((window) => {
        const usage = window.processes.find((p) => p.name === name);
        if (!usage) return '—';
        const perMessage = usage.cpuMsPerMessage === undefined ? '' : ` (${usage.cpuMsPerMessage} ms/alert)`;
        return `${usage.cpuPercent}%${perMessage}${usage.rssMaxMb === null ? '' : ` / ${usage.rssMaxMb} MB`}`;
      }),
    ]),
    note: [
      `stack start-up (four processes spawned → all healthy, fresh database): ${ms(results.startupMs)} ms`,
      ...results.resources.filter((window) => window.messages).map((window) => cpuBudget(window, results.machine.cpus)),
    ].join('\n  '),
  };
}

/** All processes' CPU time per alert, and the rate at which it would fill every core. */
function cpuBudget(window: UsageWindow, cpus: number): string {
  const total = window.processes.reduce((sum, usage) => sum + (usage.cpuMsPerMessage ?? 0), 0);
  const ceiling = total > 0 ? Math.round((cpus * 1000) / total) : 0;
  return `${window.label}: ${total.toFixed(1)} ms of CPU per alert over all processes (beyond their CPU at rest) → ${cpus} cores are full at about ${ceiling} alerts/s`;
}

/** How long the broker was warmed, its JIT compiler's share of a core per round, and during the measurements. */
export function brokerWarmUp(results: BenchResults): string {
  const warmUp = results.brokerWarmUp;
  if (!warmUp) return 'none';
  if (warmUp.seconds === 0) {
    return warmUp.compilerPercentAfter === undefined
      ? 'none'
      : `none; its JIT compiler at ${warmUp.compilerPercentAfter} % of a core while measuring`;
  }
  const rounds = warmUp.compilerPercentByRound.length
    ? `; its JIT compiler per round ${warmUp.compilerPercentByRound.join(', ')} % of a core (${warmUp.settled ? 'then resting' : 'still busy at the limit'})`
    : '';
  const after = warmUp.compilerPercentAfter === undefined ? '' : `, ${warmUp.compilerPercentAfter} % while measuring`;
  return `${warmUp.seconds} s${rounds}${after}`;
}

function machineSection(results: BenchResults): Section {
  const m = results.machine;
  return {
    title: 'Machine and run',
    head: ['', ''],
    rows: [
      ['command', results.command],
      ['started', results.startedAt],
      ['CPU', `${m.cpus} × ${m.cpuModel}`],
      ['memory', `${m.memoryGb} GB`],
      ['load average (1, 5, 15 min) at start / end', `${m.loadAtStart.join(' ')} / ${m.loadAtEnd.join(' ')}`],
      ['software', `Node ${m.node}, PostgreSQL ${m.postgres}, Kafka ${m.kafka} (single KRaft node)`],
      ['topic partitions', `${results.partitions}`],
      ['processes of every service', `${results.instances ?? 1}`],
      ['broker warm-up (raw two-hop before measuring)', brokerWarmUp(results)],
      [
        'message sizes',
        results.messageSizes
          ? `alert.submitted.v1 ${results.messageSizes.submitted} B, alert.routed.v1 ${results.messageSizes.routed} B`
          : '—',
      ],
    ],
  };
}

/** CPU time per alert summed over every process of the platform (services, PostgreSQL, Kafka), not the bench's own. */
export function platformCpuMsPerAlert(window: UsageWindow | undefined): number | undefined {
  const platform = window?.processes.filter((usage) => !usage.name.startsWith('bench'));
  if (!platform?.length || platform.some((usage) => usage.cpuMsPerMessage === undefined)) return undefined;
  return Math.round(platform.reduce((sum, usage) => sum + usage.cpuMsPerMessage!, 0) * 100) / 100;
}

function targetsSection(results: BenchResults): Section {
  const at = (rate: number): StepResult | undefined => results.vigie.find((step) => step.rate === rate);
  const kafkaMax = maxSustained(results.kafka);
  const sustainable = results.hold?.sustained ? results.hold.rate : 0;
  const check = (ok: boolean | undefined): string => (ok === undefined ? '—' : ok ? 'met' : 'NOT met');
  const held = results.resources.find((window) => window.label.startsWith('hold'));
  const cpu = platformCpuMsPerAlert(held);
  const fanOut = (partners: number, limitMs: number): string[] => [
    `fan-out to ${partners.toLocaleString('en')} webhooks: last ≤ ${limitMs / 1000} s`,
    results.fanOut?.partners === partners
      ? `${ms(results.fanOut.lastMs)} ms (${results.fanOut.webhooks} webhooks)`
      : '—',
    check(
      results.fanOut?.partners === partners
        ? results.fanOut.lastMs !== null && results.fanOut.lastMs <= limitMs
        : undefined,
    ),
  ];
  const trickle = at(1);
  const rows: string[][] = [
    [
      'p99 at 1 alert/s ≤ 50 ms',
      trickle ? `${ms(trickle.latency.p99)} (${trickle.sent} alerts; slowest ${ms(trickle.latency.max)})` : '—',
      check(trickle && trickle.latency.p99 <= 50),
    ],
    ['p99 at 200 alerts/s ≤ 100 ms', ms(at(200)?.latency.p99), check(at(200) && at(200)!.latency.p99 <= 100)],
    [
      'sustainable (p99 ≤ 500 ms) ≥ 0.25 × kafka two-hop sustainable',
      `${sustainable} vs ${kafkaMax}${kafkaMax ? ` (${Math.round((sustainable / kafkaMax) * 100) / 100}×)` : ''}`,
      check(results.hold && kafkaMax ? sustainable >= 0.25 * kafkaMax : undefined),
    ],
    [
      'CPU per alert ≤ 3 ms, every process of the platform',
      cpu === undefined ? '—' : `${cpu} ms (${held!.label})`,
      check(cpu === undefined ? undefined : cpu <= 3),
    ],
    fanOut(1000, 1000),
    fanOut(10_000, 3000),
  ];
  return { title: 'Targets', head: ['target', 'measured', ''], rows };
}

function profileSection(results: BenchResults): Section | null {
  if (results.profile.length === 0) return null;
  return {
    title: 'CPU profile: busy time and the areas that take most of it (self time)',
    head: ['service', 'busy', 'top areas'],
    rows: results.profile.map((summary) => [
      summary.service,
      `${Math.round((summary.busyMs / Math.max(1, summary.sampledMs)) * 100)}%`,
      summary.byArea
        .slice(0, 5)
        .map((share) => `${share.name} ${share.percent}%`)
        .join(', '),
    ]),
    note: 'details (top functions) in profile.md beside results.json',
  };
}

function soakSection(results: BenchResults): Section | null {
  const soak = results.soak;
  if (!soak?.minutes.length) return null;
  const last = soak.minutes[soak.minutes.length - 1];
  const rows: string[][] = [
    ...Object.entries(soak.slopes.rssMbPerMinute).map(([name, slope]) => [
      `RSS ${name}`,
      `${last.rssMb[name]} MB`,
      `${slope}`,
    ]),
    ...Object.entries(soak.slopes.tableMbPerMinute).map(([name, slope]) => [
      `table ${name}`,
      `${last.tableMb[name]} MB`,
      `${slope}`,
    ]),
    ['consumer lag (messages)', `${last.consumerLag}`, `${soak.slopes.lagPerMinute}`],
  ];
  return {
    title: `Soak: ${soak.rate} alerts/s for ${soak.minutes.length} min (queue tables kept 2 min)`,
    head: ['what', 'at the end', 'slope per minute (second half)'],
    rows,
    note: `p99 per minute: ${soak.minutes.map((minute) => minute.p99).join(', ')} ms; delivered ${soak.minutes.reduce((sum, minute) => sum + minute.delivered, 0)} of ${soak.minutes.reduce((sum, minute) => sum + minute.sent, 0)}`,
  };
}

export function sections(results: BenchResults): Section[] {
  if (results.profile.length > 0) return [machineSection(results), profileSection(results)!];
  if (results.soak) return [machineSection(results), soakSection(results)].filter((s): s is Section => s !== null);
  return [
    machineSection(results),
    results.vigie.length ? latencySection(results) : null,
    results.vigie.length ? stagesSection(results.vigie, results.hold) : null,
    throughputSection(results),
    fanOutSection(results),
    resourcesSection(results),
    targetsSection(results),
  ].filter((section): section is Section => section !== null);
}

export function toTerminal(section: Section): string {
  const table = new Table({ head: section.head, style: { head: [], border: [] } });
  table.push(...section.rows);
  return `\n${section.title}\n${table.toString()}${section.note ? `\n  ${section.note}` : ''}`;
}

export function toMarkdown(section: Section): string {
  const line = (cells: string[]): string => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    `**${section.title}**`,
    '',
    line(section.head),
    line(section.head.map(() => '---')),
    ...section.rows.map(line),
    ...(section.note ? ['', section.note] : []),
  ].join('\n');
}

import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile (as written by `node --cpu-prof`) this summary reads. */
interface CpuProfile {
  /** Microseconds on the monotonic clock, the one process.hrtime() reads. */
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  ms: number;
  /** Of the busy (non-idle) time. */
  percent: number;
}

export interface ProfileSummary {
  service: string;
  sampledMs: number;
  busyMs: number;
  byArea: Share[];
  topFunctions: Share[];
}

/**
 * Where a frame's own time belongs: a package of node_modules, Vigie's own code, Node's
 * internals by module, or V8's pseudo-frames (GC, idle, program).
 */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const vigie = /dist\/((?:apps|libs)\/[^/]+)/.exec(url);
  if (vigie) return `vigie ${vigie[1]}`;
  const internal = /^node:(?:internal\/)?([a-z_]+)/.exec(url);
  if (internal) return `node:${internal[1]}`;
  return url;
}

/** Monotonic microseconds, comparable with a profile's timestamps. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Self time per area and per function of one profile, within `window` (monotonic µs) if given. */
export function summariseProfile(
  service: string,
  file: string,
  window?: { fromUs: number; toUs: number },
  top = 12,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let sampledUs = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    at += us;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    const frame = byId.get(id);
    if (!frame) return;
    sampledUs += us;
    const area = areaOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    if (area === '(idle)') return;
    const where = frame.url
      ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^.*dist\//, '')}:${frame.lineNumber + 1}`
      : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + us);
  });
  const busyUs = sampledUs - (areas.get('(idle)') ?? 0);
  const shares = (entries: Map<string, number>): Share[] =>
    [...entries]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), percent: Math.round((us / busyUs) * 1000) / 10 }));
  return {
    service,
    sampledMs: Math.round(sampledUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    byArea: shares(areas),
    topFunctions: shares(functions),
  };
}

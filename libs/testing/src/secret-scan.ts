import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Patterns of secrets that must never reach a log line: Vigie API keys, webhook signing
 * secrets, JSON Web Tokens, bearer tokens and password fields carrying a value. Redacted
 * values ("[Redacted]", "***") do not match.
 */
export const SECRET_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'API key', pattern: /vgk_[0-9a-f-]{36}_[A-Za-z0-9_-]{20,}/ },
  { name: 'webhook secret', pattern: /whsec_[A-Za-z0-9+/_-]{16,}/ },
  { name: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { name: 'bearer token', pattern: /Bearer\s+[A-Za-z0-9._~+/-]{16,}/i },
  {
    name: 'password',
    pattern: /"?(password|passwd|secret)"?\s*[:=]\s*"?(?!\[Redacted\]|\*+)[^\s",}]{4,}/i,
  },
];

export interface SecretFinding {
  file: string;
  line: number;
  kind: string;
}

/** Every secret found in a text; the finding names the kind, never the value. */
export function scanText(text: string, file = '<text>'): SecretFinding[] {
  const findings: SecretFinding[] = [];
  text.split('\n').forEach((content, index) => {
    for (const { name, pattern } of SECRET_PATTERNS) {
      if (pattern.test(content)) findings.push({ file, line: index + 1, kind: name });
    }
  });
  return findings;
}

/** Scans every file under a directory (the captured logs of a test run). */
export function scanDirectory(dir: string): SecretFinding[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? scanDirectory(path) : scanText(readFileSync(path, 'utf8'), path);
  });
}

// "Copy as Markdown": a diagnosis as text for a support case or an issue. Service text is
// escaped so it cannot add links, HTML or formatting; secrets and presigned URLs are
// removed from every line, and once more from the whole text.
import { markBidiControls } from '../gamelift/bidi';
import { redactSecrets } from '../gamelift/redact';
import type { Diagnosis, Evidence, PhaseReport } from './types';

export interface MarkdownOptions {
  readonly fleetName?: string;
  readonly region?: string;
}

/** Text safe inside a Markdown paragraph: no HTML, links, emphasis or headings from service text. */
function escapeText(text: string): string {
  return markBidiControls(redactSecrets(text))
    .replace(/[\\`*_[\]|<>~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-=#+]|\d+\.)/, '$1\\$2')
    .replace(/(https?):\/\//gi, '$1:\u200B//');
}

/** A code span that no backtick inside can close early. */
function code(text: string): string {
  const safe = markBidiControls(redactSecrets(text)).replace(/\s+/g, ' ');
  const longest = Math.max(0, ...[...safe.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') || safe === '' ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/** Our own sentences mark commands with backticks: those become code spans, the rest is escaped. */
function prose(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? code(part.slice(1, -1)) : escapeText(part)))
    .join('');
}

function phaseLine(phase: PhaseReport): string {
  const stopped = phase.stoppedAt;
  const reachedAt = phase.steps.indexOf(phase.reached);
  return phase.steps.map((s, i) => (s === stopped ? `**${s} ✗**` : i <= reachedAt ? `${s} ✓` : s)).join(' → ');
}

function evidenceLine(e: Evidence): string {
  switch (e.kind) {
    case 'event':
      return `- Event ${code(e.eventId ?? '?')}: ${escapeText(e.text)}`;
    case 'log':
      return `- Log of event ${code(e.eventId ?? '?')}${e.file ? ` (${escapeText(e.file)})` : ''}, line ${e.line ?? '?'}: ${code(e.text)}`;
    default:
      return `- Configuration: ${escapeText(e.text)}`;
  }
}

export function diagnosisToMarkdown(d: Diagnosis, options: MarkdownOptions = {}): string {
  const name = options.fleetName ? ` (${escapeText(options.fleetName)})` : '';
  const where = options.region ? ` in ${escapeText(options.region)}` : '';
  const lines = [
    `## GameLift fleet diagnosis: ${code(d.fleetId)}${name}${where}`,
    '',
    `**Verdict:** ${d.verdict} · made ${new Date(d.at).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `**Phase:** ${phaseLine(d.phase)}${d.phase.status ? ` (status ${escapeText(d.phase.status)})` : ''}`,
    '',
    `**What happened:** ${prose(d.headline)}`,
  ];
  if (d.cause) lines.push('', `**${d.cause.guess ? 'Likely cause (a guess)' : 'Cause'}:** ${prose(d.cause.text)}`);
  if (d.evidence.length > 0) lines.push('', '### Evidence', '', ...d.evidence.map(evidenceLine));
  if (d.launchPaths && d.launchPaths.length > 0) {
    lines.push('', '### Runtime configuration', '');
    for (const l of d.launchPaths) {
      const state = l.found === undefined ? '' : l.found ? ' — found in the build' : ' — not found in the build';
      lines.push(
        `- ${code(l.launchPath)}${l.parameters ? ` ${code(l.parameters)}` : ''} × ${l.concurrentExecutions}${state}`,
      );
      for (const p of l.problems) lines.push(`  - ${escapeText(p)}`);
      if (l.suggestion) lines.push(`  - did you mean ${code(l.suggestion)}?`);
    }
  }
  if (d.nextSteps.length > 0)
    lines.push('', '### Next steps', '', ...d.nextSteps.map((s, i) => `${i + 1}. ${prose(s)}`));
  if (d.hints.length > 0)
    lines.push('', '### Hints (not proven by the events)', '', ...d.hints.map((h) => `- ${prose(h)}`));
  if (d.also.length > 0) {
    lines.push('', '### Also found', '');
    for (const f of d.also) lines.push(`- **${f.verdict}:** ${prose(f.headline)}`);
  }
  lines.push('');
  return redactSecrets(lines.join('\n'));
}

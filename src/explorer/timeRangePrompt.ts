// Asks for a time window: a preset, or a custom start/end validated as the user types.
import {
  TIME_RANGE_PRESETS,
  parseCustomRange,
  parseTimeText,
  presetWindow,
  describeWindow,
} from '../gamelift/timeRange';
import type { TimeWindow } from '../gamelift/types';
import type { Prompts } from './prompts';

export async function promptTimeWindow(
  prompts: Prompts,
  current: TimeWindow | undefined,
  now: number,
  wording: { readonly title: string; readonly placeHolder: string } = {
    title: 'Time range for fleet events',
    placeHolder: 'Which events to fetch',
  },
): Promise<TimeWindow | undefined> {
  const items = [
    ...TIME_RANGE_PRESETS.map((p) => ({
      label: p.label,
      id: p.id,
      description: current?.preset === p.id ? 'current' : undefined,
    })),
    {
      label: 'Custom range…',
      id: 'custom',
      description: current && !current.preset ? describeWindow(current) : undefined,
    },
  ];
  const picked = await prompts.pickOne(items, {
    id: 'timeRange',
    ...wording,
  });
  if (!picked) return undefined;
  if (picked.id !== 'custom') return presetWindow(picked.id as Parameters<typeof presetWindow>[0], now);
  const hint =
    'ISO 8601 (2026-11-01 or 2026-11-01T14:30Z, UTC unless a zone is given), "now", or relative (-2h, -3d, -1w); empty = open';
  const start = await prompts.input({
    id: 'timeRange.start',
    title: 'Custom range: start',
    prompt: hint,
    value: '-1d',
    validateInput: (text) => {
      const r = parseTimeText(text, now, 'start');
      return 'error' in r ? r.error : undefined;
    },
  });
  if (start === undefined) return undefined;
  const end = await prompts.input({
    id: 'timeRange.end',
    title: 'Custom range: end',
    prompt: hint,
    value: '',
    validateInput: (text) => {
      const r = parseCustomRange(start, text, now);
      return 'error' in r ? r.error : undefined;
    },
  });
  if (end === undefined) return undefined;
  const range = parseCustomRange(start, end, now);
  if ('error' in range) {
    await prompts.message('error', `GameLift: ${range.error}`);
    return undefined;
  }
  return range.window;
}

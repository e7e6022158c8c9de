// The timeline's Changes lane: the fleet's CloudTrail write calls placed on the events' axis, so
// "scaled down at 02:10, crashes stopped at 02:11" is one picture. The axis grows to the newest
// call; calls older than the loaded events are counted, not drawn; with no events loaded the
// axis spans the calls. Pure.
import type { FleetChangesView } from '../explorer/api';
import { formatUtc } from '../common/timeFormat';
import type { ChangeMarkView, TimelineViewModel } from './protocol';

const MIN_SPAN_MS = 2 * 60_000;

export function withChangesLane(model: TimelineViewModel, view: FleetChangesView): TimelineViewModel {
  const timed = view.changes.filter((c) => Number.isFinite(c.time)).sort((a, b) => a.time - b.time);
  let { start, end } = model;
  const newest = timed.length > 0 ? timed[timed.length - 1].time : undefined;
  if (newest !== undefined && model.eventCount - model.untimedCount === 0) {
    start = timed[0].time;
    end = newest;
    const pad = Math.max(MIN_SPAN_MS - (end - start), 0) / 2 + (end - start) * 0.03;
    start -= pad;
    end += pad;
  } else if (newest !== undefined && newest > end) {
    end = newest + (newest - start) * 0.03;
  }
  const marks: ChangeMarkView[] = timed
    .filter((c) => c.time >= start && c.time <= end)
    .map((c) => ({
      eventId: c.eventId,
      eventName: c.eventName,
      who: c.who,
      time: c.time,
      timeUtc: formatUtc(c.time),
      ...(c.errorCode ? { errorCode: c.errorCode } : {}),
    }));
  return {
    ...model,
    start,
    end,
    // The status that still holds reaches the (maybe later) end of the axis.
    statusBand: model.statusBand.map((segment) => (segment.open ? { ...segment, end } : segment)),
    changes: {
      marks,
      outside: view.changes.length - marks.length,
      loading: view.loading,
      complete: view.complete,
      ...(view.error ? { error: view.error } : {}),
    },
  };
}

// Container log lines as a GameLift Log document shows them: time and stream label, service
// text made safe (colour codes, control characters, bidi overrides), multi-line events
// indented; the compact line store keeps order when lines are prepended and appended.
import * as assert from 'node:assert/strict';
import {
  cleanMessage,
  formatLogLine,
  formatTime,
  renderLogText,
  StreamLabels,
} from '../../../src/containerLogs/formatLogLine';
import { LogLineStore } from '../../../src/containerLogs/logLines';

const T = Date.UTC(2025, 4, 1, 12, 30, 15, 123);

describe('container log formatting', () => {
  it('writes the time in UTC, then the stream label, then the message', () => {
    const labels = new StreamLabels();
    assert.deepEqual(formatLogLine({ time: T, stream: 'game-server/i-0abc/3f9a', message: '[INFO] ready\n' }, labels), [
      '2025-05-01T12:30:15.123Z [3f9a] [INFO] ready',
    ]);
    assert.deepEqual(formatLogLine({ time: T, stream: 'x', message: 'plain' }, labels, { showStream: false }), [
      '2025-05-01T12:30:15.123Z plain',
    ]);
  });

  it('writes local time with its offset when asked', () => {
    assert.match(formatTime(T, 'local'), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.123[+-]\d{2}:\d{2}$/);
    assert.equal(new Date(formatTime(T, 'local')).getTime(), T);
  });

  it('indents the continuation lines of a multi-line event under its first line', () => {
    const lines = formatLogLine(
      { time: T, stream: 's', message: 'Unhandled exception\r\n  at Physics.Step()\n  at Game.Tick()' },
      new StreamLabels(),
    );
    assert.equal(lines.length, 3);
    const indent = '2025-05-01T12:30:15.123Z [s] '.length;
    assert.equal(lines[1], `${' '.repeat(indent)}  at Physics.Step()`);
  });

  it('removes terminal colour codes and makes control and bidi characters visible', () => {
    assert.deepEqual(cleanMessage('\u001b[31mERROR\u001b[0m disk full'), ['ERROR disk full']);
    assert.deepEqual(cleanMessage('progress 50%\rprogress 100%'), ['progress 50%^Mprogress 100%']);
    assert.deepEqual(cleanMessage('bell\u0007 nul\u0000 del\u007f'), ['bell^G nul^@ del^?']);
    assert.deepEqual(cleanMessage('user \u202Egnp.exe'), ['user [U+202E]gnp.exe']);
    assert.deepEqual(cleanMessage('tab\tkept'), ['tab\tkept']);
    assert.deepEqual(cleanMessage('title \u001b]0;hacked\u0007done'), ['title done']);
  });

  it('gives streams short labels that stay unique and never change', () => {
    const labels = new StreamLabels();
    assert.equal(labels.labelOf('game-server/i-1/aaaa'), 'aaaa');
    assert.equal(labels.labelOf('sidecar/i-2/aaaa'), 'i-2/aaaa');
    assert.equal(labels.labelOf('game-server/i-1/aaaa'), 'aaaa');
    assert.equal(labels.labelOf('plain'), 'plain');
  });
});

describe('renderLogText', () => {
  const lines = Array.from({ length: 12 }, (_, i) => ({
    time: T + i,
    stream: `s/${i % 3}`,
    message: `line ${i}\nmore`,
  }));

  it('is the document text, made a chunk at a time with yields in between', async () => {
    const labels = new StreamLabels();
    const expected = lines.flatMap((l) => formatLogLine(l, labels)).join('\n');
    // Without a yield the text would be ready before this immediate ran.
    let yielded = false;
    setImmediate(() => (yielded = true));
    const text = await renderLogText(lines, new StreamLabels(), { chunkLines: 2 });
    assert.equal(text, expected);
    assert.equal(text.split('\n').length, 24);
    assert.ok(yielded, 'the event loop ran between chunks');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(renderLogText(lines, new StreamLabels(), { chunkLines: 2, signal: controller.signal }), {
      name: 'AbortError',
    });
  });
});

describe('LogLineStore', () => {
  it('keeps lines oldest first across prepends and appends, streams interned', () => {
    const store = new LogLineStore();
    store.append([
      { time: 5, stream: 'b', message: 'five' },
      { time: 6, stream: 'a', message: 'six' },
    ]);
    store.prepend([{ time: 1, stream: 'a', message: 'one' }]);
    store.append([{ time: 9, stream: 'c', message: 'nine' }]);
    store.prepend([]);
    assert.equal(store.size, 4);
    assert.deepEqual(
      [...store].map((l) => l.message),
      ['one', 'five', 'six', 'nine'],
    );
    assert.deepEqual(store.streams, ['b', 'a', 'c']);
    assert.equal(store.oldestTime, 1);
    assert.equal(store.newestTime, 9);
    const seen: string[] = [];
    store.forEach((time, stream, message) => seen.push(`${time}:${stream}:${message}`));
    assert.deepEqual(seen, ['1:a:one', '5:b:five', '6:a:six', '9:c:nine']);
    store.clear();
    assert.equal(store.size, 0);
    assert.equal(store.newestTime, undefined);
  });
});

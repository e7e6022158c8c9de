// A log's lines in the editor are the server's lines: a carriage return inside a line shows as
// ^M (else the editor would break the line there and every later line number would be off).
import * as assert from 'node:assert/strict';
import { logDisplayText } from '../../../src/logDocuments/displayText';
import { outlineLog } from '../../../src/logs/outline';

describe('log documents: the text the editor shows', () => {
  it('shows a carriage return inside a line as ^M, keeping CRLF and LF endings', () => {
    const log = '+ ./install.sh\n/bin/sh: /local/game/install.sh: /bin/bash\r: bad interpreter\r\nexit 126\n';
    const shown = logDisplayText(log);
    assert.equal(shown, '+ ./install.sh\n/bin/sh: /local/game/install.sh: /bin/bash^M: bad interpreter\r\nexit 126\n');
    // VS Code breaks lines at \r, \n and \r\n: the second line is still the second line.
    assert.equal(shown.split(/\r\n|\r|\n/)[1], '/bin/sh: /local/game/install.sh: /bin/bash^M: bad interpreter');
    assert.equal(outlineLog(shown).find((e) => e.kind === 'error')?.line, 2);
  });
  it('marks bidi control characters visibly, keeping the lines', () => {
    const log = 'ok\nrm -rf /local/game/\u202Egol.exe\nend\n';
    const shown = logDisplayText(log);
    assert.equal(shown, 'ok\nrm -rf /local/game/[U+202E]gol.exe\nend\n');
    assert.equal(shown.split('\n').length, log.split('\n').length);
  });
  it('leaves text without carriage returns alone', () => {
    const text = 'a\nb\n';
    assert.equal(logDisplayText(text), text);
    assert.equal(logDisplayText('progress 10%\rprogress 20%\r'), 'progress 10%^Mprogress 20%^M');
  });
});

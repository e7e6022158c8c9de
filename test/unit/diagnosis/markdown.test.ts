// "Copy as Markdown": the diagnosis as text for a support case, with no presigned URL, no
// secret, no raw bidi control, and no way for service text to add links, HTML or headings.
import * as assert from 'node:assert/strict';
import { diagnoseFleet, diagnosisToMarkdown } from '../../../src/diagnosis';
import { DIAGNOSIS_FLEETS } from '../../emulator/fixtures';
import { storyInput } from './storyInput';

const PRESIGNED =
  'https://prod-gamelift-fleet-logs.s3.us-east-2.amazonaws.com/fleet-x/evt.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAXYZ12345678901234%2F20260511%2Fus-east-2%2Fs3%2Faws4_request&X-Amz-Date=20260511T100000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=0123456789abcdef';

describe('diagnosis as Markdown', () => {
  it('writes headline, phase, cause, evidence with line numbers, launch paths and next steps', () => {
    const md = diagnosisToMarkdown(diagnoseFleet(storyInput(DIAGNOSIS_FLEETS.launchPathWindows)), {
      fleetName: 'diag-launch-path',
      region: 'us-east-2',
    });
    assert.match(
      md,
      /^## GameLift fleet diagnosis: `fleet-e3d36da1-2f88-4ee5-a639-ce782d2fec98` \(diag-launch-path\) in us-east-2$/m,
    );
    assert.match(md, /\*\*Verdict:\*\* failed/);
    assert.match(md, /\*\*Phase:\*\* NEW ✓ → DOWNLOADING ✓ → \*\*VALIDATING ✗\*\* → BUILDING → ACTIVATING → ACTIVE/);
    assert.match(md, /\*\*Cause:\*\* /);
    assert.match(md, /- Log of event `[0-9a-f-]+`, line 2: `.*Launch path C:\\game\\ArenaServer\.exe: not found`/);
    assert.match(
      md,
      /### Runtime configuration\n\n- `C:\\game\\ArenaServer\.exe` `-batchmode -nographics -port 7777` × 2 — not found in the build/,
    );
    assert.match(md, /did you mean `\/local\/game\/ArenaServer\.x86_64`\?/);
    assert.match(md, /### Next steps\n\n1\. /);
  });

  it('marks a guessed cause and lists hints apart from the facts', () => {
    const md = diagnosisToMarkdown(diagnoseFleet(storyInput(DIAGNOSIS_FLEETS.noInitSdk)));
    assert.match(md, /\*\*Likely cause \(a guess\):\*\*/);
    assert.match(
      md,
      /### Hints \(not proven by the events\)\n\n- Unity: launch the Dedicated Server build \(or the player with `-batchmode -nographics`\)/,
    );
  });

  it('leaves out presigned URLs and secrets, even from log lines and messages, and marks bidi controls', () => {
    const input = storyInput(DIAGNOSIS_FLEETS.installerCrlf);
    const failed = input.events.find((e) => e.eventCode === 'FLEET_CREATION_FAILED_INSTALLER')!;
    const hostile = {
      ...input,
      events: input.events.map((e) =>
        e === failed
          ? { ...e, message: `\u202Eexe.sh\u202C aws_secret_access_key=wJalrXUtnFEMI/K7MDENG see ${PRESIGNED}` }
          : e,
      ),
      logs: [
        {
          eventId: failed.eventId,
          text: `Running install script\n/bin/sh: install.sh: /bin/bash\r: bad interpreter: No such file or directory ${PRESIGNED}\n`,
        },
      ],
    };
    const md = diagnosisToMarkdown(diagnoseFleet(hostile));
    assert.ok(md.includes('bad interpreter'), 'the log line is there');
    assert.ok(!md.includes('X-Amz-Signature'), 'no signature');
    assert.ok(!md.includes('X-Amz-Credential'), 'no credential');
    assert.ok(!md.includes('ASIAXYZ'), 'no access key');
    assert.ok(!md.includes('wJalrXUtnFEMI'), 'no secret key');
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(md), 'no raw bidi control');
    assert.match(md, /\\\[U\+202E\\\]/, 'marked, and the mark escaped');
  });

  it('service text cannot add links, images, HTML, headings or close a code span', () => {
    const input = storyInput(DIAGNOSIS_FLEETS.vpcPeering);
    const evil = {
      ...input,
      events: input.events.map((e) =>
        e.eventCode === 'FLEET_VPC_PEERING_FAILED'
          ? {
              ...e,
              message:
                'CIDR block 10.0.0.0/16 overlaps ![x](http://evil/x.png) <img src=x onerror=alert(1)> [click](javascript:alert(1)) `code` # Title',
            }
          : e,
      ),
    };
    const md = diagnosisToMarkdown(diagnoseFleet(evil));
    const line = md.split('\n').find((l) => l.startsWith('- Event '))!;
    assert.ok(line.includes('!\\[x\\](http:\u200B//evil/x.png)'), line);
    assert.ok(line.includes('\\<img src=x onerror=alert(1)\\>'), line);
    assert.ok(line.includes('\\[click\\](javascript:alert(1))'), line);
    assert.ok(line.includes('\\`code\\`'), line);
    assert.ok(!/<img/.test(md.replace(/\\</g, '')), 'no raw tag');
  });
});

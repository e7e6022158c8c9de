// A log's text as the editor shows it. A carriage return inside a line (a script saved with
// Windows line endings, run on Linux: `/bin/bash^M: bad interpreter`) would be a line break to
// the editor; it is shown as `^M`, as `cat -v` does, so the lines are the server's lines and
// their numbers match the diagnosis' evidence. CRLF and LF endings stay as they are. Bidi
// control characters are shown as `[U+202E]`, as the diagnosis shows them, so no line can display
// reversed whatever the user's `editor.renderControlCharacters`. Pure.
import { markBidiControls } from '../gamelift/bidi';

export function logDisplayText(text: string): string {
  return markBidiControls(text.includes('\r') ? text.replace(/\r(?!\n)/g, '^M') : text);
}

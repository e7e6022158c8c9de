// Pretty-printing of a CloudTrail document (work in progress).
export function formatCloudTrail(text: string, indent = 2): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, indent) + '\n';
  } catch {
    return undefined;
  }
}

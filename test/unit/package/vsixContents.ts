// Reads a .vsix (a zip) into memory with yauzl, and finds the links and images of a
// Markdown file with markdown-it (the parser vsce itself uses), HTML tags included.
import MarkdownIt from 'markdown-it';
import * as yauzl from 'yauzl';

/** Every file entry of the zip by its path; a .vsix is small, so contents are read whole. */
export async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file);
  const entries = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      entries.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return entries;
}

export interface MarkdownTargets {
  links: string[];
  images: string[];
}

const HTML_ATTRIBUTE = /<(a|img|source)\b[^>]*?\s(href|src|srcset)\s*=\s*["']([^"']+)["']/gi;

/** The targets of every link and image: Markdown syntax, reference links and raw HTML. */
export function markdownTargets(markdown: string): MarkdownTargets {
  const found: MarkdownTargets = { links: [], images: [] };
  const fromHtml = (html: string): void => {
    for (const [, tag, , value] of html.matchAll(HTML_ATTRIBUTE)) {
      (tag.toLowerCase() === 'a' ? found.links : found.images).push(value.trim().split(/\s+/)[0]);
    }
  };
  const walk = (tokens: ReturnType<MarkdownIt['parse']>): void => {
    for (const token of tokens) {
      if (token.type === 'link_open') found.links.push(token.attrGet('href') ?? '');
      else if (token.type === 'image') found.images.push(token.attrGet('src') ?? '');
      else if (token.type === 'html_block' || token.type === 'html_inline') fromHtml(token.content);
      if (token.children) walk(token.children);
    }
  };
  walk(new MarkdownIt({ html: true }).parse(markdown, {}));
  return found;
}

/** A target inside the package (no scheme, not a bare #anchor), as a path relative to the README. */
export function packagePath(target: string): string | undefined {
  if (target === '' || target.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
    return undefined;
  }
  return decodeURIComponent(target.replace(/[?#].*$/, ''));
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    return undefined;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

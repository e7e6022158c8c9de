// Tiny DOM helpers for the page scripts. Text only ever goes in through textContent and
// attributes through setAttribute with names we choose, so service strings cannot become markup.

type Child = Node | string | undefined | null | false;

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

// `on*` attributes would turn a string into code; refuse them even from our own callers.
function setAttrs(el: Element, attrs: ElementOptions['attrs']): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (/^on/i.test(name) || name === 'style' || name === 'href' || name === 'src')
      throw new Error(`refusing attribute ${name}`);
    el.setAttribute(name, value);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (options.className) el.className = options.className;
  setAttrs(el, options.attrs);
  if (options.text !== undefined) el.textContent = options.text;
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number | undefined>> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (/^on/i.test(name) || name === 'style' || name === 'href' || name === 'xlink:href')
      throw new Error(`refusing attribute ${name}`);
    el.setAttribute(name, String(value));
  }
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A codicon, hidden from assistive technology (the button or text next to it says what it means). */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', {
    className: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`,
    attrs: { 'aria-hidden': 'true' },
  });
}

export interface ButtonOptions {
  readonly label: string;
  readonly icon?: string;
  readonly action: string;
  readonly variant?: 'primary' | 'secondary' | 'icon';
  /** Longer description for the tooltip and screen readers. */
  readonly title?: string;
  readonly disabled?: boolean;
  readonly onClick: () => void;
}

/** A real <button>: focusable, Enter/Space work, and `data-action` lets focus be restored after a re-render. */
export function button(o: ButtonOptions): HTMLButtonElement {
  const variant = o.variant ?? 'secondary';
  const b = h('button', {
    className: `btn btn-${variant}`,
    attrs: {
      type: 'button',
      'data-action': o.action,
      title: o.title ?? o.label,
      'aria-label': variant === 'icon' ? o.label : undefined,
    },
  });
  if (o.icon) b.appendChild(icon(o.icon));
  if (variant !== 'icon') b.appendChild(h('span', { text: o.label }));
  b.disabled = o.disabled ?? false;
  b.addEventListener('click', () => o.onClick());
  return b;
}

/** Replaces the children of `parent`, keeping keyboard focus on the element with the same data-action. */
export function replaceChildrenKeepingFocus(parent: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const action = active && parent.contains(active) ? active.getAttribute('data-action') : null;
  parent.replaceChildren();
  append(parent, children);
  if (action) {
    const again = parent.querySelector<HTMLElement>(`[data-action="${CSS.escape(action)}"]`);
    if (again && !(again as HTMLButtonElement).disabled) again.focus();
  }
}

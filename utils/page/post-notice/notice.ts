import { i18n } from '#i18n';
import type { Reply } from '../../protocol/reply';
import { PINNED_HOST_STYLE, pin } from '../host/pin';
import { adoptStyles } from '../host/stylesheet';
import { POST_NOTICE_CSS } from './style';

export interface PostNoticeOptions {
  /** The title of the article the post discusses, in the reader's language. */
  title: string;
  /** The reader's language, for screen readers on a page written in another. */
  language: string;
  /** Asks the background to open the article with its panel (post-reading.ts). */
  onRead(): Promise<Reply<'opened' | 'no-club-post'>>;
  /** The reader dismissed the notice (its button or Escape); it is already gone. */
  onDismiss(): void;
}

export interface PostNotice {
  /** Shows another article's title (the post's entry changed with the catalog). */
  setTitle(title: string): void;
  remove(): void;
}

/** In the page's bottom corner, clear of its edges, as narrow as the text allows. */
const HOST_STYLE: Record<string, string> = {
  ...PINNED_HOST_STYLE,
  right: '16px',
  bottom: '16px',
  width: 'min(22rem, calc(100vw - 32px))',
  display: 'block',
};

/** Stands for the title in the message, which is then split around it so that the title can be a `<cite>`. */
const TITLE_MARK = '\uE000';

/** Pointer and key events that stop at the notice, so that the post's own handlers do not act on them too. */
const KEPT_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'keydown', 'keyup'];

/**
 * Mounts the offer made on a club's post: "This is the club's discussion of <title>", with "Read the article with
 * the club's questions" and a dismiss button. It sits in a closed shadow root, so the page can neither read which
 * article its reader's club discussed nor reach the buttons; only the reader's own (trusted) click or key acts,
 * never one the page's script dispatches. It is a labelled region, not a dialog: it never takes focus, and the
 * reader reaches it with Tab, where Escape dismisses it.
 */
export function mountPostNotice(doc: Document, options: PostNoticeOptions): PostNotice {
  const host = doc.createElement('journal-club-post-notice');
  pin(host, HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptStyles(shadow, POST_NOTICE_CSS);

  const region = doc.createElement('section');
  region.className = 'notice';
  region.lang = options.language;
  region.setAttribute('aria-labelledby', 'notice-name');
  const name = paragraph(doc, 'notice__name', i18n.t('extension.name'));
  name.id = 'notice-name';
  const text = paragraph(doc, 'notice__text', '');
  const read = button(doc, 'notice__read', i18n.t('postNotice.read'));
  const dismiss = button(doc, 'notice__dismiss', '×');
  dismiss.setAttribute('aria-label', i18n.t('postNotice.dismiss'));
  dismiss.title = i18n.t('postNotice.dismiss');
  const problem = paragraph(doc, 'notice__problem', '');
  problem.setAttribute('role', 'status');
  region.append(name, text, read, problem, dismiss);
  shadow.append(region);

  const setTitle = (title: string) => {
    const [before = '', after = ''] = i18n.t('postNotice.discussionOf', [TITLE_MARK]).split(TITLE_MARK);
    const cite = doc.createElement('cite');
    cite.textContent = title;
    text.replaceChildren(before, cite, after);
  };
  setTitle(options.title);

  let opening = false;
  read.addEventListener('click', async (event) => {
    if (!event.isTrusted || opening) return;
    // Marked busy rather than disabled: a disabled button would drop the keyboard's focus onto the page.
    opening = true;
    read.setAttribute('aria-disabled', 'true');
    read.textContent = i18n.t('postNotice.opening');
    problem.textContent = '';
    const reply = await options.onRead();
    opening = false;
    read.removeAttribute('aria-disabled');
    read.textContent = i18n.t('postNotice.read');
    if (!reply.ok) problem.textContent = i18n.t('postNotice.failed', [reply.error]);
    else if (reply.value === 'no-club-post') problem.textContent = i18n.t('postNotice.gone');
  });
  const close = () => {
    host.remove();
    options.onDismiss();
  };
  dismiss.addEventListener('click', (event) => {
    if (event.isTrusted) close();
  });
  region.addEventListener('keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape' && !event.isComposing) close();
  });
  for (const type of KEPT_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());

  // After the body, like the panel: never among the page's own elements, where it could change what its style
  // sheets select (`body > :first-child`). Keyboard readers also reach the offer from the toolbar popup first.
  doc.documentElement.append(host);
  return {
    setTitle,
    remove: () => host.remove(),
  };
}

function paragraph(doc: Document, className: string, content: string): HTMLParagraphElement {
  const element = doc.createElement('p');
  element.className = className;
  element.textContent = content;
  return element;
}

function button(doc: Document, className: string, label: string): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  return element;
}

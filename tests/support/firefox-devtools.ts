import { createConnection, type Socket } from 'node:net';

/**
 * A small client of Firefox's remote debugging protocol (the one about:debugging and web-ext speak), for what
 * WebDriver BiDi refuses: BiDi skips every extension document (Firefox bug 1755014), so a test can neither read
 * the panel frame nor open the options page through it. The devtools server (`--start-debugger-server`, loopback
 * only) lists the extension's documents and a tab's frames as targets and evaluates script in them, as the
 * browser's own console does. Clicks that must be the reader's (a permission asked in a click) are synthesized
 * by the parent process on the browser window, where they are trusted input like a real pointer's.
 *
 * Packets are `<byte length>:<JSON>`; a reply comes from the actor asked, in order; a packet with a `type` is an
 * event.
 */
export interface DevtoolsTarget {
  actor: string;
  url: string;
  consoleActor: string;
  browsingContextID: number;
}

type Packet = Record<string, unknown> & { from: string; type?: string };

export class FirefoxDevtools {
  readonly #socket: Socket;
  #incoming = Buffer.alloc(0);
  readonly #replies = new Map<string, ((packet: Packet) => void)[]>();
  readonly #events = new Set<(packet: Packet) => void>();
  readonly #results = new Map<string, Packet>();

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk) => this.#read(chunk));
    // Evaluation results may arrive in the same chunk as the reply that names them: kept until asked for.
    this.#events.add((packet) => {
      if (packet.type === 'evaluationResult') this.#results.set(String(packet.resultID), packet);
    });
  }

  /** Connects to the debugger server on `port`, once it has greeted. */
  static async connect(port: number, timeoutMs = 20_000): Promise<FirefoxDevtools> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const socket = createConnection({ port, host: '127.0.0.1' }, () => resolve(socket));
          socket.once('error', reject);
        });
        const client = new FirefoxDevtools(socket);
        await client.#reply('root');
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  close(): void {
    this.#socket.destroy();
  }

  request(to: string, type: string, extra: Record<string, unknown> = {}): Promise<Packet> {
    const reply = this.#reply(to);
    const text = JSON.stringify({ to, type, ...extra });
    this.#socket.write(`${Buffer.byteLength(text)}:${text}`);
    return reply.then((packet) => {
      if (packet.error) throw new Error(`${to} ${type}: ${packet.error} ${packet.message ?? ''}`);
      return packet;
    });
  }

  /** The documents of an add-on (its background page, the options page in a tab…), as they come and go. */
  async extensionTargets(addonId: string): Promise<Map<string, DevtoolsTarget>> {
    const { addons } = (await this.request('root', 'listAddons')) as unknown as { addons: Packet[] };
    const addon = addons.find((candidate) => candidate.id === addonId);
    if (!addon) throw new Error(`add-on ${addonId} is not installed`);
    return this.#watch(String(addon.actor));
  }

  /** The frames of the tab showing `url` (the article and the panel frame in it), as they come and go. */
  async tabTargets(url: string): Promise<Map<string, DevtoolsTarget>> {
    const { tabs } = (await this.request('root', 'listTabs')) as unknown as { tabs: Packet[] };
    const tab = tabs.find((candidate) => candidate.url === url);
    if (!tab) throw new Error(`no tab shows ${url}`);
    return this.#watch(String(tab.actor));
  }

  /**
   * Evaluates `body`, the body of an async function, in the target's document and returns what it returns
   * (through JSON). An exception thrown there is thrown here.
   */
  async evaluate<T>(target: DevtoolsTarget, body: string): Promise<T> {
    const text = `(async () => {
      try { return JSON.stringify({ value: await (async () => { ${body} })() }); }
      catch (error) { return JSON.stringify({ error: String(error?.message ?? error) }); }
    })()`;
    const { resultID } = await this.request(target.consoleActor, 'evaluateJSAsync', { text, mapped: { await: true } });
    const packet = await this.#result(String(resultID));
    if (packet.hasException || packet.topLevelAwaitRejected) {
      throw new Error(`in ${target.url}: ${String(packet.exceptionMessage ?? 'the evaluation was rejected')}`);
    }
    let result = packet.result as string | { type: string; actor: string; length: number };
    if (typeof result === 'object' && result.type === 'longString') {
      const whole = await this.request(result.actor, 'substring', { start: 0, end: result.length });
      result = String(whole.substring);
    }
    const answer = JSON.parse(String(result)) as { value?: T; error?: string };
    if (answer.error !== undefined) throw new Error(`in ${target.url}: ${answer.error}`);
    return answer.value as T;
  }

  /**
   * A trusted click at (x, y) of the document's viewport, for a document in a tab of its own (the options page):
   * the parent process brings the tab forward and synthesizes the pointer on the browser window over it.
   */
  async trustedClick(target: DevtoolsTarget, x: number, y: number): Promise<void> {
    await this.inParentProcess(
      `const browser = BrowsingContext.get(${target.browsingContextID}).top.embedderElement;
       const window = browser.ownerDocument.defaultView;
       window.gBrowser.selectedTab = window.gBrowser.getTabForBrowser(browser);
       const box = browser.getBoundingClientRect();
       for (const type of ['mousedown', 'mouseup']) {
         window.synthesizeMouseEvent(type, box.left + ${x}, box.top + ${y}, { button: 0, clickCount: 1 },
           { isDOMEventSynthesized: false, isWidgetEventSynthesized: false, isAsyncEnabled: false });
       }`,
    );
  }

  /** Evaluates `body` (an async function's body) in the browser's parent process, with the browser's privileges. */
  async inParentProcess<T>(body: string): Promise<T> {
    const { processes } = (await this.request('root', 'listProcesses')) as unknown as { processes: Packet[] };
    const parent = processes.find((process) => process.isParent);
    if (!parent) throw new Error('no parent process');
    const { process } = (await this.request(String(parent.actor), 'getTarget')) as unknown as {
      process: DevtoolsTarget;
    };
    return this.evaluate<T>(process, body);
  }

  async #watch(descriptor: string): Promise<Map<string, DevtoolsTarget>> {
    const { actor: watcher } = await this.request(descriptor, 'getWatcher', { isServerTargetSwitchingEnabled: true });
    const targets = new Map<string, DevtoolsTarget>();
    this.#events.add((packet) => {
      if (packet.from !== watcher) return;
      const target = packet.target as DevtoolsTarget;
      if (packet.type === 'target-available-form') targets.set(target.actor, target);
      if (packet.type === 'target-destroyed-form') targets.delete(target.actor);
    });
    await this.request(String(watcher), 'watchTargets', { targetType: 'frame' });
    return targets;
  }

  #reply(from: string): Promise<Packet> {
    return new Promise((resolve) => {
      const waiting = this.#replies.get(from) ?? [];
      waiting.push(resolve);
      this.#replies.set(from, waiting);
    });
  }

  async #result(resultID: string, timeoutMs = 30_000): Promise<Packet> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`no evaluation result within ${timeoutMs} ms (its document gone?)`);
      const packet = this.#results.get(resultID);
      if (packet) {
        this.#results.delete(resultID);
        return packet;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  #read(chunk: Buffer): void {
    this.#incoming = Buffer.concat([this.#incoming, chunk]);
    for (;;) {
      const colon = this.#incoming.indexOf(58);
      if (colon < 0) return;
      const length = Number(this.#incoming.subarray(0, colon).toString());
      if (this.#incoming.length < colon + 1 + length) return;
      const packet = JSON.parse(this.#incoming.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
      this.#incoming = this.#incoming.subarray(colon + 1 + length);
      const waiting = this.#replies.get(packet.from);
      // The root's greeting and its tab list notices have a type but answer nobody; other typed packets are events.
      if (packet.type && packet.from !== 'root') for (const listener of this.#events) listener(packet);
      else if (packet.type === 'tabListChanged' || packet.type === 'addonListChanged') continue;
      else waiting?.shift()?.(packet);
    }
  }
}

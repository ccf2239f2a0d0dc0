import { describe, expect, it } from 'vitest';
import { createPanelPorts, type PanelPort } from '../../utils/background/panel-ports';
import type { PanelEvent } from '../../utils/protocol/tab-messages';

function recordingPort(): PanelPort & { received: PanelEvent[] } {
  const received: PanelEvent[] = [];
  return { received, postMessage: (event) => received.push(event) };
}

const focus: PanelEvent = { type: 'focus-highlight', id: 'h1', edit: true };

describe('panel ports', () => {
  it('sends an event to every open panel of the tab, and to no other tab', () => {
    const ports = createPanelPorts();
    const [first, second, elsewhere] = [recordingPort(), recordingPort(), recordingPort()];
    ports.connect(1, first);
    ports.connect(1, second);
    ports.connect(2, elsewhere);
    ports.notify(1, { type: 'highlights-changed' });
    expect(first.received).toEqual([{ type: 'highlights-changed' }]);
    expect(second.received).toEqual([{ type: 'highlights-changed' }]);
    expect(elsewhere.received).toEqual([]);
  });

  it('keeps the last request to show a highlight for a panel still loading, and delivers it once', () => {
    const ports = createPanelPorts();
    ports.notify(1, { type: 'focus-highlight', id: 'old', edit: false });
    ports.notify(1, focus);
    ports.notify(1, { type: 'highlights-changed' });
    const loaded = recordingPort();
    ports.connect(1, loaded);
    expect(loaded.received).toEqual([focus]);
    const another = recordingPort();
    ports.connect(1, another);
    expect(another.received).toEqual([]);
  });

  it('keeps a club highlight clicked on the page for a panel still loading, as it does the reader’s own', () => {
    const ports = createPanelPorts();
    const club: PanelEvent = { type: 'focus-club-highlight', remoteId: 'https://pod.example/doc#a1' };
    ports.notify(1, focus);
    ports.notify(1, club);
    const loaded = recordingPort();
    ports.connect(1, loaded);
    expect(loaded.received).toEqual([club]);
  });

  it('stops sending to a disconnected port', () => {
    const ports = createPanelPorts();
    const port = recordingPort();
    const disconnect = ports.connect(1, port);
    disconnect();
    ports.notify(1, focus);
    expect(port.received).toEqual([]);
    const next = recordingPort();
    ports.connect(1, next);
    expect(next.received).toEqual([focus]);
  });

  it('forgets a closed tab, pending requests included', () => {
    const ports = createPanelPorts();
    ports.notify(1, focus);
    ports.forget(1);
    const port = recordingPort();
    ports.connect(1, port);
    expect(port.received).toEqual([]);
  });

  it('opens a port with its tab’s first event, holding the events that come meanwhile until it is sent', async () => {
    let read: (event: PanelEvent) => void = () => {};
    const asked: number[] = [];
    const ports = createPanelPorts((tabId) => {
      asked.push(tabId);
      return new Promise((resolve) => (read = resolve));
    });
    ports.notify(1, focus);
    const port = recordingPort();
    ports.connect(1, port);
    ports.notify(1, { type: 'anchors', anchors: { h1: 'anchored' } });
    expect(port.received).toEqual([]);
    const opening: PanelEvent = {
      type: 'state',
      state: { ok: true, value: null },
      highlights: { ok: false, error: 'x' },
    };
    read(opening);
    await Promise.resolve();
    expect(asked).toEqual([1]);
    expect(port.received).toEqual([opening, focus, { type: 'anchors', anchors: { h1: 'anchored' } }]);
    ports.notify(1, { type: 'highlights-changed' });
    expect(port.received.at(-1)).toEqual({ type: 'highlights-changed' });
  });

  it('sends nothing to a port that disconnected while its first event was being read', async () => {
    const opening: PanelEvent = { type: 'layout', layout: 'open' };
    const ports = createPanelPorts(async () => opening);
    const port = recordingPort();
    const disconnect = ports.connect(1, port);
    ports.notify(1, { type: 'highlights-changed' });
    disconnect();
    await Promise.resolve();
    expect(port.received).toEqual([]);
  });
});

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
});

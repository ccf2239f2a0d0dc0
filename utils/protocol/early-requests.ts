import type { BackgroundRequest } from './requests';
import type { BackgroundClient } from './responses';

/** A client whose first answers were asked for before anyone needed them. */
export interface EarlyRequests {
  /** Asks now; the first identical request sent later takes this answer. */
  ask(request: BackgroundRequest): void;
  /** The client to hand on: an answer asked early once, then the background afresh (a reload asks again). */
  send: BackgroundClient;
}

/**
 * The popup asks the background for its status and reading list as soon as its script runs, while it finds its
 * tab and draws its first frame, rather than from an effect after that frame: the answers are on their way tens
 * of milliseconds sooner, and the popup is read in the first second. Requests are told apart by their content.
 */
export function earlyRequests(client: BackgroundClient): EarlyRequests {
  const asked = new Map<string, ReturnType<BackgroundClient>>();
  return {
    ask(request) {
      asked.set(JSON.stringify(request), client(request));
    },
    send: ((request: BackgroundRequest) => {
      const key = JSON.stringify(request);
      const answer = asked.get(key);
      if (!answer) return client(request);
      asked.delete(key);
      return answer;
    }) as BackgroundClient,
  };
}

/** The parts of dom-anchor-text-quote (untyped CommonJS) that the benchmark uses as a baseline. */
declare module 'dom-anchor-text-quote' {
  export function toRange(
    root: Node,
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): Range | null;
}

/**
 * A cap on the work one highlight may cost, counted in steps rather than milliseconds so that the outcome does not
 * depend on how busy the machine is: the same stored highlight is found, or given up, on every load.
 *
 * Stored highlights come from other people too (share links, imports), and a crafted one (a one-letter quote with
 * a thousand characters of context) once cost seconds per load. A step is one cell of an edit-distance table, or
 * one 32-character word of the bit-parallel approximate search for one character of text.
 */
export const WORK_LIMIT = 10_000_000;

/** Thrown (and caught in `matchQuote`) when a highlight has used up its budget. */
export class OverBudget extends Error {}

export class WorkBudget {
  constructor(private left = WORK_LIMIT) {}

  /** Counts `steps` of work about to be done; throws `OverBudget` rather than start work it cannot afford. */
  spend(steps: number): void {
    this.left -= steps;
    if (this.left < 0) throw new OverBudget('over budget');
  }
}

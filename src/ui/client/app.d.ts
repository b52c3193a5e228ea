/** Types of the browser script (app.js, plain JavaScript checked by its own tsconfig against the DOM). */
import type { Shared } from '../draw'

/** Wires up whichever page it finds itself on: the search form, or /read's form. */
export declare function main(shared: Shared): void

/** Words of time: days, months and the words around a time expression ("on Monday", "last week", "4:00 PM UTC"). */
import { words } from './words'

/** Weekdays: capitalised, yet a time and no name ("said on Monday"). */
export const DAYS = words('monday tuesday wednesday thursday friday saturday sunday')

/** Months and their abbreviations: capitalised, yet a time and no name ("on Sept. 5", "in May"). */
export const MONTHS = words(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`)

/** Words naming a time: "on Monday", "this month", "for months", "last week". */
export const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night nights week weeks
  weekend weekends month months year years day days hour hours today yesterday tonight tomorrow decade decades
  january february march april may june july august september october november december spring summer autumn
  fall winter time times minute minutes
`)

/** Words that introduce a time expression. */
export const TIME_PRECEDERS = words(
  'this last next on late early earlier later for in at by during past same each every the of',
)

/** One-word time adverbs between a subject, its cue and its content: "Biden today said", "said again". */
export const TIME_ADVERBS = words('today yesterday tonight tomorrow earlier later again')

/** Clock words and time zones, which name nobody: "4:00 PM UTC", "10 a.m. EST". */
export const CLOCK_WORDS = words(`
  am pm a.m. p.m. utc gmt bst cet cest est edt cst cdt mst mdt pst pdt ist jst aest aedt
`)

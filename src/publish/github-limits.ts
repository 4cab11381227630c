/** GitHub's limits, named once; the publishers and the budgeted renderers read them from here. */

/** Characters of a check run's `output.summary` (and of `output.text`). */
export const MAX_CHECK_RUN_SUMMARY_CHARS = 65_535;
/** Annotations accepted per create/update request; more are sent in further updates. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
/** Characters of an issue or pull-request comment body. */
export const MAX_COMMENT_CHARS = 65_536;
/** Characters of a check run's `output.title`. */
export const MAX_CHECK_RUN_TITLE_CHARS = 255;

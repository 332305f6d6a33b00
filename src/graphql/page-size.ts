/** Items per page when a client asks for none, as in the original. */
export const DEFAULT_PAGE_SIZE = 5;
/** The most `first` or `last` may ask for. */
export const MAX_PAGE_SIZE = 100;

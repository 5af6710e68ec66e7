/**
 * The contracts cannot undo a decommissioning, so a sale waits this long in the browser before it is
 * sent: Undo within the window means nothing was ever sent. Leaving the page in the window drops it.
 */
export const SALE_DELAY_SECONDS = 10;

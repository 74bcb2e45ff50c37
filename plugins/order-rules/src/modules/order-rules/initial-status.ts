/** The status every newly placed order starts in. */
export const INITIAL_ORDER_STATUS = "awaiting_payment"

/** Placeholders a saved reply may use; they are filled when the reply is sent. */
export const SAVED_REPLY_PLACEHOLDERS = ['customerName', 'bookingReference', 'agentName', 'complaintNumber', 'dedicatedContact', 'responseTime'] as const;
export type SavedReplyPlaceholder = (typeof SAVED_REPLY_PLACEHOLDERS)[number];

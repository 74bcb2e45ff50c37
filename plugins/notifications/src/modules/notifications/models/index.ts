export { NotificationMessage, MESSAGE_STATUSES } from "./notification-message"
export type { MessageStatus } from "./notification-message"
export { NotificationPreference } from "./notification-preference"
export { NotificationTemplate } from "./notification-template"

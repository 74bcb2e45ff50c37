import { Module } from "@medusajs/framework/utils"
import NotificationsModuleService from "./service"

export const SOKO_NOTIFICATIONS_MODULE = "sokoNotifications"

export default Module(SOKO_NOTIFICATIONS_MODULE, {
  service: NotificationsModuleService,
})

export { NotificationsModuleService }
export type { NotificationsPluginOptions, ResolvedOptions } from "./options"

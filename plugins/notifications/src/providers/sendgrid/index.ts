import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { SendgridNotificationService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [SendgridNotificationService],
})

export { SendgridNotificationService }
export type { SendgridOptions } from "./types"

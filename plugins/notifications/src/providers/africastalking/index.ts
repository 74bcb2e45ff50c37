import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { AfricasTalkingNotificationService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [AfricasTalkingNotificationService],
})

export { AfricasTalkingNotificationService }
export type { AfricasTalkingOptions } from "./types"

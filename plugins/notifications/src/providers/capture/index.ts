import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { CaptureNotificationService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [CaptureNotificationService],
})

export { CaptureNotificationService }
export type { CaptureOptions } from "./types"

import type { TemplateId } from "../catalog"
import type { EmailBlocks, EmailLabels } from "./blocks"

export type TemplateContent = {
  subject: string
  email: EmailBlocks
  sms: string
}

export type LocaleContent = {
  labels: EmailLabels
  layout: { footer: string; help: string }
  templates: Record<TemplateId, TemplateContent>
}

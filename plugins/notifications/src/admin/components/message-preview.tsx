import { Badge, Text } from "@medusajs/ui"

type Props = {
  channel: "email" | "sms"
  subject?: string | null
  html?: string | null
  text?: string | null
  sms?: { encoding?: string | null; parts?: number | null; units?: number | null } | null
}

/**
 * What the recipient sees: the email in a sandboxed frame (no scripts, no
 * access to the admin), or the SMS as a phone bubble with its length.
 */
export const MessagePreview = ({ channel, subject, html, text, sms }: Props) => {
  if (channel === "sms") {
    return (
      <div className="flex flex-col gap-2" data-testid="sms-preview">
        <div className="max-w-sm whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-ui-bg-subtle px-4 py-3 text-sm shadow-sm">
          {text}
        </div>
        {sms ? (
          <div className="flex gap-2">
            <Badge size="2xsmall">{sms.encoding}</Badge>
            <Badge size="2xsmall" color={sms.parts && sms.parts > 1 ? "orange" : "green"}>
              {sms.units} characters, {sms.parts} part{sms.parts === 1 ? "" : "s"}
            </Badge>
          </div>
        ) : null}
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-2" data-testid="email-preview">
      <Text size="small" weight="plus">
        {subject}
      </Text>
      {html ? (
        <iframe
          title="Email preview"
          sandbox=""
          srcDoc={html}
          className="h-[560px] w-full rounded-md border border-ui-border-base bg-white"
        />
      ) : (
        <pre className="whitespace-pre-wrap text-sm">{text}</pre>
      )}
    </div>
  )
}

import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { ReactNode } from "react"
import type { MpesaC2bRegistrationStatus } from "../../lib/c2b-types"
import { sdk } from "../../lib/sdk"
import { formatTime } from "../../lib/types"

const KEY = ["soko-mpesa-c2b-registration"]

/** One labelled fact of the registration status. */
const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <dt className="text-ui-fg-subtle">{label}</dt>
    <dd>{children}</dd>
  </>
)

/**
 * Whether paybill/till payments are on and Daraja knows where to send them:
 * the shortcode, validation, the last registration of the URLs, and a button
 * to register them again (after Daraja was down, or the URLs changed).
 */
export const C2bRegistration = () => {
  const client = useQueryClient()
  const { data, error } = useQuery({
    queryKey: KEY,
    queryFn: () => sdk.client.fetch<MpesaC2bRegistrationStatus>("/admin/mpesa/c2b/registration"),
  })
  const register = useMutation({
    mutationFn: () => sdk.client.fetch<{ registration: { detail: string } }>("/admin/mpesa/c2b/registration", { method: "POST", body: {} }),
    onSuccess: (r) => toast.success("URLs registered with Daraja", { description: r.registration.detail }),
    // A refusal is recorded too: the status below shows it either way.
    onError: (e: Error) => toast.error("Daraja did not register the URLs", { description: e.message }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  })
  const reg = data?.registration
  return (
    <Container className="divide-y p-0" data-testid="mpesa-c2b-registration">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Paybill and till payments</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Payments shoppers make by hand to the shop's paybill or till, without a prompt.
          </Text>
        </div>
        {data?.enabled ? (
          <Button size="small" variant="secondary" isLoading={register.isPending} onClick={() => register.mutate()}>
            Register again
          </Button>
        ) : null}
      </div>
      {error ? <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text> : null}
      {data && !data.enabled ? (
        <Text size="small" className="px-6 py-4">
          Off. Set MPESA_C2B_SHORTCODE (the paybill or till number; MPESA_C2B_TYPE=till for a till, MPESA_C2B_VALIDATION=true if
          Safaricom enabled validation) and restart the server to turn it on.
        </Text>
      ) : null}
      {data?.enabled ? (
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2 px-6 py-4 text-sm">
          <Fact label="Shortcode">
            {data.shortcode} ({data.type === "till" ? "till" : "paybill"})
          </Fact>
          <Fact label="Validation">{data.validation ? "on: Soko declines payments naming no order" : "off"}</Fact>
          <Fact label="Registration">
            {reg ? (
              <span className="flex flex-col gap-1" data-testid="mpesa-c2b-registration-status">
                <span>
                  <Badge size="2xsmall" color={reg.status === "registered" ? "green" : "red"}>
                    {reg.status}
                  </Badge>{" "}
                  {formatTime(reg.attempted_at)}
                  {reg.requested_by ? ` (${reg.requested_by === "admin" ? "from admin" : "at start-up"})` : ""}
                </span>
                {reg.detail ? <Text size="small">{reg.detail}</Text> : null}
                {reg.status === "failed" && reg.registered_at ? (
                  <Text size="small" className="text-ui-fg-subtle">
                    Last registered {formatTime(reg.registered_at)}
                  </Text>
                ) : null}
              </span>
            ) : (
              "not attempted yet: the server registers the URLs a minute after it starts"
            )}
          </Fact>
        </dl>
      ) : null}
    </Container>
  )
}

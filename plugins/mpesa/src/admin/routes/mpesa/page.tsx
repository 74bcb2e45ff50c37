import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Heading, Tabs } from "@medusajs/ui"
import { C2bPaymentsTable } from "../../components/mpesa/c2b-payments-table"
import { C2bRegistration } from "../../components/mpesa/c2b-registration"
import { DailyTotals } from "../../components/mpesa/daily-totals"
import { ReviewQueue } from "../../components/mpesa/review-queue"
import { StatementTable } from "../../components/mpesa/statement-table"
import { UnmatchedCallbacks } from "../../components/mpesa/unmatched-callbacks"

/**
 * The merchant's M-Pesa statement: payments with their refunds, daily totals,
 * the review queue, paybill/till payments (their registration and the ones no
 * order took) and stray callbacks.
 */
const MpesaPage = () => (
  <div className="flex flex-col gap-4">
    <Heading level="h1">M-Pesa</Heading>
    <Tabs defaultValue="statement">
      <Tabs.List>
        <Tabs.Trigger value="statement">Statement</Tabs.Trigger>
        <Tabs.Trigger value="review">Review queue</Tabs.Trigger>
        <Tabs.Trigger value="c2b">Paybill/till</Tabs.Trigger>
        <Tabs.Trigger value="callbacks">Callbacks</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="statement" className="mt-4 flex flex-col gap-4">
        <DailyTotals />
        <StatementTable />
      </Tabs.Content>
      <Tabs.Content value="review" className="mt-4">
        <ReviewQueue />
      </Tabs.Content>
      <Tabs.Content value="c2b" className="mt-4 flex flex-col gap-4">
        <C2bRegistration />
        <C2bPaymentsTable />
      </Tabs.Content>
      <Tabs.Content value="callbacks" className="mt-4">
        <UnmatchedCallbacks />
      </Tabs.Content>
    </Tabs>
  </div>
)

export const config = defineRouteConfig({ label: "M-Pesa", icon: CreditCard })

export default MpesaPage

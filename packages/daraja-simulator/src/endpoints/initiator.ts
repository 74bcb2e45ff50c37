import type { Sim } from "../context"
import { json, Reply } from "../http/reply"
import { newConversationId, newOriginatorConversationId, newReceiptNumber } from "../ids"

export interface InitiatorIds {
  originatorConversationId: string
  conversationId: string
}

export const newInitiatorIds = (sim: Sim): InitiatorIds => ({
  originatorConversationId: newOriginatorConversationId(),
  conversationId: newConversationId(sim.now()),
})

/** The synchronous acknowledgement every initiator API gives before the Result arrives. */
export const accepted = (ids: InitiatorIds): Reply =>
  json(200, {
    OriginatorConversationID: ids.originatorConversationId,
    ConversationID: ids.conversationId,
    ResponseCode: "0",
    ResponseDescription: "Accept the service request successfully.",
  })

export const uniqueTransactionId = (sim: Sim): string => {
  let id = newReceiptNumber()
  while (sim.ledger.has(id)) {
    id = newReceiptNumber()
  }
  return id
}

/** The sandbox's demo customer: Daraja shows names, the simulator has none. */
export const customerName = (msisdn: string): string => `${msisdn} - John Doe`

export const merchantName = (sim: Sim, shortcode: string): string =>
  `${shortcode} - ${sim.shortcodes.get(sim.tills.get(shortcode) ?? shortcode)?.name ?? "Merchant"}`

/** "Utility Account|KES|<available>|<available>|0.00|0.00" from what the ledger says is held. */
export const utilityBalance = (sim: Sim, shortcode: string): string => {
  const held = sim.ledger
    .list()
    .filter((p) => p.shortcode === shortcode && !p.reversedBy)
    .reduce((sum, p) => sum + p.amount, 0)
  const amount = held.toFixed(2)
  return `Utility Account|KES|${amount}|${amount}|0.00|0.00`
}

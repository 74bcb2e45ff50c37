// Browser code for the phone's M-PESA menu, appended to PHONE_PAGE_SCRIPT
// (it uses that script's api, post and el). The control API validates every
// field, so the page sends what was typed and shows the API's sentence back.
export const C2B_SCRIPT = String.raw`
const c2bResult = document.getElementById("c2b-result")
const c2bError = document.getElementById("c2b-error")
const c2bTable = document.getElementById("c2b-payment-rows")
const payerPhone = document.getElementById("payer-phone")
const qrChoose = document.getElementById("qr-choose")
const qrCode = document.getElementById("qr-code")
const qrShown = ["qr-type", "qr-number", "qr-account-number", "qr-amount", "qr-merchant"].map((id) => document.getElementById(id))

const report = (result, error) => {
  c2bResult.textContent = result || ""
  c2bError.textContent = error || ""
}

const confirmationText = (p) =>
  p.status === "rejected" ? "rejected by the shop" + (p.resultCode ? " (" + p.resultCode + ")" : " (no validation answer, ResponseType Cancelled)")
  : p.confirmation === "none" ? "no confirmation: no C2B URLs registered for " + p.businessShortCode
  : p.confirmation === "dropped" ? "confirmation lost on purpose"
  : "confirmation sent"

const describePayment = (p) =>
  p.transactionType + " KES " + p.amount + " to " + p.businessShortCode + (p.billRefNumber ? " account " + p.billRefNumber : "") + ": " + p.transId + ", " + confirmationText(p)

for (const form of document.querySelectorAll("form[data-channel]")) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault()
    const body = Object.fromEntries(new FormData(form))
    body.channel = form.dataset.channel
    body.phone = payerPhone.value
    report("Paying…", "")
    const res = await post("/c2b/payments", body)
    if (res.ok) { report(describePayment(res.body), ""); refresh() } else { report("", res.body.error) }
  })
}

const readQr = async () => {
  const res = await post("/qr-codes/read", { payload: qrCode.value })
  if (!res.ok) {
    qrShown.forEach((input) => { input.value = "" })
    report("", res.body.error)
    return
  }
  const q = res.body
  const values = [q.trxCode === "PB" ? "Pay bill (PB)" : q.trxCode === "BG" ? "Buy goods (BG)" : q.trxCode, q.cpi, q.trxCode === "PB" ? q.refNo : "", String(q.amount), q.merchantName]
  qrShown.forEach((input, i) => { input.value = values[i] })
  report("QR code read: check the details, then Pay.", "")
}
document.getElementById("qr-read").addEventListener("click", readQr)
qrChoose.addEventListener("change", () => { if (qrChoose.value) { qrCode.value = qrChoose.value; readQr() } })

// Rebuilt only when the codes change, so polling never closes the list under the person's pointer.
let shownQrCodes = ""
const renderC2b = (state) => {
  const codes = state.qrCodes.map((q) => q.payload).join("\n")
  if (codes !== shownQrCodes) {
    shownQrCodes = codes
    const chosen = qrChoose.value
    qrChoose.replaceChildren(el("option", { value: "", textContent: "Choose a QR code…" }),
      ...state.qrCodes.slice().reverse().map((q) => el("option", { value: q.payload, textContent: q.trxCode + " " + q.cpi + (q.trxCode === "PB" ? " acc " + q.refNo : "") + " KES " + q.amount + " (" + q.merchantName + ")" })))
    qrChoose.value = chosen
  }
  c2bTable.replaceChildren(...state.c2bPayments.slice().reverse().map((p) => el("tr", {},
    el("td", { textContent: time(p.at) }),
    el("td", { textContent: p.transId }),
    el("td", { textContent: p.transactionType + " " + p.businessShortCode + (p.billRefNumber ? " / " + p.billRefNumber : "") }),
    el("td", { textContent: "KES " + p.amount }),
    el("td", { textContent: p.status === "completed" ? confirmationText(p) : p.status }),
  )))
}
`
